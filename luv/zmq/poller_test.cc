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

#include <zmq.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"
#include "luv/uv/status.h"
#include "luv/uv/timer.h"

namespace luv::zmq {
namespace {

// Records what the poller reports.
class Recorder : public PolledSocket {
 public:
  Recorder(uv_loop_t* loop, std::shared_ptr<Context> context, int type, bool* closed)
      : PolledSocket(loop, std::move(context), type), closed_(closed) {}

  int events_calls = 0;
  luv::Status error;
  std::function<void(Recorder*, int)> on_events;

 protected:
  void OnEvents(int events) override {
    ++events_calls;
    if (on_events) on_events(this, events);
  }
  void OnPollError(const luv::Status& status) override {
    error = status;
    SetWaiting(false);
  }
  void OnClosed() override {
    PolledSocket::OnClosed();
    *closed_ = true;
  }

 private:
  bool* closed_;
};

// Calls `fire` once after `ms`.
class OneShot : public uv::Timer {
 public:
  OneShot(uv_loop_t* loop, std::function<void()> fire)
      : Timer(loop), fire_(std::move(fire)) {}

 protected:
  void OnTimer() override { fire_(); }

 private:
  std::function<void()> fire_;
};

class PollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(loop.init_status().ok());
    luv::StatusOr<std::shared_ptr<Context>> made = Context::Create(1);
    ASSERT_TRUE(made.ok()) << made.status();
    context = *made;
  }

  void TearDown() override {
    if (polled != nullptr) polled->Release();
    EXPECT_TRUE(loop.Shutdown().ok());
    if (polled != nullptr) EXPECT_TRUE(closed);
  }

  Recorder* NewPolled(int type) {
    polled = new Recorder(loop.get(), context, type, &closed);
    EXPECT_TRUE(polled->init_status().ok()) << polled->init_status();
    return polled;
  }

  Socket Open(int type) { return *Socket::Open(context, type); }

  uv::Loop loop;
  std::shared_ptr<Context> context;
  Recorder* polled = nullptr;
  bool closed = false;
};

TEST_F(PollerTest, AWaitingSocketWakesWhenAnotherThreadSends) {
  Recorder* pull = NewPolled(ZMQ_PULL);
  ASSERT_TRUE(pull->socket().Bind("inproc://wake").ok());
  Socket push = Open(ZMQ_PUSH);
  ASSERT_TRUE(push.ref().Connect("inproc://wake").ok());
  std::string received;
  pull->on_events = [&](Recorder* self, int events) {
    if ((events & ZMQ_POLLIN) == 0) return;
    Message message;
    if (*self->socket().Receive(&message)) received = std::string(message.view());
    self->SetWaiting(false);  // nothing else keeps the loop running
  };
  pull->SetWaiting(true);
  std::thread sender([&push] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    push.ref().Send("hello", false).IgnoreError();
  });
  uv_run(loop.get(), UV_RUN_DEFAULT);  // returns once the message was taken
  sender.join();
  EXPECT_EQ(received, "hello");
}

TEST_F(PollerTest, AnIdleWaitingSocketDoesNotSpin) {
  Recorder* pull = NewPolled(ZMQ_PULL);
  ASSERT_TRUE(pull->socket().Bind("inproc://idle").ok());
  pull->SetWaiting(true);
  pull->Check();  // what a binding does before it waits
  int before = pull->events_calls;
  auto* stop = new OneShot(loop.get(), [pull] { pull->SetWaiting(false); });
  ASSERT_TRUE(stop->Start(100, 0).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  stop->Release();
  // At most the commands of the bind itself woke it.
  EXPECT_LE(pull->events_calls - before, 1);
}

TEST_F(PollerTest, OnlyWaitersKeepTheLoopAlive) {
  Recorder* pull = NewPolled(ZMQ_PULL);
  EXPECT_TRUE(pull->polling());
  EXPECT_FALSE(uv_loop_alive(loop.get()));
  pull->SetWaiting(true);
  EXPECT_TRUE(uv_loop_alive(loop.get()));
  pull->SetWaiting(false);
  EXPECT_FALSE(uv_loop_alive(loop.get()));
}

TEST_F(PollerTest, CheckReportsWhatCanProceedWhateverTheDescriptorSays) {
  Recorder* pair = NewPolled(ZMQ_PAIR);
  ASSERT_TRUE(pair->socket().Bind("inproc://check").ok());
  Socket peer = Open(ZMQ_PAIR);
  ASSERT_TRUE(peer.ref().Connect("inproc://check").ok());
  ASSERT_TRUE(*peer.ref().Send("x", false));
  int seen = 0;
  pair->on_events = [&seen](Recorder*, int events) { seen = events; };
  pair->Check();
  EXPECT_EQ(seen, ZMQ_POLLIN | ZMQ_POLLOUT);
}

TEST_F(PollerTest, ContextShutdownStopsPollingWithEterm) {
  Recorder* pull = NewPolled(ZMQ_PULL);
  pull->SetWaiting(true);
  std::thread terminator([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    context->Shutdown().IgnoreError();
  });
  uv_run(loop.get(), UV_RUN_DEFAULT);  // OnPollError lets the loop end
  terminator.join();
  EXPECT_EQ(uv::ErrorName(pull->error), "ETERM");
  EXPECT_FALSE(pull->polling());
  pull->SetWaiting(true);  // harmless once polling stopped
  EXPECT_FALSE(uv_loop_alive(loop.get()));
}

TEST_F(PollerTest, CloseClosesTheSocketAtOnce) {
  Recorder* pair = NewPolled(ZMQ_PAIR);
  EXPECT_EQ(context.use_count(), 2);
  pair->Close();
  EXPECT_EQ(context.use_count(), 1);
  EXPECT_FALSE(pair->socket());
  EXPECT_FALSE(pair->polling());
  pair->Close();  // idempotent
}

TEST_F(PollerTest, ReleaseClosesTheSocketFromTheCloseCallback) {
  Recorder* pair = NewPolled(ZMQ_PAIR);
  EXPECT_EQ(context.use_count(), 2);
  pair->Release();
  polled = nullptr;
  EXPECT_FALSE(closed);  // libuv's close callback is still due
  EXPECT_EQ(context.use_count(), 2);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(closed);
  EXPECT_EQ(context.use_count(), 1);  // the socket is closed
}

// An abandoned socket (collected, or its state closed at exit) keeps its
// linger: the context's termination waits for what it queued.
TEST_F(PollerTest, AbandonedSocketsKeepTheirLinger) {
  Recorder* push = NewPolled(ZMQ_PUSH);
  ASSERT_TRUE(push->socket().SetInt(ZMQ_LINGER, 300).ok());
  ASSERT_TRUE(push->socket().Connect("tcp://127.0.0.1:1").ok());  // nobody there
  ASSERT_TRUE(*push->socket().Send("queued", false));
  push->Abandon();
  polled = nullptr;
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(closed);
  auto start = std::chrono::steady_clock::now();
  context.reset();
  EXPECT_TRUE(WaitForTerminations(std::chrono::milliseconds(10000)));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
}

TEST_F(PollerTest, AFailedSocketCountsAsClosed) {
  ASSERT_TRUE(context->Shutdown().ok());
  bool failed_closed = false;
  auto* failed = new Recorder(loop.get(), context, ZMQ_PAIR, &failed_closed);
  EXPECT_EQ(uv::ErrorName(failed->init_status()), "ETERM");
  EXPECT_FALSE(failed->socket());
  failed->Release();  // deleted at once: nothing to close
}

}  // namespace
}  // namespace luv::zmq
