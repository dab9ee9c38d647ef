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

#include "luv/uv/file_stream.h"

#include <unistd.h>

namespace luv::uv {

FileStream::FileStream(uv_loop_t* loop, int fd, bool owns_fd)
    : loop_(loop), fd_(fd), owns_fd_(owns_fd) {}

FileStream::~FileStream() {
  if (owns_fd_ && fd_ >= 0) close(fd_);
}

void FileStream::Read(size_t max, FileStreamOp* op) {
  op->write_ = false;
  op->data_.resize(max);
  Enqueue(op);
}

void FileStream::Write(std::string_view data, FileStreamOp* op) {
  op->write_ = true;
  op->done_ = 0;
  op->data_.assign(data.data(), data.size());
  Enqueue(op);
}

void FileStream::Enqueue(FileStreamOp* op) {
  op->next_ = nullptr;
  if (released_) {
    Cancel(op);
    return;
  }
  if (tail_ != nullptr) {
    tail_->next_ = op;
  } else {
    head_ = op;
  }
  tail_ = op;
  if (current_ == nullptr) StartNext();
}

void FileStream::StartNext() {
  while (current_ == nullptr && head_ != nullptr) {
    FileStreamOp* op = head_;
    head_ = op->next_;
    if (head_ == nullptr) tail_ = nullptr;
    if (!op->write_ && eof_) {
      op->data_.clear();
      op->OnDone(0);  // EOF is remembered: no system call
      continue;
    }
    current_ = op;
    Submit(op);
  }
}

void FileStream::Submit(FileStreamOp* op) {
  op->req_.data = this;
  uv_buf_t buf;
  int rc;
  if (op->write_) {
    buf = uv_buf_init(op->data_.data() + op->done_, op->data_.size() - op->done_);
    rc = uv_fs_write(loop_, &op->req_, fd_, &buf, 1, -1, Callback);
  } else {
    buf = uv_buf_init(op->data_.data(), op->data_.size());
    rc = uv_fs_read(loop_, &op->req_, fd_, &buf, 1, -1, Callback);
  }
  if (rc < 0) {
    // Not started (the pool could not take it): finish now.
    current_ = nullptr;
    if (!op->write_) op->data_.clear();
    op->OnDone(rc);
    StartNext();
  }
}

void FileStream::Callback(uv_fs_t* req) {
  auto* self = static_cast<FileStream*>(req->data);
  FileStreamOp* op = self->current_;
  int64_t result = req->result;
  uv_fs_req_cleanup(req);
  if (op->write_ && result > 0 &&
      op->done_ + static_cast<size_t>(result) < op->data_.size() && !self->released_) {
    op->done_ += static_cast<size_t>(result);  // a short write: go on
    self->Submit(op);
    return;
  }
  self->current_ = nullptr;
  if (op->write_) {
    if (result >= 0) result = static_cast<int64_t>(op->done_) + result;
  } else if (result >= 0) {
    op->data_.resize(static_cast<size_t>(result));
    if (result == 0) self->eof_ = true;
  } else {
    op->data_.clear();
  }
  op->OnDone(result);  // may delete op
  if (self->released_) {
    delete self;
    return;
  }
  self->StartNext();
}

void FileStream::Cancel(FileStreamOp* op) {
  if (!op->write_) op->data_.clear();
  op->OnDone(UV_ECANCELED);
}

void FileStream::Release() {
  released_ = true;
  while (FileStreamOp* op = head_) {
    head_ = op->next_;
    Cancel(op);
  }
  tail_ = nullptr;
  if (current_ == nullptr) delete this;
}

}  // namespace luv::uv
