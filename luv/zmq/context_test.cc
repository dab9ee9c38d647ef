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

#include "luv/zmq/context.h"

#include <zmq.h>

#include <chrono>

#include "gtest/gtest.h"
#include "luv/uv/status.h"
#include "luv/zmq/socket.h"

namespace luv::zmq {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

std::shared_ptr<Context> NewContext(int io_threads = 1) {
  luv::StatusOr<std::shared_ptr<Context>> context = Context::Create(io_threads);
  EXPECT_TRUE(context.ok()) << context.status();
  return context.ok() ? *context : nullptr;
}

TEST(ContextTest, CreateSetsTheIoThreads) {
  for (int threads : {0, 1, 3}) {
    std::shared_ptr<Context> context = NewContext(threads);
    luv::StatusOr<int> got = context->Get(*FindContextOption("IO_THREADS"));
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(*got, threads);
  }
  for (int threads : {-1, Context::kMaxIoThreads + 1}) {
    luv::StatusOr<std::shared_ptr<Context>> context = Context::Create(threads);
    ASSERT_FALSE(context.ok());
    EXPECT_EQ(uv::ErrorName(context.status()), "EINVAL");
  }
}

TEST(ContextTest, ShutdownMakesEverySocketFailWithEterm) {
  std::shared_ptr<Context> context = NewContext();
  luv::StatusOr<Socket> socket = Socket::Open(context, ZMQ_PULL);
  ASSERT_TRUE(socket.ok()) << socket.status();
  EXPECT_FALSE(context->shut_down());
  ASSERT_TRUE(context->Shutdown().ok());
  EXPECT_TRUE(context->Shutdown().ok());  // idempotent
  EXPECT_TRUE(context->shut_down());
  Message message;
  luv::StatusOr<bool> received = socket->ref().Receive(&message);
  ASSERT_FALSE(received.ok());
  EXPECT_EQ(uv::ErrorName(received.status()), "ETERM");
  luv::StatusOr<Socket> late = Socket::Open(context, ZMQ_PUSH);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(uv::ErrorName(late.status()), "ETERM");
}

TEST(ContextTest, OptionsByName) {
  std::shared_ptr<Context> context = NewContext();
  const Option& max_sockets = *FindContextOption("MAX_SOCKETS");
  ASSERT_TRUE(context->Set(max_sockets, 100).ok());
  EXPECT_EQ(*context->Get(max_sockets), 100);
  EXPECT_GT(*context->Get(*FindContextOption("SOCKET_LIMIT")), 0);
  // -1 is a value here, not a failure.
  EXPECT_EQ(*context->Get(*FindContextOption("THREAD_SCHED_POLICY")), -1);
  EXPECT_EQ(*context->Get(*FindContextOption("MSG_T_SIZE")),
            static_cast<int>(sizeof(zmq_msg_t)));
  luv::Status status = context->Set(*FindContextOption("MSG_T_SIZE"), 1);
  EXPECT_EQ(status.message(), "EINVAL: context option MSG_T_SIZE cannot be set");
  EXPECT_FALSE(context->Get(*FindContextOption("THREAD_PRIORITY")).ok());
  EXPECT_EQ(uv::ErrorName(context->Set(*FindContextOption("BLOCKY"), 2)), "EINVAL");
  EXPECT_TRUE(context->Set(*FindContextOption("BLOCKY"), 0).ok());
  EXPECT_EQ(*context->Get(*FindContextOption("BLOCKY")), 0);
}

// A socket closed by its owner keeps its linger: the context's termination
// waits for it, but on a thread of its own, never in the destructor.
TEST(ContextTest, DestructionNeverWaitsForLingeringMessages) {
  std::shared_ptr<Context> context = NewContext();
  luv::StatusOr<Socket> socket = Socket::Open(context, ZMQ_PUSH);
  ASSERT_TRUE(socket.ok());
  ASSERT_TRUE(socket->ref().SetInt(ZMQ_LINGER, 300).ok());
  // Nothing listens on port 1: the message stays queued.
  ASSERT_TRUE(socket->ref().Connect("tcp://127.0.0.1:1").ok());
  ASSERT_TRUE(*socket->ref().Send("pending", false));
  socket->Close();
  Clock::time_point start = Clock::now();
  context.reset();
  EXPECT_LT(Clock::now() - start, milliseconds(100));
  EXPECT_TRUE(WaitForTerminations(milliseconds(10000)));
  EXPECT_GE(Clock::now() - start, milliseconds(250));  // the linger ran out
}

TEST(ContextTest, CloseNowDropsWhatIsQueued) {
  std::shared_ptr<Context> context = NewContext();
  luv::StatusOr<Socket> socket = Socket::Open(context, ZMQ_PUSH);
  ASSERT_TRUE(socket.ok());
  ASSERT_TRUE(socket->ref().Connect("tcp://127.0.0.1:1").ok());
  ASSERT_TRUE(*socket->ref().Send("dropped", false));
  socket->CloseNow();  // linger 0, whatever the socket had
  context.reset();
  EXPECT_TRUE(WaitForTerminations(milliseconds(10000)));
}

}  // namespace
}  // namespace luv::zmq
