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

// luv.timer.create() and timer methods: start, stop, again, wait, close.
#include "luv/lua/lua_timer.h"

#include <cmath>

#include "luv/lua/lua_handle.h"
#include "luv/lua/lua_select.h"
#include "luv/uv/timer.h"

namespace luv::lua {
namespace {

constexpr char kTimerType[] = "luv.timer";

class LuaTimer : public WaitableHandle<uv::Timer> {
 public:
  using WaitableHandle::WaitableHandle;

 protected:
  void OnTimer() override { WakeWaiters(); }
};

LuaTimer* CheckTimer(lua_State* L) { return CheckHandle<LuaTimer>(L, 1, kTimerType); }

// Milliseconds argument: a finite number >= 0 (default `fallback` if absent).
uint64_t CheckMilliseconds(lua_State* L, int index, lua_Number fallback) {
  lua_Number ms = luaL_optnumber(L, index, fallback);
  if (!(ms >= 0) || !std::isfinite(ms) || ms > 1e15) {
    luaL_argerror(L, index, "milliseconds must be a number from 0 to 1e15");
  }
  return static_cast<uint64_t>(ms);
}

// luv.timer.create() -> timer
int LTimerCreate(lua_State* L) {
  return CreateHandle<LuaTimer>(L, kTimerType, UpScheduler(L));
}

// timer:start(delay_ms[, repeat_ms]) -> true
int LTimerStart(lua_State* L) {
  LuaTimer* timer = CheckTimer(L);
  uint64_t delay = CheckMilliseconds(L, 2, -1);
  uint64_t repeat = CheckMilliseconds(L, 3, 0);
  Result result = timer->Start(delay, repeat);  // the status dies here
  return ReturnTrue(L, result);
}

// timer:stop() -> true. Waiters keep waiting for a later start.
int LTimerStop(lua_State* L) {
  Result result = CheckTimer(L)->Stop();  // the status dies here
  return ReturnTrue(L, result);
}

// timer:again() -> true: restarts a repeating timer with its repeat value.
int LTimerAgain(lua_State* L) {
  Result result = CheckTimer(L)->Again();  // the status dies here
  return ReturnTrue(L, result);
}

// timer:wait() -> true at the timer's next expiry.
int LTimerWait(lua_State* L) {
  return HandleWait<LuaTimer>(L, kTimerType, "timer:wait()", "timer");
}

// timer:close() -> true
int LTimerClose(lua_State* L) { return HandleClose<LuaTimer>(L, kTimerType, "timer"); }

// timer:active() -> whether it is started
int LTimerActive(lua_State* L) {
  lua_pushboolean(L, CheckTimer(L)->active());
  return 1;
}

constexpr luaL_Reg kMethods[] = {
    {"start", LTimerStart}, {"stop", LTimerStop},   {"again", LTimerAgain},
    {"wait", LTimerWait},   {"close", LTimerClose}, {"active", LTimerActive},
    {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"create", LTimerCreate},
    {nullptr, nullptr},
};

}  // namespace

void OpenTimer(lua_State* L, sched::Scheduler* scheduler) {
  RegisterWaitable(kTimerType, {HandleSelectReady<LuaTimer, kTimerType>,
                                HandleSelectAdd<LuaTimer, kTimerType>});
  NewObjectClass(L, kTimerType, kMethods);
  lua_pop(L, 1);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  lua_setfield(L, -2, "timer");
}

}  // namespace luv::lua
