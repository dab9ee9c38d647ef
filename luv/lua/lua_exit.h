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

// os.exit that loses nothing: in the interpreter's main state, luv replaces
// os.exit with a version that closes the Lua state before exiting (what
// Lua 5.2+'s os.exit(code, true) does), so exit runs the same shutdown as
// the end of the main chunk: luv threads are stopped and waited for, ØMQ
// sockets closed keeping their LINGER and contexts terminated
// (luv/zmq/context.h), every object finalized.
#ifndef LUV_LUA_LUA_EXIT_H_
#define LUV_LUA_LUA_EXIT_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Replaces os.exit, in a state that is not a luv thread's, once. May raise
// (out of memory).
void OpenExit(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_EXIT_H_
