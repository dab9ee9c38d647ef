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


#include "luv/luacompat/luacompat.h"
// Switch rate through the real scheduler, beside the bare lua_resume limit,
// with Lua embedded in the benchmark process (Lua 5.1, or LuaJIT with
// --config=luajit).
//   bazel run -c opt //bench:sched_benchmark
#include <lua.hpp>

#include "benchmark/benchmark.h"

extern "C" int luaopen_luv(lua_State* L);

namespace {

lua_State* NewState() {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "preload");
  lua_pushcfunction(L, luaopen_luv);
  lua_setfield(L, -2, "luv");
  lua_pop(L, 2);
  return L;
}

// Two fibers each yield `half` times per call of the returned function.
constexpr char kSwitch[] = R"lua(
  local luv = require("luv")
  local yield = luv.fiber.yield
  return function(half)
    local function body() for _ = 1, half do yield() end end
    local a, b = luv.fiber.create(body):ready(), luv.fiber.create(body):ready()
    a:join() b:join()
  end
)lua";

void BM_Sched_Switch(benchmark::State& state) {
  lua_State* L = NewState();
  if (luaL_dostring(L, kSwitch) != 0) state.SkipWithError(lua_tostring(L, -1));
  const int half = 100000;
  for (auto _ : state) {
    lua_pushvalue(L, -1);
    lua_pushinteger(L, half);
    if (lua_pcall(L, 1, 0, 0) != 0) state.SkipWithError(lua_tostring(L, -1));
  }
  state.SetItemsProcessed(state.iterations() * 2 * half);
  lua_close(L);
}
BENCHMARK(BM_Sched_Switch)->Unit(benchmark::kMillisecond);

void BM_Lua_BareResume(benchmark::State& state) {
  lua_State* L = NewState();
  luaL_dostring(
      L, "return coroutine.create(function() while true do coroutine.yield() end end)");
  lua_State* co = lua_tothread(L, -1);
  for (auto _ : state) {
    int nresults = 0;
    if (luv::compat::Resume(co, L, 0, &nresults) != LUA_YIELD) {
      state.SkipWithError("coroutine ended");
    }
  }
  state.SetItemsProcessed(state.iterations());
  lua_close(L);
}
BENCHMARK(BM_Lua_BareResume);

}  // namespace
