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

// FsCall<Op>: a file system operation of luv/uv (fs_path_ops.h, file_ops.h)
// made for a state that waits for it: the wait and the wake, and the
// pushing of its results. The operation itself (its request, arguments,
// buffers and typed results) is the uv layer's; this is the binding line.
//
// A binding checks its arguments, then (check -> start -> wait):
//   return RunFsCall<uv::StatOp>(L, scheduler, "luv.fs.stat()", PushStatResult,
//                                [=](uv::StatOp* op, uv_loop_t* loop) {
//                                  op->Stat(loop, path);
//                                });
// The start (no Lua API) runs once the call's record exists; the operation
// ends on the loop thread (or within the start), which completes the
// Request (lua_request.h: the box gives the record its lifetime and wakes
// the waiter). Lua runs only when the waiter resumes: PushResults pushes
// `nil, "ENOENT: no such file or directory: <path>", "ENOENT"` for a
// failure (the operation's status, through result.h), else what the
// call's Pusher makes of the typed result.
//
// Thread affinity: the scheduler's thread. RunFsCall raises when the
// calling state may not block, before anything was created; once the box
// owns the record, waiting may raise too (deadlock). Pushers may raise (out
// of memory), so no C++ object with a destructor lives in their frames;
// the record's owner is the box, never a frame.
#ifndef LUV_LUA_LUA_FS_CALL_H_
#define LUV_LUA_LUA_FS_CALL_H_

#include <uv.h>

#include "luv/luacompat/luacompat.h"

#include "luv/lua/lua_request.h"
#include "luv/lua/lua_sched.h"
#include "luv/sched/scheduler.h"
#include "luv/uv/fs_op.h"
#include "luv/uv/fs_path_ops.h"

namespace luv::lua {

// Pushes the failure triple of a failed operation; returns 3. May raise
// (out of memory).
int PushFsFailure(lua_State* L, const uv::FsOp& op);

template <typename Op>
class FsCall final : public Request, public Op {
 public:
  // Pushes a successful call's results; Lua API only, no C++ objects with
  // destructors in its frame (it may raise).
  using Pusher = int (*)(lua_State* L, FsCall* call);

  FsCall(sched::Scheduler* scheduler, Pusher push) : Request(scheduler), push_(push) {}

  // Keeps the Lua value with the registry reference `ref` (a string a write
  // writes) until the results are pushed. Taken before the record was made,
  // since taking it may raise.
  void Keep(int ref) { kept_ = ref; }

  // Request
  int PushResults(lua_State* L) override {
    if (kept_ != LUA_NOREF) {
      luaL_unref(L, LUA_REGISTRYINDEX, kept_);
      kept_ = LUA_NOREF;
    }
    if (!this->ok()) return PushFsFailure(L, *this);
    return push_(L, this);
  }

 private:
  // uv::FsOp: wakes the waiter (or frees the record if its box is gone).
  void OnDone() override { Complete(); }

  const Pusher push_;
  int kept_ = LUA_NOREF;
};

// Returns the results of a call whose operation ended during its start
// (work done at once, on the loop thread), after letting the other ready
// fibers run: a fiber goes to the back of the ready queue (keeping the box
// at stack index `box`), the main state runs the ready fibers once. So a
// loop of calls that never wait still shares the thread.
int YieldResults(lua_State* L, Request* call, sched::State* self, int box);

// Check -> start -> wait for a call that `start(Op*, uv_loop_t*)` (no Lua
// API, nothing that raises) starts. `name` names the call in errors.
// Returns what the binding returns.
template <typename Op, typename Start>
int RunFsCall(lua_State* L, sched::Scheduler* scheduler, const char* name,
              typename FsCall<Op>::Pusher push, Start start) {
  sched::State* self = CheckBlockingState(L, scheduler, name);
  // Nothing may raise from here until the operation has started.
  auto* call = NewRequest<FsCall<Op>>(L, scheduler, push);
  int box = lua_gettop(L);
  start(static_cast<Op*>(call), scheduler->loop());
  return call->Await(L, self, box, name);
}

// Pushers shared by the fs bindings.
// `true`.
template <typename Op>
int PushTrueResult(lua_State* L, FsCall<Op>*) {
  lua_pushboolean(L, 1);
  return 1;
}

// The result as a number (a byte count).
template <typename Op>
int PushIntegerResult(lua_State* L, FsCall<Op>* call) {
  lua_pushinteger(L, static_cast<lua_Integer>(call->result()));
  return 1;
}

// The table of a stat, lstat or fstat (see docs/api.md).
int PushStatResult(lua_State* L, FsCall<uv::StatOp>* call);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_FS_CALL_H_
