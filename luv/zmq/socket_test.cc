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
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "luv/uv/status.h"

namespace luv::zmq {
namespace {

class SocketTest : public ::testing::Test {
 protected:
  void SetUp() override {
    luv::StatusOr<std::shared_ptr<Context>> made = Context::Create(1);
    ASSERT_TRUE(made.ok()) << made.status();
    context = *made;
  }

  Socket Open(int type) {
    luv::StatusOr<Socket> socket = Socket::Open(context, type);
    EXPECT_TRUE(socket.ok()) << socket.status();
    return socket.ok() ? *std::move(socket) : Socket();
  }

  // Waits (zmq_poll, at most 5 s) until `socket` has a frame, and takes it.
  static std::string ReceiveWithin5s(SocketRef socket, bool* more = nullptr) {
    zmq_pollitem_t item = {socket.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq_poll(&item, 1, 5000) != 1) return "<timed out>";
    Message message;
    luv::StatusOr<bool> received = socket.Receive(&message);
    if (!received.ok() || !*received) return "<nothing>";
    if (more != nullptr) *more = message.more();
    return std::string(message.view());
  }

  static std::string LastEndpoint(SocketRef socket) {
    luv::StatusOr<OptionValue> value =
        socket.GetOption(*FindSocketOption("LAST_ENDPOINT"));
    return value.ok() ? value->bytes : "<" + value.status().ToString() + ">";
  }

