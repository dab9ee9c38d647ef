// Bindings for ØMQ: the luv.zmq table (create, the socket type and flag
// constants, version) and the context type luv.zmq.context (socket, term,
// get, set). Sockets are in lua_zmq_socket.h.
//
// A context crosses to other threads through luv.codec by identity
// (luv/codec/identity.h, luv/codec/message.h): within one state it is always
// the same userdata, and it lives while any state holds it or a message
// that carries it exists. Thread affinity: the thread that owns the Lua
// state.
#ifndef LUV_LUA_LUA_ZMQ_H_
#define LUV_LUA_LUA_ZMQ_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.zmq to the module table on top of the stack and registers the
// context as a luv.codec identity type. May raise.
void OpenZmq(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_ZMQ_H_
