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
