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

// luv.fiber.create, fiber:ready, fiber:join, fiber:status, luv.fiber.yield,
// luv.self, luv.sleep, luv.pcall and luv.xpcall.
#include "luv/lua/lua_fiber.h"

#include <cmath>
#include <new>

#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/retry.h"
#include "luv/lua/support.h"
#include "luv/luacompat/luacompat.h"
#include "luv/sched/fiber.h"
#include "luv/sched/yieldable.h"

namespace luv::lua {
namespace {

using sched::Fiber;
using sched::Scheduler;
using sched::State;
using sched::Status;

constexpr char kFiberType[] = "luv.fiber";

Fiber* CheckFiber(lua_State* L, int index) {
  return static_cast<Fiber*>(luaL_checkudata(L, index, kFiberType));
}

// Anchors the fiber at `index` and queues it.
void Start(lua_State* L, Fiber* fiber, int index) {
  lua_pushvalue(L, index);
  fiber->anchor = luaL_ref(L, LUA_REGISTRYINDEX);
  fiber->scheduler()->Ready(fiber);
}

// luv.fiber.create(fn, ...) -> fiber; it runs once readied or joined.
int LFiberCreate(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  if (lua_iscfunction(L, 1)) {
    // Lua 5.1 cannot resume a coroutine whose body is a C function that
    // yielded; a Lua function calls it instead (upvalue 2).
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
  }
  int nargs = lua_gettop(L);
  lua_State* co = lua_newthread(L);
  // The userdata's user value keeps the coroutine alive: the coroutine
  // itself where the VM allows, else a table holding it.
  if constexpr (compat::kUserValueTakesAnyValue) {
    lua_pushvalue(L, -1);
  } else {
    lua_createtable(L, 1, 0);
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, 1);
  }
  // The fiber has no finalizer: the collector reaches it only dead or never
  // started (a started fiber is anchored until it dies), and then it is
  // linked nowhere and owns nothing outside its userdata (its words of
  // cancellation live in the scheduler until it finishes), so it is freed
  // like a string. A __gc call per fiber cost programs that churn short
  // fibers a third of their time.
  new (lua_newuserdata(L, sizeof(Fiber))) Fiber(scheduler, co);
  lua_pushvalue(L, lua_upvalueindex(3));  // the fiber metatable
  lua_setmetatable(L, -2);
  lua_insert(L, -2);
  compat::SetUserValue(L, -2);
  // The function and its arguments go to the coroutine's stack.
  if (!lua_checkstack(co, nargs))
    return luaL_error(L, "luv.fiber.create: too many arguments");
  for (int i = 1; i <= nargs; ++i) lua_pushvalue(L, i);
  lua_xmove(L, co, nargs);
  return 1;
}

// fiber:ready() -> fiber. Queues a new fiber; no effect on one that runs,
// waits or has finished.
int LFiberReady(lua_State* L) {
  Fiber* fiber = CheckFiber(L, 1);
  if (fiber->status() == Status::kNew) Start(L, fiber, 1);
  lua_settop(L, 1);
  return 1;
}

// fiber:cancel([reason]) -> true, or false for a finished fiber. A fiber
// waiting in a blocking call is woken at once: the call returns
// `nil, "ECANCELED: <call> was canceled (<reason>)", "ECANCELED"`. A ready
// or running fiber gets that from its next blocking call; a new fiber never
// runs and joins raise "ECANCELED: ...".
int LFiberCancel(lua_State* L) {
  Fiber* fiber = CheckFiber(L, 1);
  const char* reason = luaL_optstring(L, 2, "canceled");
  lua_pushboolean(L, fiber->scheduler()->Cancel(L, fiber, reason));
  return 1;
}

// fiber:status() -> "new" | "ready" | "running" | "waiting" | "dead"
int LFiberStatus(lua_State* L) {
  static const char* const kNames[] = {"new", "ready", "running", "waiting", "dead"};
  lua_pushstring(L, kNames[static_cast<int>(CheckFiber(L, 1)->status())]);
  return 1;
}

// The C half of fiber:join(): returns `true, results...` or `false, error`;
// the Lua half (kGlue) raises the error in the joiner.
int LFiberJoinRaw(lua_State* L) {
  auto* fiber = static_cast<Fiber*>(TestObject(L, 1, kFiberType));
  if (fiber == nullptr) GlueTypeError(L, 1, "join", kFiberType);
  lua_settop(L, 1);
  if (fiber->status() == Status::kDead) return Fiber::PushJoinResults(L, fiber);
  Scheduler* scheduler = fiber->scheduler();
  if (scheduler->StateOf(L) == fiber)
    return luaL_error(L, "luv: a fiber cannot join itself");
  State* self = CheckBlockingState(L, scheduler, "fiber:join()");
  if (fiber->status() == Status::kNew) Start(L, fiber, 1);
  scheduler->Wait(&fiber->joiners, self);
  return Block(L, scheduler, self, "fiber:join()", 1);
}

// luv.fiber.yield(): lets the other ready fibers run, then continues. In the
// main state: runs every ready fiber once and polls the loop.
int LFiberYield(lua_State* L) {
  // The path of every switch: no Lua API call but lua_yield.
  if (Scheduler* running = Scheduler::Running()) {
    Fiber* fiber = running->current();
    if (fiber != nullptr && L == fiber->running() && sched::CanYield(L)) {
      running->YieldCurrent();
      return lua_yield(L, 0);
    }
  }
  Scheduler* scheduler = UpScheduler(L);
  State* self = CheckBlockingState(L, scheduler, "luv.fiber.yield()");
  if (self->is_fiber()) {  // reached only if CanYield changed its mind
    scheduler->Ready(self);
    scheduler->WillYield();
    return lua_yield(L, 0);
  }
  scheduler->RunOnce(L);
  return 0;
}

// luv.self() -> the running fiber, or the thread object outside fibers.
int LSelf(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  Fiber* fiber = scheduler->current();
  if (fiber != nullptr && fiber->anchor != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, fiber->anchor);
  } else {
    PushMainThreadObject(L);
  }
  return 1;
}

