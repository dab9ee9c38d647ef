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

// The Lua side of ØMQ sockets: the luv.zmq.socket type and its methods
// (bind, connect, send, recv, send_multipart, recv_multipart, options,
// close). ctx:socket() in lua_zmq.cc makes them.
//
// A socket belongs to the Lua state (the OS thread) that made it: it cannot
// cross luv.codec, so no other thread can reach it. send and recv try the
// operation at once and suspend the calling state (a fiber, or the main
// state running the scheduler) only if it would block; they never block
// the OS thread. Run-time failures return `nil, message, name`; bad
// argument types raise.
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_ZMQ_SOCKET_H_
#define LUV_LUA_LUA_ZMQ_SOCKET_H_

#include "luv/luacompat/luacompat.h"
#include <memory>

#include "luv/sched/scheduler.h"
#include "luv/zmq/context.h"

namespace luv::lua {

// Creates the luv.zmq.socket metatable. May raise.
void OpenZmqSocket(lua_State* L);

// Pushes a new socket of `type` in `context`, polled by `scheduler`'s loop,
// and returns 1; or pushes the failure triple and returns 3. May raise.
int PushNewSocket(lua_State* L, sched::Scheduler* scheduler,
                  const std::shared_ptr<zmq::Context>& context, int type);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_ZMQ_SOCKET_H_
