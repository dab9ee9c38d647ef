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

// File system operations on paths (FsOp, fs_op.h), by what they produce:
//
//   PathOp      a status: unlink, mkdir, rmdir, rename, link, symlink,
//               chmod, chown, utime, access, copyfile; chdir and fsync of a
//               path (thread-pool jobs: libuv has no request for them)
//   OpenOp      an open File (open)
//   StatOp      a FileStat (stat, lstat; fstat of an open File)
//   ScandirOp   directory entries (scandir)
//   PathTextOp  a path the system made (readlink, realpath, mkdtemp)
//
// and Cwd and Exepath, which read process state at once.
//
// Each start function begins its request on libuv's thread pool; the owner
// hears of the end through OnDone (see fs_op.h for the protocol and
// lifetimes). Paths must be NUL-terminated and free of NUL bytes
// (fs_args.h's CheckPath); libuv copies them, so the caller's string need
// not outlive the start. Typed results are valid after a successful end,
// while the operation lives.
//
// Thread affinity: the loop's thread. Nothing blocks (Cwd and Exepath ask
// the kernel without I/O), throws or raises.
#ifndef LUV_UV_FS_PATH_OPS_H_
#define LUV_UV_FS_PATH_OPS_H_

#include <uv.h>

#include <climits>
#include <cstddef>
#include <cstdint>

#include "luv/base/status.h"
#include "luv/uv/file.h"
#include "luv/uv/fs_op.h"
#include "luv/uv/fs_stat.h"

namespace luv::uv {

class PathOp : public FsOp {
 public:
  void Unlink(uv_loop_t* loop, const char* path);
  // `mode`: permission bits, less the umask.
  void Mkdir(uv_loop_t* loop, const char* path, int mode);
  void Rmdir(uv_loop_t* loop, const char* path);
  void Rename(uv_loop_t* loop, const char* path, const char* new_path);
  // A hard link `new_path` to `path`.
  void Link(uv_loop_t* loop, const char* path, const char* new_path);
  // A symbolic link `path` to `target`.
  void Symlink(uv_loop_t* loop, const char* target, const char* path);
  void Chmod(uv_loop_t* loop, const char* path, int mode);
  // -1 (as the type's all-ones value) leaves an id unchanged.
  void Chown(uv_loop_t* loop, const char* path, uv_uid_t uid, uv_gid_t gid);
  // Times in seconds since the epoch.
  void Utime(uv_loop_t* loop, const char* path, double atime, double mtime);
  // `mode`: F_OK, or R_OK | W_OK | X_OK bits (fs_args.h's ParseAccessMode).
  void Access(uv_loop_t* loop, const char* path, int mode);
  // `flags`: UV_FS_COPYFILE_* bits.
  void Copyfile(uv_loop_t* loop, const char* path, const char* new_path, int flags);
  // Changes the process's working directory (every thread's).
  void Chdir(uv_loop_t* loop, const char* path);
  // Flushes the file or directory at `path` to disk (fs_blocking.h's
  // SyncPath).
  void Fsync(uv_loop_t* loop, const char* path);
};

class OpenOp : public FsOp {
 public:
  ~OpenOp() override;

  // Opens `path` with the open(2) `flags` (fs_args.h's ParseOpenMode);
  // `perm` are the permission bits of a file it creates, less the umask.
  void Start(uv_loop_t* loop, const char* path, int flags, int perm);

  // After a successful end: the opened file, once; the caller holds its
  // first reference (File::Release). An opened file nobody took is closed
  // in the background when the operation is destroyed.
  File* TakeFile();

 private:
  void OnResult() override;

  int flags_ = 0;
  File* opened_ = nullptr;
};

class StatOp : public FsOp {
 public:
  // Follows symbolic links.
  void Stat(uv_loop_t* loop, const char* path);
  // Of a symbolic link itself.
  void Lstat(uv_loop_t* loop, const char* path);
  // Of the open `file` (the caller checked that it is not closed), which
  // stays open until the operation ends. Failures name the file.
  void Fstat(File* file);

  // After a successful end.
  FileStat stat() const { return MakeFileStat(req()->statbuf); }
};

// A directory entry: `name` is valid until the next call of Next.
struct DirEntry {
  const char* name;
  const char* type;  // as FileStat::type: "file", "directory", ...
};

class ScandirOp : public FsOp {
 public:
  // The entries of the directory at `path`, sorted by name, without "."
  // and "..".
  void Start(uv_loop_t* loop, const char* path);

  // After a successful end: the number of entries, and each in turn (false
  // after the last). The entries are read once.
  size_t size() const { return static_cast<size_t>(result()); }
  bool Next(DirEntry* entry);
};

class PathTextOp : public FsOp {
 public:
  // The target of the symbolic link `path`.
  void Readlink(uv_loop_t* loop, const char* path);
  // The absolute path of `path`, with ".", ".." and links resolved.
  void Realpath(uv_loop_t* loop, const char* path);
  // Creates a directory (mode 700) named by `path_template`, whose last six
  // characters "XXXXXX" become unique ones. Failures name the template.
  void Mkdtemp(uv_loop_t* loop, const char* path_template);

  // After a successful end: the text, NUL-terminated.
  const char* text() const;

 private:
  bool made_path_ = false;  // mkdtemp: the request's path is the result
};

// A path read from the process: up to PATH_MAX bytes.
struct PathBuffer {
  char data[PATH_MAX + 1];
  size_t size;
};

// The process's working directory (ENOENT once it was removed).
luv::Status Cwd(PathBuffer* out);

// The path of the running executable.
luv::Status Exepath(PathBuffer* out);

}  // namespace luv::uv

#endif  // LUV_UV_FS_PATH_OPS_H_
