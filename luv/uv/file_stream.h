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

// FileStream: sequential reads and writes on a descriptor that libuv's
// streams cannot watch — a regular file or a character device such as
// /dev/null, as the standard streams may be — through libuv's thread pool.
//
// Operations run one at a time in the order they were asked for, each on a
// pool thread, so a slow file or device holds up only the states that use
// it. Reads and writes use the descriptor's current position, as read(2)
// and write(2) do; a short write is continued until all bytes are written.
// EOF (a read of 0 bytes) is remembered.
//
// An operation is a FileStreamOp the caller owns: it must stay alive until its
// OnDone ran, which may delete it. The FileStream itself is deleted by
// Release once no operation is in flight; queued operations then complete
// with UV_ECANCELED. Thread affinity: the loop's thread (the pool threads
// only run the system calls). Nothing blocks or raises.
#ifndef LUV_UV_FILE_STREAM_H_
#define LUV_UV_FILE_STREAM_H_

#include <uv.h>

#include <cstdint>
#include <string>

#include <string_view>

namespace luv::uv {

// Not "FileOp": file.h has a different class of that name in this namespace,
// and two classes of one name break the one-definition rule: the linker kept
// one of their inline constructors for both, and this class's string member
// went unconstructed.
class FileStreamOp {
 public:
  FileStreamOp() = default;
  FileStreamOp(const FileStreamOp&) = delete;
  FileStreamOp& operator=(const FileStreamOp&) = delete;
  virtual ~FileStreamOp() = default;

  // A read's bytes (valid in OnDone and after).
  const std::string& data() const { return data_; }

 protected:
  // `result`: bytes read (0 at EOF) or written, or a libuv error code.
  virtual void OnDone(int64_t result) = 0;

 private:
  friend class FileStream;
  uv_fs_t req_;
  bool write_ = false;
  size_t done_ = 0;  // bytes written so far
  std::string data_;
  FileStreamOp* next_ = nullptr;
};

class FileStream {
 public:
  // Uses `fd`; closes it when released if `owns_fd`.
  FileStream(uv_loop_t* loop, int fd, bool owns_fd);
  FileStream(const FileStream&) = delete;
  FileStream& operator=(const FileStream&) = delete;

  int fd() const { return fd_; }
  bool eof() const { return eof_; }
  bool busy() const { return current_ != nullptr; }

  // Queues a read of up to `max` bytes.
  void Read(size_t max, FileStreamOp* op);
  // Queues a write of a copy of `data`.
  void Write(std::string_view data, FileStreamOp* op);

  // The owner lets go: queued operations complete with UV_ECANCELED, the
  // one in flight finishes, then the descriptor is closed and the stream
  // deleted.
  void Release();

 private:
  ~FileStream();
  void Enqueue(FileStreamOp* op);
  void StartNext();
  void Submit(FileStreamOp* op);
  static void Cancel(FileStreamOp* op);
  static void Callback(uv_fs_t* req);

  uv_loop_t* const loop_;
  const int fd_;
  const bool owns_fd_;
  bool eof_ = false;
  bool released_ = false;
  FileStreamOp* current_ = nullptr;
  FileStreamOp* head_ = nullptr;
  FileStreamOp* tail_ = nullptr;
};

}  // namespace luv::uv

#endif  // LUV_UV_FILE_STREAM_H_
