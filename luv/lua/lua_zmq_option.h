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

// Reading ØMQ option names and values from Lua arguments, for
// socket:getsockopt/setsockopt and ctx:get/set (lua_zmq_socket.cc,
// lua_zmq.cc).
//
// A name is a string ("LINGER", "linger", "ZMQ_LINGER") or a number (17);
// other types raise. An unknown name is a run-time failure, not an error:
// PushUnknownOption pushes `nil, "EINVAL: unknown socket option 'FOO'",
// "EINVAL"`. Thread affinity: the thread that owns `L`.
#ifndef LUV_LUA_LUA_ZMQ_OPTION_H_
#define LUV_LUA_LUA_ZMQ_OPTION_H_

#include <cstdint>
#include "luv/luacompat/luacompat.h"

#include "luv/zmq/options.h"

namespace luv::lua {

// The socket option the argument at `index` names, or null. May raise.
const zmq::Option* CheckSocketOption(lua_State* L, int index);

// The context option the argument at `index` names (for `access`, which
// tells SOCKET_LIMIT from THREAD_PRIORITY by number), or null. May raise.
const zmq::Option* CheckContextOption(lua_State* L, int index, uint8_t access);

// Pushes the failure for an unknown option named at `index` (`kind`:
// "socket option"); returns 3. May raise (out of memory).
int PushUnknownOption(lua_State* L, int index, const char* kind);

// An integer option value at `index`: an integral number within the range of
// int64_t, or (for kBool options) a boolean. Raises otherwise, naming
// `option`.
int64_t CheckOptionInteger(lua_State* L, int index, const zmq::Option& option);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_ZMQ_OPTION_H_
