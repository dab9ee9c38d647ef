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

// Udp: a libuv UDP socket that keeps received datagrams, with their
// senders, until the owner takes them.
//
// The queue is bounded (kMaxQueued datagrams, kMaxQueuedBytes bytes):
// while it is full, receiving pauses and the kernel's socket buffer (then
// the kernel) drops what arrives, as UDP may. A send first tries the socket directly;
// what cannot go at once is copied into a UdpSendRequest that keeps the bytes alive until
// libuv sent them. The derived record learns about arrivals through OnReceived, called
// from libuv's callback (it must not call into Lua).
//
// Lifetime as HandleOwner (handle.h). Thread affinity: the loop's thread.
// Nothing blocks or raises.
#ifndef LUV_UV_UDP_H_
#define LUV_UV_UDP_H_

#include <uv.h>

#include <deque>
#include <memory>
#include <string>

#include "luv/base/status.h"
#include <string_view>
#include "luv/uv/address.h"
#include "luv/uv/handle.h"

namespace luv::uv {

struct Datagram {
  std::string data;
  SocketAddress from;
  bool truncated = false;  // longer than the receive buffer (64 KiB)
};

// A send that could not complete at once. The Udp calls OnDone exactly once
// from the loop (0 or a libuv error code; UV_ECANCELED when the socket
// closed first) and deletes the request right after.
class UdpSendRequest {
 public:
  UdpSendRequest() = default;
  UdpSendRequest(const UdpSendRequest&) = delete;
  UdpSendRequest& operator=(const UdpSendRequest&) = delete;
  virtual ~UdpSendRequest() = default;

 protected:
  virtual void OnDone(int status) = 0;

 private:
  friend class Udp;
  uv_udp_send_t req_;
  std::string data_;
};

class Udp : public HandleOwner {
 public:
  static constexpr size_t kMaxQueued = 1024;
  static constexpr size_t kMaxQueuedBytes = 4 * 1024 * 1024;

  const luv::Status& init_status() const { return init_status_; }

  // `reuse_address`: SO_REUSEADDR, so several sockets may bind one
  // (multicast) address. `ipv6_only`: no IPv4 traffic on an IPv6 socket.
  luv::Status Bind(const SocketAddress& address, bool reuse_address, bool ipv6_only);
  luv::StatusOr<SocketAddress> SockName();

  // --- Receiving ---------------------------------------------------------
  // Starts receiving into the queue (idempotent). The socket is bound to an
  // ephemeral port first if it was not bound.
  luv::Status StartReceiving();
  void StopReceiving();
  bool receiving() const { return wants_receiving_; }
  size_t queued() const { return queue_.size(); }
  size_t queued_bytes() const { return queued_bytes_; }
  // The oldest datagram; queued() > 0.
  const Datagram& front() const { return queue_.front(); }
  void Pop();
  // A receive error libuv reported (0: none); reported once by TakeError.
  int pending_error() const { return error_; }
  int TakeError();

  // --- Sending -------------------------------------------------------------
  // Sends `data` to `to` if the socket takes it now: true when sent, false
  // when it would have to wait (sends are queued or the buffer is full).
  luv::StatusOr<bool> TrySend(std::string_view data, const SocketAddress& to);
  // Queues a copy of `data` for `to`; `request` completes once sent. On
  // failure the request is dropped unused.
  luv::Status Send(std::string_view data, const SocketAddress& to,
                    std::unique_ptr<UdpSendRequest> request);

  // --- Options ---------------------------------------------------------------
  luv::Status SetBroadcast(bool enable);
  luv::Status SetTtl(int ttl);  // 1..255
  luv::Status SetMulticastTtl(int ttl);
  luv::Status SetMulticastLoop(bool enable);
  // The interface multicast goes out of, by its address ("127.0.0.1").
  luv::Status SetMulticastInterface(std::string_view interface_address);
  // Joins or leaves `group` on the interface with address `interface_address`
  // (empty: the system's choice).
  luv::Status SetMembership(std::string_view group, std::string_view interface_address,
                             bool join);

 protected:
  explicit Udp(uv_loop_t* loop);
  ~Udp() override = default;

  // A datagram or a receive error arrived.
  virtual void OnReceived() {}

 private:
  static void AllocCallback(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void ReceiveCallback(uv_udp_t* handle, ssize_t nread, const uv_buf_t* buf,
                              const sockaddr* from, unsigned flags);
  int UpdateReceiving();
  bool Full() const {
    return queue_.size() >= kMaxQueued || queued_bytes_ >= kMaxQueuedBytes;
  }
  luv::Status ClosedStatus() const;

  uv_udp_t udp_;
  luv::Status init_status_;
  std::deque<Datagram> queue_;
  size_t queued_bytes_ = 0;
  int error_ = 0;
  bool wants_receiving_ = false;
  bool uv_receiving_ = false;
};

}  // namespace luv::uv

#endif  // LUV_UV_UDP_H_