// luv.sleep(seconds): suspends the caller; millisecond resolution.
int LSleep(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  lua_Number seconds = luaL_checknumber(L, 1);
  if (!(seconds >= 0) || !std::isfinite(seconds)) {
    return luaL_argerror(L, 1, "a finite number of seconds >= 0 expected");
  }
  State* self = CheckBlockingState(L, scheduler, "luv.sleep()");
  scheduler->Sleep(self, static_cast<uint64_t>(std::llround(seconds * 1000)));
  return Block(L, scheduler, self, "luv.sleep()", 0);
}

// --- luv.pcall / luv.xpcall on Lua 5.1 -------------------------------------
// A fiber cannot yield across Lua 5.1's pcall, so luv.pcall runs the function
// in a coroutine of its own and becomes that coroutine's resumer: when the
// function blocks, luv.pcall blocks the fiber the same way (pass_yield) and
// hands the results back down (resume_nested).

// resume_nested(co, ...) -> how, ...  with how one of "done" (results
// follow), "error" (the error follows), "luv" (co blocked in a luv call) or
// "yield" (co called coroutine.yield; the values follow).
int LResumeNested(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  lua_State* co = lua_tothread(L, 1);
  State* self = scheduler->StateOf(L);
  if (co == nullptr || self == nullptr)
    return luaL_error(L, "luv: resume_nested misused");
  int nargs = lua_gettop(L) - 1;
  // A coroutine that yielded gets only the resume values on its stack; but
  // a call that tries again (retry.h) gets the marker, then the arguments
  // it yielded.
  bool retrying = lua_status(co) == LUA_YIELD && nargs >= 1 && IsRetryMarker(L, 2);
  int kept = retrying ? lua_gettop(co) : 0;
  if (lua_status(co) == LUA_YIELD && !retrying) lua_settop(co, 0);
  if (!lua_checkstack(co, nargs + 1)) return luaL_error(L, "luv.pcall: too many values");
  lua_xmove(L, co, nargs);
  for (int i = 0; i < kept; ++i) {
    lua_pushvalue(co, 1);
    lua_remove(co, 1);
  }
  nargs += kept;
  lua_State* outer = self->running();
  self->set_running(co);
  scheduler->TakeYieldFlag();
  int nresults = 0;
  int status = compat::Resume(co, L, nargs, &nresults);
  self->set_running(outer);
  bool blocked = scheduler->TakeYieldFlag();
  if (status == LUA_YIELD && blocked) {
    lua_pushliteral(L, "luv");
    return 1;
  }
  int n = status > LUA_YIELD ? 1 : nresults;
  luaL_checkstack(L, n + 1, "luv.pcall: too many values");
  lua_pushstring(L, status == 0 ? "done" : status == LUA_YIELD ? "yield" : "error");
  lua_xmove(co, L, n);
  return n + 1;
}

