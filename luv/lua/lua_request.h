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

// Request: a libuv request (fs operation, connect, write, getaddrinfo, ...)
// made on behalf of a state that waits for it.
//
// A derived record embeds the libuv request and its result; its libuv
// callback stores the result and calls Complete(). The record is owned by a
// small Lua userdata (the "box") that the waiting state keeps alive: a fiber
// yields it (Block's `keep`), the main state holds it on its stack. So the
// record lives until the results were pushed, and is freed by whichever
// comes last of the box's __gc and the libuv callback: a box collected while
// the request is in flight (the program ended) leaves the record to the
// callback. A waiter that goes away (its fiber collected) unlinks itself
// from `waiters`, so Complete never wakes a state that is gone.
//
// The binding pattern (check -> start -> block):
//   State* self = CheckBlockingState(L, scheduler, "luv.fs.stat()");
//   auto* request = NewRequest<StatRequest>(L, scheduler);   // box on top
//   int box = lua_gettop(L);
//   int rc = request->Start(path);                           // the libuv call
//   if (rc < 0) { request->Complete(rc);  return request->PushResults(L); }
//   return request->Await(L, self, box, "luv.fs.stat()");
//
// Thread affinity: the scheduler's thread.
#ifndef LUV_LUA_LUA_REQUEST_H_
#define LUV_LUA_LUA_REQUEST_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"
#include "luv/sched/wait_list.h"

namespace luv::lua {

class Request {
 public:
  explicit Request(sched::Scheduler* scheduler) : scheduler_(scheduler) {}
  Request(const Request&) = delete;
  Request& operator=(const Request&) = delete;
  virtual ~Request() = default;

  sched::Scheduler* scheduler() const { return scheduler_; }
  bool done() const { return done_; }

  // The request finished (from its libuv callback, or at once when it could
  // not start): wakes the waiter with PushResults, or frees the record if its
  // box is gone.
  void Complete();

  // Pushes the call's results onto `L` (a running thread, protected mode).
  virtual int PushResults(lua_State* L) = 0;

  // Registers `self` as the waiter and suspends it; `box` is the stack index
  // of this request's box. Returns what the binding returns.
  int Await(lua_State* L, sched::State* self, int box, const char* call);

 private:
  friend void ReleaseRequest(Request* request);

  sched::Scheduler* const scheduler_;
  sched::WaitList waiters_;
  bool done_ = false;
  bool orphaned_ = false;  // the box was collected first
};

// Pushes a box (a userdata with __gc) and returns its slot; the caller
// stores the new record there right away (nothing may raise in between).
Request** PushRequestBox(lua_State* L);

// Creates `Record(scheduler, args...)` owned by a new box on top of the stack.
template <typename Record, typename... Args>
Record* NewRequest(lua_State* L, sched::Scheduler* scheduler, Args&&... args) {
  Request** slot = PushRequestBox(L);
  auto* record = new Record(scheduler, static_cast<Args&&>(args)...);
  *slot = record;
  return record;
}

// Registers the box metatable. Called once by luaopen_luv.
void OpenRequest(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_REQUEST_H_
