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

// Bindings for signal watchers: luv.signal.create, ignore, default, raise
// and signal watcher methods.
#ifndef LUV_LUA_LUA_SIGNAL_H_
#define LUV_LUA_LUA_SIGNAL_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.signal to the module table on top of the stack. May raise.
void OpenSignal(lua_State* L, sched::Scheduler* scheduler);

// What a signal argument is for.
enum class SignalUse {
  kWatch,         // a watcher catches it (uv::CheckCatchable)
  kSet,           // ignore/default change it (uv::CheckSettable)
  kSend,          // sent: any signal number from 1
  kProbeOrSend,   // kill: also 0, which only checks that the process exists
};

// The signal at `index`: a name ("TERM", "sigterm", "SIGTERM") or a number.
// Raises a bad-argument error that says why for anything else, and for a
// signal that `use` cannot take.
int CheckSignalArg(lua_State* L, int index, SignalUse use);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_SIGNAL_H_
