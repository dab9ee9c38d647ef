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

#include "luv/lua/support.h"

#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include "luv/luacompat/luacompat.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

int ToString(lua_State* L) {
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, "__name");
  lua_pushfstring(L, "%s: %p", lua_tostring(L, -1), lua_topointer(L, 1));
  return 1;
}

}  // namespace

int PushFailure(lua_State* L, const luv::Status& status) {
  return PushProtected(L, [&status](lua_State* L) {
    Result result = status;
    return PushFail(L, result);
  });
}

void* TestObject(lua_State* L, int index, const char* type) {
  void* object = lua_touserdata(L, index);
  if (object == nullptr || !lua_getmetatable(L, index)) return nullptr;
  lua_getfield(L, LUA_REGISTRYINDEX, type);
  bool same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? object : nullptr;
}

int GlueArgError(lua_State* L, int arg, const char* name, const char* message) {
  // Level 1 is the glue: how the program called it (a method call does not
  // count self); level 2 is the program's line.
  lua_Debug ar;
  bool method = lua_getstack(L, 1, &ar) && lua_getinfo(L, "n", &ar) &&
                ar.namewhat != nullptr && std::strcmp(ar.namewhat, "method") == 0;
  luaL_where(L, 2);
  if (method && --arg == 0) {
    lua_pushfstring(L, "calling '%s' on bad self (%s)", name, message);
  } else {
    lua_pushfstring(L, "bad argument #%d to '%s' (%s)", arg, name, message);
  }
  lua_concat(L, 2);
  return lua_error(L);
}

void PushProgramWhere(lua_State* L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); ++level) {
    if (!lua_getinfo(L, "Sl", &ar)) break;
    if (ar.currentline <= 0) continue;  // a C function
    if (std::strncmp(ar.source, "=luv.", 5) == 0) continue;
    lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
    return;
  }
  lua_pushliteral(L, "");
}

int GlueTypeError(lua_State* L, int arg, const char* name, const char* expected) {
  return GlueArgError(
      L, arg, name,
      lua_pushfstring(L, "%s expected, got %s", expected, luaL_typename(L, arg)));
}

void GlueCheckType(lua_State* L, int arg, const char* name, int type) {
  if (lua_type(L, arg) != type) GlueTypeError(L, arg, name, lua_typename(L, type));
}

const char* GlueCheckLString(lua_State* L, int arg, const char* name, size_t* size) {
  const char* s = lua_tolstring(L, arg, size);
  if (s == nullptr) GlueTypeError(L, arg, name, "string");
  return s;
}

lua_Number GlueCheckNumber(lua_State* L, int arg, const char* name) {
  lua_Number n = lua_tonumber(L, arg);
  if (n == 0 && !lua_isnumber(L, arg)) GlueTypeError(L, arg, name, "number");
  return n;
}

lua_Integer GlueOptInteger(lua_State* L, int arg, const char* name,
                           lua_Integer default_value) {
  if (lua_isnoneornil(L, arg)) return default_value;
  return static_cast<lua_Integer>(GlueCheckNumber(L, arg, name));
}

namespace {

// __close(self, error) of a class with a close method (upvalue 1): closes
// the object when a to-be-closed variable goes out of scope. close may
// block, so the call may yield.
int CloseThroughMethod(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  return compat::CallReturningNothing(L, 1);
}

}  // namespace

void AddCloseMetamethod(lua_State* L, int metatable) {
  if (!compat::kHasClose) return;
  if (metatable < 0) metatable = lua_gettop(L) + metatable + 1;
  lua_getfield(L, metatable, "__index");
  lua_getfield(L, -1, "close");
  if (lua_isfunction(L, -1)) {
    lua_pushcclosure(L, CloseThroughMethod, 1);
    lua_setfield(L, metatable, "__close");
  } else {
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

void NewClass(lua_State* L, const char* name, const luaL_Reg* methods,
              const luaL_Reg* meta) {
  if (luaL_newmetatable(L, name)) {
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    // getmetatable() gives the type name, never the metatable: Lua code
    // cannot copy luv's metamethods onto an object of its own.
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__metatable");
    lua_pushcfunction(L, ToString);
    lua_setfield(L, -2, "__tostring");
    lua_newtable(L);
    lua_setfield(L, -2, "__index");
  }
  if (meta != nullptr) SetFunctions(L, meta);
  lua_getfield(L, -1, "__index");
  SetFunctions(L, methods);
  lua_pop(L, 1);
  AddCloseMetamethod(L, -1);
}

namespace {

struct GlueCache {
  std::mutex mutex;
  std::map<const char*, std::string> bytecode;  // by source address
};

GlueCache& glue_cache() {
  static GlueCache* cache = new GlueCache;  // lives as long as the process
  return *cache;
}

int AppendChunk(lua_State*, const void* data, size_t size, void* out) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(data), size);
  return 0;
}

}  // namespace

void LoadGlue(lua_State* L, const char* source, size_t size, const char* name) {
  int status;
  {
    std::lock_guard<std::mutex> lock(glue_cache().mutex);
    auto found = glue_cache().bytecode.find(source);
    if (found != glue_cache().bytecode.end()) {
      status = luaL_loadbuffer(L, found->second.data(), found->second.size(), name);
    } else {
      status = luaL_loadbuffer(L, source, size, name);
      if (status == 0) {
        std::string dumped;
        if (compat::Dump(L, AppendChunk, &dumped) == 0) {
          glue_cache().bytecode.emplace(source, std::move(dumped));
        }
      }
    }
  }
  if (status != 0) lua_error(L);
}

void SetClosures(lua_State* L, const luaL_Reg* functions, void* upvalue) {
  for (; functions->name != nullptr; ++functions) {
    lua_pushlightuserdata(L, upvalue);
    lua_pushcclosure(L, functions->func, 1);
    lua_setfield(L, -2, functions->name);
  }
}


void SetFunctions(lua_State* L, const luaL_Reg* functions) {
  for (; functions->name != nullptr; ++functions) {
    lua_pushcfunction(L, functions->func);
    lua_setfield(L, -2, functions->name);
  }
}

}  // namespace luv::lua
