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

#include "luv/uv/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <new>
#include <utility>

#include "luv/uv/fs_request.h"

namespace luv::uv {
namespace {

// A close nobody waits for: the request frees itself in its callback.
struct BackgroundClose {
  FsRequest request{this};

  static void Done(uv_fs_t* req) {
    delete static_cast<BackgroundClose*>(FsRequest::owner(req));
  }
};

void CloseInBackground(uv_loop_t* loop, uv_file fd) {
  auto* closer = new BackgroundClose;
  if (uv_fs_close(loop, closer->request.get(), fd, BackgroundClose::Done) < 0) {
    delete closer;
    ::close(fd);  // a close does not block on anything but the file itself
  }
}

}  // namespace

File::File(uv_loop_t* loop, uv_file fd, int flags, std::string path)
    : loop_(loop),
      fd_(fd),
      path_(std::move(path)),
      append_((flags & O_APPEND) != 0),
      seekable_(lseek(fd, 0, SEEK_CUR) >= 0) {}

File::~File() {
  // Release() or Close() closed it unless the loop stopped running them.
  if (fd_ >= 0) ::close(fd_);
}

void File::Unref() {
  if (--refs_ == 0) delete this;
}

void File::Submit(FileOp* op, int64_t offset) {
  Ref();  // the op's, until End or Abort
  if (offset != kAtPosition) {
    op->at_position_ = false;
    BeginOp(op, offset);
    return;
  }
  op->at_position_ = true;
  op->next_ = nullptr;
  if (tail_ != nullptr) {
    tail_->next_ = op;
  } else {
    head_ = op;
  }
  tail_ = op;
  ++queued_;
  Pump();
}

void File::BeginOp(FileOp* op, int64_t offset) {
  ++in_flight_;
  if (op->at_position_) busy_ = true;
  int code = op->Begin(offset);
  if (code >= 0) return;
  --in_flight_;
  if (op->at_position_) busy_ = false;
  op->Abort(code);
  Unref();
}

void File::End(FileOp* op, int64_t moved) {
  --in_flight_;
  if (op->at_position_) {
    if (seekable_ && moved > 0) position_ += moved;
    busy_ = false;
  }
  Pump();
  Unref();
}

int64_t File::TryReadCached(char* buffer, size_t size, int64_t offset) {
#ifdef RWF_NOWAIT
  bool at_position = offset == kAtPosition;
  if (!seekable_ || size > kMaxCachedRead || fd_ < 0) return UV_EAGAIN;
  if (at_position && (busy_ || head_ != nullptr)) return UV_EAGAIN;
  int64_t at = at_position ? position_ : offset;
  iovec iov{buffer, size};
  ssize_t n = preadv2(fd_, &iov, 1, at, RWF_NOWAIT);
  if (n < 0) return UV_EAGAIN;
  if (static_cast<size_t>(n) < size) {
    // Short: the end of the file, or only part of the range is cached. Only
    // the end is answered here, so reads stay as full as the pool's.
    struct stat st;
    if (fstat(fd_, &st) != 0 || at + n < st.st_size) return UV_EAGAIN;
  }
  if (at_position) position_ += n;
  return n;
#else
  (void)buffer;
  (void)size;
  (void)offset;
  return UV_EAGAIN;
#endif
}

File::Buffer File::TakeBuffer(size_t size) {
  if (size == 0) size = 1;
  if (spare_.data != nullptr && spare_.capacity >= size) return std::move(spare_);
  Buffer buffer;
  buffer.data.reset(new (std::nothrow) char[size]);
  if (buffer.data != nullptr) buffer.capacity = size;
  return buffer;
}

void File::GiveBack(Buffer buffer) {
  if (buffer.data == nullptr || buffer.capacity > kMaxSpareBuffer) return;
  if (spare_.data == nullptr || buffer.capacity > spare_.capacity) {
    spare_ = std::move(buffer);
  }
}

void File::Pin() {
  Ref();
  ++in_flight_;
}

void File::Unpin() {
  --in_flight_;
  Pump();
  Unref();
}

void File::Pump() {
  Ref();  // an aborted op must not free the File under this loop
  while (!busy_ && head_ != nullptr) {
    FileOp* op = head_;
    head_ = op->next_;
    if (head_ == nullptr) tail_ = nullptr;
    op->next_ = nullptr;
    --queued_;
    BeginOp(op, seekable_ ? position_ : -1);
  }
  if (close_pending_ && in_flight_ == 0 && head_ == nullptr) BeginClose();
  Unref();
}

void File::Close(FileOp* closer) {
  closing_ = true;
  close_pending_ = true;
  closer_ = closer;
  Pump();
}

void File::Release() {
  if (!closing_) {
    closing_ = true;
    close_pending_ = true;
    closer_ = nullptr;
    Pump();
  }
  Unref();
}

void File::BeginClose() {
  close_pending_ = false;
  uv_file fd = fd_;
  FileOp* closer = std::exchange(closer_, nullptr);
  if (closer == nullptr) {
    fd_ = -1;
    CloseInBackground(loop_, fd);
    return;
  }
  int code = closer->Begin(0);
  fd_ = -1;
  if (code < 0) {
    ::close(fd);
    closer->Abort(code);
  }
}

}  // namespace luv::uv
