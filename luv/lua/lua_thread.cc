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

// luv.thread.spawn (alias luv.thread.create) and thread:join().
#include "luv/lua/lua_thread.h"

#include <memory>
#include <new>
#include <string>

#include <string_view>
#include "luv/codec/codec.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/support.h"
#include "luv/thread/thread.h"

namespace luv::lua {
namespace {

using sched::Scheduler;
using sched::State;

constexpr char kThreadType[] = "luv.thread";

// The joining side of a spawned thread, on the spawning state's thread.
struct ThreadRecord {
  std::shared_ptr<thread::ThreadShared> shared;
  Scheduler* scheduler = nullptr;
  sched::WaitList joiners;
  bool notifying = false;  // a wake-up is posted for when the thread ends
};

// The userdata: a shared_ptr, so a posted wake-up can tell whether the
// record still exists. Empty for the object of a state's own main thread.
using ThreadBox = std::shared_ptr<ThreadRecord>;

ThreadBox* CheckBox(lua_State* L, int index) {
  return static_cast<ThreadBox*>(luaL_checkudata(L, index, kThreadType));
}

ThreadBox* PushBox(lua_State* L) {
  auto* box = new (lua_newuserdata(L, sizeof(ThreadBox))) ThreadBox();
  luaL_getmetatable(L, kThreadType);
  lua_setmetatable(L, -2);
  return box;
}

int LThreadGc(lua_State* L) {
  if (auto* box = static_cast<ThreadBox*>(TestObject(L, 1, kThreadType))) {
    box->reset();  // idempotent; an empty shared_ptr owns nothing
  }
  return 0;
}

// PushFn of a join: `true, results...` or `false, error`, decoded afresh
// from the thread's message each time.
int PushJoinResults(lua_State* L, void* arg) {
  thread::ThreadShared& shared = *static_cast<ThreadRecord*>(arg)->shared;
  luaL_checkstack(L, 2, "joining a thread");
  shared.MarkJoined();
  lua_pushboolean(L, !shared.failed());
  if (shared.results().empty()) {
    lua_pushliteral(L, "luv: the thread failed before it could report (out of memory)");
    return 2;
  }
  int count = 0;
  int pushed;
  {
    luv::Status status = codec::DecodeMessage(L, shared.results(), &count);
    std::string_view message = status.message();
    pushed = status.ok() ? count : PushProtected(L, [message](lua_State* L) {
      lua_pushliteral(L, "luv: a thread's results cannot be decoded: ");
      lua_pushlstring(L, message.data(), message.size());
      lua_concat(L, 2);
      return 1;
    });
  }
  if (pushed < 0) return lua_error(L);
  if (count == 0 && pushed == 1) {  // a decoding failure reads as an error
    lua_pushboolean(L, 0);
    lua_replace(L, -3);
  }
  return pushed + 1;
}

// luv.thread.spawn(fn, ...) -> thread. Starts an OS thread at once that runs
// fn(...) in a new Lua state; fn, its upvalues and the arguments travel
// through luv.codec.
int LThreadSpawn(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  auto open_luv = lua_tocfunction(L, lua_upvalueindex(2));
  int count = lua_gettop(L);
  ThreadBox* box = PushBox(L);
  lua_insert(L, 1);  // the box, below the function and its arguments
  int failed = 0;    // 0: spawned; >0: failure values pushed; <0: raise
  {
    codec::Message call;
    luv::Status encoded = codec::EncodeMessage(L, count, &call);
    if (!encoded.ok()) {
      std::string_view message = encoded.message();
      failed = PushProtected(L, [message](lua_State* L) {
        lua_pushliteral(L, "luv.thread.spawn: ");
        lua_pushlstring(L, message.data(), message.size());
        lua_concat(L, 2);
        return 1;
      });
      if (failed > 0) failed = -1;  // the message is the error to raise
    } else {
      luv::StatusOr<std::shared_ptr<thread::ThreadShared>> spawned =
          thread::Spawn(std::move(call), open_luv);
      if (spawned.ok()) {
        *box = std::make_shared<ThreadRecord>();
        (*box)->shared = *std::move(spawned);
        (*box)->scheduler = scheduler;
      } else {
        failed = PushFailure(L, spawned.status());
      }
    }
  }
  if (failed < 0) return lua_error(L);
  if (failed > 0) return failed;
  lua_settop(L, 1);
  return 1;
}

// Makes sure the joiners of `box`'s thread are woken when it finishes.
// Returns false if it has finished already.
bool ArmNotification(ThreadBox* box) {
  ThreadRecord* record = box->get();
  if (record->notifying) return true;
  Scheduler* scheduler = record->scheduler;
  uv::Mailbox* mailbox = scheduler->mailbox();
  mailbox->Hold();  // the loop waits for the other thread
  std::weak_ptr<ThreadRecord> weak = *box;
  bool posted = record->shared->NotifyWhenFinished(mailbox->address(), [weak, mailbox] {
    mailbox->Drop();
    if (std::shared_ptr<ThreadRecord> record = weak.lock()) {
      record->notifying = false;
      record->scheduler->WakeAll(&record->joiners, PushJoinResults, record.get());
    }
  });
  if (!posted) {
    mailbox->Drop();
    return false;
  }
  record->notifying = true;
  return true;
}

// luv.select: a thread is ready once it has finished (or for the object of
// a state's own main thread, never: selecting on it raises).
bool ThreadSelectReady(lua_State* L, int index) {
  ThreadRecord* record = CheckBox(L, index)->get();
  if (record == nullptr)
    luaL_argerror(L, index, "a state cannot wait for its own main thread");
  return record->shared->finished();
}

bool ThreadSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  ThreadBox* box = CheckBox(L, index);
  (*box)->joiners.Add(node);
  if (ArmNotification(box)) return false;
  node->Unlink();
  return true;
}

// The C half of thread:join(): `true, results...` or `false, error`; the Lua
// half raises the error in the joiner.
int LThreadJoinRaw(lua_State* L) {
  auto* box = static_cast<ThreadBox*>(TestObject(L, 1, kThreadType));
  if (box == nullptr) GlueTypeError(L, 1, "join", kThreadType);
  lua_settop(L, 1);
  ThreadRecord* record = box->get();
  if (record == nullptr) {
    return luaL_error(L, "luv: thread:join(): a state cannot join its own main thread");
  }
  if (record->shared->finished()) return PushJoinResults(L, record);
  Scheduler* scheduler = record->scheduler;
  State* self = CheckBlockingState(L, scheduler, "thread:join()");
  scheduler->Wait(&record->joiners, self);
  if (!ArmNotification(box)) {  // it finished meanwhile
    scheduler->CancelWait(self);
    return PushJoinResults(L, record);
  }
  return Block(L, scheduler, self, "thread:join()", 1);
}

constexpr char kGlue[] = R"lua(
local rawjoin, error = ...
local function finish(ok, ...)
  if ok then return ... end
  error((...), 0)
end
return function(self) return finish(rawjoin(self)) end
)lua";

