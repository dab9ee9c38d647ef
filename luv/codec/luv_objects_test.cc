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

#include "luv/codec/luv_objects.h"

#include <cstring>
#include <string>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

int Noop(lua_State*) { return 0; }

class LuvObjectsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    L = luaL_newstate();
    // {hrtime = f, fiber = {create = g, deep = {deeper = {deepest = {leaf = {}}}}}}
    lua_newtable(L);
    lua_pushcfunction(L, Noop);
    lua_setfield(L, -2, "hrtime");
    lua_newtable(L);
    lua_pushcfunction(L, Noop);
    lua_setfield(L, -2, "create");
    lua_newtable(L);
    lua_newtable(L);
    lua_newtable(L);
    lua_newtable(L);
    lua_setfield(L, -2, "leaf");
    lua_setfield(L, -2, "deepest");
    lua_setfield(L, -2, "deeper");
    lua_setfield(L, -2, "deep");
    lua_setfield(L, -2, "fiber");
    lua_pushnumber(L, 1);
    lua_setfield(L, -2, "number");
    SetModuleTable(L, -1);
    module_ = lua_gettop(L);
  }
  void TearDown() override { lua_close(L); }

  // The path the index gives the value at `index`, or "(none)".
  std::string PathOf(int index) {
    if (index < 0) index = lua_gettop(L) + index + 1;
    PushLuvIndex(L);
    lua_pushvalue(L, index);
    lua_rawget(L, -2);
    std::string path = lua_isstring(L, -1) ? lua_tostring(L, -1) : "(none)";
    lua_pop(L, 2);
    return path;
  }

  bool Resolves(const char* path) {
    if (!PushLuvObject(L, path, std::strlen(path))) return false;
    lua_pop(L, 1);
    return true;
  }

  lua_State* L;
  int module_;
};

TEST_F(LuvObjectsTest, IndexesTablesAndFunctionsByPath) {
  EXPECT_EQ(PathOf(module_), "");
  lua_getfield(L, module_, "fiber");
  EXPECT_EQ(PathOf(-1), "fiber");
  lua_getfield(L, -1, "create");
  EXPECT_EQ(PathOf(-1), "fiber.create");
  lua_pop(L, 2);
  lua_newtable(L);
  EXPECT_EQ(PathOf(-1), "(none)");
  lua_pop(L, 1);
  EXPECT_EQ(lua_gettop(L), module_);
}

TEST_F(LuvObjectsTest, ResolvesPathsAndRejectsOthers) {
  EXPECT_TRUE(Resolves(""));
  EXPECT_TRUE(Resolves("hrtime"));
  EXPECT_TRUE(Resolves("fiber.create"));
  EXPECT_FALSE(Resolves("number")) << "only tables and functions";
  EXPECT_FALSE(Resolves("fiber."));
  EXPECT_FALSE(Resolves("fiber..create"));
  EXPECT_FALSE(Resolves(".fiber"));
  EXPECT_FALSE(Resolves("hrtime.x"));
  EXPECT_FALSE(Resolves("missing"));
  EXPECT_EQ(lua_gettop(L), module_);
}

TEST_F(LuvObjectsTest, IndexStopsAtFourLevels) {
  lua_getfield(L, module_, "fiber");
  lua_getfield(L, -1, "deep");
  lua_getfield(L, -1, "deeper");
  lua_getfield(L, -1, "deepest");
  EXPECT_EQ(PathOf(-1), "fiber.deep.deeper.deepest");
  lua_getfield(L, -1, "leaf");
  EXPECT_EQ(PathOf(-1), "(none)");
}

TEST(LuvObjectsNoModuleTest, WithoutLuvNothingResolves) {
  lua_State* L = luaL_newstate();
  PushLuvIndex(L);
  EXPECT_TRUE(lua_isnil(L, -1));
  EXPECT_FALSE(PushLuvObject(L, "", 0));
  EXPECT_EQ(lua_gettop(L), 1);
  lua_close(L);
}

}  // namespace
}  // namespace luv::codec
