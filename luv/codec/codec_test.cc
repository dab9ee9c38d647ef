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

// Encodes the value on top (keeping it) twice, expecting the same bytes,
// and decodes them; leaves the decoded value on top.
std::string EncodeTwiceAndDecode(State* s) {
  Message first, second;
  lua_pushvalue(s->L, -1);
  EXPECT_TRUE(Encode(s->L, 1, Limits(), &first).ok());
  lua_pushvalue(s->L, -1);
  EXPECT_TRUE(Encode(s->L, 1, Limits(), &second).ok());
  EXPECT_EQ(first.bytes, second.bytes);
  int count = 0;
  EXPECT_TRUE(DecodeMessage(s->L, first, &count).ok());
  EXPECT_EQ(count, 1);
  return first.bytes;
}

TEST(CodecTest, ScratchKeptBetweenCallsStartsEmptyEachTime) {
  State s;
  // Many objects and a blob larger than what is kept: the scratch grows
  // past its bounds and is released.
  s.Run(
      "local big = {}\n"
      "for i = 1, 40000 do big[i] = {i, string.rep('x', 60)} end\n"
      "big[40001] = big[1]\n"
      "return big");
  EncodeTwiceAndDecode(&s);
  s.Run("local d = ...; return #d, d[40000][1], d[1] == d[40001]", 1);
  EXPECT_EQ(lua_tointeger(s.L, -3), 40001);
  EXPECT_EQ(lua_tointeger(s.L, -2), 40000);
  EXPECT_TRUE(lua_toboolean(s.L, -1));
  lua_settop(s.L, 1);  // the big table, still alive
  // Some of the same objects again: no id of the last call may leak into
  // this one as a reference.
  s.Run(
      "local big = ...\n"
      "local shared = big[2]\n"
      "return {shared, big[3], shared, {shared}}",
      1);
  std::string bytes = EncodeTwiceAndDecode(&s);
  s.Run(
      "local d = ...\n"
      "return d[1] == d[3] and d[4][1] == d[1] and d[2] ~= d[1] and d[2][1] == 3",
      1);
  EXPECT_TRUE(lua_toboolean(s.L, -1));
  lua_pop(s.L, 1);
  // A small blob after a big one: the same bytes, and the memory kept from
  // the big encode does not raise a lower max_bytes.
  Limits small;
  small.max_bytes = bytes.size() - 1;
  Message blob;
  lua_pushvalue(s.L, -1);
  EXPECT_NE(Encode(s.L, 1, small, &blob).message().find("exceeds max_bytes"),
            std::string::npos);
  small.max_bytes = bytes.size();
  ASSERT_TRUE(Encode(s.L, 1, small, &blob).ok());
  EXPECT_EQ(blob.bytes, bytes);
}

// Decodes the blob it is given, for constructors that decode again.
int DecodeAgain(lua_State* L) {
  size_t size;
  const char* data = luaL_checklstring(L, 1, &size);
  int count = 0;
  if (!Decode(L, std::string_view(data, size), DecodeOptions(), &count).ok()) {
    lua_pushliteral(L, "nested decode failed");
    return lua_error(L);
  }
  return count;
}

TEST(CodecTest, NestedEncodesAndDecodesDoNotShareTheOuterScratch) {
  State s;
  lua_pushcfunction(s.L, EncodeAgain);
  lua_setglobal(s.L, "encode_again");
  lua_pushcfunction(s.L, DecodeAgain);
  lua_setglobal(s.L, "decode_again");
  // The hook encodes, in the middle of the outer encode, a tuple of many
  // objects that shares some with the outer one; the outer blob then names
  // `shared` and `later` by reference.
  s.Run(
      "local shared, later = {'shared'}, {'later'}\n"
      "local inner = {shared}\n"
      "for i = 1, 5000 do inner[#inner + 1] = {i} end\n"
      "local hooked = setmetatable({}, {__codec = function()\n"
      "  return 'decode_again', encode_again(inner) end})\n"
      "return {shared, hooked, later, later, shared}");
  Message blob;
  ASSERT_TRUE(Encode(s.L, 1, Limits(), &blob).ok());
  // Decoding runs the constructor (a decode) in the middle of the outer
  // build, which still reads what its validation found.
  int count = 0;
  ASSERT_TRUE(DecodeMessage(s.L, blob, &count).ok());
  ASSERT_EQ(count, 1);
  s.Run(
      "local d = ...\n"
      "return d[1][1], d[3][1], d[1] == d[5], d[3] == d[4], #d[2], d[2][1][1],\n"
      "  d[2][5001][1]",
      1);
  ASSERT_EQ(lua_gettop(s.L), 7);
  EXPECT_STREQ(lua_tostring(s.L, 1), "shared");
  EXPECT_STREQ(lua_tostring(s.L, 2), "later");
  EXPECT_TRUE(lua_toboolean(s.L, 3));
  EXPECT_TRUE(lua_toboolean(s.L, 4));
  EXPECT_EQ(lua_tointeger(s.L, 5), 5001);
  EXPECT_STREQ(lua_tostring(s.L, 6), "shared");
  EXPECT_EQ(lua_tointeger(s.L, 7), 5000);
}

}  // namespace
}  // namespace luv::codec
