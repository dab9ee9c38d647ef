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
#include "luv/sched/yieldable.h"

#include "gtest/gtest.h"

namespace luv::sched {
namespace {

int RecordCanYield(lua_State* L) {
  lua_pushboolean(L, CanYield(L));
  lua_setglobal(L, "can_yield");
  return 0;
}

class YieldableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    L = luaL_newstate();
    luaL_openlibs(L);
    InitYieldCheck(L);
    lua_register(L, "record", RecordCanYield);
  }
  void TearDown() override { lua_close(L); }

  // Runs `body` as a coroutine (as a fiber would run) and returns what
  // record() saw.
  bool CanYieldIn(const char* body) {
    lua_State* co = lua_newthread(L);
    EXPECT_EQ(luaL_loadstring(co, body), 0);
    int nresults = 0;
    EXPECT_EQ(compat::Resume(co, L, 0, &nresults), 0) << lua_tostring(co, -1);
    lua_pop(L, 1);
    lua_getglobal(L, "can_yield");
    bool result = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return result;
  }

  lua_State* L = nullptr;
};

TEST_F(YieldableTest, TheEmbeddedInterpreterIsPucLua) { EXPECT_FALSE(RunningLuaJIT()); }

TEST_F(YieldableTest, PlainCallsMayYield) {
  EXPECT_TRUE(CanYieldIn("record()"));
  EXPECT_TRUE(CanYieldIn("local function f() record() end f()"));
}

TEST_F(YieldableTest, BoundariesMayNot) {
  EXPECT_FALSE(CanYieldIn("pcall(record)"));
  EXPECT_FALSE(CanYieldIn("pcall(function() record() end)"));
  EXPECT_FALSE(
      CanYieldIn("table.sort({2, 1}, function(a, b) record() return a < b end)"));
  EXPECT_FALSE(CanYieldIn(
      "local t = setmetatable({}, {__index = function() record() end}) local _ = t.x"));
  EXPECT_FALSE(CanYieldIn("for _ in function() record() end do end"));
}

TEST_F(YieldableTest, NestedCoroutinesStartAfresh) {
  EXPECT_TRUE(
      CanYieldIn("pcall(function() coroutine.wrap(function() record() end)() end)"));
}

}  // namespace
}  // namespace luv::sched
