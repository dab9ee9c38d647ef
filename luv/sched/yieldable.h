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

// Whether a blocking call may suspend its fiber with lua_yield.
//
// Lua 5.1 cannot yield across a C call boundary: pcall, a metamethod, an
// iterator, or a C function that called back into Lua. lua_yield then raises
// a generic error after the call already registered itself as a waiter.
// CanYield tells beforehand, so luv can refuse with a message that says what
// to do instead. LuaJIT and Lua 5.2 yield across pcall and metamethods
// themselves and report their own, rarer, boundaries; 5.3 and 5.4 say
// whether a coroutine may yield (lua_isyieldable).
//
// Thread affinity: the thread that owns `L`. Never raises.
#ifndef LUV_SCHED_YIELDABLE_H_
#define LUV_SCHED_YIELDABLE_H_

#include "luv/luacompat/luacompat.h"

namespace luv::sched {

// Detects the running VM and, on PUC Lua 5.1, checks the layout this check
// relies on. Called at module open, from the main thread of `L`'s state.
void InitYieldCheck(lua_State* L);

namespace yieldable_internal {

// kAsked: the VM answers itself (lua_isyieldable, 5.3+); kLua52: 5.2 yields
// across pcall and metamethods and refuses its rare boundaries itself.
enum class Mode : unsigned char {
  kUnknown,
  kLuaJIT,
  kLua51Counters,
  kFrameWalk,
  kAsked,
  kLua52,
};

// Written once (std::call_once in InitYieldCheck) before any fiber runs;
// read on every switch, so it is a plain variable.
extern Mode mode;

// The head of PUC Lua 5.1.5's `struct lua_State` (lstate.h), up to the two
// counters lua_yield compares: it refuses when nCcalls > baseCcalls. The
// layout is frozen with 5.1.5; InitYieldCheck verifies it on the running
// interpreter before mode says kLua51Counters.
struct Lua51StateHead {
  void* next;
  unsigned char tt;
  unsigned char marked;
  unsigned char status;
  void* top;
  void* base;
  void* l_G;
  void* ci;
  const void* savedpc;
  void* stack_last;
  void* stack;
  void* end_ci;
  void* base_ci;
  int stacksize;
  int size_ci;
  unsigned short nCcalls;
  unsigned short baseCcalls;
};

inline const Lua51StateHead* Head(lua_State* L) {
  return reinterpret_cast<const Lua51StateHead*>(L);
}

bool NoCFrameBelow(lua_State* L);

}  // namespace yieldable_internal

// True when the process runs LuaJIT (found at InitYieldCheck).
inline bool RunningLuaJIT() {
  return yieldable_internal::mode == yieldable_internal::Mode::kLuaJIT;
}

// True when the VM itself yields across pcall, xpcall, metamethods and
// iterators (LuaJIT, 5.2+), so a plain pcall in a fiber may block.
inline bool VmYieldsAcrossPcall() {
  using yieldable_internal::Mode;
  Mode mode = yieldable_internal::mode;
  return mode == Mode::kLuaJIT || mode == Mode::kLua52 || mode == Mode::kAsked;
}

// True when `L`, a coroutine started by lua_resume, may lua_yield from the
// C function now running. Inline: it sits on the path of every switch.
inline bool CanYield(lua_State* L) {
  using yieldable_internal::Mode;
  switch (yieldable_internal::mode) {
    case Mode::kLuaJIT:
    case Mode::kLua52:
      return true;
    case Mode::kAsked:
      return compat::IsYieldable(L);
    case Mode::kLua51Counters:
      return yieldable_internal::Head(L)->nCcalls <=
             yieldable_internal::Head(L)->baseCcalls;
    default:
      return yieldable_internal::NoCFrameBelow(L);
  }
}

}  // namespace luv::sched

#endif  // LUV_SCHED_YIELDABLE_H_