// pass_yield() -> the results of the wait that blocked the nested coroutine.
int LPassYield(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  State* self = CheckBlockingState(L, scheduler, "luv.pcall");
  if (!self->is_fiber()) return luaL_error(L, "luv: pass_yield outside a fiber");
  scheduler->WillYield();
  return lua_yield(L, 0);
}

// push_deadline(seconds) -> the previous deadline, for restore_deadline.
int LPushDeadline(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  lua_Number seconds = GlueCheckNumber(L, 1, "timeout");
  if (!(seconds >= 0) || !std::isfinite(seconds) || seconds > 1e9) {
    return GlueArgError(L, 1, "timeout", "a finite number of seconds >= 0 expected");
  }
  State* self = CheckBlockingState(L, scheduler, "luv.timeout");
  auto ms = static_cast<uint64_t>(std::llround(seconds * 1000));
  lua_pushinteger(L, static_cast<lua_Integer>(scheduler->PushDeadline(self, ms)));
  return 1;
}

// restore_deadline(previous)
int LRestoreDeadline(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  State* self = scheduler->StateOf(L);
  if (self != nullptr) {
    scheduler->RestoreDeadline(self, static_cast<uint64_t>(luaL_checknumber(L, 1)));
  }
  return 0;
}

// in_fiber() -> whether the caller runs on behalf of a fiber.
int LInFiber(lua_State* L) {
  State* self = UpScheduler(L)->StateOf(L);
  lua_pushboolean(L, self != nullptr && self->is_fiber());
  return 1;
}

// The Lua halves: join's error re-raise, luv.pcall/xpcall and luv.timeout.
// Arguments: rawjoin, resume_nested, pass_yield, in_fiber, vm_yields_across_pcall,
// push_deadline, restore_deadline.
constexpr char kGlue[] = R"lua(
local rawjoin, resume_nested, pass_yield, in_fiber, native, push_deadline, restore_deadline = ...
local pcall, xpcall, error, select, unpack = pcall, xpcall, error, select, table.unpack or unpack
local create, yield = coroutine.create, coroutine.yield
local traceback = debug and debug.traceback

local function finish(ok, ...)
  if ok then return ... end
  error((...), 0)
end

local function join(self)
  return finish(rawjoin(self))
end

local function restore(previous, ok, ...)
  restore_deadline(previous)
  if ok then return ... end
  error((...), 0)
end

-- luv.timeout(seconds, fn, ...): fn(...) with a deadline on every blocking
-- call the current state makes meanwhile.
local function callable(fn)
  if type(fn) == "function" then return true end
  local mt = getmetatable(fn)
  return type(mt) == "table" and mt.__call ~= nil
end

local function make_timeout(protected_call)
  return function(seconds, fn, ...)
    if not callable(fn) then
      error("bad argument #2 to 'timeout' (function expected, got " .. type(fn) .. ")", 2)
    end
    return restore(push_deadline(seconds), protected_call(fn, ...))
  end
end

if native then
  -- LuaJIT and 5.2+ yield across pcall and xpcall (and pass xpcall's
  -- arguments): luv.pcall and luv.xpcall are theirs.
  return join, pcall, xpcall, make_timeout(pcall)
end

local function step(co, how, ...)
  if how == "luv" then
    return step(co, resume_nested(co, pass_yield()))
  elseif how == "yield" then
    return step(co, resume_nested(co, yield(...)))
  end
  return how == "done", ...
