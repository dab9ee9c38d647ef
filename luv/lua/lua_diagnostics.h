// luv.handles() and luv.fiber.active(): what a state has left open, for
// finding leaks (luv's test runner checks that every test leaves nothing).
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_DIAGNOSTICS_H_
#define LUV_LUA_LUA_DIAGNOSTICS_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.handles to the module table on top of the stack, and active to
// its luv.fiber table (OpenFiber first). May raise.
void OpenDiagnostics(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_DIAGNOSTICS_H_
