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

// WaitList: the states waiting for one thing (a timer tick, a fiber's end).
//
// Intrusive and allocation-free: each State owns one WaitNode and waits in
// at most one list at a time, or, through a WaitGroup (luv.select), in
// several with one node each. A node unlinks itself when its state stops
// waiting for any reason, so a list never holds a state that has gone.
// Thread affinity: the owning scheduler's thread.
#ifndef LUV_SCHED_WAIT_LIST_H_
#define LUV_SCHED_WAIT_LIST_H_

struct lua_State;

namespace luv::sched {

class State;
struct WaitNode;

// How a node that is not its state's own is woken (a luv.select node):
// called instead of Scheduler::Wake with the waker's results.
using FireFn = void (*)(WaitNode* node, int (*push)(lua_State*, void*), void* arg);

// The links of a doubly linked ring: a list's head is a bare link (no
// state), so that every fiber's list of joiners costs two pointers.
struct WaitLink {
  WaitLink* prev = nullptr;
  WaitLink* next = nullptr;
};

struct WaitNode : WaitLink {
  explicit WaitNode(State* owner, FireFn fire_fn = nullptr)
      : state(owner), fire(fire_fn) {}
  WaitNode(const WaitNode&) = delete;
  WaitNode& operator=(const WaitNode&) = delete;
  ~WaitNode() { Unlink(); }

  bool linked() const { return next != nullptr; }
  void Unlink();

  State* const state;
  const FireFn fire;
};

class WaitList {
 public:
  WaitList() { head_.prev = head_.next = &head_; }
  WaitList(const WaitList&) = delete;
  WaitList& operator=(const WaitList&) = delete;
  // Unlinks whatever still waits; those states are not woken.
  ~WaitList();

  bool empty() const { return head_.next == &head_; }

  // Appends `node` (unlinking it from any other list first).
  void Add(WaitNode* node);

  // Removes and returns the oldest node, or nullptr.
  WaitNode* PopFront();

  // Moves every node of `other` to the end of this list.
  void Splice(WaitList* other);

 private:
  WaitLink head_;
};

}  // namespace luv::sched

#endif  // LUV_SCHED_WAIT_LIST_H_
