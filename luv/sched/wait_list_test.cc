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

#include "luv/sched/wait_list.h"

#include "gtest/gtest.h"

namespace luv::sched {
namespace {

// The list never dereferences `state`; fake owners are enough here.
State* Owner(int i) { return reinterpret_cast<State*>(static_cast<intptr_t>(i)); }

TEST(WaitListTest, PopsInFifoOrder) {
  WaitNode a(Owner(1)), b(Owner(2)), c(Owner(3));
  WaitList list;
  EXPECT_TRUE(list.empty());
  list.Add(&a);
  list.Add(&b);
  list.Add(&c);
  EXPECT_EQ(list.PopFront(), &a);
  EXPECT_EQ(list.PopFront(), &b);
  EXPECT_EQ(list.PopFront(), &c);
  EXPECT_EQ(list.PopFront(), nullptr);
  EXPECT_FALSE(a.linked());
}

TEST(WaitListTest, AddingMovesANodeBetweenLists) {
  WaitNode a(Owner(1));
  WaitList first, second;
  first.Add(&a);
  second.Add(&a);
  EXPECT_TRUE(first.empty());
  EXPECT_EQ(second.PopFront(), &a);
}

TEST(WaitListTest, UnlinkedNodeLeavesTheOthersInOrder) {
  WaitNode a(Owner(1)), b(Owner(2)), c(Owner(3));
  WaitList list;
  list.Add(&a);
  list.Add(&b);
  list.Add(&c);
  b.Unlink();
  b.Unlink();  // harmless twice
  EXPECT_EQ(list.PopFront(), &a);
  EXPECT_EQ(list.PopFront(), &c);
  EXPECT_TRUE(list.empty());
}

TEST(WaitListTest, DestroyedNodeUnlinksItself) {
  WaitList list;
  WaitNode a(Owner(1));
  {
    WaitNode b(Owner(2));
    list.Add(&a);
    list.Add(&b);
  }
  EXPECT_EQ(list.PopFront(), &a);
  EXPECT_TRUE(list.empty());
}

TEST(WaitListTest, DestroyedListReleasesItsNodes) {
  WaitNode a(Owner(1));
  {
    WaitList list;
    list.Add(&a);
  }
  EXPECT_FALSE(a.linked());
}

TEST(WaitListTest, SpliceKeepsOrder) {
  WaitNode a(Owner(1)), b(Owner(2)), c(Owner(3));
  WaitList list, other;
  list.Add(&a);
  other.Add(&b);
  other.Add(&c);
  list.Splice(&other);
  EXPECT_TRUE(other.empty());
  EXPECT_EQ(list.PopFront(), &a);
  EXPECT_EQ(list.PopFront(), &b);
  EXPECT_EQ(list.PopFront(), &c);
}

}  // namespace
}  // namespace luv::sched
