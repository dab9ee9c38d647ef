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

#include "luv/sched/yieldable.h"

#include "luv/luacompat/luacompat.h"

#include <dlfcn.h>

#include <cstddef>
#include <mutex>

namespace luv::sched {
namespace yieldable_internal {

Mode mode = Mode::kUnknown;

}  // namespace yieldable_internal

namespace {

using yieldable_internal::Head;
using yieldable_internal::Lua51StateHead;
using yieldable_internal::Mode;

struct Observed {
  unsigned short direct_calls = 0, direct_base = 0;
  unsigned short nested_calls = 0, nested_base = 0;
  void* global = nullptr;
  bool top_matches = false;
};

int ProbeNested(lua_State* co) {
  auto* seen = static_cast<Observed*>(lua_touserdata(co, lua_upvalueindex(1)));
  seen->nested_calls = Head(co)->nCcalls;
  seen->nested_base = Head(co)->baseCcalls;
  return 0;
}

// Resumed directly (yieldable), then calls ProbeNested through lua_call
// (one C boundary deeper).
int ProbeDirect(lua_State* co) {
  auto* seen = static_cast<Observed*>(lua_touserdata(co, lua_upvalueindex(1)));
  const Lua51StateHead* head = Head(co);
  seen->direct_calls = head->nCcalls;
  seen->direct_base = head->baseCcalls;
  seen->global = head->l_G;
  // TValue is 16 bytes on 64-bit Lua 5.1.
  seen->top_matches = static_cast<char*>(head->top) - static_cast<char*>(head->base) ==
                      static_cast<std::ptrdiff_t>(lua_gettop(co)) * 16;
  lua_pushvalue(co, lua_upvalueindex(1));
  lua_pushcclosure(co, ProbeNested, 1);
  lua_call(co, 0, 0);
  return 0;
}

bool CountersWork(lua_State* L) {
  Observed seen;
  lua_State* co = lua_newthread(L);
  lua_pushlightuserdata(co, &seen);
  lua_pushcclosure(co, ProbeDirect, 1);
  lua_pushnil(co);  // one argument, so top - base is not trivially zero
  int nresults = 0;
  bool resumed = compat::Resume(co, L, 1, &nresults) == 0;
  lua_pop(L, 1);
  return resumed && seen.top_matches && seen.global == Head(L)->l_G &&
         seen.direct_base > 0 && seen.direct_calls == seen.direct_base &&
         seen.nested_base == seen.direct_base &&
         seen.nested_calls == seen.direct_calls + 1;
}

}  // namespace

namespace yieldable_internal {

// Slower, public-API fallback: a C function below the running one (level 0)
// means a C boundary. It misses metamethods, whose yield Lua refuses itself.
bool NoCFrameBelow(lua_State* L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); ++level) {
    if (!lua_getinfo(L, "S", &ar)) return false;
    if (ar.what[0] == 'C') return false;
  }
  return true;
}

}  // namespace yieldable_internal

void InitYieldCheck(lua_State* L) {
  // Once per process; call_once also orders the write before every reader,
  // since each thread's state calls this before it runs a fiber.
  static std::once_flag once;
  std::call_once(once, [L] {
    using yieldable_internal::mode;
    if (dlsym(RTLD_DEFAULT, "luaJIT_setmode") != nullptr) {
      mode = Mode::kLuaJIT;
    } else if (compat::kKnowsYieldable) {
      mode = Mode::kAsked;
    } else if (compat::kLuaVersion == 502) {
      mode = Mode::kLua52;
    } else {
      mode = CountersWork(L) ? Mode::kLua51Counters : Mode::kFrameWalk;
    }
  });
}

}  // namespace luv::sched
