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

#include "luv/lua/lua_diagnostics.h"

#include "luv/lua/lua_sched.h"
#include "luv/luacompat/luacompat.h"
#include "luv/uv/handle.h"

namespace luv::lua {
namespace {

// luv.handles() -> {"timer", "tcp", ...}: the handles this state's loop has
// open that the program opened (luv's own are left out), in no order.
int LHandles(lua_State* L) {
  sched::Scheduler* scheduler = UpScheduler(L);
  lua_newtable(L);
  uv::ForEachOpenHandle(
      scheduler->loop(),
      [](const char* type, void* context) {
        auto* L = static_cast<lua_State*>(context);
        lua_pushstring(L, type);
        lua_rawseti(L, -2, static_cast<int>(compat::RawLen(L, -2)) + 1);
      },
      L);
  return 1;
}

// luv.fiber.active() -> number: fibers readied and not finished (queued,
// running or waiting).
int LFiberActive(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(UpScheduler(L)->unfinished_fibers()));
  return 1;
}

}  // namespace

void OpenDiagnostics(lua_State* L, sched::Scheduler* scheduler) {
  lua_pushlightuserdata(L, scheduler);
  lua_pushcclosure(L, LHandles, 1);
  lua_setfield(L, -2, "handles");
  lua_getfield(L, -1, "fiber");
  lua_pushlightuserdata(L, scheduler);
  lua_pushcclosure(L, LFiberActive, 1);
  lua_setfield(L, -2, "active");
  lua_pop(L, 1);
}

}  // namespace luv::lua
