// Bindings for idle watchers: luv.idle.create and idle methods.
#ifndef LUV_LUA_LUA_IDLE_H_
#define LUV_LUA_LUA_IDLE_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.idle to the module table on top of the stack. May raise.
void OpenIdle(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_IDLE_H_
