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

// The per-state scheduler userdata and the blocking helpers of lua_sched.h.
#include "luv/lua/lua_sched.h"

#include <cstdio>
#include <new>

#include "luv/lua/support.h"
#include "luv/sched/yieldable.h"

namespace luv::lua {
namespace {

// Registry keys (their addresses are the keys).
const char kSchedulerKey = 0;
const char kMainThreadKey = 0;

constexpr char kSchedulerType[] = "luv.scheduler";

// __gc of the scheduler userdata. It is created before any other luv object
// of the state, so lua_close finalizes it last, after every handle's owner.
int LSchedulerGc(lua_State* L) {
  auto* scheduler = static_cast<sched::Scheduler*>(TestObject(L, 1, kSchedulerType));
  if (scheduler == nullptr) return 0;
  scheduler->~Scheduler();
  return 0;
}

bool IsMainThread(lua_State* L) {
  bool is_main = lua_pushthread(L) == 1;
  lua_pop(L, 1);
  return is_main;
}

}  // namespace

sched::Scheduler* OpenScheduler(lua_State* L) {
  if (sched::Scheduler* existing = GetScheduler(L)) return existing;
  luaL_checkstack(L, 4, "opening luv");
  void* memory = lua_newuserdata(L, sizeof(sched::Scheduler));
  static const luaL_Reg kMeta[] = {{"__gc", LSchedulerGc}, {nullptr, nullptr}};
  static const luaL_Reg kNoMethods[] = {{nullptr, nullptr}};
  NewClass(L, kSchedulerType, kNoMethods, kMeta);
  // Nothing below allocates until the scheduler is constructed, so __gc
  // never sees raw memory.
  lua_setmetatable(L, -2);
  auto* scheduler = new (memory) sched::Scheduler(IsMainThread(L) ? L : nullptr);
  if (!scheduler->init_status().ok()) {
    // Copied out so that no std::string is alive when luaL_error jumps.
    char message[256];
    std::string_view text = scheduler->init_status().message();
    std::snprintf(message, sizeof(message), "%.*s", static_cast<int>(text.size()),
                  text.data());
    luaL_error(L, "luv: cannot start the event loop: %s", message);
  }
  lua_pushlightuserdata(L, const_cast<char*>(&kSchedulerKey));
  lua_insert(L, -2);
  lua_rawset(L, LUA_REGISTRYINDEX);
  return scheduler;
}

sched::Scheduler* GetScheduler(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kSchedulerKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
  auto* scheduler = static_cast<sched::Scheduler*>(lua_touserdata(L, -1));
  lua_pop(L, 1);
  return scheduler;
}

void SetMainThreadObject(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kMainThreadKey));
  lua_insert(L, -2);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

void PushMainThreadObject(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kMainThreadKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
}

sched::State* CheckBlockingState(lua_State* L, sched::Scheduler* scheduler,
                                 const char* call) {
  sched::State* self = scheduler->StateOf(L);
  if (self == nullptr && scheduler->main_state()->thread() == nullptr &&
      scheduler->current() == nullptr && IsMainThread(L)) {
    // luv was first required from a coroutine; this is the main thread.
    scheduler->SetMainThread(L);
    self = scheduler->main_state();
  }
  // Raised where the program called, also through luv's glue.
  if (self == nullptr) {
    PushProgramWhere(L);
    lua_pushfstring(L,
                    "luv: %s would block in a plain coroutine; blocking calls work in "
                    "fibers (luv.fiber.create) and in the main state",
                    call);
    lua_concat(L, 2);
    lua_error(L);
  }
  if (self->is_fiber() && !sched::CanYield(L)) {
    PushProgramWhere(L);
    lua_pushfstring(L,
                    "luv: %s cannot suspend its fiber from inside pcall, xpcall, a "
                    "metamethod or an iterator on Lua 5.1; use luv.pcall or luv.xpcall "
                    "instead of pcall and xpcall",
                    call);
    lua_concat(L, 2);
    lua_error(L);
  }
  return self;
}

int Block(lua_State* L, sched::Scheduler* scheduler, sched::State* self, const char* call,
          int keep, int keep2) {
  self->set_waiting_in(call);
  if (scheduler->TakeCancel(self)) {
    scheduler->CancelWait(self);
    return sched::Scheduler::PushCanceled(L, self);
  }
  if (self->is_fiber()) {
    scheduler->WillYield();
    int kept = 0;
    for (int index : {keep, keep2}) {
      if (index == 0) continue;
      lua_pushvalue(L, index);
      ++kept;
    }
    return lua_yield(L, kept);
  }
  switch (scheduler->RunUntilWoken(L)) {
    case sched::Scheduler::WakeResult::kWoken:
      break;
    case sched::Scheduler::WakeResult::kDeadlock:
      return luaL_error(L,
                        "luv: deadlock: %s waits in the main state, but no fiber is "
                        "ready and no timer, handle or request is active to wake it",
                        call);
    case sched::Scheduler::WakeResult::kStopping:
      return luaL_error(L, "luv: %s interrupted: the process is exiting", call);
  }
  void* arg;
  sched::PushFn push = scheduler->TakeResults(self, &arg);
  if (push == nullptr) return 0;
  int pushed = PushProtected(L, [push, arg](lua_State* L) { return push(L, arg); });
  return pushed >= 0 ? pushed : lua_error(L);
}

int PushTrue(lua_State* L, void*) {
  lua_pushboolean(L, 1);
  return 1;
}

int PushClosed(lua_State* L, void* what) {
  return PushLuvError(L, LuvError::kClosedMeanwhile, static_cast<const char*>(what));
}

}  // namespace luv::lua
