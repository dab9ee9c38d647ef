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

// The one place where the Lua versions luv builds for differ: PUC Lua 5.1,
// 5.2, 5.3 and 5.4, and LuaJIT 2.1 (5.1's API). Everything else in luv is
// written once, against these functions; no other file tests LUA_VERSION_NUM.
//
// Header only; Lua headers only, so every layer may use it. Nothing here
// raises unless its comment says so.
#ifndef LUV_LUACOMPAT_LUACOMPAT_H_
#define LUV_LUACOMPAT_LUACOMPAT_H_

#include <lua.hpp>

#include <cstddef>

// Every file that calls the Lua API includes this header, so that luv.so
// refers to the API weakly (see lua_api_weak.h) and can refuse a foreign VM
// by name instead of failing in dlopen.
#include "luv/luacompat/lua_api_weak.h"

namespace luv::compat {

// 501 (5.1 and LuaJIT), 502, 503 or 504: the API the module was built for.
inline constexpr int kLuaVersion = LUA_VERSION_NUM;
// "Lua 5.4" and so on (LuaJIT builds say "Lua 5.1").
inline constexpr const char* kLuaVersionName = LUA_VERSION;

// 5.3 and later have an integer subtype of numbers.
inline constexpr bool kHasIntegers = LUA_VERSION_NUM >= 503;
// 5.2 and later can make two closures share one upvalue.
inline constexpr bool kCanJoinUpvalues = LUA_VERSION_NUM >= 502;
// 5.4's to-be-closed variables call __close.
inline constexpr bool kHasClose = LUA_VERSION_NUM >= 504;

// The raw length of a table or string (lua_objlen in 5.1).
inline size_t RawLen(lua_State* L, int index) {
#if LUA_VERSION_NUM >= 502
  return lua_rawlen(L, index);
#else
  return lua_objlen(L, index);
#endif
}

// Pushes the table of globals.
inline void PushGlobals(lua_State* L) {
#if LUA_VERSION_NUM >= 502
  lua_pushglobaltable(L);
#else
  lua_pushvalue(L, LUA_GLOBALSINDEX);
#endif
}

// Pushes the standard unpack (table.unpack on 5.2+, the global on 5.1).
inline void PushUnpack(lua_State* L) {
#if LUA_VERSION_NUM >= 502
  lua_getglobal(L, "table");
  lua_getfield(L, -1, "unpack");
  lua_remove(L, -2);
#else
  lua_getglobal(L, "unpack");
#endif
}

// Calls the function below the top `nargs` values, discarding its results,
// and returns what a C function returning nothing returns. On 5.2+ the
// callee may yield (lua_callk): the caller then finishes without coming
// back. Use as `return CallReturningNothing(L, n);`.
#if LUA_VERSION_NUM >= 503
inline int ReturnNothing(lua_State*, int, lua_KContext) { return 0; }
#elif LUA_VERSION_NUM == 502
inline int ReturnNothing(lua_State*) { return 0; }
#endif
inline int CallReturningNothing(lua_State* L, int nargs) {
#if LUA_VERSION_NUM >= 502
  lua_callk(L, nargs, 0, 0, ReturnNothing);
#else
  lua_call(L, nargs, 0);
#endif
  return 0;
}

// Pops a table and makes it the value associated with the userdata at
// `index` (5.1's environment, 5.2+'s user value).
inline void SetUserValue(lua_State* L, int index) {
#if LUA_VERSION_NUM >= 504
  lua_setiuservalue(L, index, 1);
#elif LUA_VERSION_NUM >= 502
  lua_setuservalue(L, index);
#else
  lua_setfenv(L, index);
#endif
}

// Whether SetUserValue takes any value (5.3+); before, only a table.
constexpr bool kUserValueTakesAnyValue = LUA_VERSION_NUM >= 503;

// Pushes the value SetUserValue associated with the userdata at `index`.
inline void GetUserValue(lua_State* L, int index) {
#if LUA_VERSION_NUM >= 504
  lua_getiuservalue(L, index, 1);
#elif LUA_VERSION_NUM >= 502
  lua_getuservalue(L, index);
#else
  lua_getfenv(L, index);
#endif
}

// Resumes `co` with the `nargs` values on its stack; on return (LUA_YIELD
// or 0) `*nresults` values are on top of its stack. `from` is the running
// coroutine (5.2+ count C calls across it).
inline int Resume(lua_State* co, lua_State* from, int nargs, int* nresults) {
#if LUA_VERSION_NUM >= 504
  return lua_resume(co, from, nargs, nresults);
#elif LUA_VERSION_NUM >= 502
  int status = lua_resume(co, from, nargs);
  *nresults = lua_gettop(co);
  return status;
#else
  (void)from;
  int status = lua_resume(co, nargs);
  *nresults = lua_gettop(co);
  return status;
#endif
}

// Resume without counting the results (a C function that yields leaves
// only what it yields on the coroutine's stack: lua_gettop counts them).
inline int Resume(lua_State* co, lua_State* from, int nargs) {
#if LUA_VERSION_NUM >= 504
  int nresults;
  return lua_resume(co, from, nargs, &nresults);
#elif LUA_VERSION_NUM >= 502
  return lua_resume(co, from, nargs);
#else
  (void)from;
  return lua_resume(co, nargs);
#endif
}

// Calls `fn(L)` with `ud` as light userdata argument in protected mode;
// returns 0 or an error code with the error on top (5.1's lua_cpcall).
inline int CPCall(lua_State* L, lua_CFunction fn, void* ud) {
#if LUA_VERSION_NUM >= 502
  if (!lua_checkstack(L, 2)) return LUA_ERRMEM;
  lua_pushcfunction(L, fn);
  lua_pushlightuserdata(L, ud);
  return lua_pcall(L, 1, 0, 0);
#else
  return lua_cpcall(L, fn, ud);
#endif
}

// lua_dump of the function on top, keeping its debug information.
inline int Dump(lua_State* L, lua_Writer writer, void* data) {
#if LUA_VERSION_NUM >= 503
  return lua_dump(L, writer, data, 0);
#else
  return lua_dump(L, writer, data);
#endif
}

// lua_load of a chunk (binary or text).
inline int Load(lua_State* L, lua_Reader reader, void* data, const char* chunkname) {
#if LUA_VERSION_NUM >= 502
  return lua_load(L, reader, data, chunkname, nullptr);
#else
  return lua_load(L, reader, data, chunkname);
#endif
}

// Whether the number at `index` is of the integer subtype (never on 5.1
// and 5.2, where every number is a float).
inline bool IsInteger(lua_State* L, int index) {
#if LUA_VERSION_NUM >= 503
  return lua_isinteger(L, index) != 0;
#else
  (void)L;
  (void)index;
  return false;
#endif
}

// Makes upvalue `n1` of the Lua function at `f1` refer to upvalue `n2` of
// the one at `f2` (5.2+; a no-op on 5.1, which cannot).
inline void UpvalueJoin(lua_State* L, int f1, int n1, int f2, int n2) {
#if LUA_VERSION_NUM >= 502
  lua_upvaluejoin(L, f1, n1, f2, n2);
#else
  (void)L, (void)f1, (void)n1, (void)f2, (void)n2;
#endif
}

// An identity of upvalue `n` of the function at `f`, equal for closures
// that share it (null on 5.1, which cannot tell).
inline const void* UpvalueId(lua_State* L, int f, int n) {
#if LUA_VERSION_NUM >= 502
  return lua_upvalueid(L, f, n);
#else
  (void)L, (void)f, (void)n;
  return nullptr;
#endif
}

// Whether the VM can tell if the running coroutine may yield (5.3+), and
// the answer (true where it cannot tell: 5.2 yields across pcall and
// metamethods and reports its rare boundaries itself).
inline constexpr bool kKnowsYieldable = LUA_VERSION_NUM >= 503;
inline bool IsYieldable(lua_State* L) {
#if LUA_VERSION_NUM >= 503
  return lua_isyieldable(L) != 0;
#else
  (void)L;
  return true;
#endif
}

// Raises "bad argument #arg to 'f' (<tname> expected, got <type>)"
// (luaL_typerror, which 5.2 and later dropped).
inline int TypeError(lua_State* L, int arg, const char* tname) {
  return luaL_argerror(
      L, arg, lua_pushfstring(L, "%s expected, got %s", tname, luaL_typename(L, arg)));
}

}  // namespace luv::compat

#endif  // LUV_LUACOMPAT_LUACOMPAT_H_
