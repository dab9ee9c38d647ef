// Bindings for name resolution: luv.net.getaddrinfo.
#ifndef LUV_LUA_LUA_DNS_H_
#define LUV_LUA_LUA_DNS_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.net.getaddrinfo to the module table on top of the stack. May
// raise.
void OpenDns(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_DNS_H_
