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

// The C++ API: trusted transfer between states, stack discipline, limits.
#include "luv/codec/codec.h"

#include <string>
#include <thread>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

class State {
 public:
  State() : L(luaL_newstate()) { luaL_openlibs(L); }
  ~State() { lua_close(L); }
  // Runs `chunk` with the `nargs` values on top as its arguments, leaving
  // its results on the stack.
  void Run(const char* chunk, int nargs = 0) {
    ASSERT_EQ(luaL_loadstring(L, chunk), 0) << lua_tostring(L, -1);
    lua_insert(L, -1 - nargs);
    ASSERT_EQ(lua_pcall(L, nargs, LUA_MULTRET, 0), 0) << lua_tostring(L, -1);
  }
  lua_State* L;
};

TEST(CodecTest, TrustedPairMovesFunctionsToAnotherStateOnAnotherThread) {
  State a;
  a.Run(
      "local shared = {n = 0}\n"
      "return function(k) shared.n = shared.n + k; return shared.n end,\n"
      "       function() return shared end, nil");
  Message blob;
  ASSERT_TRUE(EncodeMessage(a.L, 3, &blob).ok());
  EXPECT_EQ(lua_gettop(a.L), 0);
  std::string result;
  std::thread other([&] {
    State b;
    int count = 0;
    luv::Status status = DecodeMessage(b.L, blob, &count);
    if (!status.ok()) {
      result = std::string(status.message());
      return;
    }
    b.Run(
        "local add, get, none = ...; return tostring(add(2) + add(3)) .. ' ' .. get().n "
        ".. ' ' .. tostring(none)",
        count);
    result = std::to_string(count) + ":" + lua_tostring(b.L, -1);
  });
  other.join();
  EXPECT_EQ(result, "3:7 5 nil");
}

TEST(CodecTest, TrustedModeSkipsOnlyTheMacCheck) {
  State s;
  s.Run("return function() return 1 end");
  Message blob;
  ASSERT_TRUE(Encode(s.L, 1, Limits(), &blob).ok());
  blob.bytes.back() ^= 1;
  int count = 0;
  EXPECT_EQ(Decode(s.L, blob.bytes, DecodeOptions(), &count).code(),
            luv::StatusCode::kPermissionDenied);
  EXPECT_TRUE(DecodeMessage(s.L, blob, &count).ok());
  EXPECT_EQ(count, 1);
  lua_settop(s.L, 0);
  blob.bytes += "x";
  EXPECT_FALSE(DecodeMessage(s.L, blob, &count).ok()) << "still validated";
}

TEST(CodecTest, FailuresLeaveTheStackAsItWas) {
  State s;
  lua_pushliteral(s.L, "keep");
  s.Run("return 1, coroutine.create(function() end)");
  Message blob;
  luv::Status status = Encode(s.L, 2, Limits(), &blob);
  EXPECT_EQ(status.message(), "cannot encode a coroutine at root[2]");
  EXPECT_EQ(lua_gettop(s.L), 1) << "the values are consumed";
  int count = 7;
  EXPECT_FALSE(
      Decode(s.L, std::string("luv\1\0\1\x1f", 7), DecodeOptions(), &count).ok());
  EXPECT_EQ(count, 0);
  s.Run(
      "return setmetatable({}, {__codec = function() return function() error('boom') "
      "end, 1 end})");
  ASSERT_TRUE(Encode(s.L, 1, Limits(), &blob).ok());
  status = Decode(s.L, blob.bytes, DecodeOptions(), &count);
  EXPECT_NE(status.message().find("raised: [string"), std::string::npos) << status;
  EXPECT_NE(status.message().find("boom"), std::string::npos) << status;
  EXPECT_EQ(lua_gettop(s.L), 1);
  EXPECT_STREQ(lua_tostring(s.L, 1), "keep");
}

TEST(CodecTest, EncodeToLuaLeavesTheBlobOnTheStack) {
  State s;
  s.Run("return {1, 2, x = 'y'}, 'z'");
  ASSERT_TRUE(EncodeToLua(s.L, 2, Limits()).ok());
  ASSERT_EQ(lua_gettop(s.L), 1);
  size_t size;
  const char* data = lua_tolstring(s.L, 1, &size);
  int count = 0;
  ASSERT_TRUE(Decode(s.L, std::string_view(data, size), DecodeOptions(), &count).ok());
  EXPECT_EQ(count, 2);
  EXPECT_STREQ(lua_tostring(s.L, -1), "z");
}

