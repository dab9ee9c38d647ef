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

#include "luv/uv/stream.h"

#include <cstdlib>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// libuv reads into this per-thread block, and the read callback copies what
// arrived into the stream's own buffer: an idle connection then holds no
// 64 KiB block of its own. A thread's callbacks never overlap, so one block
// per thread suffices; it lives as long as the thread (freed at its exit).
constexpr size_t kScratchSize = 64 * 1024;
thread_local std::unique_ptr<char[]> scratch;

Stream* StreamOf(uv_handle_t* handle) {
  return static_cast<Stream*>(HandleOwner::FromHandle(handle));
}

template <typename Req>
void Finish(Req* req, int status) {
  StreamRequestAccess::Done(req->data, status);
}

// A write of the filter's own output; nobody waits for it (a failure shows
// in the program's next read or write).
class FilterOutputWrite : public StreamRequest {
 protected:
  void OnDone(int) override {}
};

}  // namespace

const char* StreamTypeName(StreamType type) {
  switch (type) {
    case StreamType::kTcp:
      return "tcp";
    case StreamType::kPipe:
      return "pipe";
    case StreamType::kTty:
      return "tty";
  }
  return "stream";
}

void StreamRequestAccess::Done(void* data, int status) {
  auto* request = static_cast<StreamRequest*>(data);
  request->OnDone(status);
  delete request;
}

void StreamRequestAccess::ConnectDone(uv_connect_t* req, int status) {
  Done(req->data, status);
}

Stream::Stream(uv_loop_t* loop, StreamInit init) : type_(init.type) {
  int rc;
  switch (init.type) {
    case StreamType::kTcp:
      rc = uv_tcp_init(loop, &handle_.tcp);
      break;
    case StreamType::kPipe:
      rc = uv_pipe_init(loop, &handle_.pipe, init.ipc ? 1 : 0);
      break;
    case StreamType::kTty:
      rc = uv_tty_init(loop, &handle_.tty, init.fd, 0);
      break;
    default:
      rc = UV_EINVAL;
      break;
  }
  init_status_ = UvStatus(rc, StreamTypeName(type_));
  if (init_status_.ok()) Attach(&handle_.handle);
}

int Stream::fileno() const {
  if (closing()) return -1;
  uv_os_fd_t fd;
  if (uv_fileno(&handle_.handle, &fd) != 0) return -1;
  return fd;
}

luv::Status Stream::ClosedStatus() const {
  return UvStatus(UV_EBADF, luv::StrCat(StreamTypeName(type_), " is closed"));
}

luv::Status Stream::ShutStatus() const {
  return UvStatus(UV_EPIPE, luv::StrCat(StreamTypeName(type_), " was shut down"));
}

// --- Reading ---------------------------------------------------------------

void Stream::AllocCallback(uv_handle_t*, size_t, uv_buf_t* buf) {
  if (scratch == nullptr) scratch.reset(new char[kScratchSize]);
  *buf = uv_buf_init(scratch.get(), kScratchSize);
}

void Stream::ReadCallback(uv_stream_t* handle, ssize_t nread, const uv_buf_t* buf) {
  Stream* self = StreamOf(reinterpret_cast<uv_handle_t*>(handle));
  if (nread == 0) return;  // nothing this time (EAGAIN)
  if (nread > 0) {
    std::string_view bytes(buf->base, static_cast<size_t>(nread));
    if (self->filter_ != nullptr) {
      self->Filter(bytes);
    } else {
      self->buffer_.Append(bytes);
    }
    if (self->buffer_.size() >= self->read_limit_ || self->read_ended()) {
      self->UpdateReading();
    }
  } else {
    // libuv stops reading after EOF or an error.
    self->uv_reading_ = false;
    self->EndReading(static_cast<int>(nread));
  }
  self->OnReadable();
}

void Stream::EndReading(int error) {
  if (error == UV_EOF && filter_ != nullptr) {
    luv::Status ended = filter_->WireEnded();
    if (!ended.ok()) {
      FilterFailed(std::move(ended));
      return;
    }
  }
  if (error == UV_EOF) {
    eof_ = true;
  } else {
    read_error_ = error;
  }
}

