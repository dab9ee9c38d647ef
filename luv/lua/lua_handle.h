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

// The Lua side of a libuv handle: a userdata pointing at a heap record that
// embeds the handle (uv::HandleOwner) plus the states waiting on it.
//
// The record is freed by whichever runs last of libuv's close callback and
// the userdata's __gc (STYLE.md, model 1). close() wakes the waiters with
// `nil, "ECANCELED: <type> was closed", "ECANCELED"`; methods called
// after close fail cleanly. A handle that states wait on cannot be collected:
// each waiting state holds it on its stack, and the state itself is
// anchored.
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_HANDLE_H_
#define LUV_LUA_LUA_HANDLE_H_

#include "luv/luacompat/luacompat.h"

#include "luv/lua/lua_sched.h"
#include "luv/lua/object.h"
#include "luv/lua/support.h"
#include "luv/sched/scheduler.h"
#include "luv/sched/wait_list.h"

namespace luv::lua {

// Base of a handle record: `Base` is a luv/uv handle class (uv::Timer, ...).
// Owned by a Lua object (object.h); releasing it closes the handle.
template <typename Base>
class WaitableHandle : public Base, public LuaOwned {
 public:
  explicit WaitableHandle(sched::Scheduler* scheduler)
      : Base(scheduler->loop()), scheduler_(scheduler) {}

  void ReleaseFromLua() override { this->Release(); }

  sched::Scheduler* scheduler() const { return scheduler_; }
  sched::WaitList* waiters() { return &waiters_; }

  // Wakes every waiter with `true`.
  void WakeWaiters() { scheduler_->WakeAll(&waiters_, PushTrue, nullptr); }

 private:
  sched::Scheduler* const scheduler_;
  sched::WaitList waiters_;
};

// <type>.create(): pushes a new object of class `type` owning a new
// Record(scheduler), or the failure triple if libuv refused the handle.
template <typename Record>
int CreateHandle(lua_State* L, const char* type, sched::Scheduler* scheduler) {
  ObjectBox* box = PushObjectBox(L, type);
  auto* record = new Record(scheduler);
  if (record->init_status().ok()) {
    box->owned = record;
    return 1;
  }
  int pushed = PushFailure(L, record->init_status());
  record->Release();
  return pushed >= 0 ? pushed : lua_error(L);
}

// The record behind the object at `index` (checked against `type`).
template <typename Record>
Record* CheckHandle(lua_State* L, int index, const char* type) {
  return CheckObject<Record>(L, index, type);
}

// handle:close() -> true. Wakes the waiters with ECANCELED; idempotent.
template <typename Record>
int HandleClose(lua_State* L, const char* type, const char* what) {
  Record* record = CheckHandle<Record>(L, 1, type);
  record->scheduler()->WakeAll(record->waiters(), PushClosed, const_cast<char*>(what));
  record->Close();
  lua_pushboolean(L, 1);
  return 1;
}

// handle:wait() -> true each time the handle fires; or the ECANCELED triple
// when it is closed meanwhile, or `nil, "EBADF: <what> is closed", "EBADF"`
// right away on a closed handle.
template <typename Record>
int HandleWait(lua_State* L, const char* type, const char* call, const char* what) {
  Record* record = CheckHandle<Record>(L, 1, type);
  if (record->closing()) return PushLuvError(L, LuvError::kClosed, what);
  sched::Scheduler* scheduler = record->scheduler();
  sched::State* self = CheckBlockingState(L, scheduler, call);
  scheduler->Wait(record->waiters(), self);
  return Block(L, scheduler, self, call, 1);
}

// luv.select support for handles whose waiters are woken by each event
// (timers, idle watchers): never ready before the next event, except when
// closed (a wait would fail at once).
template <typename Record, const char* kType>
bool HandleSelectReady(lua_State* L, int index) {
  return CheckHandle<Record>(L, index, kType)->closing();
}

template <typename Record, const char* kType>
bool HandleSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  CheckHandle<Record>(L, index, kType)->waiters()->Add(node);
  return false;
}

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_HANDLE_H_
