// Bindings for channels: luv.channel([capacity]) and channel methods.
#ifndef LUV_LUA_LUA_CHANNEL_H_
#define LUV_LUA_LUA_CHANNEL_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.channel to the module table on top of the stack and registers
// the channel type with luv.codec, so channels cross threads by identity.
void OpenChannel(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_CHANNEL_H_