void Stream::FilterFailed(luv::Status failure) {
  filter_failure_ = std::move(failure);
  read_error_ = UV_EPROTO;
}

void Stream::Filter(std::string_view wire) {
  if (read_ended()) return;
  luv::Status status = filter_->Receive(wire, &buffer_);
  if (!status.ok()) {
    FilterFailed(std::move(status));
  } else if (filter_->peer_closed()) {
    eof_ = true;
  }
  SendFilterOutput();
}

void Stream::SendFilterOutput() {
  if (!filter_->has_output() || closing()) return;
  // A queued request takes the output when it starts, ahead of its bytes.
  if (queue_head_ != nullptr) return;
  if (writing_ != nullptr) {
    Enqueue(new FilterOutputWrite);
    return;
  }
  // Straight to the kernel, as a write would go; a failure shows in the
  // program's next read or write.
  TryWriteFiltered(std::string_view()).status().IgnoreError();
}

luv::Status Stream::SetFilter(std::unique_ptr<StreamFilter> filter) {
  if (closing()) return ClosedStatus();
  if (filter_ != nullptr) return UvStatus(UV_EBUSY, "the stream has a filter already");
  if (writing_ != nullptr || queue_head_ != nullptr) {
    return UvStatus(UV_EBUSY, "writes are in progress");
  }
  filter_ = std::move(filter);
  std::string_view buffered = buffer_.Peek(buffer_.size());
  std::string wire(buffered.data(), buffered.size());
  buffer_.Clear();
  // If the peer is gone already, the filter says what that means once it
  // has had the bytes (Filter is also its chance to start).
  bool peer_gone = eof_;
  eof_ = false;
  Filter(wire);
  if (peer_gone && !read_ended()) EndReading(UV_EOF);
  UpdateReading();
  return luv::OkStatus();
}

int Stream::UpdateReading() {
  bool want =
      wants_reading_ && !read_ended() && !closing() && buffer_.size() < read_limit_;
  if (want == uv_reading_) return 0;
  if (!want) {
    uv_read_stop(stream());
    uv_reading_ = false;
    return 0;
  }
  int rc = uv_read_start(stream(), AllocCallback, ReadCallback);
  if (rc == 0) uv_reading_ = true;
  return rc;
}

luv::Status Stream::StartReading() {
  if (closing()) return ClosedStatus();
  if (read_ended()) return luv::OkStatus();
  wants_reading_ = true;
  int rc = UpdateReading();
  if (rc != 0) wants_reading_ = false;
  return UvStatus(rc, StreamTypeName(type_));
}

void Stream::StopReading() {
  wants_reading_ = false;
  UpdateReading();
}

void Stream::Consume(size_t n) {
  buffer_.Consume(n);
  int rc = UpdateReading();
  // Resuming can fail only if the handle broke meanwhile; report it as the
  // error that ended reading.
  if (rc != 0 && read_error_ == 0) read_error_ = rc;
}

void Stream::set_read_limit(size_t limit) {
  read_limit_ = limit == 0 ? 1 : limit;
  UpdateReading();
}

// --- Writing ---------------------------------------------------------------

luv::StatusOr<size_t> Stream::TryWrite(std::string_view data) {
  if (closing()) return ClosedStatus();
  if (shut_) return ShutStatus();
  if (data.empty() || writing_ != nullptr || queue_head_ != nullptr) return 0;
  if (filter_ != nullptr) return TryWriteFiltered(data);
  uv_buf_t buf = uv_buf_init(const_cast<char*>(data.data()), data.size());
  int rc = uv_try_write(stream(), &buf, 1);
  if (rc == UV_EAGAIN) return 0;
  if (rc < 0) return UvStatus(rc);
  return static_cast<size_t>(rc);
}

