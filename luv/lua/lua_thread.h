// Bindings for OS threads: luv.thread.spawn / luv.thread.create and
// thread:join(); also the object luv.self() returns outside fibers.
#ifndef LUV_LUA_LUA_THREAD_H_
#define LUV_LUA_LUA_THREAD_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.thread to the module table on top of the stack and creates this
// state's main thread object. `open_luv` (luaopen_luv) is what new threads
// preload as "luv". May raise.
void OpenThread(lua_State* L, sched::Scheduler* scheduler, lua_CFunction open_luv);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_THREAD_H_
