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

#include "luv/protect/protect.h"

#include "luv/luacompat/luacompat.h"

namespace luv::protect {
namespace {

// The registry holds one trampoline per state under this address, so that
// calling does not allocate (pushing a new C function would, and that may
// raise outside protection).
const char kTrampolineKey = 0;

struct Call {
  ProtectedFunction fn;
  void* context;
};

int Trampoline(lua_State* L) {
  Call* call = static_cast<Call*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  return call->fn(L, call->context);
}

// Run by lua_cpcall, which is itself protected.
int Install(lua_State* L) {
  InstallProtect(L);
  return 0;
}

}  // namespace

void InstallProtect(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_pushcfunction(L, Trampoline);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

int CallProtected(lua_State* L, ProtectedFunction fn, void* context, int nargs) {
  int base = lua_gettop(L) - nargs;
  // Pushing a light userdata and reading an existing registry entry
  // allocate nothing, so none of this can raise before lua_pcall.
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    if (compat::CPCall(L, Install, nullptr) != 0) {
      // Keep the contract: the arguments are consumed, the error is on top.
      lua_insert(L, base + 1);
      lua_settop(L, base + 1);
      return -1;
    }
    lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
    lua_rawget(L, LUA_REGISTRYINDEX);
  }
  Call call{fn, context};
  lua_pushlightuserdata(L, &call);
  if (nargs > 0) {
    lua_insert(L, base + 1);  // the Call, below the arguments
    lua_insert(L, base + 1);  // the trampoline, below it
  }
  if (lua_pcall(L, nargs + 1, LUA_MULTRET, 0) != 0) return -1;
  return lua_gettop(L) - base;
}

}  // namespace luv::protect