constexpr luaL_Reg kMeta[] = {
    {"__gc", LThreadGc},
    {nullptr, nullptr},
};

constexpr luaL_Reg kNoMethods[] = {{nullptr, nullptr}};

}  // namespace

void OpenThread(lua_State* L, Scheduler* scheduler, lua_CFunction open_luv) {
  RegisterWaitable(kThreadType, {ThreadSelectReady, ThreadSelectAdd});
  NewClass(L, kThreadType, kNoMethods, kMeta);
  lua_getfield(L, -1, "__index");
  LoadGlue(L, kGlue, sizeof(kGlue) - 1, "=luv.thread");
  lua_pushcfunction(L, LThreadJoinRaw);
  lua_getglobal(L, "error");
  lua_call(L, 2, 1);
  lua_setfield(L, -2, "join");
  lua_pop(L, 2);

  // This state's own main thread: what luv.self() returns outside fibers.
  PushBox(L);
  SetMainThreadObject(L);

  lua_newtable(L);
  lua_pushlightuserdata(L, scheduler);
  lua_pushcfunction(L, open_luv);
  lua_pushcclosure(L, LThreadSpawn, 2);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "spawn");
  // The reference's own ØMQ example calls it create.
  lua_setfield(L, -2, "create");
  lua_setfield(L, -2, "thread");
}

}  // namespace luv::lua
