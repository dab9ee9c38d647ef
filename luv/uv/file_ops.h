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

// Operations on an open uv::File (FsOp, fs_op.h):
//
//   ReadOp        the bytes read, in a buffer the file lends (read)
//   WriteOp       the bytes written (write)
//   CloseOp       a status; the descriptor is closed (close)
//   DescriptorOp  a status: fsync, fdatasync, futime, fchmod, fchown,
//                 ftruncate
//   SendfileOp    the bytes copied from another file (sendfile)
//
// (fstat is StatOp's, in fs_path_ops.h.) Reads and writes at the file's
// position take their turn in the file's queue (file.h); the others begin
// at once and keep the descriptor open until they end. The caller checks
// that a file is not closed before starting an operation on it; the
// operation references the file until it is destroyed. Failures name the
// file's path.
//
// Each start function begins its request on libuv's thread pool; the owner
// hears of the end through OnDone (see fs_op.h for the protocol and
// lifetimes).
//
// Thread affinity: the loop's thread. Nothing blocks (a cached read copies
// at most File::kMaxCachedRead bytes from the page cache), throws or raises.
#ifndef LUV_UV_FILE_OPS_H_
#define LUV_UV_FILE_OPS_H_

#include <uv.h>

#include <cstddef>
#include <cstdint>

#include <string_view>
#include "luv/uv/file.h"
#include "luv/uv/fs_op.h"

namespace luv::uv {

class ReadOp : public FsOp {
 public:
  ~ReadOp() override;

  // Reads up to `size` bytes of `file` at `offset`, or at File::kAtPosition
  // (moving the position by the bytes read), into a buffer the file lends
  // (File::TakeBuffer: sequential reads reuse one). Data the page cache
  // holds is read at once (File::TryReadCached): then the operation has
  // ended when Start returns, and cached() says so. UV_ENOMEM when no
  // buffer could be had.
  void Start(File* file, size_t size, int64_t offset);

  // The read was answered from the page cache during Start.
  bool cached() const { return cached_; }

  // After a successful end: the bytes read (empty at the end of the file),
  // until ReleaseBuffer.
  std::string_view data() const;

  // Gives the buffer back to the file for its next read, once the bytes
  // were copied out. The destructor does it too.
  void ReleaseBuffer();

 private:
  int Begin(int64_t offset) override;

  File::Buffer buffer_;
  size_t size_ = 0;
  bool cached_ = false;
};

class WriteOp : public FsOp {
 public:
  // Writes the `size` bytes at `data` to `file` at `offset`, or at
  // File::kAtPosition (moving the position by the bytes written). In
  // append mode every write goes to the end of the file and the position
  // does not move. The caller keeps `data` alive and unchanged until the
  // operation ends. The result is the number of bytes written.
  void Start(File* file, const char* data, size_t size, int64_t offset);

 private:
  int Begin(int64_t offset) override;

  const char* data_ = nullptr;
  size_t size_ = 0;
};

class CloseOp : public FsOp {
 public:
  // Closes `file`'s descriptor once every operation submitted before has
  // ended (File::Close); the file takes no more operations from now on.
  void Start(File* file);

 private:
  int Begin(int64_t offset) override;
};

class DescriptorOp : public FsOp {
 public:
  // Flushes data and metadata to the disk.
  void Sync(File* file);
  // Flushes the data to the disk.
  void Datasync(File* file);
  // Times in seconds since the epoch.
  void Utime(File* file, double atime, double mtime);
  // `mode`: permission bits.
  void Chmod(File* file, int mode);
  // -1 (as the type's all-ones value) leaves an id unchanged.
  void Chown(File* file, uv_uid_t uid, uv_gid_t gid);
  // Sets the size to `length` bytes; the position does not move.
  void Truncate(File* file, int64_t length);

 private:
  // Uses `file` and keeps it open until the operation ends.
  void Hold(File* file);
};

class SendfileOp : public FsOp {
 public:
  // Copies `length` bytes (-1: up to the end) of `in` from `in_offset` to
  // `out` at its position, which moves by the bytes copied (in append mode
  // they go to the end, and the position does not move). `in`'s position
  // does not move; it stays open until the operation ends. The result is
  // the number of bytes copied, fewer than `length` when `in` ended first.
  // Failures name both files: "<in> -> <out>". The copy runs on the thread
  // pool (fs_blocking.h's CopyRange).
  void Start(File* out, File* in, int64_t in_offset, int64_t length);

 private:
  int Begin(int64_t offset) override;
  static int64_t CopyJob(FsOp* op);

  // Read by the job, on a pool thread.
  uv_file in_fd_ = -1;
  uv_file out_fd_ = -1;
  int64_t in_offset_ = 0;
  int64_t out_offset_ = 0;  // -1: out's kernel position
  int64_t length_ = 0;
};

}  // namespace luv::uv

#endif  // LUV_UV_FILE_OPS_H_
