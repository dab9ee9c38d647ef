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

// Socket and SocketRef: a ØMQ socket, owned and viewed (cppzmq's socket_t
// and socket_ref, without exceptions).
//
// Socket owns the libzmq socket and a reference to its Context, so the
// context outlives every socket made from it; it is move-only and closes
// the socket when destroyed. SocketRef is a copyable, non-owning view with
// every operation; it must not outlive the Socket.
//
// Nothing here blocks: sends and receives use ZMQ_DONTWAIT, and "it would
// block" is an empty result (false), not an error. Errors are statuses made
// by error.h ("EFSM: Operation cannot be accomplished in current state").
// Every input from outside (endpoints, option values) is bounded and
// checked before libzmq sees it.
//
// Thread affinity: a libzmq socket is not thread-safe; use each socket from
// one thread only.
#ifndef LUV_ZMQ_SOCKET_H_
#define LUV_ZMQ_SOCKET_H_

#include <cstdint>
#include <memory>
#include <string>

#include "luv/base/status.h"
#include <string_view>
#include "luv/zmq/context.h"
#include "luv/zmq/message.h"
#include "luv/zmq/options.h"

namespace luv::zmq {

// The longest endpoint accepted ("tcp://host:port", "ipc:///path", ...).
constexpr size_t kMaxEndpointBytes = 1024;

// An option's value as read: `integer` for kInt, kBool (0 or 1) and kInt64,
// `unsigned_integer` for kUint64, `bytes` for kString, kBinary and kKey.
struct OptionValue {
  int64_t integer = 0;
  uint64_t unsigned_integer = 0;
  std::string bytes;
};

class SocketRef {
 public:
  SocketRef() = default;
  explicit SocketRef(void* handle) : handle_(handle) {}

  void* handle() const { return handle_; }
  explicit operator bool() const { return handle_ != nullptr; }

  luv::Status Bind(std::string_view endpoint) const;
  luv::Status Unbind(std::string_view endpoint) const;
  luv::Status Connect(std::string_view endpoint) const;
  luv::Status Disconnect(std::string_view endpoint) const;

  // Queues one frame (`more`: another frame of the same message follows).
  // true: queued; false: it would block (nothing was queued).
  luv::StatusOr<bool> Send(std::string_view frame, bool more) const;

  // Takes the next frame into `message` (message->more() tells whether the
  // message has more frames). true: received; false: nothing there yet.
  luv::StatusOr<bool> Receive(Message* message) const;

  // ZMQ_EVENTS: ZMQ_POLLIN and ZMQ_POLLOUT bits. Reading it also lets the
  // socket process pending commands, which is what rearms ZMQ_FD.
  luv::StatusOr<int> Events() const;
  // ZMQ_FD: the descriptor that becomes readable when Events() may have
  // changed (edge-triggered).
  luv::StatusOr<int> Fd() const;

  // Typed options (options.h). Failures: EINVAL for a value of the wrong
  // type or out of range, an option that cannot be set or read, or what
  // libzmq refuses; the option's name is the message's context.
  // Integers for kInt, kBool (0 or 1), kInt64 and kUint64 (>= 0); bytes
  // for kString (no NUL), kBinary and kKey (32 bytes or 40 of Z85), at most
  // kMaxOptionBytes.
  luv::Status SetOption(const Option& option, int64_t value) const;
  luv::Status SetOption(const Option& option, std::string_view value) const;
  luv::StatusOr<OptionValue> GetOption(const Option& option) const;

  // Shortcuts for int options by number.
  luv::Status SetInt(int number, int value) const;
  luv::StatusOr<int> GetInt(int number) const;

 private:
  void* handle_ = nullptr;
};

class Socket {
 public:
  // The ZMQ_LINGER a new socket starts with: what it queued is still sent
  // for up to this long after it is closed (and process exit waits that
  // long, context.h). libzmq's own default, forever, lets one unreachable
  // peer hold exit up for good.
  static constexpr int kDefaultLingerMs = 5000;

  // A new socket of `type` (ZMQ_PAIR, ...) in `context`, with
  // kDefaultLingerMs.
  static luv::StatusOr<Socket> Open(std::shared_ptr<Context> context, int type);

  Socket() = default;
  ~Socket() { Close(); }
  Socket(Socket&& other) noexcept;
  Socket& operator=(Socket&& other) noexcept;
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  bool is_open() const { return handle_ != nullptr; }
  SocketRef ref() const { return SocketRef(handle_); }
  const std::shared_ptr<Context>& context() const { return context_; }

  // zmq_close with the socket's own ZMQ_LINGER: queued messages are still
  // sent (until the context terminates, see context.h). Idempotent.
  void Close();
  // Drops queued messages (ZMQ_LINGER 0) and closes: for sockets their
  // owner abandoned.
  void CloseNow();

 private:
  Socket(void* handle, std::shared_ptr<Context> context)
      : handle_(handle), context_(std::move(context)) {}

  void* handle_ = nullptr;
  std::shared_ptr<Context> context_;
};

}  // namespace luv::zmq

#endif  // LUV_ZMQ_SOCKET_H_
