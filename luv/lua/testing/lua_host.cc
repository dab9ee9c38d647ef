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

// lua_host: a minimal `lua` that embeds Lua and links luv statically, so a
// sanitizer build instruments the interpreter, luv and the test together.
//
//   lua_host [-e chunk]... script.lua [args...]
//
// require("luv") finds the linked-in module through package.preload.
#include <cstdio>
#include <cstring>
#include "luv/luacompat/luacompat.h"

extern "C" int luaopen_luv(lua_State* L);

namespace {

int Traceback(lua_State* L) {
  const char* message = lua_tostring(L, 1);
  lua_getglobal(L, "debug");
  lua_getfield(L, -1, "traceback");
  lua_pushstring(L, message != nullptr ? message : "(error object is not a string)");
  lua_pushinteger(L, 2);
  lua_call(L, 2, 1);
  return 1;
}

// Runs the chunk on top of the stack with `nargs` arguments below it.
bool Run(lua_State* L, int status, int nargs, const char* what) {
  if (status == 0) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, Traceback);
    lua_insert(L, base);
    status = lua_pcall(L, nargs, 0, base);
    lua_remove(L, base);
  }
  if (status != 0) {
    std::fprintf(stderr, "lua_host: %s: %s\n", what, lua_tostring(L, -1));
    lua_pop(L, 1);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  lua_State* L = luaL_newstate();
  if (L == nullptr) return 1;
  luaL_openlibs(L);
  lua_getglobal(L, "package");
  lua_getfield(L, -1, "preload");
  lua_pushcfunction(L, luaopen_luv);
  lua_setfield(L, -2, "luv");
  lua_pop(L, 2);

  int i = 1;
  for (; i + 1 < argc && std::strcmp(argv[i], "-e") == 0; i += 2) {
    if (!Run(L,
             luaL_loadbuffer(L, argv[i + 1], std::strlen(argv[i + 1]), "=(command line)"),
             0, "-e")) {
      lua_close(L);
      return 1;
    }
  }
  if (i >= argc) {
    std::fprintf(stderr, "usage: lua_host [-e chunk]... script.lua [args...]\n");
    lua_close(L);
    return 2;
  }
  const char* script = argv[i];
  // The global `arg`, as lua.c sets it: arg[0] is the script.
  lua_createtable(L, argc - i - 1, 1);
  for (int j = i; j < argc; ++j) {
    lua_pushstring(L, argv[j]);
    lua_rawseti(L, -2, j - i);
  }
  lua_setglobal(L, "arg");
  int status = luaL_loadfile(L, script);
  int nargs = 0;
  if (status == 0) {
    for (int j = i + 1; j < argc; ++j, ++nargs) lua_pushstring(L, argv[j]);
  }
  bool ok = Run(L, status, nargs, script);
  lua_close(L);
  return ok ? 0 : 1;
}
