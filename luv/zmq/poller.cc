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

#include "luv/zmq/poller.h"

#include <utility>

#include "luv/uv/status.h"

namespace luv::zmq {

PolledSocket::PolledSocket(uv_loop_t* loop, std::shared_ptr<Context> context, int type) {
  luv::StatusOr<Socket> socket = Socket::Open(std::move(context), type);
  if (!socket.ok()) {
    init_status_ = socket.status();
    return;
  }
  socket_ = *std::move(socket);
  luv::StatusOr<int> fd = socket_.ref().Fd();
  if (!fd.ok()) {
    init_status_ = fd.status();
    socket_.CloseNow();
    return;
  }
  init_status_ = uv::UvStatus(uv_poll_init(loop, &poll_, *fd), "polling a ØMQ socket");
  if (!init_status_.ok()) {
    socket_.CloseNow();
    return;
  }
  Attach(reinterpret_cast<uv_handle_t*>(&poll_));
  init_status_ = uv::UvStatus(uv_poll_start(&poll_, UV_READABLE, OnPoll), "polling");
  if (!init_status_.ok()) return;  // the owner releases it, which closes both
  polling_ = true;
  uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
}

void PolledSocket::OnPoll(uv_poll_t* handle, int status, int) {
  auto* self = static_cast<PolledSocket*>(
      HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(handle)));
  if (status < 0) {
    self->StopPolling();
    self->OnPollError(uv::UvStatus(status, "polling a ØMQ socket"));
    return;
  }
  self->Check();
}

void PolledSocket::Check() {
  if (closing() || !polling_) return;
  luv::StatusOr<int> events = socket_.ref().Events();
  if (!events.ok()) {
    // ETERM, typically: the descriptor may stay readable, so polling it
    // any longer would spin.
    StopPolling();
    OnPollError(events.status());
    return;
  }
  OnEvents(*events);
}

void PolledSocket::SetWaiting(bool waiting) {
  waiting_ = waiting;
  if (!polling_) return;
  auto* handle = reinterpret_cast<uv_handle_t*>(&poll_);
  if (waiting) {
    uv_ref(handle);
  } else {
    uv_unref(handle);
  }
}

void PolledSocket::StopPolling() {
  if (!polling_) return;
  polling_ = false;
  uv_poll_stop(&poll_);
}

void PolledSocket::Close() {
  // uv_close takes the descriptor out of the loop's epoll set at once, so
  // libzmq may have it from here on.
  HandleOwner::Close();
  socket_.Close();
}

void PolledSocket::Abandon() {
  HandleOwner::Close();
  socket_.Close();
  Release();
}

void PolledSocket::OnClose() { StopPolling(); }

void PolledSocket::OnClosed() { socket_.Close(); }

}  // namespace luv::zmq