end

local function luv_pcall(f, ...)
  if not in_fiber() then return pcall(f, ...) end
  local co = create(function(...) return f(...) end)
  return step(co, resume_nested(co, ...))
end

local function handle(handler, co, ok, ...)
  if ok then return true, ... end
  if handler == traceback then return false, traceback(co, (...)) end
  return false, select(2, pcall(handler, (...)))
end

local function luv_xpcall(f, handler, ...)
  if not in_fiber() then
    if select("#", ...) == 0 then return xpcall(f, handler) end
    local n, args = select("#", ...), { ... }
    return xpcall(function() return f(unpack(args, 1, n)) end, handler)
  end
  local co = create(function(...) return f(...) end)
  return handle(handler, co, step(co, resume_nested(co, ...)))
end

return join, luv_pcall, luv_xpcall, make_timeout(luv_pcall)
)lua";

// luv.select: a fiber is ready once it has finished; waiting starts it.
bool FiberSelectReady(lua_State* L, int index) {
  return CheckFiber(L, index)->status() == Status::kDead;
}

bool FiberSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  Fiber* fiber = CheckFiber(L, index);
  if (fiber->status() == Status::kNew) Start(L, fiber, index);
  fiber->joiners.Add(node);
  return false;
}

constexpr luaL_Reg kFiberMethods[] = {
    {"ready", LFiberReady},
    {"cancel", LFiberCancel},
    {"status", LFiberStatus},
    {nullptr, nullptr},
};

constexpr luaL_Reg kFiberFunctions[] = {
    {"create", LFiberCreate},
    {"yield", LFiberYield},
    {nullptr, nullptr},
};

constexpr luaL_Reg kTopLevel[] = {
    {"self", LSelf},
    {"sleep", LSleep},
    {nullptr, nullptr},
};

void PushClosure(lua_State* L, lua_CFunction fn, Scheduler* scheduler) {
  lua_pushlightuserdata(L, scheduler);
  lua_pushcclosure(L, fn, 1);
}

}  // namespace

void OpenFiber(lua_State* L, Scheduler* scheduler) {
  RegisterWaitable(kFiberType, {FiberSelectReady, FiberSelectAdd});
  // No __gc: see LFiberCreate.
  NewClass(L, kFiberType, kFiberMethods, nullptr);  // [luv, meta]
  lua_getfield(L, -1, "__index");                      // [luv, meta, methods]

  LoadGlue(L, kGlue, sizeof(kGlue) - 1, "=luv.fiber");
  lua_pushcfunction(L, LFiberJoinRaw);
  PushClosure(L, LResumeNested, scheduler);
  PushClosure(L, LPassYield, scheduler);
  PushClosure(L, LInFiber, scheduler);
  lua_pushboolean(L, sched::VmYieldsAcrossPcall());
  PushClosure(L, LPushDeadline, scheduler);
  PushClosure(L, LRestoreDeadline, scheduler);
  lua_call(L, 7, 4);  // [luv, meta, methods, join, pcall, xpcall, timeout]
  lua_setfield(L, -7, "timeout");
  lua_setfield(L, -6, "xpcall");
  lua_setfield(L, -5, "pcall");
  lua_setfield(L, -2, "join");
  lua_pop(L, 2);  // [luv]

  lua_newtable(L);
  SetClosures(L, kFiberFunctions, scheduler);
  // create's upvalues: the scheduler; the Lua body that calls a C function
  // fiber body; the fiber metatable (cheaper than a registry lookup by name).
  lua_pushlightuserdata(L, scheduler);
  static const char kCallBody[] = "local f = ...; return f(select(2, ...))";
  LoadGlue(L, kCallBody, sizeof(kCallBody) - 1, "=luv.fiber.body");
  luaL_getmetatable(L, kFiberType);
  lua_pushcclosure(L, LFiberCreate, 3);
  lua_setfield(L, -2, "create");
  lua_setfield(L, -2, "fiber");
  SetClosures(L, kTopLevel, scheduler);
}

}  // namespace luv::lua
