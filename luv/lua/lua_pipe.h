// Bindings for pipes (Unix domain sockets and descriptors): luv.pipe.create
// and the pipe methods.
#ifndef LUV_LUA_LUA_PIPE_H_
#define LUV_LUA_LUA_PIPE_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Metatable name of pipe objects (luv.process.spawn recognizes them).
inline constexpr char kPipeType[] = "luv.pipe";

// Adds luv.pipe to the module table on top of the stack. May raise.
void OpenPipe(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_PIPE_H_
