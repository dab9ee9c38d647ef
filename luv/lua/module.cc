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

// luaopen_luv: the only place that knows the whole module table.
#include <cstdio>

#include "luv/lua/lua_channel.h"
#include "luv/lua/lua_codec.h"
#include "luv/lua/lua_crypto.h"
#include "luv/lua/lua_dns.h"
#include "luv/lua/lua_fiber.h"
#include "luv/lua/lua_diagnostics.h"
#include "luv/lua/lua_environment.h"
#include "luv/lua/lua_exit.h"
#include "luv/lua/lua_fs.h"
#include "luv/lua/lua_idle.h"
#include "luv/lua/lua_pipe.h"
#include "luv/lua/lua_process.h"
#include "luv/lua/lua_request.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/lua_signal.h"
#include "luv/lua/lua_stdio.h"
#include "luv/lua/lua_system.h"
#include "luv/lua/lua_tcp.h"
#include "luv/lua/lua_thread.h"
#include "luv/lua/lua_timer.h"
#include "luv/lua/lua_tls.h"
#include "luv/lua/lua_udp.h"
#include "luv/lua/lua_zmq.h"
#include "luv/luacompat/host_vm.h"
#include "luv/luacompat/luacompat.h"
#include "luv/protect/protect.h"
#include "luv/sched/yieldable.h"

extern "C" __attribute__((visibility("default"))) int luaopen_luv(lua_State* L);

namespace {

using luv::compat::HostVm;

// Whether the VM that loaded the module is one this build is for (the 5.1
// build serves LuaJIT too: same API, same file).
bool BuiltFor(HostVm host) {
  switch (luv::compat::kLuaVersion) {
    case 501:
      return host == HostVm::kLua51 || host == HostVm::kLuaJit;
    case 502:
      return host == HostVm::kLua52;
    case 503:
      return host == HostVm::kLua53;
    case 504:
      return host == HostVm::kLua54;
    default:
      return false;
  }
}

const char* InterpreterOf(HostVm host) {
  switch (host) {
    case HostVm::kLuaJit:
      return "luajit";
    case HostVm::kLua52:
      return "lua5.2";
    case HostVm::kLua53:
      return "lua5.3";
    case HostVm::kLua54:
      return "lua5.4";
    default:
      return "lua5.1";
  }
}

// Raises "built for X, loaded by Y" through the two API functions every VM
// has with the same meaning, before anything else calls into the VM.
int RefuseHost(lua_State* L, HostVm host) {
  char message[320];
  std::snprintf(message, sizeof message,
                "luv " LUV_VERSION " was built for %s but is loaded by %s: build it for "
                "%s (tools/install.sh --lua %s)",
                luv::compat::kLuaVersionName, luv::compat::HostVmName(host),
                luv::compat::HostVmName(host), InterpreterOf(host));
  lua_pushstring(L, message);
  return lua_error(L);
}

}  // namespace

// require("luv") -> the module table. Each Lua state (each OS thread) gets
// its own table and scheduler.
int luaopen_luv(lua_State* L) {
  HostVm host = luv::compat::FindHostVm();
  if (!BuiltFor(host)) return RefuseHost(L, host);
  luv::protect::InstallProtect(L);
  luv::sched::InitYieldCheck(L);
  luv::sched::Scheduler* scheduler = luv::lua::OpenScheduler(L);
  luv::lua::OpenRequest(L);
  lua_newtable(L);
  lua_pushliteral(L, "luv " LUV_VERSION);
  lua_setfield(L, -2, "_VERSION");
  luv::lua::OpenSystem(L);
  luv::lua::OpenEnvironment(L);
  luv::lua::OpenExit(L);
  luv::lua::OpenFiber(L, scheduler);
  luv::lua::OpenDiagnostics(L, scheduler);
  luv::lua::OpenTimer(L, scheduler);
  luv::lua::OpenIdle(L, scheduler);
  luv::lua::OpenCodec(L);
  luv::lua::OpenCrypto(L);
  luv::lua::OpenThread(L, scheduler, luaopen_luv);
  luv::lua::OpenChannel(L, scheduler);
  luv::lua::OpenFs(L, scheduler);
  luv::lua::OpenZmq(L, scheduler);
  luv::lua::OpenDns(L, scheduler);  // before OpenTcp: connect resolves names
  luv::lua::OpenTcp(L, scheduler);
  luv::lua::OpenPipe(L, scheduler);
  luv::lua::OpenTls(L);  // after OpenTcp and OpenPipe: adds methods
  luv::lua::OpenUdp(L, scheduler);
  luv::lua::OpenStdio(L, scheduler);
  luv::lua::OpenProcess(L, scheduler);
  luv::lua::OpenSignal(L, scheduler);
  luv::lua::OpenSelect(L, scheduler);
  return 1;
}