// Tuples of nil, booleans, numbers and strings take a shortcut into a
// C++ string (no protected call); the blob must not depend on it.
TEST(CodecTest, PlainTuplesEncodeTheSameWithAndWithoutTheShortcut) {
  State s;
  lua_pushliteral(s.L, "below");
  const char* chunk =
      "return nil, true, false, 0, 63, 64, -1, 2^53, 0.5, -0.0, 0/0, 1/0, '', 'short', "
      "string.rep('long', 100), nil";
  s.Run(chunk);
  int count = lua_gettop(s.L) - 1;
  Message shortcut;
  ASSERT_TRUE(Encode(s.L, count, Limits(), &shortcut).ok());
  EXPECT_EQ(lua_gettop(s.L), 1) << "the values are consumed";
  s.Run(chunk);
  ASSERT_TRUE(EncodeToLua(s.L, count, Limits()).ok());  // the protected walk
  size_t size;
  const char* walked = lua_tolstring(s.L, -1, &size);
  EXPECT_EQ(shortcut.bytes, std::string(walked, size));
  lua_pop(s.L, 1);
  int decoded = 0;
  ASSERT_TRUE(Decode(s.L, shortcut.bytes, DecodeOptions(), &decoded).ok());
  EXPECT_EQ(decoded, count);
  EXPECT_STREQ(lua_tostring(s.L, 2 + 13), "short");
  EXPECT_STREQ(lua_tostring(s.L, 1), "below");
}

TEST(CodecTest, LimitsAreClampedAndEnforcedOnEncode) {
  Limits too_high;
  too_high.max_bytes = kMaxBytes * 2;
  too_high.max_depth = 1000;
  too_high.max_values = 0;
  Limits clamped = Clamp(too_high);
  EXPECT_EQ(clamped.max_bytes, kMaxBytes);
  EXPECT_EQ(clamped.max_depth, kMaxDepth);
  EXPECT_EQ(clamped.max_values, 1);

  State s;
  s.Run("return string.rep('x', 100)");
  Limits small;
  small.max_bytes = 50;
  Message blob;
  EXPECT_EQ(Encode(s.L, 1, small, &blob).message(),
            "encoded blob exceeds max_bytes (50) at root[1]");
  s.Run("return {{{}}}");
  small = Limits();
  small.max_depth = 2;
  EXPECT_EQ(Encode(s.L, 1, small, &blob).message(),
            "nesting deeper than 2 at root[1][1][1]");
}

TEST(CodecTest, LuvObjectsNeedTheLiveFlagAndLuvInTheDecodingState) {
  State s;
  int count = 0;
  luv::Status status =
      Decode(s.L, std::string("luv\1\0\1\x0b\x00", 8), DecodeOptions(), &count);
  EXPECT_EQ(status.message(),
            "luv object in a blob without the live-object flag (only blobs made by this "
            "process may name them) at byte 6");
  Message message;
  message.bytes = std::string("luv\1\x08\1\x0b\x00", 8) + std::string(kMacSize, '\0');
  status = DecodeMessage(s.L, message, &count);
  EXPECT_EQ(status.message(), "luv has no member '' in this state at byte 6");
}

// A C function that encodes its arguments, for hooks that encode again.
int EncodeAgain(lua_State* L) {
  int count = lua_gettop(L);
  if (!EncodeToLua(L, count, Limits()).ok()) {
    lua_pushliteral(L, "nested encode refused");
    return lua_error(L);
  }
  return 1;
}

TEST(CodecTest, NestedEncodesAreBounded) {
  State s;
  lua_pushcfunction(s.L, EncodeAgain);
  lua_setglobal(s.L, "encode_again");
  // Each hook encodes an object with the same hook: without end, unless
  // bounded.
  s.Run(
      "local mt = {}\n"
      "mt.__codec = function(self) return 'ctor', encode_again(setmetatable({}, mt)) end\n"
      "return setmetatable({}, mt)");
  Message blob;
  luv::Status status = Encode(s.L, 1, Limits(), &blob);
  EXPECT_NE(status.message().find("nested encode refused"), std::string::npos) << status;
  EXPECT_EQ(lua_gettop(s.L), 0);
}

// The hook drops root[1] (encoded already), collects it, and puts in
// root[3] a fresh table that the allocator gave the dead one's address
// (it allocates until it gets it). Unless every numbered object is kept
// alive until the encode ends, root[3] is written as a reference to root[1].
constexpr char kAddressReuse[] =
    "local root = {{'first'}, false, false}\n"
    "root[2] = setmetatable({}, {__codec = function()\n"
    "  local old = tostring(root[1])\n"
    "  root[1] = nil; collectgarbage(); collectgarbage()\n"
    "  local keep = {}\n"
    "  root[3] = {'fresh'}\n"
    "  for i = 1, 10000 do\n"
    "    local t = {'fresh'}\n"
    "    if tostring(t) == old then root[3] = t; break end\n"
    "    keep[i] = t\n"
    "  end\n"
    "  return 'ctor', 0 end})\n"
    "return root";

TEST(CodecTest, AnObjectAHookLetGoIsNotMistakenForANewOne) {
  State s;
  lua_pushcfunction(s.L, [](lua_State* L) { return 1; });
  lua_setglobal(s.L, "ctor");
  s.Run(kAddressReuse);
  Message blob;
  ASSERT_TRUE(Encode(s.L, 1, Limits(), &blob).ok());
  int count = 0;
  ASSERT_TRUE(DecodeMessage(s.L, blob, &count).ok());
  s.Run("local d = ...; return d[1][1] .. ' ' .. d[3][1]", 1);
  EXPECT_STREQ(lua_tostring(s.L, -1), "first fresh");
}

}  // namespace
}  // namespace luv::codec
