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

#include "luv/uv/file_ops.h"

#include <string>
#include <utility>

#include "luv/uv/fs_blocking.h"

namespace luv::uv {

// --- ReadOp ----------------------------------------------------------------

ReadOp::~ReadOp() { ReleaseBuffer(); }

void ReadOp::Start(File* file, size_t size, int64_t offset) {
  UseFile(file);
  buffer_ = file->TakeBuffer(size);
  if (buffer_.data == nullptr) {
    EndNow(UV_ENOMEM);
    return;
  }
  size_ = size;
  // Data in the page cache is read at once: that cannot wait for the disk.
  int64_t cached = file->TryReadCached(buffer_.data.get(), size, offset);
  if (cached != UV_EAGAIN) {
    cached_ = true;
    EndNow(cached);
    return;
  }
  Submit(offset, /*moves_position=*/true);
}

std::string_view ReadOp::data() const {
  if (!ok() || buffer_.data == nullptr) return std::string_view();
  return std::string_view(buffer_.data.get(), static_cast<size_t>(result()));
}

void ReadOp::ReleaseBuffer() {
  if (buffer_.data != nullptr) file()->GiveBack(std::move(buffer_));
  buffer_.data = nullptr;
  buffer_.capacity = 0;
}

int ReadOp::Begin(int64_t offset) {
  uv_buf_t buf;
  buf.base = buffer_.data.get();
  buf.len = size_;
  return uv_fs_read(file()->loop(), req(), file()->fd(), &buf, 1, offset, Callback);
}

// --- WriteOp ---------------------------------------------------------------

void WriteOp::Start(File* file, const char* data, size_t size, int64_t offset) {
  UseFile(file);
  data_ = data;
  size_ = size;
  Submit(offset, /*moves_position=*/!file->append());
}

int WriteOp::Begin(int64_t offset) {
  // O_APPEND writes go to the end whatever the offset: say so to libuv.
  if (file()->append()) offset = -1;
  uv_buf_t buf;
  buf.base = const_cast<char*>(data_);  // libuv only reads it
  buf.len = size_;
  return uv_fs_write(file()->loop(), req(), file()->fd(), &buf, 1, offset, Callback);
}

// --- CloseOp ---------------------------------------------------------------

void CloseOp::Start(File* file) {
  UseFile(file);
  SubmitClose();
}

int CloseOp::Begin(int64_t) {
  return uv_fs_close(file()->loop(), req(), file()->fd(), Callback);
}

// --- DescriptorOp ----------------------------------------------------------

void DescriptorOp::Hold(File* file) {
  UseFile(file);
  Pin(file);
}

void DescriptorOp::Sync(File* file) {
  Hold(file);
  Started(uv_fs_fsync(file->loop(), req(), file->fd(), Callback));
}

void DescriptorOp::Datasync(File* file) {
  Hold(file);
  Started(uv_fs_fdatasync(file->loop(), req(), file->fd(), Callback));
}

void DescriptorOp::Utime(File* file, double atime, double mtime) {
  Hold(file);
  Started(uv_fs_futime(file->loop(), req(), file->fd(), atime, mtime, Callback));
}

void DescriptorOp::Chmod(File* file, int mode) {
  Hold(file);
  Started(uv_fs_fchmod(file->loop(), req(), file->fd(), mode, Callback));
}

void DescriptorOp::Chown(File* file, uv_uid_t uid, uv_gid_t gid) {
  Hold(file);
  Started(uv_fs_fchown(file->loop(), req(), file->fd(), uid, gid, Callback));
}

void DescriptorOp::Truncate(File* file, int64_t length) {
  Hold(file);
  Started(uv_fs_ftruncate(file->loop(), req(), file->fd(), length, Callback));
}

// --- SendfileOp ------------------------------------------------------------

void SendfileOp::Start(File* out, File* in, int64_t in_offset, int64_t length) {
  UseFile(out);
  set_context(in->path() + " -> " + out->path());
  Pin(in);
  in_fd_ = in->fd();
  in_offset_ = in_offset;
  length_ = length;
  Submit(File::kAtPosition, /*moves_position=*/!out->append());
}

int SendfileOp::Begin(int64_t offset) {
  out_fd_ = file()->fd();
  out_offset_ = file()->append() ? -1 : offset;
  return QueueJob(file()->loop(), CopyJob);
}

int64_t SendfileOp::CopyJob(FsOp* op) {
  auto* self = static_cast<SendfileOp*>(op);
  return CopyRange(self->in_fd_, self->in_offset_, self->out_fd_, self->out_offset_,
                   self->length_);
}

}  // namespace luv::uv
