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

#include "luv/protect/protect.h"

#include <string>

#include "gtest/gtest.h"

namespace luv::protect {
namespace {

int AddArguments(lua_State* L, void* context) {
  *static_cast<int*>(context) = lua_gettop(L);
  lua_pushnumber(L, lua_tonumber(L, 1) + lua_tonumber(L, 2));
  lua_pushliteral(L, "second");
  return 2;
}

int Raise(lua_State* L, void*) { return luaL_error(L, "raised on purpose"); }

TEST(ProtectedCallTest, PassesArgumentsAndReturnsResults) {
  lua_State* L = luaL_newstate();
  lua_pushliteral(L, "below");
  lua_pushnumber(L, 2);
  lua_pushnumber(L, 3);
  int seen = 0;
  ASSERT_EQ(CallProtected(L, AddArguments, &seen, 2), 2);
  EXPECT_EQ(seen, 2) << "the function sees only its arguments";
  EXPECT_EQ(lua_gettop(L), 3);
  EXPECT_EQ(lua_tonumber(L, 2), 5);
  EXPECT_STREQ(lua_tostring(L, 3), "second");
  EXPECT_STREQ(lua_tostring(L, 1), "below");
  lua_close(L);
}

TEST(ProtectedCallTest, CatchesErrorsAndConsumesArguments) {
  lua_State* L = luaL_newstate();
  lua_pushnumber(L, 1);
  ASSERT_EQ(CallProtected(L, Raise, nullptr, 1), -1);
  EXPECT_EQ(lua_gettop(L), 1);
  EXPECT_EQ(std::string(lua_tostring(L, -1)), "raised on purpose");
  // Works again once the trampoline exists.
  lua_settop(L, 0);
  int seen = 0;
  lua_pushnumber(L, 1);
  lua_pushnumber(L, 1);
  EXPECT_EQ(CallProtected(L, AddArguments, &seen, 2), 2);
  lua_close(L);
}

TEST(ProtectedCallTest, PushProtectedRunsACallable) {
  lua_State* L = luaL_newstate();
  InstallProtect(L);
  int calls = 0;
  EXPECT_EQ(PushProtected(L, [&calls](lua_State* L) {
              ++calls;
              lua_pushliteral(L, "pushed");
              return 1;
            }),
            1);
  EXPECT_EQ(calls, 1);
  EXPECT_STREQ(lua_tostring(L, -1), "pushed");
  EXPECT_EQ(PushProtected(L, [](lua_State* L) { return luaL_error(L, "no"); }), -1);
  EXPECT_STREQ(lua_tostring(L, -1), "no");
  lua_close(L);
}

}  // namespace
}  // namespace luv::protect
