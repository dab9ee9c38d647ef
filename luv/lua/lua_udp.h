// Bindings for UDP sockets: luv.net.udp and the udp methods.
#ifndef LUV_LUA_LUA_UDP_H_
#define LUV_LUA_LUA_UDP_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.net.udp to the module table on top of the stack. May raise.
void OpenUdp(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_UDP_H_
