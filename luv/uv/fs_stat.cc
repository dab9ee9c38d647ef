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

#include "luv/uv/fs_stat.h"

#include <sys/stat.h>

#include <cstdio>

namespace luv::uv {

const char* FileTypeName(uint64_t st_mode) {
  switch (st_mode & S_IFMT) {
    case S_IFREG:
      return "file";
    case S_IFDIR:
      return "directory";
    case S_IFLNK:
      return "link";
    case S_IFIFO:
      return "fifo";
    case S_IFSOCK:
      return "socket";
    case S_IFCHR:
      return "char";
    case S_IFBLK:
      return "block";
    default:
      return "unknown";
  }
}

const char* DirentTypeName(uv_dirent_type_t type) {
  switch (type) {
    case UV_DIRENT_FILE:
      return "file";
    case UV_DIRENT_DIR:
      return "directory";
    case UV_DIRENT_LINK:
      return "link";
    case UV_DIRENT_FIFO:
      return "fifo";
    case UV_DIRENT_SOCKET:
      return "socket";
    case UV_DIRENT_CHAR:
      return "char";
    case UV_DIRENT_BLOCK:
      return "block";
    case UV_DIRENT_UNKNOWN:
      break;
  }
  return "unknown";
}

std::array<char, 8> PermissionString(uint64_t st_mode) {
  std::array<char, 8> text{};
  std::snprintf(text.data(), text.size(), "%o", static_cast<unsigned>(st_mode & 07777));
  return text;
}

double Seconds(const uv_timespec_t& time) {
  return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_nsec) / 1e9;
}

namespace {

bool HasType(uint64_t mode, uint64_t type) { return (mode & S_IFMT) == type; }

}  // namespace

bool FileStat::is_file() const { return HasType(mode, S_IFREG); }
bool FileStat::is_directory() const { return HasType(mode, S_IFDIR); }
bool FileStat::is_symbolic_link() const { return HasType(mode, S_IFLNK); }
bool FileStat::is_fifo() const { return HasType(mode, S_IFIFO); }
bool FileStat::is_socket() const { return HasType(mode, S_IFSOCK); }
bool FileStat::is_character_device() const { return HasType(mode, S_IFCHR); }
bool FileStat::is_block_device() const { return HasType(mode, S_IFBLK); }

FileStat MakeFileStat(const uv_stat_t& st) {
  FileStat stat;
  stat.dev = st.st_dev;
  stat.ino = st.st_ino;
  stat.mode = st.st_mode;
  stat.nlink = st.st_nlink;
  stat.uid = st.st_uid;
  stat.gid = st.st_gid;
  stat.rdev = st.st_rdev;
  stat.size = st.st_size;
  stat.blksize = st.st_blksize;
  stat.blocks = st.st_blocks;
  stat.flags = st.st_flags;
  stat.gen = st.st_gen;
  stat.atime = Seconds(st.st_atim);
  stat.mtime = Seconds(st.st_mtim);
  stat.ctime = Seconds(st.st_ctim);
  stat.birthtime = Seconds(st.st_birthtim);
  stat.type = FileTypeName(st.st_mode);
  stat.perm = PermissionString(st.st_mode);
  return stat;
}

}  // namespace luv::uv
