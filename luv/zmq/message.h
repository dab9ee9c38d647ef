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

// Message: the owner of one zmq_msg_t (one frame), move-only.
//
// Receiving into a Message hands the frame's bytes over without a copy;
// they stay valid until the Message is destroyed, moved from or reused.
// Thread affinity: none of its own (a Message may move between threads),
// but it is not synchronized. Nothing blocks or raises.
#ifndef LUV_ZMQ_MESSAGE_H_
#define LUV_ZMQ_MESSAGE_H_

#include <zmq.h>

#include <cstddef>

#include <string_view>

namespace luv::zmq {

class Message {
 public:
  // An empty frame.
  Message() { zmq_msg_init(&msg_); }
  ~Message() { zmq_msg_close(&msg_); }
  Message(Message&& other) noexcept;
  Message& operator=(Message&& other) noexcept;
  Message(const Message&) = delete;
  Message& operator=(const Message&) = delete;

  const void* data() const { return zmq_msg_data(const_cast<zmq_msg_t*>(&msg_)); }
  size_t size() const { return zmq_msg_size(&msg_); }
  std::string_view view() const {
    return std::string_view(static_cast<const char*>(data()), size());
  }
  // After a receive: whether more frames of the same message follow.
  bool more() const { return zmq_msg_more(&msg_) != 0; }

  // For libzmq calls (zmq_msg_recv).
  zmq_msg_t* get() { return &msg_; }

 private:
  zmq_msg_t msg_;
};

}  // namespace luv::zmq

#endif  // LUV_ZMQ_MESSAGE_H_
