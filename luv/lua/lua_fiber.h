// Bindings for fibers: luv.fiber.create/yield, fiber methods, luv.self,
// luv.sleep, luv.pcall and luv.xpcall.
#ifndef LUV_LUA_LUA_FIBER_H_
#define LUV_LUA_LUA_FIBER_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.fiber, luv.self, luv.sleep, luv.pcall and luv.xpcall to the
// module table on top of the stack. May raise.
void OpenFiber(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FIBER_H_
