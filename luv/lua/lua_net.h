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

// What luv.net's bindings share: the luv.net table itself, and address
// arguments and results ({family = "inet" | "inet6", address =, port =}).
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_NET_H_
#define LUV_LUA_LUA_NET_H_

#include "luv/luacompat/luacompat.h"

#include "luv/uv/address.h"

namespace luv::lua {

// Pushes the table `name` of the module table at `module` (an absolute
// index), creating it first if needed. May raise.
void PushModuleSubtable(lua_State* L, int module, const char* name);

// The port argument at `index`: an integer from 0 to 65535; raises a
// bad-argument error otherwise.
int CheckPort(lua_State* L, int index);

// Reads the host string at `host_index` and the port at `host_index + 1`
// into `*out`. Raises for wrong types or a bad port; for a host that is not
// a numeric IPv4 or IPv6 address pushes `nil, "EINVAL: ...", "EINVAL"` and
// returns 3 (-1 with an error on top when out of memory). Returns 0 when
// `*out` was set.
int CheckAddress(lua_State* L, int host_index, uv::SocketAddress* out);

// Pushes {family = "inet" | "inet6", address = "127.0.0.1", port = 80}.
void PushAddress(lua_State* L, const uv::SocketAddress& address);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_NET_H_