  std::shared_ptr<Context> context;
};

TEST_F(SocketTest, NewSocketsLingerFiveSeconds) {
  Socket push = Open(ZMQ_PUSH);
  EXPECT_EQ(*push.ref().GetInt(ZMQ_LINGER), Socket::kDefaultLingerMs);
  EXPECT_EQ(Socket::kDefaultLingerMs, 5000);
}

TEST_F(SocketTest, FramesAndMultipartOverInproc) {
  Socket a = Open(ZMQ_PAIR), b = Open(ZMQ_PAIR);
  ASSERT_TRUE(a.ref().Bind("inproc://frames").ok());
  ASSERT_TRUE(b.ref().Connect("inproc://frames").ok());
  EXPECT_TRUE(*a.ref().Send("one", true));
  EXPECT_TRUE(*a.ref().Send(std::string("t\0o", 3), false));
  bool more = false;
  EXPECT_EQ(ReceiveWithin5s(b.ref(), &more), "one");
  EXPECT_TRUE(more);
  EXPECT_EQ(ReceiveWithin5s(b.ref(), &more), std::string("t\0o", 3));
  EXPECT_FALSE(more);
  Message message;
  luv::StatusOr<bool> received = b.ref().Receive(&message);
  ASSERT_TRUE(received.ok());
  EXPECT_FALSE(*received);  // would block: an empty result, not an error
}

TEST_F(SocketTest, WouldBlockAndWrongStates) {
  Socket push = Open(ZMQ_PUSH);
  luv::StatusOr<bool> sent = push.ref().Send("nobody", false);
  ASSERT_TRUE(sent.ok());
  EXPECT_FALSE(*sent);  // no peer yet
  Socket req = Open(ZMQ_REQ);
  Message message;
  luv::StatusOr<bool> received = req.ref().Receive(&message);
  ASSERT_FALSE(received.ok());
  EXPECT_EQ(received.status().message(),
            "EFSM: Operation cannot be accomplished in current state");
}

TEST_F(SocketTest, BadEndpointsAreStatuses) {
  Socket s = Open(ZMQ_PAIR);
  EXPECT_EQ(uv::ErrorName(s.ref().Bind("nonsense")), "EINVAL");
  EXPECT_EQ(s.ref().Bind("foo://x").message(),
            "EPROTONOSUPPORT: Protocol not supported: foo://x");
  EXPECT_EQ(s.ref().Bind("tcp://127.0.0.1:99999").message(),
            "EINVAL: the port is out of range: tcp://127.0.0.1:99999");
  EXPECT_EQ(uv::ErrorName(s.ref().Connect("tcp://127.0.0.1:123456789012")), "EINVAL");
  EXPECT_EQ(uv::ErrorName(s.ref().Bind("tcp://127.0.0.1:port")), "EINVAL");
  EXPECT_EQ(s.ref().Bind("").message(), "EINVAL: the endpoint is empty");
  EXPECT_EQ(s.ref().Bind(std::string("inproc://a\0b", 12)).message(),
            "EINVAL: the endpoint contains a NUL byte");
  EXPECT_EQ(uv::ErrorName(s.ref().Connect(std::string(kMaxEndpointBytes + 1, 'x'))),
            "EINVAL");
  EXPECT_EQ(uv::ErrorName(s.ref().Unbind("inproc://never-bound")), "ENOENT");
  EXPECT_EQ(uv::ErrorName(s.ref().Disconnect("inproc://never-connected")), "ENOENT");
}

TEST_F(SocketTest, AddressInUseNamesTheEndpoint) {
  Socket first = Open(ZMQ_REP), second = Open(ZMQ_REP);
  ASSERT_TRUE(first.ref().Bind("tcp://127.0.0.1:*").ok());
  std::string endpoint = LastEndpoint(first.ref());
  ASSERT_EQ(endpoint.rfind("tcp://127.0.0.1:", 0), 0u) << endpoint;
  luv::Status status = second.ref().Bind(endpoint);
  EXPECT_EQ(status.message(), "EADDRINUSE: Address already in use: " + endpoint);
  EXPECT_EQ(status.code(), luv::ErrnoToStatusCode(EADDRINUSE));
  ASSERT_TRUE(first.ref().Unbind(endpoint).ok());
}

TEST_F(SocketTest, IntegerOptions) {
  Socket s = Open(ZMQ_DEALER);
  const Option& linger = *FindSocketOption("LINGER");
  ASSERT_TRUE(s.ref().SetOption(linger, int64_t{250}).ok());
  EXPECT_EQ(s.ref().GetOption(linger)->integer, 250);
  EXPECT_EQ(*s.ref().GetInt(ZMQ_LINGER), 250);
  EXPECT_EQ(uv::ErrorName(s.ref().SetOption(linger, int64_t{1} << 40)), "EINVAL");
  const Option& max = *FindSocketOption("MAXMSGSIZE");
  ASSERT_TRUE(s.ref().SetOption(max, int64_t{1} << 40).ok());
  EXPECT_EQ(s.ref().GetOption(max)->integer, int64_t{1} << 40);
  const Option& affinity = *FindSocketOption("AFFINITY");
  ASSERT_TRUE(s.ref().SetOption(affinity, int64_t{3}).ok());
  EXPECT_EQ(s.ref().GetOption(affinity)->unsigned_integer, 3u);
  EXPECT_EQ(s.ref().SetOption(affinity, int64_t{-1}).message(),
            "EINVAL: option AFFINITY cannot be negative");
  const Option& immediate = *FindSocketOption("IMMEDIATE");
  ASSERT_TRUE(s.ref().SetOption(immediate, int64_t{1}).ok());
  EXPECT_EQ(s.ref().GetOption(immediate)->integer, 1);
  EXPECT_EQ(uv::ErrorName(s.ref().SetOption(immediate, int64_t{2})), "EINVAL");
  EXPECT_EQ(s.ref().GetOption(*FindSocketOption("TYPE"))->integer, ZMQ_DEALER);
  EXPECT_EQ(s.ref().SetOption(*FindSocketOption("TYPE"), int64_t{1}).message(),
            "EINVAL: option TYPE cannot be set");
  EXPECT_EQ(s.ref().SetOption(linger, "ten").message(),
            "EINVAL: option LINGER takes a number, not a string");
  // libzmq's own range checks come back with the option's name.
  EXPECT_EQ(s.ref().SetOption(*FindSocketOption("SNDHWM"), int64_t{-5}).message(),
            "EINVAL: Invalid argument: SNDHWM");
}

TEST_F(SocketTest, StringAndBinaryOptions) {
  Socket s = Open(ZMQ_DEALER);
  const Option& id = *FindSocketOption("ROUTING_ID");
  std::string binary("id\0\xff", 4);
  ASSERT_TRUE(s.ref().SetOption(id, binary).ok());
  EXPECT_EQ(s.ref().GetOption(id)->bytes, binary);
  EXPECT_EQ(uv::ErrorName(s.ref().SetOption(id, std::string(256, 'x'))), "EINVAL");
  EXPECT_EQ(s.ref().SetOption(id, std::string(kMaxOptionBytes + 1, 'x')).message(),
            "EINVAL: option ROUTING_ID takes at most 4096 bytes");
  const Option& domain = *FindSocketOption("ZAP_DOMAIN");
  ASSERT_TRUE(s.ref().SetOption(domain, "global").ok());
  EXPECT_EQ(s.ref().GetOption(domain)->bytes, "global");
  EXPECT_EQ(s.ref().SetOption(domain, std::string("a\0b", 3)).message(),
            "EINVAL: option ZAP_DOMAIN cannot contain a NUL byte");
  EXPECT_EQ(s.ref().SetOption(domain, int64_t{1}).message(),
            "EINVAL: option ZAP_DOMAIN takes a string, not a number");
  EXPECT_EQ(s.ref().GetOption(*FindSocketOption("SUBSCRIBE")).status().message(),
            "EINVAL: option SUBSCRIBE cannot be read");
  ASSERT_TRUE(s.ref().Bind("inproc://last").ok());
  EXPECT_EQ(LastEndpoint(s.ref()), "inproc://last");
}

TEST_F(SocketTest, CurveKeysReadBackAsZ85) {
  if (!zmq_has("curve")) GTEST_SKIP() << "libzmq built without CURVE";
  char public_key[41], secret_key[41];
  ASSERT_EQ(zmq_curve_keypair(public_key, secret_key), 0);
  Socket s = Open(ZMQ_DEALER);
  const Option& secret = *FindSocketOption("CURVE_SECRETKEY");
  ASSERT_TRUE(s.ref().SetOption(secret, std::string_view(secret_key, 40)).ok());
  EXPECT_EQ(s.ref().GetOption(secret)->bytes, secret_key);
  EXPECT_EQ(
      s.ref().SetOption(secret, "short").message(),
      "EINVAL: option CURVE_SECRETKEY is a key of 32 bytes or 40 characters of Z85");
}

TEST_F(SocketTest, SubscribeToEverythingOrAPrefix) {
  Socket pub = Open(ZMQ_PUB), all = Open(ZMQ_SUB), some = Open(ZMQ_SUB);
  ASSERT_TRUE(pub.ref().Bind("inproc://news").ok());
  const Option& subscribe = *FindSocketOption("SUBSCRIBE");
  ASSERT_TRUE(all.ref().SetOption(subscribe, "").ok());
  ASSERT_TRUE(some.ref().SetOption(subscribe, "a").ok());
  ASSERT_TRUE(all.ref().Connect("inproc://news").ok());
  ASSERT_TRUE(some.ref().Connect("inproc://news").ok());
  // Subscriptions reach the publisher when it processes commands, which
  // sending does: publish until the catch-all subscriber hears one.
  zmq_pollitem_t item = {all.ref().handle(), 0, ZMQ_POLLIN, 0};
  for (int i = 0; i < 500 && zmq_poll(&item, 1, 10) == 0; ++i) {
    ASSERT_TRUE(*pub.ref().Send("warm-up", false));
  }
  ASSERT_TRUE(*pub.ref().Send("b: not for some", false));
  ASSERT_TRUE(*pub.ref().Send("a: for both", false));
  std::string seen;
  while (seen != "a: for both") {
    seen = ReceiveWithin5s(all.ref());
    ASSERT_NE(seen, "<timed out>");
  }
  EXPECT_EQ(ReceiveWithin5s(some.ref()), "a: for both");
}

TEST_F(SocketTest, MovesTransferOwnership) {
  Socket a = Open(ZMQ_PAIR);
  void* handle = a.ref().handle();
  Socket b(std::move(a));
  EXPECT_FALSE(a.is_open());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(b.ref().handle(), handle);
  EXPECT_EQ(b.context(), context);
  Socket c = Open(ZMQ_PAIR);
  c = std::move(b);
  EXPECT_EQ(c.ref().handle(), handle);
  c.CloseNow();
  EXPECT_FALSE(c.is_open());
  EXPECT_EQ(c.context(), nullptr);
  c.Close();  // idempotent
}

}  // namespace
}  // namespace luv::zmq
