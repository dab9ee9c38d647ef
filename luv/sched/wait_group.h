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

// WaitGroup: the nodes of a state that waits on several things at once
// (luv.select). The first node to be woken ends the wait: the group
// remembers which one, and the scheduler unlinks all the others, so no
// later wake-up is spent on a wait that is over.
// Thread affinity: the scheduler's thread.
#ifndef LUV_SCHED_WAIT_GROUP_H_
#define LUV_SCHED_WAIT_GROUP_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "luv/sched/state.h"
#include "luv/sched/wait_list.h"

namespace luv::sched {

class WaitGroup {
 public:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  WaitGroup(State* state, size_t size);
  WaitGroup(const WaitGroup&) = delete;
  WaitGroup& operator=(const WaitGroup&) = delete;

  State* state() const { return state_; }
  size_t size() const { return nodes_.size(); }
  WaitNode* node(size_t index) { return nodes_[index].get(); }

  // Which node woke the state (kNone while none has).
  size_t fired() const { return fired_; }

  void UnlinkAll();

  // PushFn of a fired group: the 1-based index of the node.
  static int PushFired(lua_State* L, void* group);

 private:
  struct Node : WaitNode {
    Node(WaitGroup* owner, size_t i)
        : WaitNode(owner->state_, Fire), group(owner), index(i) {}
    WaitGroup* const group;
    const size_t index;
  };
  static void Fire(WaitNode* node, PushFn push, void* arg);

  State* const state_;
  std::vector<std::unique_ptr<Node>> nodes_;
  size_t fired_ = kNone;
};

}  // namespace luv::sched

#endif  // LUV_SCHED_WAIT_GROUP_H_
