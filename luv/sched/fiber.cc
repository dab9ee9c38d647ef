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

#include "luv/sched/fiber.h"

namespace luv::sched {

int Fiber::PushJoinResults(lua_State* L, void* arg) {
  auto* fiber = static_cast<Fiber*>(arg);
  lua_State* co = fiber->thread();
  if (fiber->failed()) {
    luaL_checkstack(L, 2, "joining a fiber");
    lua_checkstack(co, 1);
    lua_pushboolean(L, 0);
    lua_pushvalue(co, -1);
    lua_xmove(co, L, 1);
    return 2;
  }
  int n = lua_gettop(co);
  luaL_checkstack(L, n + 1, "too many results to join");
  if (!lua_checkstack(co, n)) luaL_error(L, "too many results to join");
  lua_pushboolean(L, 1);
  for (int i = 1; i <= n; ++i) lua_pushvalue(co, i);
  lua_xmove(co, L, n);
  return n + 1;
}

}  // namespace luv::sched
