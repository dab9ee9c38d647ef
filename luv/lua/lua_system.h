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

// Bindings for machine facts (hrtime, memory, CPUs, load, uptime, network
// interfaces) and this process's (pid, ppid, hostname, uname, rusage).
#ifndef LUV_LUA_LUA_SYSTEM_H_
#define LUV_LUA_LUA_SYSTEM_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Adds luv.hrtime, mem_total, mem_free, cpu_info, available_parallelism,
// loadavg, uptime, interface_addresses, pid, ppid, hostname, uname and
// rusage to the module table on top of the stack. May raise (out of
// memory).
void OpenSystem(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_SYSTEM_H_
