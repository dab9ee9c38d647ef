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

// The one protected-call trampoline: runs C++ code that uses the Lua API
// inside lua_pcall, so that a Lua error (out of memory, an error in a
// __gc metamethod or a hook) unwinds only to the caller, whose C++ objects
// are then destroyed normally. The codec, the scheduler and every binding
// use it.
//
// The called code must not keep C++ objects with destructors in its own
// frames (they may be jumped over); it reaches the caller's objects through
// `context` (or the callable's captures). Thread: the one that owns `L`.
// Lua headers only: every other layer may depend on it.
#ifndef LUV_PROTECT_PROTECT_H_
#define LUV_PROTECT_PROTECT_H_

#include "luv/luacompat/luacompat.h"
#include <type_traits>

namespace luv::protect {

using ProtectedFunction = int (*)(lua_State* L, void* context);

// Calls `fn(L, context)` in protected mode with the `nargs` values on top of
// the stack as its stack (they are consumed). Returns how many values `fn`
// returned, left on the stack, or -1 with the error object on top. Needs
// two free stack slots (any lua_CFunction has LUA_MINSTACK). Never raises.
int CallProtected(lua_State* L, ProtectedFunction fn, void* context, int nargs);

// Installs the trampoline in L's registry now (CallProtected otherwise does
// it on first use, in protected mode). May raise.
void InstallProtect(lua_State* L);

// Runs the callable `int(lua_State*)` in protected mode with no arguments:
// it pushes values and returns how many. Returns that count, or -1 with the
// error object on top. Never raises.
template <typename F>
int PushProtected(lua_State* L, F&& push) {
  using Fn = std::remove_reference_t<F>;
  return CallProtected(
      L, [](lua_State* L, void* target) { return (*static_cast<Fn*>(target))(L); },
      const_cast<void*>(static_cast<const void*>(&push)), 0);
}

}  // namespace luv::protect

#endif  // LUV_PROTECT_PROTECT_H_