luv::StatusOr<size_t> Stream::TryWriteFiltered(std::string_view data) {
  // Reused: encoding allocates nothing once it has grown.
  thread_local std::string wire;
  wire.clear();
  filter_->TakeOutput(&wire);
  luv::Status encoded = filter_->Send(data, &wire);
  if (!encoded.ok()) {
    return UvStatus(UV_EPROTO, luv::StrCat(filter_->failure_code(), ": ", encoded.message()));
  }
  uv_buf_t buf = uv_buf_init(wire.data(), wire.size());
  int rc = uv_try_write(stream(), &buf, 1);
  if (rc == UV_EAGAIN) rc = 0;
  if (rc < 0) return UvStatus(rc);
  int started = 0;
  if (static_cast<size_t>(rc) < wire.size()) {
    // The rest goes out through libuv; it is encoded, so nobody may drop it.
    auto* rest = new FilterOutputWrite;
    rest->data_.assign(wire.data() + rc, wire.size() - rc);
    rest->encoded_ = true;
    started = StartWrite(rest);
    if (started < 0) StreamRequestAccess::Done(rest, started);
  }
  // A huge write does not pin its buffer for the thread's life.
  if (wire.capacity() > kScratchSize) std::string().swap(wire);
  if (started < 0) return UvStatus(started);
  return data.size();
}

luv::Status Stream::Write(std::string_view data,
                           std::unique_ptr<StreamRequest> request) {
  if (closing()) return ClosedStatus();
  if (shut_) return ShutStatus();
  request->data_.assign(data.data(), data.size());
  if (writing_ == nullptr && queue_head_ == nullptr) {
    int rc = StartWrite(request.get());
    if (rc < 0) return UvStatus(rc);
    request.release();  // libuv's until the callback
    return luv::OkStatus();
  }
  queued_bytes_ += request->data_.size();
  Enqueue(request.release());
  return luv::OkStatus();
}

int Stream::StartWrite(StreamRequest* request) {
  if (filter_ != nullptr && !request->encoded_) {
    // The filter's own output first, then this write's bytes, encoded.
    std::string wire;
    filter_->TakeOutput(&wire);
    luv::Status encoded = filter_->Send(request->data_, &wire);
    if (!encoded.ok()) return UV_EPROTO;
    request->data_.swap(wire);
  }
  uv_buf_t buf = uv_buf_init(request->data_.data(), request->data_.size());
  uv_write_t* req = &request->req_.write;
  req->data = request;
  int rc = uv_write(req, stream(), &buf, 1, WriteCallback);
  // libuv calls back from the loop, never from inside uv_write.
  if (rc == 0) writing_ = request;
  return rc;
}

void Stream::WriteCallback(uv_write_t* req, int status) {
  Stream* self = StreamOf(reinterpret_cast<uv_handle_t*>(req->handle));
  auto* request = static_cast<StreamRequest*>(req->data);
  if (self->writing_ == request) self->writing_ = nullptr;
  StreamRequestAccess::Done(request, status);
  self->StartQueued();
  self->OnWritten();
}

void Stream::StartQueued() {
  // A closing stream completes its queue in OnClose instead.
  while (writing_ == nullptr && queue_head_ != nullptr && !closing()) {
    StreamRequest* next = queue_head_;
    Unqueue(next);
    int rc;
    if (next->is_shutdown_) {
      rc = StartShutdown(next);
    } else {
      queued_bytes_ -= next->data_.size();
      rc = StartWrite(next);
    }
    if (rc < 0) StreamRequestAccess::Done(next, rc);
  }
}

Stream::Abandoned Stream::AbandonWrite(StreamRequest* request, size_t* sent) {
  size_t size = request->data_.size();
  if (request != writing_) {
    // Still in the queue: libuv never saw it.
    *sent = 0;
    Unqueue(request);
    queued_bytes_ -= size;
    StreamRequestAccess::Done(request, UV_ECANCELED);
    return Abandoned::kDropped;
  }
  // libuv counts down write_queue_size as the kernel takes bytes, and this
  // is the only write it has. (After a failed write the count keeps the
  // unwritten rest until the callback.)
  size_t left = handle_.stream.write_queue_size;
  *sent = left < size ? size - left : 0;
  return left == 0 ? Abandoned::kFinished : Abandoned::kStarted;
}

void Stream::OnClose() {
  while (StreamRequest* request = queue_head_) {
    Unqueue(request);
    if (!request->is_shutdown_) queued_bytes_ -= request->data_.size();
    StreamRequestAccess::Done(request, UV_ECANCELED);
  }
}

