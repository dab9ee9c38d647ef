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

// The bridge between bindings and the scheduler: finding the scheduler,
// checking that a call may block, and blocking.
//
// Every blocking binding follows the same steps:
//   sched::State* self = CheckBlockingState(L, scheduler, "timer:wait()");
//   scheduler->Wait(&record->waiters, self);
//   return Block(L, scheduler, self, "timer:wait()", 1);
// In a fiber Block yields (the C function's results come from the waker);
// in the main state it runs the scheduler until the state is woken.
//
// Thread affinity: the thread that owns `L`.
#ifndef LUV_LUA_LUA_SCHED_H_
#define LUV_LUA_LUA_SCHED_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Creates this Lua state's scheduler (once; later calls return it). May
// raise.
sched::Scheduler* OpenScheduler(lua_State* L);

// The scheduler of the Lua state `L` belongs to (registry lookup).
sched::Scheduler* GetScheduler(lua_State* L);

// Module functions carry their scheduler as upvalue 1.
inline sched::Scheduler* UpScheduler(lua_State* L) {
  return static_cast<sched::Scheduler*>(lua_touserdata(L, lua_upvalueindex(1)));
}

// The state on whose behalf `L` may block now. Raises a message naming
// `call` when `L` is a plain coroutine, or (Lua 5.1) when a pcall, metamethod
// or iterator lies between the call and its fiber.
sched::State* CheckBlockingState(lua_State* L, sched::Scheduler* scheduler,
                                 const char* call);

// Suspends `self` (registered as a waiter already) and returns what the C
// function returns: in a fiber the result of lua_yield, in the main state
// the number of results pushed once it was woken. Raises on deadlock.
// `keep` is the stack index of the object waited on (0: none): a suspended
// fiber keeps it alive, since waiters hold raw pointers into it. (LuaJIT
// drops a yielding C function's arguments, and a tail call drops the
// caller's locals, so nothing else is sure to.) `keep2` is a second such
// index (0: none), for a call whose result lands in another object
// (server:accept(client) keeps both).
int Block(lua_State* L, sched::Scheduler* scheduler, sched::State* self, const char* call,
          int keep, int keep2 = 0);

// Pops the main thread's object (what luv.self() returns outside fibers)
// into the registry; PushMainThreadObject pushes it.
void SetMainThreadObject(lua_State* L);
void PushMainThreadObject(lua_State* L);

// PushFns shared by bindings: `true`; and `nil, "ECANCELED: <what> was
// closed", "ECANCELED"` for waiters of a handle that was closed (`what` is a
// static string such as "timer").
int PushTrue(lua_State* L, void* unused);
int PushClosed(lua_State* L, void* what);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_SCHED_H_
