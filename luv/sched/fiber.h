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

// Fiber: a State backed by a Lua coroutine that the scheduler resumes.
//
// The Lua side (luv/lua/lua_fiber.cc) keeps the Fiber inside a userdata
// whose environment holds the coroutine, and anchors that userdata in the
// registry (`anchor`) from the moment the fiber is readied until it dies, so
// a queued or waiting fiber is never collected. The userdata has no
// finalizer, so its Fiber is never destroyed: collected only dead or never
// started, a Fiber is linked nowhere and owns no memory of its own. When the
// fiber returns, its results stay on its coroutine's stack; when it raises,
// the error (with the fiber's traceback when it is a string) stays on top of
// that stack. Joining copies them, so a dead fiber can be joined any number
// of times.
//
// Thread affinity: the scheduler's thread.
#ifndef LUV_SCHED_FIBER_H_
#define LUV_SCHED_FIBER_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/state.h"
#include "luv/sched/wait_list.h"

namespace luv::sched {

class Fiber : public State {
 public:
  Fiber(Scheduler* scheduler, lua_State* coroutine)
      : State(scheduler, coroutine, /*is_fiber=*/true) {
    set_status(Status::kNew);
  }

  bool failed() const { return failed_; }

  // Registry reference that keeps the fiber's userdata alive while the
  // scheduler may resume it; LUA_NOREF otherwise.
  int anchor = LUA_NOREF;

  // States waiting in join().
  WaitList joiners;

  // PushFn for a joiner: `true, results...` or `false, error`. `fiber` is
  // the dead Fiber. Raises (caught by the caller) on stack overflow.
  static int PushJoinResults(lua_State* L, void* fiber);

 private:
  friend class Scheduler;
  bool started_ = false;  // resumed at least once
  bool failed_ = false;
  // It last yielded in luv.fiber.yield(), which leaves its stack empty.
  bool stack_empty_ = false;
};

}  // namespace luv::sched

#endif  // LUV_SCHED_FIBER_H_
