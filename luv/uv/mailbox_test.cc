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

#include "luv/uv/mailbox.h"

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

TEST(MailboxTest, RunsTasksFromOtherThreadsInOrderWithoutLosingAny) {
  Loop loop;
  auto* mailbox = new Mailbox(loop.get());
  ASSERT_TRUE(mailbox->init_status().ok());
  Mailbox::Address address = mailbox->address();
  constexpr int kThreads = 4, kPerThread = 5000;
  std::vector<std::vector<int>> seen(kThreads);
  int total = 0;
  mailbox->Hold();  // the loop waits for the posters
  std::vector<std::thread> posters;
  for (int t = 0; t < kThreads; ++t) {
    posters.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        ASSERT_TRUE(address.Post([&, t, i] {
          seen[t].push_back(i);
          if (++total == kThreads * kPerThread) mailbox->Drop();
        }));
      }
    });
  }
  uv_run(loop.get(), UV_RUN_DEFAULT);  // returns once Drop unrefs the handle
  for (auto& poster : posters) poster.join();
  EXPECT_EQ(total, kThreads * kPerThread);
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(seen[t].size(), static_cast<size_t>(kPerThread));
    for (int i = 0; i < kPerThread; ++i) ASSERT_EQ(seen[t][i], i);  // per-thread order
  }
  mailbox->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(MailboxTest, DoesNotKeepTheLoopAliveUnlessHeld) {
  Loop loop;
  auto* mailbox = new Mailbox(loop.get());
  EXPECT_EQ(uv_run(loop.get(), UV_RUN_NOWAIT), 0);  // nothing alive
  mailbox->Hold();
  EXPECT_NE(uv_loop_alive(loop.get()), 0);
  mailbox->Drop();
  EXPECT_EQ(uv_loop_alive(loop.get()), 0);
  mailbox->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(MailboxTest, PostingAfterCloseFailsAndDropsTheTask) {
  Loop loop;
  auto* mailbox = new Mailbox(loop.get());
  Mailbox::Address address = mailbox->address();
  auto token = std::make_shared<int>(0);
  ASSERT_TRUE(address.Post([token] { ++*token; }));
  mailbox->Release();  // closes with the task still queued
  EXPECT_FALSE(address.Post([token] { ++*token; }));
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_EQ(*token, 0);
  EXPECT_EQ(token.use_count(), 1);  // the dropped tasks let go of it
  EXPECT_FALSE(Mailbox::Address().Post([] {}));
}

}  // namespace
}  // namespace luv::uv
