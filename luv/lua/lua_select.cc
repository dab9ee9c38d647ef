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

// luv.select(obj, ...[, timeout]) -> the first ready object and its index.
#include "luv/lua/lua_select.h"

#include <map>
#include <mutex>
#include <new>
#include <string>

#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"
#include "luv/luacompat/luacompat.h"
#include "luv/sched/wait_group.h"

namespace luv::lua {
namespace {

constexpr char kGroupType[] = "luv.select";
constexpr int kMaxObjects = 64;

struct Registry {
  std::mutex mutex;
  std::map<std::string, Waitable> types;
};

Registry& registry() {
  static Registry* table = new Registry;
  return *table;
}

// The Waitable of the object at `index`, or raises naming the argument.
// The metatable's __name only says where to look: the object's metatable
// must be the very one registered under that name.
Waitable CheckWaitable(lua_State* L, int index) {
  const char* name = nullptr;
  bool genuine = false;
  // Userdata, or a table object (a process) whose metatable is luv's.
  int type = lua_type(L, index);
  if ((type == LUA_TUSERDATA || type == LUA_TTABLE) && lua_getmetatable(L, index)) {
    lua_pushliteral(L, "__name");
    lua_rawget(L, -2);
    name = lua_tostring(L, -1);
    if (name != nullptr) {
      lua_getfield(L, LUA_REGISTRYINDEX, name);
      genuine = lua_rawequal(L, -1, -3);
      lua_pop(L, 1);
    }
    lua_pop(L, 2);  // the name stays alive: the metatable holds it
  }
  if (name != nullptr && genuine) {
    std::lock_guard<std::mutex> lock(registry().mutex);
    auto found = registry().types.find(name);
    if (found != registry().types.end()) return found->second;
  }
  GlueArgError(L, index, "select",
               lua_pushfstring(L,
                               "a timer, idle watcher, fiber, thread, channel or other "
                               "luv waitable expected, got %s",
                               name != nullptr ? name : luaL_typename(L, index)));
  return Waitable{};
}

// The group lives in a userdata that the waiting state keeps alive.
int LGroupGc(lua_State* L) {
  auto** group = static_cast<sched::WaitGroup**>(TestObject(L, 1, kGroupType));
  if (group == nullptr) return 0;
  delete *group;
  *group = nullptr;
  return 0;
}

// The C half: the 1-based index of the ready object, or a failure triple.
int LSelectRaw(lua_State* L) {
  sched::Scheduler* scheduler = UpScheduler(L);
  int count = lua_gettop(L);
  if (count < 1) return GlueArgError(L, 1, "select", "nothing to wait on");
  if (count > kMaxObjects) {
    return GlueArgError(L, kMaxObjects + 1, "select",
                        lua_pushfstring(L, "at most %d objects", kMaxObjects));
  }
  Waitable waitables[kMaxObjects];
  for (int i = 1; i <= count; ++i) waitables[i - 1] = CheckWaitable(L, i);
  for (int i = 1; i <= count; ++i) {
    if (waitables[i - 1].ready(L, i)) {
      lua_pushinteger(L, i);
      return 1;
    }
  }
  sched::State* self = CheckBlockingState(L, scheduler, "luv.select()");
  auto** box =
      static_cast<sched::WaitGroup**>(lua_newuserdata(L, sizeof(sched::WaitGroup*)));
  *box = nullptr;
  luaL_getmetatable(L, kGroupType);
  lua_setmetatable(L, -2);
  int box_index = lua_gettop(L);
  *box = new sched::WaitGroup(self, count);
  scheduler->WaitOnGroup(*box);
  for (int i = 1; i <= count; ++i) {
    if (waitables[i - 1].add(L, i, (*box)->node(i - 1))) {
      scheduler->CancelWait(self);
      lua_pushinteger(L, i);
      return 1;
    }
  }
  return Block(L, scheduler, self, "luv.select()", box_index);
}

constexpr char kGlue[] = R"lua(
local raw, timeout, select, type, unpack = ...
local function pick(i, ...)
  return (select(i, ...)), i
end
return function(...)
  local n = select("#", ...)
  local i, message, code
  if n > 1 and type((select(n, ...))) == "number" then
    -- A trailing number is a timeout in seconds.
    i, message, code = timeout((select(n, ...)), raw, unpack({ ... }, 1, n - 1))
  else
    i, message, code = raw(...)
  end
  if type(i) == "number" then return pick(i, ...) end
  return i, message, code
end
)lua";

}  // namespace

void RegisterWaitable(const char* type, Waitable waitable) {
  std::lock_guard<std::mutex> lock(registry().mutex);
  registry().types.emplace(type, waitable);
}

void OpenSelect(lua_State* L, sched::Scheduler* scheduler) {
  static const luaL_Reg kMeta[] = {{"__gc", LGroupGc}, {nullptr, nullptr}};
  static const luaL_Reg kNoMethods[] = {{nullptr, nullptr}};
  NewClass(L, kGroupType, kNoMethods, kMeta);
  lua_pop(L, 1);
  LoadGlue(L, kGlue, sizeof(kGlue) - 1, "=luv.select");
  lua_pushlightuserdata(L, scheduler);
  lua_pushcclosure(L, LSelectRaw, 1);
  lua_getfield(L, -3, "timeout");
  lua_getglobal(L, "select");
  lua_getglobal(L, "type");
  compat::PushUnpack(L);
  lua_call(L, 5, 1);
  lua_setfield(L, -2, "select");
}

}  // namespace luv::lua
