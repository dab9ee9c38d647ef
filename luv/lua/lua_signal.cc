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

// luv.signal.create(sig), luv.signal.ignore/default/raise, and signal
// watcher methods: wait, start, stop, active, close.
#include "luv/lua/lua_signal.h"

#include <cmath>
#include <cstdio>
#include <string_view>

#include "luv/lua/lua_handle.h"
#include "luv/lua/lua_select.h"
#include "luv/uv/signal.h"
#include "luv/uv/signal_name.h"

namespace luv::lua {
namespace {

constexpr char kSignalType[] = "luv.signal";

// Pushes the signal's name; `name` is static storage (uv::NameOfSignal).
int PushName(lua_State* L, void* name) {
  lua_pushstring(L, static_cast<const char*>(name));
  return 1;
}

// A delivery wakes every state waiting in wait(); with none waiting, the
// watcher keeps it for the next wait(), all such deliveries as one (the
// count uv::Signal keeps is taken whole). luv.select's nodes are told of
// each delivery but take nothing, as select only reports: they wait in a
// list of their own, so that a delivery only they saw stays for wait().
class LuaSignal : public WaitableHandle<uv::Signal> {
 public:
  using WaitableHandle::WaitableHandle;

  sched::WaitList* selectors() { return &selectors_; }
  const char* name() const { return uv::NameOfSignal(signum()).data(); }

 protected:
  void OnSignal() override {
    if (!waiters()->empty()) {
      TakePending();
      scheduler()->WakeAll(waiters(), PushName, const_cast<char*>(name()));
    }
    scheduler()->WakeAll(&selectors_, PushTrue, nullptr);
  }

 private:
  sched::WaitList selectors_;
};

LuaSignal* CheckSignal(lua_State* L) { return CheckHandle<LuaSignal>(L, 1, kSignalType); }

// What a signal argument must be good for.
// Copies a status's message without its "EINVAL: " into `out`.
void CopyReason(const luv::Status& status, char* out, size_t size) {
  std::string_view why = status.message();
  if (why.substr(0, 8) == "EINVAL: ") why.remove_prefix(8);
  std::snprintf(out, size, "%.*s", static_cast<int>(why.size()), why.data());
}


// luv.signal.create(sig) -> signal, started: from now on `sig` no longer
// takes its usual action while this watcher (or another) is started.
int LSignalCreate(lua_State* L) {
  int signum = CheckSignalArg(L, 1, SignalUse::kWatch);
  int pushed = CreateHandle<LuaSignal>(L, kSignalType, UpScheduler(L));
  if (pushed != 1) return pushed;
  LuaSignal* signal = CheckHandle<LuaSignal>(L, -1, kSignalType);
  Result result = signal->Start(signum);  // the status dies here
  if (result.ok()) return 1;
  signal->Close();
  return PushFail(L, result);
}

// signal:wait() -> name ("SIGTERM") once the signal arrives; at once if it
// arrived since the watcher was created or since the last wait returned.
int LSignalWait(lua_State* L) {
  LuaSignal* signal = CheckSignal(L);
  if (signal->closing()) return PushLuvError(L, LuvError::kClosed, "signal watcher");
  sched::Scheduler* scheduler = signal->scheduler();
  sched::State* self = CheckBlockingState(L, scheduler, "signal:wait()");
  if (signal->pending() > 0) {
    signal->TakePending();
    lua_pushstring(L, signal->name());
    return 1;
  }
  scheduler->Wait(signal->waiters(), self);
  return Block(L, scheduler, self, "signal:wait()", 1);
}

// signal:start() -> true. Catches the signal again after stop().
int LSignalStart(lua_State* L) {
  LuaSignal* signal = CheckSignal(L);
  Result result = signal->Start(signal->signum());  // the status dies here
  return ReturnTrue(L, result);
}

// signal:stop() -> true. The signal takes its usual action again unless
// another watcher catches it; waiters keep waiting for a later start.
int LSignalStop(lua_State* L) {
  Result result = CheckSignal(L)->Stop();  // the status dies here
  return ReturnTrue(L, result);
}

// signal:active() -> whether it is started
int LSignalActive(lua_State* L) {
  lua_pushboolean(L, CheckSignal(L)->active());
  return 1;
}

// signal:close() -> true. Waiters get ECANCELED; a luv.select waiting on
// it returns it.
int LSignalClose(lua_State* L) {
  LuaSignal* signal = CheckSignal(L);
  signal->scheduler()->WakeAll(signal->selectors(), PushTrue, nullptr);
  return HandleClose<LuaSignal>(L, kSignalType, "signal watcher");
}

// luv.signal.ignore(sig) -> true: ignored whenever no watcher catches it.
int LSignalIgnore(lua_State* L) {
  int signum = CheckSignalArg(L, 1, SignalUse::kSet);
  Result result = uv::IgnoreSignal(signum);  // the status dies here
  return ReturnTrue(L, result);
}

// luv.signal.default(sig) -> true: its default action whenever no watcher
// catches it.
int LSignalDefault(lua_State* L) {
  int signum = CheckSignalArg(L, 1, SignalUse::kSet);
  Result result = uv::DefaultSignal(signum);  // the status dies here
  return ReturnTrue(L, result);
}

// luv.signal.raise(sig) -> true: sends `sig` to this process.
int LSignalRaise(lua_State* L) {
  int signum = CheckSignalArg(L, 1, SignalUse::kSend);
  Result result = uv::RaiseSignal(signum);  // the status dies here
  return ReturnTrue(L, result);
}

// luv.select: ready when a delivery waits to be taken by wait(), or when
// closed (a wait would not wait either).
bool SignalSelectReady(lua_State* L, int index) {
  LuaSignal* signal = CheckHandle<LuaSignal>(L, index, kSignalType);
  return signal->closing() || signal->pending() > 0;
}

bool SignalSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  LuaSignal* signal = CheckHandle<LuaSignal>(L, index, kSignalType);
  signal->selectors()->Add(node);
  return false;
}

constexpr luaL_Reg kMethods[] = {
    {"wait", LSignalWait},     {"start", LSignalStart}, {"stop", LSignalStop},
    {"active", LSignalActive}, {"close", LSignalClose}, {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"create", LSignalCreate}, {"ignore", LSignalIgnore}, {"default", LSignalDefault},
    {"raise", LSignalRaise},   {nullptr, nullptr},
};

}  // namespace

