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

// luv.codec.encode, luv.codec.decode, luv.codec.trydecode, luv.codec.limits.
#include "luv/lua/lua_codec.h"

#include <cstdio>

#include <cstring>

#include "luv/base/status.h"
#include "luv/codec/codec.h"
#include "luv/codec/luv_objects.h"
#include "luv/lua/support.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

// The name users pass to accept code from blobs this process did not make.
constexpr char kForeignCodeOption[] = "dangerously_trust_foreign_code";

// The largest max_collisions: 2^53, exact in a Lua number.
constexpr long long kMaxCollisionsOption = 1LL << 53;

// Pushes `prefix` + the status message. Returns -1 (error object on top
// either way) so the caller can leave its scope and call lua_error.
int PushMessage(lua_State* L, const char* prefix, const luv::Status& status) {
  PushProtected(L, [prefix, &status](lua_State* L) {
    lua_pushstring(L, prefix);
    lua_pushlstring(L, status.message().data(), status.message().size());
    lua_concat(L, 2);
    return 1;
  });
  return -1;
}

int IntegerOption(lua_State* L, int arg, const char* name, long long low,
                  long long high) {
  lua_Number n = lua_tonumber(L, -1);
  if (lua_type(L, -1) != LUA_TNUMBER || n != static_cast<long long>(n) || n < low ||
      n > high) {
    // lua_pushfstring has no portable 64-bit integer format before 5.3.
    char message[128];
    std::snprintf(message, sizeof message, "%s must be an integer from %lld to %lld",
                  name, low, high);
    luaL_argerror(L, arg, message);
  }
  return 0;
}

// Reads {max_bytes=, max_depth=, max_values=, max_collisions=,
// dangerously_trust_foreign_code=}
// at `arg` (absent or nil: defaults). Raises on a bad or unknown option,
// before any C++ object exists.
void ReadOptions(lua_State* L, int arg, codec::DecodeOptions* options) {
  if (lua_isnoneornil(L, arg)) return;
  luaL_checktype(L, arg, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, arg) != 0) {
    const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
    if (std::strcmp(key, "max_bytes") == 0) {
      IntegerOption(L, arg, key, 1, codec::kMaxBytes);
      options->limits.max_bytes = static_cast<size_t>(lua_tonumber(L, -1));
    } else if (std::strcmp(key, "max_depth") == 0) {
      IntegerOption(L, arg, key, 1, codec::kMaxDepth);
      options->limits.max_depth = static_cast<int>(lua_tonumber(L, -1));
    } else if (std::strcmp(key, "max_values") == 0) {
      IntegerOption(L, arg, key, 1, codec::kMaxValues);
      options->limits.max_values = static_cast<int>(lua_tonumber(L, -1));
    } else if (std::strcmp(key, "max_collisions") == 0) {
      IntegerOption(L, arg, key, 0, kMaxCollisionsOption);
      options->max_collisions = static_cast<int64_t>(lua_tonumber(L, -1));
    } else if (std::strcmp(key, kForeignCodeOption) == 0) {
      if (lua_type(L, -1) != LUA_TBOOLEAN) {
        luaL_argerror(L, arg,
                      lua_pushfstring(L, "%s must be a boolean", kForeignCodeOption));
      }
      options->trust = lua_toboolean(L, -1) ? codec::Trust::kDangerouslyTrustForeignCode
                                            : codec::Trust::kVerifyMac;
    } else {
      luaL_argerror(L, arg, lua_pushfstring(L, "unknown option '%s'", key));
    }
    lua_pop(L, 1);
  }
}

// luv.codec.encode(...) -> string
int LCodecEncode(lua_State* L) {
  int count = lua_gettop(L);
  {
    luv::Status status = codec::EncodeToLua(L, count, codec::Limits());
    if (status.ok()) return 1;
    PushMessage(L, "luv.codec.encode: ", status);
  }
  return lua_error(L);
}

// luv.codec.decode(blob [, options]) -> the values; raises on a bad blob
int LCodecDecode(lua_State* L) {
  size_t size;
  const char* data = luaL_checklstring(L, 1, &size);
  codec::DecodeOptions options;
  ReadOptions(L, 2, &options);
  {
    int count = 0;
    luv::Status status =
        codec::Decode(L, std::string_view(data, size), options, &count);
    if (status.ok()) return count;
    PushMessage(L, "luv.codec.decode: ", status);
  }
  return lua_error(L);
}

// luv.codec.trydecode(blob [, options]) -> true, values... | nil, message, "ECODEC"
int LCodecTryDecode(lua_State* L) {
  size_t size;
  const char* data = luaL_checklstring(L, 1, &size);
  codec::DecodeOptions options;
  ReadOptions(L, 2, &options);
  int pushed;
  {
    lua_pushboolean(L, 1);
    int count = 0;
    luv::Status status =
        codec::Decode(L, std::string_view(data, size), options, &count);
    if (status.ok()) return count + 1;
    lua_pop(L, 1);
    pushed = PushFailure(L, uv::NamedError(status.code(), "ECODEC", status.message()));
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

constexpr luaL_Reg kFunctions[] = {
    {"encode", LCodecEncode},
    {"decode", LCodecDecode},
    {"trydecode", LCodecTryDecode},
    {nullptr, nullptr},
};

void SetLimit(lua_State* L, const char* name, lua_Integer value) {
  lua_pushinteger(L, value);
  lua_setfield(L, -2, name);
}

}  // namespace

void OpenCodec(lua_State* L) {
  codec::SetModuleTable(L, -1);
  lua_createtable(L, 0, 4);
  SetFunctions(L, kFunctions);
  lua_createtable(L, 0, 3);
  SetLimit(L, "max_bytes", static_cast<lua_Integer>(codec::kMaxBytes));
  SetLimit(L, "max_depth", codec::kMaxDepth);
  SetLimit(L, "max_values", codec::kMaxValues);
  lua_setfield(L, -2, "limits");
  lua_setfield(L, -2, "codec");
}

}  // namespace luv::lua
