// Bindings for timers: luv.timer.create and timer methods.
#ifndef LUV_LUA_LUA_TIMER_H_
#define LUV_LUA_LUA_TIMER_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.timer to the module table on top of the stack. May raise.
void OpenTimer(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_TIMER_H_
