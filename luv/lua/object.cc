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

#include "luv/lua/object.h"

#include "luv/lua/support.h"

namespace luv::lua {
namespace {

// __gc of every object class; upvalue 1 is the class's metatable.
int ObjectGc(lua_State* L) {
  auto* box = static_cast<ObjectBox*>(lua_touserdata(L, 1));
  if (box == nullptr || !lua_getmetatable(L, 1)) return 0;
  bool ours = lua_rawequal(L, -1, lua_upvalueindex(1));
  lua_pop(L, 1);
  if (ours) ReleaseObject(box);
  return 0;
}

}  // namespace

void ReleaseObject(ObjectBox* box) {
  LuaOwned* owned = box->owned;
  box->owned = nullptr;
  if (owned != nullptr) owned->ReleaseFromLua();
}

void NewObjectClass(lua_State* L, const char* name, const luaL_Reg* methods,
                    const luaL_Reg* meta) {
  NewClass(L, name, methods, meta);
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, ObjectGc, 1);
  lua_setfield(L, -2, "__gc");
}

ObjectBox* PushObjectBox(lua_State* L, const char* name) {
  auto* box = static_cast<ObjectBox*>(lua_newuserdata(L, sizeof(ObjectBox)));
  box->owned = nullptr;
  luaL_getmetatable(L, name);
  lua_setmetatable(L, -2);
  return box;
}

ObjectBox* TestObjectBox(lua_State* L, int index, const char* name) {
  return static_cast<ObjectBox*>(TestObject(L, index, name));
}

}  // namespace luv::lua
