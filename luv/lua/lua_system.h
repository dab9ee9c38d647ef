// Bindings for machine facts: hrtime, memory, CPUs, network interfaces.
#ifndef LUV_LUA_LUA_SYSTEM_H_
#define LUV_LUA_LUA_SYSTEM_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Adds luv.hrtime, mem_total, mem_free, cpu_info and interface_addresses to
// the module table on top of the stack. May raise (out of memory).
void OpenSystem(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_SYSTEM_H_
