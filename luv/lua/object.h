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

// One way to own a C++ record from Lua: every luv object that owns one is a
// userdata holding a single pointer (ObjectBox) to a record derived from
// LuaOwned, and every such class has the same __gc.
//
//  - The userdata exists before the record: the Lua allocation (which may
//    raise) comes first, then the record is made with nothing in between
//    that can raise, so no error can leak it.
//  - __gc checks that the object's metatable is its class's (a copy of the
//    metamethod on a foreign object does nothing) and calls the record's
//    ReleaseFromLua() once. What releasing means is the record's own verb:
//    close the handle, abandon the socket, reap the child first. The record
//    may outlive the userdata (until libuv's close callback, say).
//  - An empty box (the record failed to start, or was released) makes
//    CheckObject raise "<class> failed to open".
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_OBJECT_H_
#define LUV_LUA_OBJECT_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

class LuaOwned {
 public:
  // The Lua object lets go (it is being collected). The record must not be
  // used through the box afterwards.
  virtual void ReleaseFromLua() = 0;

 protected:
  virtual ~LuaOwned() = default;
};

struct ObjectBox {
  LuaOwned* owned;
};

// Creates (or finds) the object class `name` with `methods` and `meta` as
// NewClass (support.h) does, and the shared __gc. Leaves the metatable on
// the stack. May raise.
void NewObjectClass(lua_State* L, const char* name, const luaL_Reg* methods,
                    const luaL_Reg* meta = nullptr);

// Pushes a new, empty object of class `name`; fill its box with the record
// right after. May raise.
ObjectBox* PushObjectBox(lua_State* L, const char* name);

// The box at `index` if it is an object of class `name`, else null. Never
// raises.
ObjectBox* TestObjectBox(lua_State* L, int index, const char* name);

// The record of the object of class `name` at `index`; raises a bad-argument
// error for anything else, or for an empty box.
template <typename Record>
Record* CheckObject(lua_State* L, int index, const char* name) {
  auto* box = static_cast<ObjectBox*>(luaL_checkudata(L, index, name));
  if (box->owned == nullptr) {
    luaL_argerror(L, index, lua_pushfstring(L, "%s failed to open", name));
  }
  return static_cast<Record*>(box->owned);
}

// Lets go of the record now (what __gc does), leaving the box empty.
void ReleaseObject(ObjectBox* box);

}  // namespace luv::lua

#endif  // LUV_LUA_OBJECT_H_
