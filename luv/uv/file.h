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

// File: an open file descriptor shared by its owner (a Lua file object) and
// the operations in flight on it, and the file's position.
//
// Operations "at the position" (reads and writes without an offset) run one
// at a time, in the order they were submitted, each beginning where the
// previous one ended and moving the position by what it transferred. Other
// operations (an explicit offset, or none needed: stat, sync, truncate)
// begin at once. On a descriptor that cannot seek (a pipe, a terminal) the
// position is the kernel's: operations at the position get offset -1.
//
// Close() waits until every operation submitted before it has ended, so a
// descriptor is never closed, and its number reused, under a request that
// libuv's thread pool still runs. An owner that goes away without Close()
// calls Release(): the descriptor is then closed in the background.
//
// Lifetime: reference counted. The owner holds the first reference; each
// submitted operation and each Pin() holds another until it ends.
//
// Thread affinity: the loop's thread. Nothing blocks or raises.
#ifndef LUV_UV_FILE_H_
#define LUV_UV_FILE_H_

#include <uv.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace luv::uv {

class File;

// One operation on a File: a request that begins when the File says so.
class FileOp {
 public:
  FileOp(const FileOp&) = delete;
  FileOp& operator=(const FileOp&) = delete;

 protected:
  FileOp() = default;
  ~FileOp() = default;

  // Starts the operation at `offset` (see File::Submit). Returns 0 once a
  // request is on its way (it ends with File::End), or a libuv error code
  // if nothing was started: the File then calls Abort with it.
  virtual int Begin(int64_t offset) = 0;

  // The operation could not begin: finish it with `code`. It must not call
  // File::End. The op may be deleted during the call.
  virtual void Abort(int code) = 0;

 private:
  friend class File;
  FileOp* next_ = nullptr;
  bool at_position_ = false;
};

class File {
 public:
  // Offset argument of Submit: at the file's position.
  static constexpr int64_t kAtPosition = -1;

  // Adopts `fd`, opened with the open(2) `flags`; `path` names the file in
  // messages. Asks the kernel whether `fd` can seek (lseek, no I/O).
  File(uv_loop_t* loop, uv_file fd, int flags, std::string path);
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  void Ref() { ++refs_; }
  void Unref();

  uv_loop_t* loop() const { return loop_; }
  // The descriptor; -1 once its close has begun.
  uv_file fd() const { return fd_; }
  const std::string& path() const { return path_; }
  // True once Close() or Release() was called: submit nothing more.
  bool closed() const { return closing_; }
  // Opened with O_APPEND: every write goes to the end of the file.
  bool append() const { return append_; }
  bool seekable() const { return seekable_; }
  int64_t position() const { return position_; }
  // Operations begun and not yet ended, and those queued for the position.
  int in_flight() const { return in_flight_; }
  int queued() const { return queued_; }

  // Submits `op` (the caller checked that the file is not closed). With an
  // `offset` >= 0 (or 0 for an op that needs none) it begins at once with
  // that offset. With kAtPosition it begins once every position op
  // submitted before it has ended, with the position as its offset (-1 if
  // the file cannot seek). Either way it may be aborted instead.
  void Submit(FileOp* op, int64_t offset);

  // `op` ended (its callback ran). A position op moves the position by
  // `moved` bytes (what it read or wrote; 0 on failure) and lets the next
  // one begin. May delete the File (the op's reference goes).
  void End(FileOp* op, int64_t moved);

  // The largest read TryReadCached does on the calling thread: copying it
  // takes a few tens of microseconds at most.
  static constexpr size_t kMaxCachedRead = 256 * 1024;

  // Reads at once, on the calling (loop) thread, when that cannot wait for
  // the disk: the data is in the page cache (preadv2 with RWF_NOWAIT), the
  // file can seek, `size` is at most kMaxCachedRead and, for a read at the
  // position (kAtPosition), no position op runs or waits. Returns the bytes
  // read (0 at the end of the file), moving the position for a read at it;
  // or UV_EAGAIN when the read must go to the thread pool instead (also on
  // any error, which the pool's read then reports). The file must be open.
  int64_t TryReadCached(char* buffer, size_t size, int64_t offset);

  // A read buffer and its size.
  struct Buffer {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
  };

  // The largest buffer the file keeps for its next read.
  static constexpr size_t kMaxSpareBuffer = 1 << 20;

  // A buffer of at least `size` bytes (at least 1) for a read of this file:
  // the one a finished read gave back when it is big enough, else a new one.
  // Sequential reads thus reuse one buffer instead of having the allocator
  // hand out (and the kernel fault in) fresh memory each time. Null data
  // when memory ran out.
  Buffer TakeBuffer(size_t size);
  // A read is done with `buffer`: kept for the next read when it is the
  // largest so far and at most kMaxSpareBuffer, else freed.
  void GiveBack(Buffer buffer);

  // Keeps the descriptor open, as an operation in flight would, until
  // Unpin() (for a request that uses this file while submitted to another).
  void Pin();
  void Unpin();

  // No further ops. `closer` begins (Begin(0), reading fd()) once every op
  // submitted before has ended, then the descriptor counts as closed; its
  // callback must not call End. If it cannot begin, the File closes the
  // descriptor itself and aborts `closer`.
  void Close(FileOp* closer);

  // The owner lets go of its reference. If Close() was not called, the
  // descriptor is closed in the background once no op is in flight.
  void Release();

 private:
  ~File();

  // Begins queued position ops while none runs, then a pending close.
  void Pump();
  void BeginOp(FileOp* op, int64_t offset);
  void BeginClose();

  uv_loop_t* const loop_;
  uv_file fd_;
  const std::string path_;
  const bool append_;
  bool seekable_;
  int64_t position_ = 0;

  int refs_ = 1;
  int in_flight_ = 0;
  int queued_ = 0;
  bool busy_ = false;  // a position op is running
  FileOp* head_ = nullptr;
  FileOp* tail_ = nullptr;

  Buffer spare_;

  bool closing_ = false;
  bool close_pending_ = false;
  FileOp* closer_ = nullptr;  // null when closing in the background
};

}  // namespace luv::uv

#endif  // LUV_UV_FILE_H_
