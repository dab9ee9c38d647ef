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

#include "luv/codec/vm.h"

#include "gtest/gtest.h"
#include "luv/codec/format.h"

namespace luv::codec {
namespace {

TEST(VmTest, TellsBytecodeBySignature) {
  const uint8_t lua51[] = {0x1b, 'L', 'u', 'a', 0x51, 0};
  const uint8_t luajit[] = {0x1b, 'L', 'J', 2};
  const uint8_t lua52[] = {0x1b, 'L', 'u', 'a', 0x52, 0};
  const uint8_t lua53[] = {0x1b, 'L', 'u', 'a', 0x53, 0};
  const uint8_t lua54[] = {0x1b, 'L', 'u', 'a', 0x54, 0};
  const uint8_t lua55[] = {0x1b, 'L', 'u', 'a', 0x55, 0};
  const uint8_t text[] = {'r', 'e', 't'};
  EXPECT_EQ(VmOfBytecode(lua51, sizeof lua51), Vm::kLua51);
  EXPECT_EQ(VmOfBytecode(lua52, sizeof lua52), Vm::kLua52);
  EXPECT_EQ(VmOfBytecode(lua53, sizeof lua53), Vm::kLua53);
  EXPECT_EQ(VmOfBytecode(lua54, sizeof lua54), Vm::kLua54);
  EXPECT_EQ(VmOfBytecode(lua55, sizeof lua55), Vm::kUnknown);
  EXPECT_EQ(VmOfBytecode(luajit, sizeof luajit), Vm::kLuaJit);
  EXPECT_EQ(VmOfBytecode(text, sizeof text), Vm::kUnknown);
  EXPECT_EQ(VmOfBytecode(lua51, 2), Vm::kUnknown);
}

TEST(VmTest, EachVmHasOneBytecodeFlag) {
  for (Vm vm : {Vm::kLua51, Vm::kLuaJit, Vm::kLua52, Vm::kLua53, Vm::kLua54}) {
    uint8_t flag = BytecodeFlag(vm);
    EXPECT_NE(flag, 0);
    EXPECT_EQ(flag & ~kBytecodeFlags, 0);
    EXPECT_EQ(VmOfBytecodeFlag(flag), vm);
  }
  EXPECT_EQ(VmOfBytecodeFlag(kFlagLua51 | kFlagLua54), Vm::kUnknown);
  EXPECT_EQ(VmOfBytecodeFlag(0), Vm::kUnknown);
}

TEST(VmTest, FindsTheVmThatRunsTheState) {
  lua_State* L = luaL_newstate();
  ASSERT_NE(L, nullptr);
#if defined(LUAJIT_VERSION)
  EXPECT_EQ(CurrentVm(L), Vm::kLuaJit);
#elif LUA_VERSION_NUM == 502
  EXPECT_EQ(CurrentVm(L), Vm::kLua52);
#elif LUA_VERSION_NUM == 503
  EXPECT_EQ(CurrentVm(L), Vm::kLua53);
#elif LUA_VERSION_NUM == 504
  EXPECT_EQ(CurrentVm(L), Vm::kLua54);
#else
  EXPECT_EQ(CurrentVm(L), Vm::kLua51);
#endif
  EXPECT_EQ(lua_gettop(L), 0);
  EXPECT_EQ(CurrentVm(L), CurrentVm(L));  // cached
  lua_close(L);
}

}  // namespace
}  // namespace luv::codec
