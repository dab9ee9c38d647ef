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

#include "luv/zmq/socket.h"

#include <zmq.h>

#include <cerrno>
#include <climits>
#include <utility>

#include "luv/base/strings.h"
#include "luv/uv/status.h"
#include "luv/zmq/error.h"

namespace luv::zmq {
namespace {

luv::Status Invalid(std::string_view text) {
  return uv::NamedError(luv::StatusCode::kInvalidArgument, "EINVAL", text);
}

// An endpoint as libzmq wants it (NUL-terminated), or why it is refused.
luv::Status CheckEndpoint(std::string_view endpoint, std::string* out) {
  if (endpoint.empty()) return Invalid("the endpoint is empty");
  if (endpoint.size() > kMaxEndpointBytes) {
    return Invalid(luv::StrCat("an endpoint of ", endpoint.size(),
                                " bytes is longer than ", kMaxEndpointBytes));
  }
  if (endpoint.find('\0') != std::string_view::npos) {
    return Invalid("the endpoint contains a NUL byte");
  }
  // libzmq reads a TCP port with strtol and keeps 16 bits of it, so
  // "tcp://127.0.0.1:99999" would quietly mean port 34463.
  if (luv::StartsWith(endpoint, "tcp://")) {
    std::string_view port = endpoint.substr(endpoint.rfind(':') + 1);
    bool digits = !port.empty() && port.find_first_not_of("0123456789") == port.npos;
    uint32_t number = 0;
    if (digits &&
        (port.size() > 5 || !luv::SimpleAtoi(port, &number) || number > 65535)) {
      return Invalid(luv::StrCat("the port is out of range: ", endpoint));
    }
  }
  out->assign(endpoint.data(), endpoint.size());
  return luv::OkStatus();
}

template <typename Call>
luv::Status EndpointCall(void* handle, std::string_view endpoint, Call call) {
  std::string text;
  luv::Status status = CheckEndpoint(endpoint, &text);
  if (!status.ok()) return status;
  return call(handle, text.c_str()) == 0 ? luv::OkStatus() : LastZmqError(text);
}

luv::Status OptionError(const Option& option, std::string_view what) {
  return Invalid(luv::StrCat("option ", option.name, " ", what));
}

luv::Status Set(void* handle, const Option& option, const void* value, size_t size) {
  return zmq_setsockopt(handle, option.number, value, size) == 0
             ? luv::OkStatus()
             : LastZmqError(option.name);
}

template <typename T>
luv::Status Get(void* handle, const Option& option, T* value) {
  size_t size = sizeof(T);
  return zmq_getsockopt(handle, option.number, value, &size) == 0
             ? luv::OkStatus()
             : LastZmqError(option.name);
}

}  // namespace

luv::Status SocketRef::Bind(std::string_view endpoint) const {
  return EndpointCall(handle_, endpoint, zmq_bind);
}

luv::Status SocketRef::Unbind(std::string_view endpoint) const {
  return EndpointCall(handle_, endpoint, zmq_unbind);
}

luv::Status SocketRef::Connect(std::string_view endpoint) const {
  return EndpointCall(handle_, endpoint, zmq_connect);
}

luv::Status SocketRef::Disconnect(std::string_view endpoint) const {
  return EndpointCall(handle_, endpoint, zmq_disconnect);
}

luv::StatusOr<bool> SocketRef::Send(std::string_view frame, bool more) const {
  int flags = ZMQ_DONTWAIT | (more ? ZMQ_SNDMORE : 0);
  for (;;) {
    if (zmq_send(handle_, frame.data(), frame.size(), flags) >= 0) return true;
    int error = zmq_errno();
    if (error == EAGAIN) return false;
    if (error != EINTR) return ZmqStatus(error);
  }
}

luv::StatusOr<bool> SocketRef::Receive(Message* message) const {
  for (;;) {
    if (zmq_msg_recv(message->get(), handle_, ZMQ_DONTWAIT) >= 0) return true;
    int error = zmq_errno();
    if (error == EAGAIN) return false;
    if (error != EINTR) return ZmqStatus(error);
  }
}

luv::StatusOr<int> SocketRef::Events() const { return GetInt(ZMQ_EVENTS); }

luv::StatusOr<int> SocketRef::Fd() const {
  int fd = -1;
  size_t size = sizeof(fd);
  if (zmq_getsockopt(handle_, ZMQ_FD, &fd, &size) != 0) return LastZmqError("FD");
  return fd;
}

luv::Status SocketRef::SetOption(const Option& option, int64_t value) const {
  if ((option.access & kWrite) == 0) return OptionError(option, "cannot be set");
  switch (option.type) {
    case OptionType::kInt:
    case OptionType::kBool: {
      if (option.type == OptionType::kBool && value != 0 && value != 1) {
        return OptionError(option, "is 0 or 1 (false or true)");
      }
      if (value < INT_MIN || value > INT_MAX) {
        return OptionError(option, "is out of the range of an int");
      }
      int number = static_cast<int>(value);
      return Set(handle_, option, &number, sizeof(number));
    }
    case OptionType::kInt64:
      return Set(handle_, option, &value, sizeof(value));
    case OptionType::kUint64: {
      if (value < 0) return OptionError(option, "cannot be negative");
      uint64_t number = static_cast<uint64_t>(value);
      return Set(handle_, option, &number, sizeof(number));
    }
    case OptionType::kString:
    case OptionType::kBinary:
    case OptionType::kKey:
      break;
  }
  return OptionError(option, "takes a string, not a number");
}

luv::Status SocketRef::SetOption(const Option& option, std::string_view value) const {
  if ((option.access & kWrite) == 0) return OptionError(option, "cannot be set");
  switch (option.type) {
    case OptionType::kString:
      if (value.find('\0') != std::string_view::npos) {
        return OptionError(option, "cannot contain a NUL byte");
      }
      break;
    case OptionType::kBinary:
      break;
    case OptionType::kKey:
      if (value.size() != 32 && value.size() != 40) {
        return OptionError(option, "is a key of 32 bytes or 40 characters of Z85");
      }
      break;
    default:
      return OptionError(option, "takes a number, not a string");
  }
  if (value.size() > kMaxOptionBytes) {
    return OptionError(option, luv::StrCat("takes at most ", kMaxOptionBytes, " bytes"));
  }
  return Set(handle_, option, value.data(), value.size());
}

luv::StatusOr<OptionValue> SocketRef::GetOption(const Option& option) const {
  if ((option.access & kRead) == 0) return OptionError(option, "cannot be read");
  OptionValue value;
  luv::Status status;
  switch (option.type) {
    case OptionType::kInt:
    case OptionType::kBool: {
      int number = 0;
      status = Get(handle_, option, &number);
      value.integer = option.type == OptionType::kBool ? (number != 0) : number;
      break;
    }
    case OptionType::kInt64:
      status = Get(handle_, option, &value.integer);
      break;
    case OptionType::kUint64:
      status = Get(handle_, option, &value.unsigned_integer);
      break;
    case OptionType::kString:
    case OptionType::kBinary:
    case OptionType::kKey: {
      // libzmq gives a CURVE key as Z85 text when the buffer has room for
      // exactly 40 characters and the NUL.
      value.bytes.resize(option.type == OptionType::kKey ? 41 : kMaxOptionBytes);
      size_t size = value.bytes.size();
      if (zmq_getsockopt(handle_, option.number, value.bytes.data(), &size) != 0) {
        status = LastZmqError(option.name);
        break;
      }
      value.bytes.resize(size);
      if (option.type != OptionType::kBinary && !value.bytes.empty() &&
          value.bytes.back() == '\0') {
        value.bytes.pop_back();
      }
      break;
    }
  }
  if (!status.ok()) return status;
  return value;
}

luv::Status SocketRef::SetInt(int number, int value) const {
  return zmq_setsockopt(handle_, number, &value, sizeof(value)) == 0
             ? luv::OkStatus()
             : LastZmqError(luv::StrCat("option ", number));
}

luv::StatusOr<int> SocketRef::GetInt(int number) const {
  int value = 0;
  size_t size = sizeof(value);
  if (zmq_getsockopt(handle_, number, &value, &size) != 0) {
    return LastZmqError(luv::StrCat("option ", number));
  }
  return value;
}

luv::StatusOr<Socket> Socket::Open(std::shared_ptr<Context> context, int type) {
  if (context == nullptr) return Invalid("no context");
  void* handle = zmq_socket(context->raw(), type);
  if (handle == nullptr) {
    const char* name = SocketTypeName(type);
    return LastZmqError(name != nullptr ? luv::StrCat(name, " socket")
                                        : luv::StrCat("socket type ", type));
  }
  Socket socket(handle, std::move(context));
  luv::Status linger = socket.ref().SetInt(ZMQ_LINGER, kDefaultLingerMs);
  if (!linger.ok()) return linger;
  return socket;
}

Socket::Socket(Socket&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)),
      context_(std::move(other.context_)) {}

Socket& Socket::operator=(Socket&& other) noexcept {
  if (this != &other) {
    Close();
    handle_ = std::exchange(other.handle_, nullptr);
    context_ = std::move(other.context_);
  }
  return *this;
}

void Socket::Close() {
  if (handle_ != nullptr) zmq_close(handle_);
  handle_ = nullptr;
  context_.reset();  // may be the last reference: see context.h
}

void Socket::CloseNow() {
  if (handle_ != nullptr) ref().SetInt(ZMQ_LINGER, 0).IgnoreError();
  Close();
}

}  // namespace luv::zmq
