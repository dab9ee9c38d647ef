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

/* The limit for a fiber switch: a bare C loop of lua_resume on one coroutine
 * that yields at once. Built as a Lua C module so that it runs inside the
 * same interpreter (and the same build of the Lua VM) as luv's benchmark:
 *   require("bare_resume").run(n) -> CPU seconds for n switches
 * (C, outside luv: it spells lua_resume for each VM itself.) */
#include <lauxlib.h>
#include <lua.h>
#include <time.h>

static int Run(lua_State* L) {
  long n = (long)luaL_checknumber(L, 1);
  if (luaL_dostring(L,
                    "return coroutine.create(function()"
                    "  local yield = coroutine.yield"
                    "  while true do yield() end "
                    "end)") != 0) {
    return lua_error(L);
  }
  lua_State* co = lua_tothread(L, -1);
  clock_t start = clock();
  for (long i = 0; i < n; ++i) {
#if LUA_VERSION_NUM >= 504
    int nresults;
    int status = lua_resume(co, L, 0, &nresults);
#elif LUA_VERSION_NUM >= 502
    int status = lua_resume(co, L, 0);
#else
    int status = lua_resume(co, 0);
#endif
    if (status != LUA_YIELD) return luaL_error(L, "the coroutine ended");
  }
  lua_pushnumber(L, (double)(clock() - start) / CLOCKS_PER_SEC);
  return 1;
}

__attribute__((visibility("default"))) int luaopen_bare_resume(lua_State* L) {
  lua_newtable(L);
  lua_pushcfunction(L, Run);
  lua_setfield(L, -2, "run");
  return 1;
}
