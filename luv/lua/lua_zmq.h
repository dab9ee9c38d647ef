// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

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
