#include "luv/zmq/message.h"

namespace luv::zmq {

Message::Message(Message&& other) noexcept {
  zmq_msg_init(&msg_);
  zmq_msg_move(&msg_, &other.msg_);
}

Message& Message::operator=(Message&& other) noexcept {
  // zmq_msg_move releases what the destination held.
  if (this != &other) zmq_msg_move(&msg_, &other.msg_);
  return *this;
}

}  // namespace luv::zmq
