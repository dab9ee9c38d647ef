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

// Option names and values from Lua arguments.
#include "luv/lua/lua_zmq_option.h"

#include <cmath>

#include "luv/lua/result.h"
#include "luv/luacompat/luacompat.h"

namespace luv::lua {
namespace {

// A number argument that is an integer in [lo, hi], or raises.
lua_Number CheckIntegral(lua_State* L, int index, lua_Number lo, lua_Number hi,
                         const char* what) {
  lua_Number value = lua_tonumber(L, index);
  if (!(value >= lo && value <= hi) || std::floor(value) != value) {
    luaL_argerror(L, index, what);
  }
  return value;
}

template <typename Find>
const zmq::Option* CheckOption(lua_State* L, int index, Find find) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING: {
      size_t size;
      const char* name = lua_tolstring(L, index, &size);
      return find(std::string_view(name, size), -1);
    }
    case LUA_TNUMBER:
      return find({}, static_cast<int>(
                          CheckIntegral(L, index, 0, 1e6, "option number out of range")));
    default:
      compat::TypeError(L, index, "option name or number");
      return nullptr;
  }
}

}  // namespace

const zmq::Option* CheckSocketOption(lua_State* L, int index) {
  return CheckOption(L, index, [](std::string_view name, int number) {
    return number >= 0 ? zmq::FindSocketOption(number) : zmq::FindSocketOption(name);
  });
}

const zmq::Option* CheckContextOption(lua_State* L, int index, uint8_t access) {
  return CheckOption(L, index, [access](std::string_view name, int number) {
    return number >= 0 ? zmq::FindContextOption(number, access)
                       : zmq::FindContextOption(name);
  });
}

int PushUnknownOption(lua_State* L, int index, const char* kind) {
  if (lua_type(L, index) == LUA_TSTRING) {
    return PushFailf(L, "EINVAL", "unknown %s '%s'", kind, lua_tostring(L, index));
  }
  return PushFailf(L, "EINVAL", "unknown %s %d", kind,
                   static_cast<int>(lua_tonumber(L, index)));
}

int64_t CheckOptionInteger(lua_State* L, int index, const zmq::Option& option) {
  if (option.type == zmq::OptionType::kBool && lua_type(L, index) == LUA_TBOOLEAN) {
    return lua_toboolean(L, index);
  }
  if (lua_type(L, index) != LUA_TNUMBER) {
    luaL_argerror(
        L, index,
        lua_pushfstring(L, "%s takes %s", option.name,
                        option.type == zmq::OptionType::kBool ? "a boolean or a number"
                                                              : "a number"));
  }
  // Doubles hold integers exactly up to 2^53.
  return static_cast<int64_t>(CheckIntegral(L, index, -9007199254740992.0,
                                            9007199254740992.0,
                                            "an integer option value must be an integer "
                                            "within +/-2^53"));
}

}  // namespace luv::lua
