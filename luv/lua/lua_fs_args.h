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

// Checking the arguments of luv.fs functions and file methods, which come
// from untrusted scripts. Each Check function returns the value or raises
// an argument error that names the argument (luaL_argerror), so bindings
// call them before they create anything. Parsing is luv/uv/fs_args.h's.
//
// Thread affinity: the thread that owns `L`.
#ifndef LUV_LUA_LUA_FS_ARGS_H_
#define LUV_LUA_LUA_FS_ARGS_H_

#include <cstdint>
#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// A path: a string (or a number, as Lua converts) without NUL bytes.
const char* CheckPathArg(lua_State* L, int index);

// When the path at `index` (checked already) is longer than any path the
// system accepts, pushes `nil, "ENAMETOOLONG: ...", "ENAMETOOLONG"` and
// returns 3 (a run-time failure, as the system would report it); else 0.
int PushIfPathTooLong(lua_State* L, int index);

// open(2) flags from an fopen-style mode string; `fallback` when absent.
int CheckOpenMode(lua_State* L, int index, const char* fallback);

// Permission bits from an octal string ("644"); `fallback` when absent
// (null: required). Numbers are refused: 644 and 0644 would be ambiguous.
int CheckPermissions(lua_State* L, int index, const char* fallback);

// access(2) mode from "rwx" letters; "" (existence) when absent.
int CheckAccessMode(lua_State* L, int index);

// A byte count or offset: a whole number from 0 to 2^53. The Opt form
// returns `fallback` when the argument is absent or nil.
int64_t CheckSize(lua_State* L, int index);
int64_t OptSize(lua_State* L, int index, int64_t fallback);

// A timestamp in seconds since the epoch (fractions allowed): finite, and
// within what the system's time_t holds comfortably (|t| < 2^52).
double CheckTime(lua_State* L, int index);

// A user or group id for chown: a whole number from 0 to 2^32 - 2, or -1
// for "leave unchanged".
int64_t CheckOwnerId(lua_State* L, int index);

// Copy flags (UV_FS_COPYFILE_*) from an optional table of booleans: `excl`
// (fail if the destination exists), `ficlone` (try a copy-on-write clone),
// `ficlone_force` (only a clone). Other keys are refused.
int CheckCopyFlags(lua_State* L, int index);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FS_ARGS_H_
