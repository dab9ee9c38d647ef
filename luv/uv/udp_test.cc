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

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

class TestUdp : public Udp {
 public:
  explicit TestUdp(uv_loop_t* loop) : Udp(loop) {}
  int received_calls = 0;

 protected:
  void OnReceived() override { ++received_calls; }
};

class ResultRequest : public UdpSendRequest {
 public:
  explicit ResultRequest(std::vector<int>* results) : results_(results) {}

 protected:
  void OnDone(int status) override { results_->push_back(status); }

 private:
  std::vector<int>* results_;
};

bool RunUntil(Loop* loop, const std::function<bool()>& done) {
  while (!done()) {
    if (uv_run(loop->get(), UV_RUN_ONCE) == 0 && !done()) return false;
  }
  return true;
}

TestUdp* Bound(Loop* loop, const char* host = "127.0.0.1") {
  auto* udp = new TestUdp(loop->get());
  EXPECT_TRUE(udp->init_status().ok());
  EXPECT_TRUE(udp->Bind(*SocketAddress::Parse(host, 0), false, false).ok());
  return udp;
}

TEST(UdpTest, SendsAndReceivesWithTheSender) {
  Loop loop;
  {
    TestUdp* a = Bound(&loop);
    TestUdp* b = Bound(&loop);
    SocketAddress b_name = *b->SockName();
    ASSERT_TRUE(b->StartReceiving().ok());
    EXPECT_TRUE(b->receiving());
    luv::StatusOr<bool> sent = a->TrySend("first", b_name);
    ASSERT_TRUE(sent.ok()) << sent.status();
    EXPECT_TRUE(*sent);
    std::vector<int> done;
    ASSERT_TRUE(a->Send("second", b_name, std::make_unique<ResultRequest>(&done)).ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return b->queued() == 2 && !done.empty(); }));
    EXPECT_EQ(done, std::vector<int>{0});
    EXPECT_EQ(b->front().data, "first");
    EXPECT_EQ(b->front().from.port(), a->SockName()->port());
    EXPECT_EQ(b->front().from.host(), "127.0.0.1");
    EXPECT_FALSE(b->front().truncated);
    b->Pop();
    EXPECT_EQ(b->front().data, "second");
    b->Pop();
    EXPECT_EQ(b->queued(), 0u);
    EXPECT_EQ(b->pending_error(), 0);
    a->Release();
    b->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(UdpTest, EmptyDatagramsAreDatagramsToo) {
  Loop loop;
  {
    TestUdp* a = Bound(&loop);
    TestUdp* b = Bound(&loop);
    ASSERT_TRUE(b->StartReceiving().ok());
    ASSERT_TRUE(*a->TrySend("", *b->SockName()));
    ASSERT_TRUE(RunUntil(&loop, [&] { return b->queued() == 1; }));
    EXPECT_EQ(b->front().data, "");
    a->Release();
    b->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(UdpTest, QueueIsBoundedAndReceivingResumesWhenDrained) {
  Loop loop;
  {
    TestUdp* a = Bound(&loop);
    TestUdp* b = Bound(&loop);
    SocketAddress to = *b->SockName();
    ASSERT_TRUE(b->StartReceiving().ok());
    size_t sent = 0;
    // Send in bursts the kernel buffers can hold; stop once the queue is full.
    while (b->queued() < Udp::kMaxQueued && sent < 4 * Udp::kMaxQueued) {
      for (int i = 0; i < 64; ++i, ++sent) ASSERT_TRUE(a->TrySend("x", to).ok());
      uv_run(loop.get(), UV_RUN_NOWAIT);
    }
    EXPECT_EQ(b->queued(), Udp::kMaxQueued);
    uv_run(loop.get(), UV_RUN_NOWAIT);
    EXPECT_EQ(b->queued(), Udp::kMaxQueued);  // paused: no more taken in
    // Drain the queue and whatever the kernel still held; receiving resumed.
    int quiet_runs = 0;
    while (quiet_runs < 3) {
      bool had = b->queued() > 0;
      while (b->queued() > 0) b->Pop();
      uv_run(loop.get(), UV_RUN_NOWAIT);
      quiet_runs = had || b->queued() > 0 ? 0 : quiet_runs + 1;
    }
    ASSERT_TRUE(*a->TrySend("after", to));
    ASSERT_TRUE(RunUntil(&loop, [&] { return b->queued() > 0; }));
    EXPECT_EQ(b->front().data, "after");
    a->Release();
    b->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

// libuv sends at once when it can, so the request may have succeeded before
// the close; either way it completes exactly once.
TEST(UdpTest, QueuedSendsCompleteOnceAcrossClose) {
  Loop loop;
  {
    TestUdp* a = Bound(&loop);
    std::vector<int> done;
    ASSERT_TRUE(a->Send("lost", *SocketAddress::Parse("127.0.0.1", 9),
                        std::make_unique<ResultRequest>(&done))
                    .ok());
    a->Close();
    EXPECT_FALSE(a->TrySend("x", *SocketAddress::Parse("127.0.0.1", 9)).ok());
    EXPECT_FALSE(a->StartReceiving().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return !done.empty(); }));
    ASSERT_EQ(done.size(), 1u);
    EXPECT_TRUE(done[0] == 0 || done[0] == UV_ECANCELED) << done[0];
    a->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(UdpTest, MulticastOverLoopback) {
  Loop loop;
  {
    const char* group = "239.255.42.98";
    auto* receiver = new TestUdp(loop.get());
    ASSERT_TRUE(receiver->Bind(*SocketAddress::Parse(group, 0), true, false).ok());
    ASSERT_TRUE(receiver->SetMembership(group, "127.0.0.1", true).ok());
    ASSERT_TRUE(receiver->StartReceiving().ok());
    TestUdp* sender = Bound(&loop);
    ASSERT_TRUE(sender->SetMulticastInterface("127.0.0.1").ok());
    ASSERT_TRUE(sender->SetMulticastLoop(true).ok());
    ASSERT_TRUE(sender->SetMulticastTtl(1).ok());
    ASSERT_TRUE(sender->SetTtl(64).ok());
    ASSERT_TRUE(sender->SetBroadcast(true).ok());
    ASSERT_TRUE(*sender->TrySend(
        "to the group", *SocketAddress::Parse(group, receiver->SockName()->port())));
    ASSERT_TRUE(RunUntil(&loop, [&] { return receiver->queued() == 1; }));
    EXPECT_EQ(receiver->front().data, "to the group");
    EXPECT_TRUE(receiver->SetMembership(group, "127.0.0.1", false).ok());
    luv::Status bad = receiver->SetMembership("not an address", "", true);
    EXPECT_EQ(bad.message().substr(0, 7), "EINVAL:") << bad;
    bad = sender->SetMulticastInterface(std::string(100, '1'));
    EXPECT_EQ(bad.message().substr(0, 7), "EINVAL:") << bad;
    EXPECT_FALSE(sender->SetTtl(0).ok());
    receiver->Release();
    sender->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(UdpTest, Ipv6Loopback) {
  Loop loop;
  {
    TestUdp* a = Bound(&loop, "::1");
    TestUdp* b = Bound(&loop, "::1");
    ASSERT_TRUE(b->StartReceiving().ok());
    ASSERT_TRUE(*a->TrySend("six", *b->SockName()));
    ASSERT_TRUE(RunUntil(&loop, [&] { return b->queued() == 1; }));
    EXPECT_EQ(b->front().from.ToString(), a->SockName()->ToString());
    a->Release();
    b->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(UdpTest, QueueIsBoundedInBytesToo) {
  Loop loop;
  {
    TestUdp* a = Bound(&loop);
    TestUdp* b = Bound(&loop);
    SocketAddress to = *b->SockName();
    ASSERT_TRUE(b->StartReceiving().ok());
    std::string big(60000, 'b');
    size_t sent = 0;
    while (b->queued_bytes() < Udp::kMaxQueuedBytes && sent < 1000) {
      for (int i = 0; i < 4; ++i, ++sent) ASSERT_TRUE(a->TrySend(big, to).ok());
      uv_run(loop.get(), UV_RUN_NOWAIT);
    }
    EXPECT_GE(b->queued_bytes(), Udp::kMaxQueuedBytes);
    EXPECT_LT(b->queued_bytes(), Udp::kMaxQueuedBytes + 65536);
    EXPECT_LT(b->queued(), Udp::kMaxQueued);
    size_t bytes = b->queued_bytes();
    uv_run(loop.get(), UV_RUN_NOWAIT);
    EXPECT_EQ(b->queued_bytes(), bytes);  // paused
    while (b->queued() > 0) b->Pop();
    EXPECT_EQ(b->queued_bytes(), 0u);
    a->Release();
    b->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
