// luaopen_luv: the only place that knows the whole module table.
#include <lua.hpp>

#include "luv/lua/lua_channel.h"
#include "luv/lua/lua_codec.h"
#include "luv/lua/lua_dns.h"
#include "luv/lua/lua_fiber.h"
#include "luv/lua/lua_diagnostics.h"
#include "luv/lua/lua_fs.h"
#include "luv/lua/lua_idle.h"
#include "luv/lua/lua_pipe.h"
#include "luv/lua/lua_process.h"
#include "luv/lua/lua_request.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/lua_stdio.h"
#include "luv/lua/lua_system.h"
#include "luv/lua/lua_tcp.h"
#include "luv/lua/lua_thread.h"
#include "luv/lua/lua_timer.h"
#include "luv/lua/lua_udp.h"
#include "luv/lua/lua_zmq.h"
#include "luv/protect/protect.h"
#include "luv/sched/yieldable.h"

extern "C" __attribute__((visibility("default"))) int luaopen_luv(lua_State* L);

// require("luv") -> the module table. Each Lua state (each OS thread) gets
// its own table and scheduler.
int luaopen_luv(lua_State* L) {
  luv::protect::InstallProtect(L);
  luv::sched::InitYieldCheck(L);
  luv::sched::Scheduler* scheduler = luv::lua::OpenScheduler(L);
  luv::lua::OpenRequest(L);
  lua_newtable(L);
  lua_pushliteral(L, "luv " LUV_VERSION);
  lua_setfield(L, -2, "_VERSION");
  luv::lua::OpenSystem(L);
  luv::lua::OpenFiber(L, scheduler);
  luv::lua::OpenDiagnostics(L, scheduler);
  luv::lua::OpenTimer(L, scheduler);
  luv::lua::OpenIdle(L, scheduler);
  luv::lua::OpenCodec(L);
  luv::lua::OpenThread(L, scheduler, luaopen_luv);
  luv::lua::OpenChannel(L, scheduler);
  luv::lua::OpenFs(L, scheduler);
  luv::lua::OpenZmq(L, scheduler);
  luv::lua::OpenTcp(L, scheduler);
  luv::lua::OpenPipe(L, scheduler);
  luv::lua::OpenUdp(L, scheduler);
  luv::lua::OpenDns(L, scheduler);
  luv::lua::OpenStdio(L, scheduler);
  luv::lua::OpenProcess(L, scheduler);
  luv::lua::OpenSelect(L, scheduler);
  return 1;
}
