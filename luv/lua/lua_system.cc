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

// luv.hrtime, luv.mem_total, luv.mem_free, luv.cpu_info,
// luv.interface_addresses: facts about the machine (luv/uv/system_info.h).
#include "luv/lua/lua_system.h"

#include "luv/lua/support.h"
#include "luv/uv/system_info.h"

namespace luv::lua {
namespace {

// luv.hrtime() -> nanoseconds since an arbitrary point (a number)
int LHrtime(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(uv::HrTime()));
  return 1;
}

// luv.mem_total() -> bytes
int LMemTotal(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(uv::TotalMemory()));
  return 1;
}

// luv.mem_free() -> bytes
int LMemFree(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(uv::FreeMemory()));
  return 1;
}

void SetInteger(lua_State* L, const char* key, uint64_t value) {
  lua_pushinteger(L, static_cast<lua_Integer>(value));
  lua_setfield(L, -2, key);
}

void SetString(lua_State* L, const char* key, const std::string& value) {
  lua_pushlstring(L, value.data(), value.size());
  lua_setfield(L, -2, key);
}

// luv.cpu_info() -> { {model=, speed=, times={user=, nice=, sys=, idle=, irq=}}, ... }
int LCpuInfo(lua_State* L) {
  int pushed;
  {
    luv::StatusOr<std::vector<uv::CpuInfo>> cpus = uv::CpuInfos();
    pushed = cpus.ok() ? PushProtected(L,
                                       [&cpus](lua_State* L) {
                                         lua_createtable(L, cpus->size(), 0);
                                         int i = 0;
                                         for (const uv::CpuInfo& cpu : *cpus) {
                                           lua_createtable(L, 0, 3);
                                           SetString(L, "model", cpu.model);
                                           SetInteger(L, "speed", cpu.speed_mhz);
                                           lua_createtable(L, 0, 5);
                                           SetInteger(L, "user", cpu.user_ms);
                                           SetInteger(L, "nice", cpu.nice_ms);
                                           SetInteger(L, "sys", cpu.sys_ms);
                                           SetInteger(L, "idle", cpu.idle_ms);
                                           SetInteger(L, "irq", cpu.irq_ms);
                                           lua_setfield(L, -2, "times");
                                           lua_rawseti(L, -2, ++i);
                                         }
                                         return 1;
                                       })
                       : PushFailure(L, cpus.status());
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

// luv.interface_addresses() -> { {name=, is_internal=, family=, address=,
//                                 netmask=, mac=}, ... }
int LInterfaceAddresses(lua_State* L) {
  int pushed;
  {
    luv::StatusOr<std::vector<uv::InterfaceAddress>> addresses =
        uv::InterfaceAddresses();
    pushed = addresses.ok()
                 ? PushProtected(L,
                                 [&addresses](lua_State* L) {
                                   lua_createtable(L, addresses->size(), 0);
                                   int i = 0;
                                   for (const uv::InterfaceAddress& a : *addresses) {
                                     lua_createtable(L, 0, 6);
                                     SetString(L, "name", a.name);
                                     lua_pushboolean(L, a.is_internal);
                                     lua_setfield(L, -2, "is_internal");
                                     SetString(L, "family", a.family);
                                     SetString(L, "address", a.address);
                                     SetString(L, "netmask", a.netmask);
                                     SetString(L, "mac", a.mac);
                                     lua_rawseti(L, -2, ++i);
                                   }
                                   return 1;
                                 })
                 : PushFailure(L, addresses.status());
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

constexpr luaL_Reg kFunctions[] = {
    {"hrtime", LHrtime},
    {"mem_total", LMemTotal},
    {"mem_free", LMemFree},
    {"cpu_info", LCpuInfo},
    {"interface_addresses", LInterfaceAddresses},
    {nullptr, nullptr},
};

}  // namespace

void OpenSystem(lua_State* L) { SetFunctions(L, kFunctions); }

}  // namespace luv::lua
