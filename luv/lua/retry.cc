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

#include "luv/lua/retry.h"

#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"

namespace luv::lua {
namespace {

// Its address is the marker (a light userdata no message can carry: the
// codec refuses light userdata).
const char kRetry = 0;

void* Marker() { return const_cast<char*>(&kRetry); }

constexpr char kGlue[] = R"lua(
local retry = ...
return function(half)
  local function again(first, ...)
    if first == retry then return again(half(...)) end
    return first, ...
  end
  return function(...)
    return again(half(...))
  end
end
)lua";

// Registry key of the compiled glue (the function that wraps a half).
const char kGlueKey = 0;

}  // namespace

void PushRetrying(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kGlueKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    LoadGlue(L, kGlue, sizeof(kGlue) - 1, "=luv.retry");
    lua_pushlightuserdata(L, Marker());
    lua_call(L, 1, 1);
    lua_pushlightuserdata(L, const_cast<char*>(&kGlueKey));
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
  }
  lua_insert(L, -2);
  lua_call(L, 1, 1);
}

bool IsRetryMarker(lua_State* L, int index) {
  return lua_type(L, index) == LUA_TLIGHTUSERDATA && lua_touserdata(L, index) == Marker();
}

int PushRetry(lua_State* L, void*) {
  lua_pushlightuserdata(L, Marker());
  return 1;
}

int ReturnRetry(lua_State* L) {
  int n = lua_gettop(L);
  luaL_checkstack(L, n + 1, "retrying a call");
  lua_pushlightuserdata(L, Marker());
  for (int i = 1; i <= n; ++i) lua_pushvalue(L, i);
  return n + 1;
}

int BlockForRetry(lua_State* L, sched::Scheduler* scheduler, sched::State* self,
                  const char* call) {
  int n = lua_gettop(L);
  self->set_waiting_in(call);
  if (scheduler->TakeCancel(self)) {
    scheduler->CancelWait(self);
    return sched::Scheduler::PushCanceled(L, self);
  }
  if (self->is_fiber()) {
    // What it yields (its arguments) comes back after the marker.
    scheduler->RetryWith(self, Marker());
    scheduler->WillYield();
    return lua_yield(L, n);
  }
  int pushed = Block(L, scheduler, self, call, 0);
  if (pushed >= 1 && lua_touserdata(L, -pushed) == Marker()) {
    luaL_checkstack(L, n, "retrying a call");
    for (int i = 1; i <= n; ++i) lua_pushvalue(L, i);
    return pushed + n;
  }
  return pushed;
}

}  // namespace luv::lua
