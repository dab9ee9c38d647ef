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

// Helpers every binding file uses: error results, metatables, and pushing
// C++ results without leaking when Lua raises.
//
// Lua 5.1 raises with longjmp, which skips C++ destructors. Bindings follow
// check -> act -> push: read arguments into trivially destructible locals, do
// the work in Lua-free C++, and push what that produced through
// PushProtected, which runs the pushes inside lua_pcall so that an error
// (out of memory) unwinds only to that call; the caller's C++ objects are
// destroyed normally and the error is raised afterwards. Only the owning OS
// thread may touch a lua_State.
#ifndef LUV_LUA_SUPPORT_H_
#define LUV_LUA_SUPPORT_H_

#include "luv/luacompat/luacompat.h"

#include "luv/base/status.h"
#include "luv/lua/result.h"
#include "luv/protect/protect.h"

namespace luv::lua {

// PushProtected (luv/protect/protect.h) is the tool of the push step;
// bindings use it through this header.
using protect::PushProtected;

// Results and failures: result.h (Result, ReturnTrue, PushFail,
// PushLuvError). For a status that the caller's frame must keep alive (a
// StatusOr it still reads), PushFailure pushes the failure triple in
// protected mode: returns 3, or -1 with an error on top if Lua ran out of
// memory (raise it once the caller's objects are gone).
int PushFailure(lua_State* L, const luv::Status& status);

// On 5.4, gives the metatable at `metatable` a __close that calls the
// class's close method, if it has one (`local s <close> = ...`). NewClass
// does it; a class that adds close later calls it again. May raise.
void AddCloseMetamethod(lua_State* L, int metatable);

// Creates (or finds) the metatable named `name` ("luv.timer") with a
// __tostring that prints "luv.timer: 0x...", and adds `methods` to its
// __index table and `meta` to its metamethods. Leaves it on the stack. May
// raise. `getmetatable(obj)` in Lua returns `name`, not the metatable
// (__metatable): types are decided by metatable identity (as
// luaL_checkudata does), and Lua code cannot reach the metatable to copy
// it.
void NewClass(lua_State* L, const char* name, const luaL_Reg* methods,
              const luaL_Reg* meta = nullptr);

// The userdata at `index` if its metatable is the very one registered as
// `type` (luaL_checkudata's test, without raising), else null. For __gc
// metamethods, which Lua code could copy onto objects of its own.
void* TestObject(lua_State* L, int index, const char* type);

// Argument errors for the C half of a function that Lua glue wraps (and may
// call again after a wake-up): they name `name`, the public function the
// program called ("bad argument #1 to 'send_multipart'", counting as
// luaL_argerror does when the program called it as a method), and point at
// the program's line, not at the glue. The half's arguments must be the
// glue's, in order.
int GlueArgError(lua_State* L, int arg, const char* name, const char* message);
// Pushes "chunk:line:" (as luaL_where) of the innermost Lua function that is
// the program's, not luv's glue (chunks named "=luv...."), or "" when there
// is none: for messages raised in C that glue may have called.
void PushProgramWhere(lua_State* L);
// `expected` names the type ("table"); raises as GlueArgError.
int GlueTypeError(lua_State* L, int arg, const char* name, const char* expected);
void GlueCheckType(lua_State* L, int arg, const char* name, int type);
const char* GlueCheckLString(lua_State* L, int arg, const char* name, size_t* size);
lua_Number GlueCheckNumber(lua_State* L, int arg, const char* name);
lua_Integer GlueOptInteger(lua_State* L, int arg, const char* name,
                           lua_Integer default_value);

// Pushes the Lua chunk `source` (luv's own glue code, a static string) as a
// function, named `name`; raises if it does not compile. The first state of
// the process compiles it; later states (every new thread's) load the
// bytecode that compilation produced, which is several times faster than
// parsing again. Only luv's own sources go through here, never input.
void LoadGlue(lua_State* L, const char* source, size_t size, const char* name);

// Sets every function in `functions` as a field of the table on top.
void SetFunctions(lua_State* L, const luaL_Reg* functions);

// Same, each function a closure with the light userdata `upvalue` as its
// upvalue 1 (luv's functions find their scheduler there).
void SetClosures(lua_State* L, const luaL_Reg* functions, void* upvalue);

}  // namespace luv::lua

#endif  // LUV_LUA_SUPPORT_H_
