// Bindings for TCP sockets: luv.net.tcp and the tcp methods.
#ifndef LUV_LUA_LUA_TCP_H_
#define LUV_LUA_LUA_TCP_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.net.tcp to the module table on top of the stack. May raise.
void OpenTcp(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_TCP_H_
