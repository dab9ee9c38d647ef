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

// luv.idle.create() and idle methods: start, stop, wait, close.
#include "luv/lua/lua_idle.h"

#include "luv/lua/lua_handle.h"
#include "luv/lua/lua_select.h"
#include "luv/uv/idle.h"

namespace luv::lua {
namespace {

constexpr char kIdleType[] = "luv.idle";

// Wakes its waiters on every loop iteration while started, i.e. whenever the
// loop has nothing else to do.
class LuaIdle : public WaitableHandle<uv::Idle> {
 public:
  using WaitableHandle::WaitableHandle;

 protected:
  void OnIdle() override { WakeWaiters(); }
};

LuaIdle* CheckIdle(lua_State* L) { return CheckHandle<LuaIdle>(L, 1, kIdleType); }

// luv.idle.create() -> idle
int LIdleCreate(lua_State* L) {
  return CreateHandle<LuaIdle>(L, kIdleType, UpScheduler(L));
}

// idle:start() -> true
int LIdleStart(lua_State* L) {
  Result result = CheckIdle(L)->Start();  // the status dies here
  return ReturnTrue(L, result);
}

// idle:stop() -> true
int LIdleStop(lua_State* L) {
  Result result = CheckIdle(L)->Stop();  // the status dies here
  return ReturnTrue(L, result);
}

// idle:wait() -> true when the loop next runs out of other work.
int LIdleWait(lua_State* L) {
  return HandleWait<LuaIdle>(L, kIdleType, "idle:wait()", "idle watcher");
}

// idle:close() -> true
int LIdleClose(lua_State* L) {
  return HandleClose<LuaIdle>(L, kIdleType, "idle watcher");
}

// idle:active() -> whether it is started
int LIdleActive(lua_State* L) {
  lua_pushboolean(L, CheckIdle(L)->active());
  return 1;
}

constexpr luaL_Reg kMethods[] = {
    {"start", LIdleStart}, {"stop", LIdleStop},     {"wait", LIdleWait},
    {"close", LIdleClose}, {"active", LIdleActive}, {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"create", LIdleCreate},
    {nullptr, nullptr},
};

}  // namespace

void OpenIdle(lua_State* L, sched::Scheduler* scheduler) {
  RegisterWaitable(kIdleType, {HandleSelectReady<LuaIdle, kIdleType>,
                               HandleSelectAdd<LuaIdle, kIdleType>});
  NewObjectClass(L, kIdleType, kMethods);
  lua_pop(L, 1);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  lua_setfield(L, -2, "idle");
}

}  // namespace luv::lua
