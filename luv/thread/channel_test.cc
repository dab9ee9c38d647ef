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

#include "luv/thread/channel.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"
#include "luv/uv/mailbox.h"

namespace luv::thread {
namespace {

// Counts the wake-ups it is asked for; `waiting` says whether it has a
// local waiter to hand them to (else it passes them on, as a real one does).
class FakeEndpoint : public ChannelEndpoint {
 public:
  FakeEndpoint(ChannelCore* core, const void* tag) : core_(core), tag_(tag) {}
  void WakeGetter() override {
    if (waiting_getters > 0) {
      --waiting_getters;
      ++getter_wakes;
    } else {
      core_->PassOn(ChannelCore::Kind::kGetter, tag_);
    }
  }
  void WakePutter() override { ++putter_wakes; }
  void WakeAll() override { ++all_wakes; }

  int waiting_getters = 0;
  int getter_wakes = 0;
  int putter_wakes = 0;
  int all_wakes = 0;

 private:
  ChannelCore* core_;
  const void* tag_;
};

const char kTag = 0;  // one "thread" for the single-threaded tests

codec::Message Text(std::string text) {
  codec::Message message;
  message.bytes = std::move(text);
  return message;
}

TEST(ChannelTest, MessagesComeOutInOrder) {
  ChannelCore core(0);
  auto end = std::make_shared<FakeEndpoint>(&core, &kTag);
  uint64_t id = core.Attach(end, uv::Mailbox::Address(), &kTag);
  for (const char* text : {"a", "b", "c"}) {
    codec::Message m = Text(text);
    ASSERT_EQ(core.Put(&m, id, &kTag), ChannelCore::Result::kDone);
  }
  EXPECT_EQ(core.size(), 3u);
  codec::Message out;
  for (const char* expected : {"a", "b", "c"}) {
    ASSERT_EQ(core.Get(&out, id, &kTag), ChannelCore::Result::kDone);
    EXPECT_EQ(out.bytes, expected);
  }
  EXPECT_EQ(core.Get(&out, id, &kTag), ChannelCore::Result::kWouldBlock);
}

TEST(ChannelTest, AWaitingGetterIsWokenOncePerMessage) {
  ChannelCore core(0);
  auto end = std::make_shared<FakeEndpoint>(&core, &kTag);
  uint64_t id = core.Attach(end, uv::Mailbox::Address(), &kTag);
  codec::Message out;
  ASSERT_EQ(core.Get(&out, id, &kTag), ChannelCore::Result::kWouldBlock);
  ASSERT_EQ(core.Get(&out, id, &kTag), ChannelCore::Result::kWouldBlock);
  end->waiting_getters = 2;
  codec::Message m = Text("x");
  core.Put(&m, id, &kTag);
  EXPECT_EQ(end->getter_wakes, 1);
  m = Text("y");
  core.Put(&m, id, &kTag);
  EXPECT_EQ(end->getter_wakes, 2);
  m = Text("z");
  core.Put(&m, id, &kTag);  // nobody recorded as waiting any more
  EXPECT_EQ(end->getter_wakes, 2);
}

TEST(ChannelTest, AWakeUpForAWaiterThatLeftGoesToTheNext) {
  ChannelCore core(0);
  auto first = std::make_shared<FakeEndpoint>(&core, &kTag);
  auto second = std::make_shared<FakeEndpoint>(&core, &kTag);
  uint64_t a = core.Attach(first, uv::Mailbox::Address(), &kTag);
  uint64_t b = core.Attach(second, uv::Mailbox::Address(), &kTag);
  codec::Message out;
  core.Get(&out, a, &kTag);  // recorded, then its waiter times out (leaves)
  core.Get(&out, b, &kTag);
  second->waiting_getters = 1;
  codec::Message m = Text("x");
  core.Put(&m, a, &kTag);
  EXPECT_EQ(first->getter_wakes, 0);
  EXPECT_EQ(second->getter_wakes, 1);
}

TEST(ChannelTest, BoundedChannelsRecordPuttersAndWakeThemOnGet) {
  ChannelCore core(2);
  auto end = std::make_shared<FakeEndpoint>(&core, &kTag);
  uint64_t id = core.Attach(end, uv::Mailbox::Address(), &kTag);
  codec::Message m = Text("1");
  EXPECT_EQ(core.Put(&m, id, &kTag), ChannelCore::Result::kDone);
  m = Text("2");
  EXPECT_EQ(core.Put(&m, id, &kTag), ChannelCore::Result::kDone);
  m = Text("3");
  EXPECT_EQ(core.Put(&m, id, &kTag), ChannelCore::Result::kWouldBlock);
  EXPECT_EQ(m.bytes, "3");  // not taken
  codec::Message out;
  core.Get(&out, id, &kTag);
  EXPECT_EQ(end->putter_wakes, 1);
}

TEST(ChannelTest, CloseDrainsThenReportsClosedAndWakesEveryone) {
  ChannelCore core(0);
  auto end = std::make_shared<FakeEndpoint>(&core, &kTag);
  uint64_t id = core.Attach(end, uv::Mailbox::Address(), &kTag);
  codec::Message m = Text("last");
  core.Put(&m, id, &kTag);
  core.Close(&kTag);
  core.Close(&kTag);
  EXPECT_EQ(end->all_wakes, 1);
  EXPECT_TRUE(core.closed());
  m = Text("late");
  EXPECT_EQ(core.Put(&m, id, &kTag), ChannelCore::Result::kClosed);
  codec::Message out;
  EXPECT_EQ(core.Get(&out, id, &kTag), ChannelCore::Result::kDone);
  EXPECT_EQ(out.bytes, "last");
  EXPECT_EQ(core.Get(&out, id, &kTag), ChannelCore::Result::kClosed);
}

// Four threads put 2,500 messages each; a consumer on a libuv loop that
// waits whenever the channel is empty gets all 10,000, none twice.
TEST(ChannelTest, CrossThreadWakeUpsAreNotLost) {
  uv::Loop loop;
  auto* mailbox = new uv::Mailbox(loop.get());
  ChannelCore core(64);
  const char consumer_tag = 0;

  struct Consumer : ChannelEndpoint {
    ChannelCore* core;
    uint64_t id = 0;
    std::vector<int> seen;
    bool waiting = false;
    uv::Mailbox* mailbox;
    const void* tag;
    void Drain() {
      codec::Message out;
      for (;;) {
        ChannelCore::Result r = core->Get(&out, id, tag);
        if (r == ChannelCore::Result::kWouldBlock) {
          waiting = true;
          return;
        }
        if (r == ChannelCore::Result::kClosed) {
          mailbox->Drop();
          return;
        }
        seen.push_back(std::stoi(out.bytes));
      }
    }
    void WakeGetter() override {
      if (waiting) {
        waiting = false;
        Drain();
      } else {
        core->PassOn(ChannelCore::Kind::kGetter, tag);
      }
    }
    void WakePutter() override {}
    void WakeAll() override { WakeGetter(); }
  };

  auto consumer = std::make_shared<Consumer>();
  consumer->core = &core;
  consumer->mailbox = mailbox;
  consumer->tag = &consumer_tag;
  consumer->id = core.Attach(consumer, mailbox->address(), &consumer_tag);
  mailbox->Hold();

  // Producers have no loop: when the channel is full they retry (their
  // endpoint has no mailbox, so wake-ups for them are dropped).
  struct Producer : ChannelEndpoint {
    void WakeGetter() override {}
    void WakePutter() override {}
    void WakeAll() override {}
  };
  constexpr int kThreads = 4, kEach = 2500;
  std::vector<std::thread> producers;
  std::atomic<int> done{0};
  for (int t = 0; t < kThreads; ++t) {
    producers.emplace_back([&, t] {
      auto self = std::make_shared<Producer>();
      const char producer_tag = 0;
      uint64_t id = core.Attach(self, uv::Mailbox::Address(), &producer_tag);
      for (int i = 0; i < kEach; ++i) {
        codec::Message m = Text(std::to_string(t * kEach + i));
        while (core.Put(&m, id, &producer_tag) == ChannelCore::Result::kWouldBlock) {
          std::this_thread::yield();
        }
      }
      core.Detach(id);
      if (done.fetch_add(1) + 1 == kThreads) core.Close(&producer_tag);
    });
  }
  consumer->Drain();
  uv_run(loop.get(), UV_RUN_DEFAULT);  // until the close is seen
  for (auto& producer : producers) producer.join();
  ASSERT_EQ(consumer->seen.size(), static_cast<size_t>(kThreads * kEach));
  std::vector<bool> got(kThreads * kEach, false);
  for (int v : consumer->seen) {
    ASSERT_FALSE(got[v]) << "duplicate " << v;
    got[v] = true;
  }
  core.Detach(consumer->id);
  mailbox->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(ChannelTest, AMessageDroppedUndecodedReleasesWhatItPins) {
  auto pinned = std::make_shared<int>(7);
  std::weak_ptr<int> watch = pinned;
  {
    ChannelCore core(0);
    auto end = std::make_shared<FakeEndpoint>(&core, &kTag);
    uint64_t id = core.Attach(end, uv::Mailbox::Address(), &kTag);
    codec::Message m = Text("carries a live object");
    m.pins.emplace_back();
    m.pins.back().object = std::move(pinned);
    ASSERT_EQ(core.Put(&m, id, &kTag), ChannelCore::Result::kDone);
    EXPECT_FALSE(watch.expired());
  }
  EXPECT_TRUE(watch.expired());
}

}  // namespace
}  // namespace luv::thread
