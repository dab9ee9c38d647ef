// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

// Naming what libuv's stat and scandir report: file types as words, the
// permission bits as an octal string, timestamps as seconds; and FileStat,
// a stat result in those terms.
//
// Pure functions and plain values: any thread, nothing blocks or allocates.
#ifndef LUV_UV_FS_STAT_H_
#define LUV_UV_FS_STAT_H_

#include <uv.h>

#include <array>
#include <cstdint>

namespace luv::uv {

// The type of a stat's st_mode: "file", "directory", "link", "fifo",
// "socket", "char" (character device), "block" (block device) or "unknown".
const char* FileTypeName(uint64_t st_mode);

// The same words for a directory entry's type; "unknown" when the file
// system did not say (the caller may stat the entry).
const char* DirentTypeName(uv_dirent_type_t type);

// The permission bits of st_mode (with setuid, setgid and sticky) as the
// octal string chmod takes: "644", "1777". NUL-terminated.
std::array<char, 8> PermissionString(uint64_t st_mode);

// A timestamp as seconds since the epoch, with the nanoseconds as the
// fraction (a double holds today's times to about 0.2 microseconds).
double Seconds(const uv_timespec_t& time);

// What a stat, lstat or fstat reports, named (the fields of uv_stat_t).
// Trivially destructible: a binding may hold one across calls that raise.
struct FileStat {
  uint64_t dev;
  uint64_t ino;
  uint64_t mode;  // st_mode: the type and permission bits
  uint64_t nlink;
  uint64_t uid;
  uint64_t gid;
  uint64_t rdev;
  uint64_t size;
  uint64_t blksize;
  uint64_t blocks;
  uint64_t flags;
  uint64_t gen;
  double atime;  // seconds since the epoch
  double mtime;
  double ctime;
  double birthtime;
  const char* type;          // FileTypeName(mode), a static string
  std::array<char, 8> perm;  // PermissionString(mode)

  bool is_file() const;
  bool is_directory() const;
  bool is_symbolic_link() const;
  bool is_fifo() const;
  bool is_socket() const;
  bool is_character_device() const;
  bool is_block_device() const;
};

FileStat MakeFileStat(const uv_stat_t& st);

}  // namespace luv::uv

#endif  // LUV_UV_FS_STAT_H_
