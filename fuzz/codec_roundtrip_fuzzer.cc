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

// Structure-aware: the input is a program that builds a tuple of values from
// a fixed pool (cycles, shared tables, tables as keys, special numbers,
// binary strings, functions with upvalues, both kinds of __codec hooks,
// luv's own objects). Checks that decode(encode(x)) is isomorphic to x, and
// that a blob carrying code or live objects is refused once its MAC is
// stripped or altered.
#include <cstdint>
#include <string>

#include "luv/base/status.h"
#include "fuzz/fuzz_state.h"
#include "fuzz/iso.h"
#include "luv/codec/codec.h"
#include "luv/codec/format.h"

namespace {

// build(bytes) -> n, v1..vn
constexpr char kBuilderSource[] = R"lua(
local luv = luv
local function negate(x) return -x end
local specials = { 0 / 0, 1 / 0, -1 / 0, 0, negate(0), 2 ^ 53, -(2 ^ 53), 2 ^ 63,
  -(2 ^ 63), 1e-308, 5e-324, 0.1, -1.5, 127, 128, -1, 2 ^ 31, -(2 ^ 31) }

FUZZ_POINT = {}
FUZZ_POINT.__codec = function(self)
  return function(state) return setmetatable(state, FUZZ_POINT) end, { x = self.x, y = self.y }
end
FUZZ_NAMED = {}
FUZZ_NAMED.__codec = function(self) return "fuzz_make_named", { v = self.v } end
function fuzz_make_named(state) return setmetatable(state, FUZZ_NAMED) end

local pool = {
  function(u) return function() return u end end,
  function(u) return function(x) return x, u end end,
  function(u)
    local function rec(n) if n > 0 then return rec(n - 1) end return u end
    return rec
  end,
  function(u) return function() return luv.codec.trydecode, u end end,
  function(u) local a, b = u, u; return function() return a, b end end,
}

return function(input)
  local pos = 0
  local function byte() pos = pos + 1; return input:byte(pos) or 0 end
  local objects = {}
  local function keep(x) objects[#objects + 1] = x; return x end
  local value
  function value(depth)
    local op = byte() % 16
    if op == 0 then return nil
    elseif op == 1 then return byte() % 2 == 0
    elseif op == 2 then return specials[byte() % #specials + 1]
    elseif op == 3 then return (byte() - 128) * 65536 + byte() * 256 + byte()
    elseif op == 4 then
      local n = byte() % 80
      local s = input:sub(pos + 1, pos + n)
      pos = pos + n
      return s
    elseif op <= 7 and depth < 12 then
      local t = keep({})
      for i = 1, byte() % 6 do t[i] = value(depth + 1) end
      for _ = 1, byte() % 6 do
        local k = value(depth + 1)
        if k ~= nil and k == k then t[k] = value(depth + 1) end
      end
      return t
    elseif op == 8 and #objects > 0 then return objects[byte() % #objects + 1]
    elseif op == 9 and depth < 12 then
      return keep(pool[byte() % #pool + 1](value(depth + 1)))
    elseif op == 10 then return keep(setmetatable({ x = byte(), y = specials[byte() % #specials + 1] }, FUZZ_POINT))
    elseif op == 11 then return keep(setmetatable({ v = byte() }, FUZZ_NAMED))
    elseif op == 12 then
      local which = byte() % 3
      return which == 0 and luv or which == 1 and luv.codec or luv.codec.encode
    else return byte() end
  end
  local n = byte() % 5
  local tuple = {}
  for i = 1, n do tuple[i] = value(1) end
  return n, (table.unpack or unpack)(tuple, 1, n)
end
)lua";

bool Refused(lua_State* L, const std::string& blob, luv::StatusCode* code) {
  int top = lua_gettop(L);
  int count = 0;
  luv::Status status = luv::codec::Decode(L, blob, luv::codec::DecodeOptions(), &count);
  FUZZ_CHECK(lua_gettop(L) == top + count, "stack after decode");
  lua_settop(L, top);
  *code = status.code();
  return !status.ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using luv::fuzz::FuzzState;
  namespace codec = luv::codec;
  FuzzState state;
  lua_State* L = state.L();
  state.Run(luv::fuzz::kIsoSource, 1);  // 1: iso
  state.Run(kBuilderSource, 1);         // 2: build
  lua_pushlstring(L, reinterpret_cast<const char*>(data), size);
  FUZZ_CHECK(lua_pcall(L, 1, LUA_MULTRET, 0) == 0, "build: %s", lua_tostring(L, -1));
  int n = static_cast<int>(lua_tonumber(L, 2));
  int values = 3;  // the tuple is at values .. values + n - 1
  FUZZ_CHECK(lua_gettop(L) == 2 + n, "build returned %d values", lua_gettop(L) - 2);
  // Room for the copies, the decoded values and the iso call's arguments.
  FUZZ_CHECK(lua_checkstack(L, 4 * n + 16), "stack");

  for (int i = 0; i < n; ++i) lua_pushvalue(L, values + i);
  codec::Message blob;
  luv::Status status = codec::Encode(L, n, codec::Limits(), &blob);
  if (!status.ok()) {
    // References may chain subtrees into a path deeper than the limit.
    FUZZ_CHECK(status.message().find("nesting deeper than") != std::string_view::npos,
               "encode failed: %s", std::string(status.message()).c_str());
    return 0;
  }
  int top = lua_gettop(L);
  int count = -1;
  status = codec::Decode(L, blob.bytes, codec::DecodeOptions(), &count);
  FUZZ_CHECK(status.ok(), "decode failed: %s", std::string(status.message()).c_str());
  FUZZ_CHECK(count == n && lua_gettop(L) == top + n, "decoded %d values of %d", count, n);
  lua_pushvalue(L, 1);
  lua_pushnumber(L, n);
  for (int i = 0; i < n; ++i) lua_pushvalue(L, values + i);
  for (int i = 1; i <= n; ++i) lua_pushvalue(L, top + i);
  FUZZ_CHECK(lua_pcall(L, 2 * n + 1, 2, 0) == 0, "iso: %s", lua_tostring(L, -1));
  FUZZ_CHECK(lua_toboolean(L, -2), "decode(encode(x)) differs from x: %s",
             lua_tostring(L, -1));
  lua_settop(L, top);

  // Code and live objects are refused once the MAC is stripped or altered.
  if ((static_cast<uint8_t>(blob.bytes[4]) & codec::kSignedFlags) != 0) {
    luv::StatusCode code;
    std::string stripped = blob.bytes.substr(0, blob.bytes.size() - codec::kMacSize);
    FUZZ_CHECK(Refused(L, stripped, &code), "a signed blob without its MAC was accepted");
    std::string altered = blob.bytes;
    altered.back() ^= 0x01;
    FUZZ_CHECK(Refused(L, altered, &code) && code == luv::StatusCode::kPermissionDenied,
               "a signed blob with a wrong MAC was accepted");
    altered = blob.bytes;
    altered[codec::kHeaderSize] ^= 0x40;
    FUZZ_CHECK(Refused(L, altered, &code) && code == luv::StatusCode::kPermissionDenied,
               "a signed blob with a changed body was accepted");
    // Without the flags that ask for a MAC, the tags they allow are refused.
    std::string unflagged = stripped;
    unflagged[4] = 0;
    FUZZ_CHECK(Refused(L, unflagged, &code), "a signed blob's body decoded unsigned");
  }
  return 0;
}
