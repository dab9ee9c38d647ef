#include "luv/codec/vm.h"

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

TEST(VmTest, TellsBytecodeBySignature) {
  const uint8_t lua51[] = {0x1b, 'L', 'u', 'a', 0x51, 0};
  const uint8_t luajit[] = {0x1b, 'L', 'J', 2};
  const uint8_t text[] = {'r', 'e', 't'};
  EXPECT_EQ(VmOfBytecode(lua51, sizeof lua51), Vm::kLua51);
  EXPECT_EQ(VmOfBytecode(luajit, sizeof luajit), Vm::kLuaJit);
  EXPECT_EQ(VmOfBytecode(text, sizeof text), Vm::kUnknown);
  EXPECT_EQ(VmOfBytecode(lua51, 2), Vm::kUnknown);
}

TEST(VmTest, FindsTheVmThatRunsTheState) {
  lua_State* L = luaL_newstate();
  ASSERT_NE(L, nullptr);
#ifdef LUAJIT_VERSION
  EXPECT_EQ(CurrentVm(L), Vm::kLuaJit);
#else
  EXPECT_EQ(CurrentVm(L), Vm::kLua51);
#endif
  EXPECT_EQ(lua_gettop(L), 0);
  EXPECT_EQ(CurrentVm(L), CurrentVm(L));  // cached
  lua_close(L);
}

}  // namespace
}  // namespace luv::codec
