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

#include "luv/uv/udp.h"

#include <netinet/in.h>

#include <cstdlib>
#include <cstring>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// libuv receives into this per-thread block (a datagram is at most 64 KiB)
// and the callback copies the datagram out. It lives as long as the thread.
constexpr size_t kScratchSize = 64 * 1024;
thread_local char* scratch = nullptr;

Udp* UdpOf(uv_udp_t* handle) {
  return static_cast<Udp*>(
      HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(handle)));
}

// Copies a bounded, NUL-free address text into `out` (64 bytes).
luv::Status AddressText(std::string_view text, char* out, size_t size) {
  if (text.size() >= size || text.find('\0') != std::string_view::npos) {
    return UvStatus(UV_EINVAL, "not an IP address");
  }
  std::memcpy(out, text.data(), text.size());
  out[text.size()] = '\0';
  return luv::OkStatus();
}

}  // namespace

Udp::Udp(uv_loop_t* loop) {
  init_status_ = UvStatus(uv_udp_init(loop, &udp_), "udp");
  if (init_status_.ok()) Attach(reinterpret_cast<uv_handle_t*>(&udp_));
}

luv::Status Udp::ClosedStatus() const { return UvStatus(UV_EBADF, "udp is closed"); }

luv::Status Udp::Bind(const SocketAddress& address, bool reuse_address, bool ipv6_only) {
  if (closing()) return ClosedStatus();
  unsigned flags =
      (reuse_address ? UV_UDP_REUSEADDR : 0) | (ipv6_only ? UV_UDP_IPV6ONLY : 0);
  return UvStatus(uv_udp_bind(&udp_, address.get(), flags), address.ToString());
}

luv::StatusOr<SocketAddress> Udp::SockName() {
  if (closing()) return ClosedStatus();
  sockaddr_storage storage;
  int length = sizeof(storage);
  int rc = uv_udp_getsockname(&udp_, reinterpret_cast<sockaddr*>(&storage), &length);
  if (rc != 0) return UvStatus(rc, "getsockname");
  return SocketAddress::FromSockaddr(reinterpret_cast<sockaddr*>(&storage));
}

// --- Receiving ---------------------------------------------------------------

void Udp::AllocCallback(uv_handle_t*, size_t, uv_buf_t* buf) {
  if (scratch == nullptr) {
    scratch = static_cast<char*>(std::malloc(kScratchSize));
    if (scratch == nullptr) std::abort();  // out of memory
  }
  *buf = uv_buf_init(scratch, kScratchSize);
}

void Udp::ReceiveCallback(uv_udp_t* handle, ssize_t nread, const uv_buf_t* buf,
                          const sockaddr* from, unsigned flags) {
  Udp* self = UdpOf(handle);
  if (nread < 0) {
    self->error_ = static_cast<int>(nread);
  } else if (from == nullptr) {
    return;  // nothing more to read this time
  } else {
    luv::StatusOr<SocketAddress> sender = SocketAddress::FromSockaddr(from);
    if (!sender.ok()) return;  // not an IP datagram
    Datagram datagram;
    datagram.data.assign(buf->base, static_cast<size_t>(nread));
    datagram.from = *sender;
    datagram.truncated = (flags & UV_UDP_PARTIAL) != 0;
    self->queued_bytes_ += datagram.data.size();
    self->queue_.push_back(std::move(datagram));
    if (self->Full()) self->UpdateReceiving();
  }
  self->OnReceived();
}

int Udp::UpdateReceiving() {
  bool want = wants_receiving_ && !closing() && !Full();
  if (want == uv_receiving_) return 0;
  if (!want) {
    uv_udp_recv_stop(&udp_);
    uv_receiving_ = false;
    return 0;
  }
  int rc = uv_udp_recv_start(&udp_, AllocCallback, ReceiveCallback);
  if (rc == 0) uv_receiving_ = true;
  return rc;
}

luv::Status Udp::StartReceiving() {
  if (closing()) return ClosedStatus();
  wants_receiving_ = true;
  int rc = UpdateReceiving();
  if (rc != 0) wants_receiving_ = false;
  return UvStatus(rc, "udp");
}

