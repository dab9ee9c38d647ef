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

// Bindings for the process's environment: luv.getenv, setenv, unsetenv,
// environ, and the directories it names, luv.homedir and luv.tmpdir.
#ifndef LUV_LUA_LUA_ENVIRONMENT_H_
#define LUV_LUA_LUA_ENVIRONMENT_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Adds luv.getenv, setenv, unsetenv, environ, homedir and tmpdir to the
// module table on top of the stack. May raise (out of memory).
void OpenEnvironment(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_ENVIRONMENT_H_
