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

// luv.getenv, luv.setenv, luv.unsetenv, luv.environ, luv.homedir,
// luv.tmpdir: the process's environment (luv/uv/environment.h). There is
// one environment for every thread of the process; luv's calls share one
// lock, so luv's threads never race one another on it.
#include "luv/lua/lua_environment.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "luv/lua/support.h"
#include "luv/uv/environment.h"

namespace luv::lua {
namespace {

// The string at `arg`. Numbers are refused too: a variable's name and value
// are text, and converting would hide a mistake. Raises
// "bad argument #1 to 'setenv' (string expected, got number)".
const char* CheckText(lua_State* L, int arg, size_t* size) {
  if (lua_type(L, arg) != LUA_TSTRING) {
    luaL_argerror(L, arg,
                  lua_pushfstring(L, "string expected, got %s", luaL_typename(L, arg)));
  }
  return lua_tolstring(L, arg, size);
}

// A variable's name at `arg`: a string, not empty, without '=' or NUL.
std::string_view CheckName(lua_State* L, int arg) {
  size_t size;
  const char* name = CheckText(L, arg, &size);
  if (const char* problem = uv::EnvNameProblem(std::string_view(name, size))) {
    luaL_argerror(L, arg, problem);
  }
  return std::string_view(name, size);
}

// A value at `arg`: a string without NUL.
std::string_view CheckValue(lua_State* L, int arg) {
  size_t size;
  const char* value = CheckText(L, arg, &size);
  if (const char* problem = uv::EnvValueProblem(std::string_view(value, size))) {
    luaL_argerror(L, arg, problem);
  }
  return std::string_view(value, size);
}

// Pushes the text a call produced, or its failure; raises only once the
// StatusOr is gone.
int ReturnText(lua_State* L, luv::StatusOr<std::string> (*read)()) {
  int pushed;
  {
    luv::StatusOr<std::string> text = read();
    pushed = text.ok() ? PushProtected(L,
                                       [&text](lua_State* L) {
                                         lua_pushlstring(L, text->data(), text->size());
                                         return 1;
                                       })
                       : PushFailure(L, text.status());
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

// luv.getenv(name) -> value, or nil when `name` is not set
int LGetenv(lua_State* L) {
  std::string_view name = CheckName(L, 1);
  int pushed;
  {
    luv::StatusOr<std::optional<std::string>> value = uv::Getenv(name);
    if (!value.ok()) {
      pushed = PushFailure(L, value.status());
    } else if (!value->has_value()) {
      lua_pushnil(L);
      pushed = 1;
    } else {
      pushed = PushProtected(L, [&value](lua_State* L) {
        const std::string& text = **value;
        lua_pushlstring(L, text.data(), text.size());
        return 1;
      });
    }
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

// luv.setenv(name, value) -> true
int LSetenv(lua_State* L) {
  std::string_view name = CheckName(L, 1);
  std::string_view value = CheckValue(L, 2);
  Result result = uv::Setenv(name, value);
  return ReturnTrue(L, result);
}

// luv.unsetenv(name) -> true (also when `name` was not set)
int LUnsetenv(lua_State* L) {
  std::string_view name = CheckName(L, 1);
  Result result = uv::Unsetenv(name);
  return ReturnTrue(L, result);
}

// luv.environ() -> {name = value, ...}
int LEnviron(lua_State* L) {
  int pushed;
  {
    luv::StatusOr<std::vector<uv::EnvEntry>> entries = uv::Environ();
    pushed = entries.ok()
                 ? PushProtected(
                       L,
                       [&entries](lua_State* L) {
                         lua_createtable(L, 0, static_cast<int>(entries->size()));
                         for (const uv::EnvEntry& entry : *entries) {
                           lua_pushlstring(L, entry.name.data(), entry.name.size());
                           lua_pushlstring(L, entry.value.data(), entry.value.size());
                           lua_rawset(L, -3);
                         }
                         return 1;
                       })
                 : PushFailure(L, entries.status());
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

// luv.homedir() -> the user's home directory (HOME, else the password entry)
int LHomedir(lua_State* L) { return ReturnText(L, uv::Homedir); }

// luv.tmpdir() -> the directory for temporary files (TMPDIR, ..., else /tmp)
int LTmpdir(lua_State* L) { return ReturnText(L, uv::Tmpdir); }

constexpr luaL_Reg kFunctions[] = {
    {"getenv", LGetenv},   {"setenv", LSetenv},   {"unsetenv", LUnsetenv},
    {"environ", LEnviron}, {"homedir", LHomedir}, {"tmpdir", LTmpdir},
    {nullptr, nullptr},
};

}  // namespace

void OpenEnvironment(lua_State* L) { SetFunctions(L, kFunctions); }

}  // namespace luv::lua
