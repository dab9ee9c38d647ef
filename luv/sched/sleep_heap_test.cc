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

#include "luv/sched/sleep_heap.h"

#include <algorithm>
#include <memory>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "luv/sched/state.h"

namespace luv::sched {
namespace {

std::vector<std::unique_ptr<State>> MakeStates(int n) {
  std::vector<std::unique_ptr<State>> states;
  for (int i = 0; i < n; ++i)
    states.push_back(std::make_unique<State>(nullptr, nullptr, true));
  return states;
}

TEST(SleepHeapTest, PopsInDeadlineOrderAndOnlyWhenDue) {
  auto states = MakeStates(3);
  SleepHeap heap;
  heap.Push(states[0].get(), 30, SleepHeap::Kind::kSleep);
  heap.Push(states[1].get(), 10, SleepHeap::Kind::kDeadline);
  heap.Push(states[2].get(), 20, SleepHeap::Kind::kSleep);
  EXPECT_EQ(heap.next_deadline(), 10u);
  SleepHeap::Kind kind;
  EXPECT_EQ(heap.PopDue(9, &kind), nullptr);
  EXPECT_EQ(heap.PopDue(25, &kind), states[1].get());
  EXPECT_EQ(kind, SleepHeap::Kind::kDeadline);
  EXPECT_EQ(heap.PopDue(25, &kind), states[2].get());
  EXPECT_EQ(kind, SleepHeap::Kind::kSleep);
  EXPECT_EQ(heap.PopDue(25, &kind), nullptr);
  EXPECT_EQ(heap.PopDue(30, &kind), states[0].get());
  EXPECT_TRUE(heap.empty());
}

TEST(SleepHeapTest, EqualDeadlinesWakeFirstComeFirstServed) {
  auto states = MakeStates(5);
  SleepHeap heap;
  for (auto& state : states) heap.Push(state.get(), 7, SleepHeap::Kind::kSleep);
  SleepHeap::Kind kind;
  for (auto& state : states) EXPECT_EQ(heap.PopDue(7, &kind), state.get());
}

TEST(SleepHeapTest, RemovedStatesNeverComeBack) {
  auto states = MakeStates(4);
  SleepHeap heap;
  for (int i = 0; i < 4; ++i)
    heap.Push(states[i].get(), 10 * (i + 1), SleepHeap::Kind::kSleep);
  heap.Remove(states[0].get());  // the root
  heap.Remove(states[2].get());  // an inner entry
  heap.Remove(states[2].get());  // twice is harmless
  EXPECT_EQ(heap.size(), 2u);
  SleepHeap::Kind kind;
  EXPECT_EQ(heap.PopDue(100, &kind), states[1].get());
  EXPECT_EQ(heap.PopDue(100, &kind), states[3].get());
  EXPECT_TRUE(heap.empty());
}

TEST(SleepHeapTest, RandomPushesAndRemovalsKeepTheOrder) {
  auto states = MakeStates(2000);
  std::mt19937 random(7);
  SleepHeap heap;
  std::vector<std::pair<uint64_t, State*>> expected;
  for (auto& state : states) {
    uint64_t deadline = random() % 500;
    heap.Push(state.get(), deadline, SleepHeap::Kind::kSleep);
    expected.emplace_back(deadline, state.get());
  }
  // Remove every third state.
  std::vector<std::pair<uint64_t, State*>> kept;
  for (size_t i = 0; i < expected.size(); ++i) {
    if (i % 3 == 0) {
      heap.Remove(expected[i].second);
    } else {
      kept.push_back(expected[i]);
    }
  }
  std::stable_sort(kept.begin(), kept.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  SleepHeap::Kind kind;
  for (const auto& [deadline, state] : kept) {
    EXPECT_EQ(heap.next_deadline(), deadline);
    EXPECT_EQ(heap.PopDue(deadline, &kind), state);
  }
  EXPECT_TRUE(heap.empty());
}

}  // namespace
}  // namespace luv::sched
