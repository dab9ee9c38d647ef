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

// The file object that luv.fs.open returns (metatable "luv.file") and its
// methods: read, write, close, stat, sync, datasync, utime, chmod, chown,
// truncate.
//
// The userdata points at a uv::File (luv/uv/file.h): the descriptor, the
// position, and the order of calls at the position. The methods are thin:
// they check their arguments, start the file's operation from
// luv/uv/file_ops.h and wait for it (lua_fs_call.h). The uv::File outlives
// the userdata while operations on it are in flight. close() waits for the
// calls made before it; a file collected without close() has its descriptor
// closed in the background once no call uses it. Methods on a closed file
// return `nil, "EBADF: bad file descriptor: <path> (closed)", "EBADF"`.
//
// Thread affinity: the thread that owns the Lua state. Every method
// suspends the calling state (lua_sched.h) and may raise for bad arguments.
#ifndef LUV_LUA_LUA_FILE_H_
#define LUV_LUA_LUA_FILE_H_

#include "luv/luacompat/luacompat.h"

#include "luv/lua/lua_fs_call.h"
#include "luv/sched/scheduler.h"
#include "luv/uv/file.h"
#include "luv/uv/fs_path_ops.h"

namespace luv::lua {

// Registers the luv.file metatable. May raise.
void OpenFile(lua_State* L);

// The Pusher of luv.fs.open: a new file object that owns what `call` opened.
int PushOpenedFile(lua_State* L, FsCall<uv::OpenOp>* call);

// The uv::File of the file object at `index` (it may be closed); raises an
// argument error for anything else. `*scheduler`, if not null, gets the
// scheduler the file belongs to.
uv::File* CheckFileArg(lua_State* L, int index, sched::Scheduler** scheduler);

// The uv::File of the file object at `index`, or null for anything else.
uv::File* TestFileArg(lua_State* L, int index);

// Pushes the EBADF failure of a method called on a closed file; returns 3.
// May raise (out of memory).
int PushFileClosed(lua_State* L, uv::File* file);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FILE_H_
