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

// Bindings for the file system: the luv.fs table (open, stat, readdir, ...,
// watch). File objects are lua_file.h's; file watches lua_fs_watch.h's.
#ifndef LUV_LUA_LUA_FS_H_
#define LUV_LUA_LUA_FS_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Adds luv.fs to the module table on top of the stack, and luv.cwd and
// luv.chdir (the same functions as luv.fs.cwd and luv.fs.chdir), and
// registers the luv.file and luv.fs_watch metatables. May raise.
void OpenFs(lua_State* L, sched::Scheduler* scheduler);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FS_H_
