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
// luv.available_parallelism, luv.loadavg, luv.uptime,
// luv.interface_addresses: facts about the machine (luv/uv/system_info.h);
// luv.pid, luv.ppid, luv.hostname, luv.uname, luv.rusage: facts about this
// process and the system it runs under (luv/uv/os_info.h).
#include "luv/lua/lua_system.h"

#include "luv/lua/support.h"
#include "luv/uv/os_info.h"
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

void SetNumber(lua_State* L, const char* key, double value) {
  lua_pushnumber(L, value);
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

// luv.available_parallelism() -> how many threads can run at once (>= 1)
int LAvailableParallelism(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(uv::AvailableParallelism()));
  return 1;
}

// luv.loadavg() -> the 1, 5 and 15 minute load averages (three numbers)
int LLoadavg(lua_State* L) {
  uv::LoadAverage load = uv::LoadAvg();
  lua_pushnumber(L, load.one);
  lua_pushnumber(L, load.five);
  lua_pushnumber(L, load.fifteen);
  return 3;
}

// luv.uptime() -> seconds since the machine booted
int LUptime(lua_State* L) {
  double seconds = 0;
  Result result = [&seconds]() -> luv::Status {
    luv::StatusOr<double> uptime = uv::Uptime();
    if (uptime.ok()) seconds = *uptime;
    return uptime.status();
  }();
  if (!result.ok()) return PushFail(L, result);
  lua_pushnumber(L, seconds);
  return 1;
}

// luv.pid() -> this process's id
int LPid(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(uv::Pid()));
  return 1;
}

// luv.ppid() -> the parent process's id
int LPpid(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(uv::Ppid()));
  return 1;
}

// luv.hostname() -> the host's name
int LHostname(lua_State* L) {
  int pushed;
  {
    luv::StatusOr<std::string> name = uv::Hostname();
    pushed = name.ok() ? PushProtected(L,
                                       [&name](lua_State* L) {
                                         lua_pushlstring(L, name->data(), name->size());
                                         return 1;
                                       })
                       : PushFailure(L, name.status());
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

// luv.uname() -> {sysname=, release=, version=, machine=}
int LUname(lua_State* L) {
  int pushed;
  {
    luv::StatusOr<uv::Utsname> names = uv::Uname();
    pushed = names.ok() ? PushProtected(L,
                                        [&names](lua_State* L) {
                                          lua_createtable(L, 0, 4);
                                          SetString(L, "sysname", names->sysname);
                                          SetString(L, "release", names->release);
                                          SetString(L, "version", names->version);
                                          SetString(L, "machine", names->machine);
                                          return 1;
                                        })
                        : PushFailure(L, names.status());
  }
  return pushed >= 0 ? pushed : lua_error(L);
}

// luv.rusage() -> {utime=, stime= (seconds), maxrss= (bytes), ixrss=, idrss=,
//                  isrss=, minflt=, majflt=, nswap=, inblock=, oublock=,
//                  msgsnd=, msgrcv=, nsignals=, nvcsw=, nivcsw=}
int LRusage(lua_State* L) {
  uv::ResourceUsage usage;  // trivially destructible: may outlive a raise
  Result result = [&usage]() -> luv::Status {
    luv::StatusOr<uv::ResourceUsage> read = uv::Rusage();
    if (read.ok()) usage = *read;
    return read.status();
  }();
  if (!result.ok()) return PushFail(L, result);
  lua_createtable(L, 0, 16);
  SetNumber(L, "utime", usage.utime_s);
  SetNumber(L, "stime", usage.stime_s);
  SetInteger(L, "maxrss", usage.maxrss_bytes);
  SetInteger(L, "ixrss", usage.ixrss);
  SetInteger(L, "idrss", usage.idrss);
  SetInteger(L, "isrss", usage.isrss);
  SetInteger(L, "minflt", usage.minflt);
  SetInteger(L, "majflt", usage.majflt);
  SetInteger(L, "nswap", usage.nswap);
  SetInteger(L, "inblock", usage.inblock);
  SetInteger(L, "oublock", usage.oublock);
  SetInteger(L, "msgsnd", usage.msgsnd);
  SetInteger(L, "msgrcv", usage.msgrcv);
  SetInteger(L, "nsignals", usage.nsignals);
  SetInteger(L, "nvcsw", usage.nvcsw);
  SetInteger(L, "nivcsw", usage.nivcsw);
  return 1;
}

constexpr luaL_Reg kFunctions[] = {
    {"hrtime", LHrtime},
    {"mem_total", LMemTotal},
    {"mem_free", LMemFree},
    {"cpu_info", LCpuInfo},
    {"available_parallelism", LAvailableParallelism},
    {"loadavg", LLoadavg},
    {"uptime", LUptime},
    {"interface_addresses", LInterfaceAddresses},
    {"pid", LPid},
    {"ppid", LPpid},
    {"hostname", LHostname},
    {"uname", LUname},
    {"rusage", LRusage},
    {nullptr, nullptr},
};

}  // namespace

void OpenSystem(lua_State* L) { SetFunctions(L, kFunctions); }

}  // namespace luv::lua
