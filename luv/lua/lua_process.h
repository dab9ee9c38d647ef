// Bindings for child processes: luv.process.spawn and the process methods.
#ifndef LUV_LUA_LUA_PROCESS_H_
#define LUV_LUA_LUA_PROCESS_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.process to the module table on top of the stack. May raise.
void OpenProcess(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_PROCESS_H_
