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

// luv.fs.watch(path) and the watch object (metatable "luv.fs_watch"): wait()
// returns the next change to a file or directory, close() ends the watch.
// Built on libuv's fs events (inotify on Linux) through uv::FsWatch.
//
// Events queue up (bounded, see luv/uv/fs_watch.h) while nobody waits; each
// event goes to one waiting state, the one that waited first.
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_FS_WATCH_H_
#define LUV_LUA_LUA_FS_WATCH_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Registers the luv.fs_watch metatable and adds `watch` to the luv.fs table
// on top of the stack. May raise.
void OpenFsWatch(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FS_WATCH_H_
