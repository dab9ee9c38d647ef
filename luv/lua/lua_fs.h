// Bindings for the file system: the luv.fs table (open, stat, readdir, ...,
// watch). File objects are lua_file.h's; file watches lua_fs_watch.h's.
#ifndef LUV_LUA_LUA_FS_H_
#define LUV_LUA_LUA_FS_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.fs to the module table on top of the stack and registers the
// luv.file and luv.fs_watch metatables. May raise.
void OpenFs(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FS_H_
