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

#include "luv/lua/lua_fs_args.h"

#include <uv.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "luv/base/status.h"
#include "luv/lua/support.h"
#include "luv/uv/fs_args.h"

namespace luv::lua {
namespace {

constexpr double kMaxSize = 9007199254740992.0;  // 2^53: exact in a double

using Parser = luv::StatusOr<int> (*)(std::string_view);

// Runs `parse` on the string at `index` (or `fallback` when it is absent),
// raising the parser's message as an argument error. The StatusOr lives in
// an inner scope: it is destroyed before luaL_argerror jumps.
int CheckParsed(lua_State* L, int index, Parser parse, const char* fallback,
                const char* expected) {
  const char* text;
  size_t size;
  if (fallback != nullptr && lua_isnoneornil(L, index)) {
    text = fallback;
    size = std::strlen(fallback);
  } else if (lua_type(L, index) == LUA_TSTRING) {
    text = lua_tolstring(L, index, &size);
  } else {
    return luaL_argerror(
        L, index,
        lua_pushfstring(L, "%s expected, got %s", expected, luaL_typename(L, index)));
  }
  int value = 0;
  char message[200] = {};
  {
    luv::StatusOr<int> parsed = parse(std::string_view(text, size));
    if (parsed.ok()) {
      value = *parsed;
    } else {
      // "EINVAL: invalid open mode ..." -> "invalid open mode ..."
      std::string_view why = parsed.status().message();
      if (why.substr(0, 8) == "EINVAL: ") why.remove_prefix(8);
      std::snprintf(message, sizeof(message), "%.*s", static_cast<int>(why.size()),
                    why.data());
    }
  }
  if (message[0] != '\0') luaL_argerror(L, index, message);
  return value;
}

}  // namespace

const char* CheckPathArg(lua_State* L, int index) {
  size_t size;
  const char* path = luaL_checklstring(L, index, &size);
  if (std::memchr(path, '\0', size) != nullptr) {
    luaL_argerror(L, index, "path contains a NUL byte");
  }
  return path;
}

int PushIfPathTooLong(lua_State* L, int index) {
  size_t size;
  const char* path = lua_tolstring(L, index, &size);
  if (size <= uv::kMaxPathLength) return 0;
  Result result = uv::CheckPath(std::string_view(path, size));
  return result.ok() ? 0 : PushFail(L, result);
}

int CheckOpenMode(lua_State* L, int index, const char* fallback) {
  return CheckParsed(L, index, uv::ParseOpenMode, fallback, "open mode string");
}

int CheckPermissions(lua_State* L, int index, const char* fallback) {
  return CheckParsed(L, index, uv::ParsePermissions, fallback, "octal permission string");
}

int CheckAccessMode(lua_State* L, int index) {
  return CheckParsed(L, index, uv::ParseAccessMode, "", "access mode string");
}

int64_t CheckSize(lua_State* L, int index) {
  lua_Number n = luaL_checknumber(L, index);
  if (!(n >= 0 && n <= kMaxSize) || std::floor(n) != n) {
    luaL_argerror(L, index, "whole number from 0 to 2^53 expected");
  }
  return static_cast<int64_t>(n);
}

int64_t OptSize(lua_State* L, int index, int64_t fallback) {
  return lua_isnoneornil(L, index) ? fallback : CheckSize(L, index);
}

double CheckTime(lua_State* L, int index) {
  lua_Number t = luaL_checknumber(L, index);
  if (!std::isfinite(t) || std::fabs(t) >= 4503599627370496.0) {
    luaL_argerror(L, index, "finite number of seconds expected");
  }
  return t;
}

int64_t CheckOwnerId(lua_State* L, int index) {
  lua_Number n = luaL_checknumber(L, index);
  if (!(n >= -1 && n <= 4294967294.0) || std::floor(n) != n) {
    luaL_argerror(L, index, "user or group id (or -1) expected");
  }
  return static_cast<int64_t>(n);
}

int CheckCopyFlags(lua_State* L, int index) {
  if (lua_isnoneornil(L, index)) return 0;
  luaL_checktype(L, index, LUA_TTABLE);
  static const struct {
    const char* name;
    int flag;
  } kFlags[] = {{"excl", UV_FS_COPYFILE_EXCL},
                {"ficlone", UV_FS_COPYFILE_FICLONE},
                {"ficlone_force", UV_FS_COPYFILE_FICLONE_FORCE}};
  int flags = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    const char* key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
    int flag = 0;
    for (const auto& known : kFlags) {
      if (std::strcmp(key, known.name) == 0) flag = known.flag;
    }
    if (flag == 0 || !lua_isboolean(L, -1)) {
      luaL_argerror(L, index,
                    "table of booleans excl, ficlone and ficlone_force expected");
    }
    if (lua_toboolean(L, -1)) flags |= flag;
    lua_pop(L, 1);
  }
  return flags;
}

}  // namespace luv::lua