void OpenSignal(lua_State* L, sched::Scheduler* scheduler) {
  RegisterWaitable(kSignalType, {SignalSelectReady, SignalSelectAdd});
  NewObjectClass(L, kSignalType, kMethods);
  lua_pop(L, 1);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  lua_setfield(L, -2, "signal");
}

// Statuses live in inner scopes: they are gone before luaL_argerror jumps.
int CheckSignalArg(lua_State* L, int index, SignalUse use) {
  int signum = 0;
  char message[160] = {};
  if (lua_type(L, index) == LUA_TNUMBER) {
    lua_Number number = lua_tonumber(L, index);
    int lowest = use == SignalUse::kProbeOrSend ? 0 : 1;
    if (number >= lowest && number <= uv::MaxSignal() && number == std::floor(number)) {
      signum = static_cast<int>(number);
    } else {
      std::snprintf(message, sizeof message, "signal numbers go from %d to %d", lowest,
                    uv::MaxSignal());
    }
  } else if (lua_type(L, index) == LUA_TSTRING) {
    size_t size;
    const char* text = lua_tolstring(L, index, &size);
    luv::StatusOr<int> parsed = uv::ParseSignal(std::string_view(text, size));
    if (parsed.ok()) {
      signum = *parsed;
    } else {
      CopyReason(parsed.status(), message, sizeof message);
    }
  } else {
    return luaL_argerror(L, index,
                         lua_pushfstring(L, "signal name or number expected, got %s",
                                         luaL_typename(L, index)));
  }
  if (message[0] == '\0' && (use == SignalUse::kWatch || use == SignalUse::kSet)) {
    luv::Status usable =
        use == SignalUse::kWatch ? uv::CheckCatchable(signum) : uv::CheckSettable(signum);
    if (!usable.ok()) CopyReason(usable, message, sizeof message);
  }
  if (message[0] != '\0') luaL_argerror(L, index, message);
  return signum;
}

}  // namespace luv::lua