void Stream::Enqueue(StreamRequest* request) {
  request->queue_next_ = nullptr;
  request->queue_prev_ = queue_tail_;
  if (queue_tail_ != nullptr) {
    queue_tail_->queue_next_ = request;
  } else {
    queue_head_ = request;
  }
  queue_tail_ = request;
}

void Stream::Unqueue(StreamRequest* request) {
  if (request->queue_prev_ != nullptr) {
    request->queue_prev_->queue_next_ = request->queue_next_;
  } else {
    queue_head_ = request->queue_next_;
  }
  if (request->queue_next_ != nullptr) {
    request->queue_next_->queue_prev_ = request->queue_prev_;
  } else {
    queue_tail_ = request->queue_prev_;
  }
  request->queue_prev_ = request->queue_next_ = nullptr;
}

luv::Status Stream::Shutdown(std::unique_ptr<StreamRequest> request) {
  if (closing()) return ClosedStatus();
  // libuv's answer to a second shutdown.
  if (shut_) return UvStatus(UV_ENOTCONN, StreamTypeName(type_));
  if (queue_head_ == nullptr && (filter_ == nullptr || writing_ == nullptr)) {
    // libuv itself waits for the write it has (with a filter, the closing
    // message must follow it: queue behind).
    int rc = StartShutdown(request.get());
    if (rc < 0) return UvStatus(rc);
    request.release();
  } else {
    request->is_shutdown_ = true;
    Enqueue(request.release());
  }
  shut_ = true;
  return luv::OkStatus();
}

int Stream::StartShutdown(StreamRequest* request) {
  if (filter_ != nullptr) {
    // The closing message goes out first; libuv shuts down after it.
    filter_->Close();
    if (filter_->has_output() && writing_ == nullptr) {
      auto* closing = new FilterOutputWrite;
      int rc = StartWrite(closing);
      if (rc < 0) StreamRequestAccess::Done(closing, rc);
    }
  }
  uv_shutdown_t* req = &request->req_.shutdown;
  req->data = request;
  return uv_shutdown(req, stream(),
                     [](uv_shutdown_t* req, int status) { Finish(req, status); });
}

bool Stream::is_readable() const { return !closing() && uv_is_readable(&handle_.stream); }

bool Stream::is_writable() const {
  return !closing() && !shut_ && uv_is_writable(&handle_.stream);
}

// --- Accepting ---------------------------------------------------------------

void Stream::ConnectionCallback(uv_stream_t* server, int status) {
  Stream* self = StreamOf(reinterpret_cast<uv_handle_t*>(server));
  if (status == 0) self->connection_pending_ = true;
  self->OnConnection(status);
}

luv::Status Stream::Listen(int backlog) {
  if (closing()) return ClosedStatus();
  int rc = uv_listen(stream(), backlog, ConnectionCallback);
  if (rc == 0) listening_ = true;
  return UvStatus(rc, StreamTypeName(type_));
}

int Stream::AcceptCode(Stream* client) {
  if (closing() || client->closing()) return UV_EBADF;
  if (client->type_ != type_) return UV_EINVAL;
  // libuv would drop the connection on a client that is already open.
  if (client->fileno() != -1) return UV_EBUSY;
  if (!connection_pending_) return UV_EAGAIN;
  connection_pending_ = false;
  return uv_accept(stream(), client->stream());
}

luv::Status Stream::Accept(Stream* client) {
  int rc = AcceptCode(client);
  switch (rc) {
    case 0:
      return luv::OkStatus();
    case UV_EBADF:
      return closing() ? ClosedStatus() : client->ClosedStatus();
    case UV_EINVAL:
      return UvStatus(rc, luv::StrCat("a ", StreamTypeName(type_),
                                       " server accepts into a ", StreamTypeName(type_)));
    case UV_EBUSY:
      return UvStatus(
          rc, luv::StrCat("the client ", StreamTypeName(type_), " is already open"));
    case UV_EAGAIN:
      return UvStatus(rc, "no connection is pending");
    default:
      return UvStatus(rc, StreamTypeName(type_));
  }
}

}  // namespace luv::uv