void Udp::StopReceiving() {
  wants_receiving_ = false;
  UpdateReceiving();
}

void Udp::Pop() {
  queued_bytes_ -= queue_.front().data.size();
  queue_.pop_front();
  int rc = UpdateReceiving();
  if (rc != 0 && error_ == 0) error_ = rc;
}

int Udp::TakeError() {
  int error = error_;
  error_ = 0;
  return error;
}

// --- Sending -------------------------------------------------------------------

luv::StatusOr<bool> Udp::TrySend(std::string_view data, const SocketAddress& to) {
  if (closing()) return ClosedStatus();
  uv_buf_t buf = uv_buf_init(const_cast<char*>(data.data()), data.size());
  int rc = uv_udp_try_send(&udp_, &buf, 1, to.get());
  if (rc == UV_EAGAIN) return false;
  if (rc < 0) return UvStatus(rc, to.ToString());
  return true;
}

luv::Status Udp::Send(std::string_view data, const SocketAddress& to,
                       std::unique_ptr<UdpSendRequest> request) {
  if (closing()) return ClosedStatus();
  request->data_.assign(data.data(), data.size());
  uv_buf_t buf = uv_buf_init(request->data_.data(), request->data_.size());
  request->req_.data = request.get();
  int rc = uv_udp_send(&request->req_, &udp_, &buf, 1, to.get(),
                       [](uv_udp_send_t* req, int status) {
                         auto* sent = static_cast<UdpSendRequest*>(req->data);
                         sent->OnDone(status);
                         delete sent;
                       });
  if (rc < 0) return UvStatus(rc, to.ToString());
  request.release();  // libuv's until the callback
  return luv::OkStatus();
}

// --- Options -------------------------------------------------------------------

luv::Status Udp::SetBroadcast(bool enable) {
  if (closing()) return ClosedStatus();
  return UvStatus(uv_udp_set_broadcast(&udp_, enable ? 1 : 0), "broadcast");
}

luv::Status Udp::SetTtl(int ttl) {
  if (closing()) return ClosedStatus();
  return UvStatus(uv_udp_set_ttl(&udp_, ttl), "ttl");
}

luv::Status Udp::SetMulticastTtl(int ttl) {
  if (closing()) return ClosedStatus();
  return UvStatus(uv_udp_set_multicast_ttl(&udp_, ttl), "multicast ttl");
}

luv::Status Udp::SetMulticastLoop(bool enable) {
  if (closing()) return ClosedStatus();
  return UvStatus(uv_udp_set_multicast_loop(&udp_, enable ? 1 : 0), "multicast loop");
}

luv::Status Udp::SetMulticastInterface(std::string_view interface_address) {
  if (closing()) return ClosedStatus();
  char text[SocketAddress::kMaxHostLength];
  if (luv::Status status = AddressText(interface_address, text, sizeof(text));
      !status.ok()) {
    return status;
  }
  return UvStatus(uv_udp_set_multicast_interface(&udp_, text),
                  luv::StrCat("multicast interface ", text));
}

luv::Status Udp::SetMembership(std::string_view group,
                                std::string_view interface_address, bool join) {
  if (closing()) return ClosedStatus();
  char group_text[SocketAddress::kMaxHostLength];
  char interface_text[SocketAddress::kMaxHostLength];
  if (luv::Status status = AddressText(group, group_text, sizeof(group_text));
      !status.ok()) {
    return status;
  }
  if (luv::Status status =
          AddressText(interface_address, interface_text, sizeof(interface_text));
      !status.ok()) {
    return status;
  }
  int rc = uv_udp_set_membership(&udp_, group_text,
                                 interface_address.empty() ? nullptr : interface_text,
                                 join ? UV_JOIN_GROUP : UV_LEAVE_GROUP);
  return UvStatus(rc, luv::StrCat(join ? "join " : "leave ", group_text));
}

}  // namespace luv::uv
