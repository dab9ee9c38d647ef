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

// luv.select: wait on several objects at once. Types that can be waited on
// register a Waitable for their metatable name from their Open function.
//
// Thread affinity: the registry is process-wide and thread-safe; the
// callbacks run on the thread that owns `L`.
#ifndef LUV_LUA_LUA_SELECT_H_
#define LUV_LUA_LUA_SELECT_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"
#include "luv/sched/wait_list.h"

namespace luv::lua {

struct Waitable {
  // Whether the object at `index` is ready now (select returns at once).
  bool (*ready)(lua_State* L, int index);
  // Adds `node` where the object's next event wakes it (and arms whatever
  // produces that event). Returns true if the object turned out ready
  // meanwhile; select then returns at once. May raise.
  bool (*add)(lua_State* L, int index, sched::WaitNode* node);
};

// Registers `waitable` for userdata whose metatable is named `type`
// ("luv.timer"). Registering the same type again replaces nothing.
void RegisterWaitable(const char* type, Waitable waitable);

// Adds luv.select to the module table on top of the stack.
void OpenSelect(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_SELECT_H_
