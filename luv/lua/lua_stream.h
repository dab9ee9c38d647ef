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

// The Lua side of streams (luv.tcp, luv.pipe, and the TTYs and pipes behind
// luv.stdin/stdout/stderr): the record that turns uv::Stream's callbacks
// into woken states, and the methods every stream shares.
//
// Blocking calls and who keeps what alive:
//  - read: each reader that has to wait queues a ReadOp; arriving bytes (or
//    EOF, an error) are handed to the oldest reader, one at a time, so a
//    reader never finds its bytes taken by a later caller. The results are
//    taken from the buffer when the reader resumes.
//  - accept(client): a waiting acceptor queues an AcceptOp; the connection
//    is accepted into its client in the libuv callback.
//  - write, shutdown, connect: a StreamRequest per call wakes its waiter
//    with libuv's status; a write owns a copy of the bytes libuv still has
//    to write.
//  - a write whose wait is interrupted (luv.timeout's deadline,
//    fiber:cancel) is taken back at once (Scheduler::OnInterrupt): one still
//    waiting its turn is dropped unsent and the stream stays usable; the one
//    libuv has started cannot be taken back, so the stream is closed and the
//    failure message says how many of its bytes were sent (Go does the same
//    after a write deadline); one the kernel took whole succeeded after all
//    and returns `true`.
// A waiting fiber keeps the stream (and an accept's client) alive by
// yielding it (Block's keep). close() wakes waiting readers and acceptors
// with `nil, "ECANCELED: <what> was closed", "ECANCELED"`; libuv cancels
// the pending requests, whose waiters get ECANCELED too.
//
// Lifetime: a Lua object (object.h) points at the record, which is freed by
// the last of __gc and libuv's close callback (uv::HandleOwner). Thread
// affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_STREAM_H_
#define LUV_LUA_LUA_STREAM_H_

#include <cstddef>
#include "luv/luacompat/luacompat.h"
#include <memory>

#include "luv/base/status.h"
#include <string_view>
#include "luv/lua/object.h"
#include "luv/sched/scheduler.h"
#include "luv/sched/wait_list.h"
#include "luv/uv/stream.h"

namespace luv::lua {

// The names of a stream's blocking calls, for messages ("tcp:read()");
// defined in lua_stream.cc.
struct CallNames;

class LuaStream : public uv::Stream, public LuaOwned {
 public:
  // `what` names the stream in messages ("tcp", "pipe", "stdin"); a static
  // string.
  LuaStream(sched::Scheduler* scheduler, uv::StreamInit init, const char* what);

  sched::Scheduler* scheduler() const { return scheduler_; }
  const char* what() const { return what_; }

  // The Lua object was collected: closes the handle (object.h).
  void ReleaseFromLua() override { Release(); }

  // Wakes waiting readers and acceptors with ECANCELED and closes the handle
  // (idempotent). Pending requests complete with ECANCELED.
  void CloseAndWake();

  // States in luv.select waiting for the stream to become readable.
  sched::WaitList* watchers() { return &watchers_; }
  // Bytes, an end or an error are there for a read (it would not wait).
  bool ReadReady() const;

  // The pieces of the shared methods below; see lua_stream.cc.
  struct ReadOp;
  struct AcceptOp;
  class WriteRequest;

 protected:
  ~LuaStream() override;
  void OnReadable() override;
  void OnConnection(int status) override;
  void OnWritten() override;

 private:
  friend struct StreamMethods;

  // Hands what arrived to the oldest waiting reader, if none is being
  // served.
  void DispatchRead();
  // Accepts pending connections into the clients of waiting acceptors.
  void DispatchAccept();
  static int PushDelivered(lua_State* L, void* op);
  static int PushConnected(lua_State* L, void* stream);
  // The InterruptFn of a waiting write (`arg`: its WriteRequest).
  static sched::PushFn WriteInterrupted(sched::State* state, void* arg);

  sched::Scheduler* const scheduler_;
  const char* const what_;
  const CallNames* const calls_;
  sched::WaitList watchers_;
  ReadOp* read_head_ = nullptr;  // waiting readers, oldest first
  ReadOp* read_tail_ = nullptr;
  ReadOp* delivering_ = nullptr;  // woken reader whose results are due
  ReadOp* spare_ = nullptr;       // one ReadOp kept for reuse
  AcceptOp* accept_head_ = nullptr;
  AcceptOp* accept_tail_ = nullptr;
  int accept_error_ = 0;  // a failed accept nobody waited for
  // One connect at a time: from its start until its result was pushed.
  sched::WaitList connect_waiters_;
  // States in drain(), woken to check again as writes complete.
  sched::WaitList drain_waiters_;
  bool connecting_ = false;
  int connect_status_ = 0;
  char connect_target_[128] = "";
};

// Pushes a new userdata of metatable `type` (registered with
// RegisterStreamType) owning a new stream. Returns 1, or the failure triple
// when libuv refused the handle. May raise.
int PushNewStream(lua_State* L, const char* type, sched::Scheduler* scheduler,
                  uv::StreamInit init, const char* what);

// Makes `type`'s accept take no argument too: the constructor on top of the
// stack (popped; luv.net.tcp, luv.pipe.create) makes the client, which
// accept() then returns. Call after RegisterStreamType. May raise.
void AcceptIntoNewClient(lua_State* L, const char* type);

// The open stream at `index` (any stream type); raises a bad-argument error
// for anything else, or for a stream that failed to open.
LuaStream* CheckStream(lua_State* L, int index);
// The same without raising: null when `index` holds no stream object.
LuaStream* TestStream(lua_State* L, int index);

// Creates the metatable `type` with the shared stream methods (read,
// readable, write, writable, shutdown, close, start, stop, listen, accept)
// plus `methods`, and __gc. Leaves nothing on the stack. May raise.
void RegisterStreamType(lua_State* L, const char* type, const luaL_Reg* methods);

// The shared methods, callable on a stream that is not at index 1's
// userdata (luv.stdio wraps one): the object is at index 1, its arguments
// follow. Each returns what the Lua method returns and may suspend.
int StreamRead(lua_State* L, LuaStream* stream);
int StreamReadable(lua_State* L, LuaStream* stream);
int StreamWrite(lua_State* L, LuaStream* stream);
int StreamWritable(lua_State* L, LuaStream* stream);
int StreamShutdown(lua_State* L, LuaStream* stream);
int StreamStart(lua_State* L, LuaStream* stream);
int StreamStop(lua_State* L, LuaStream* stream);

// The failure that ended reading on `stream` (read_error() is not 0): a
// filter's ("ETLS: <reason>: tcp") or libuv's. Returns 3.
int PushReadFailure(lua_State* L, LuaStream* stream);

// connect() for tcp and pipe: starts `connect` (which calls the libuv
// connect with the request it is given) and waits for its result; the
// failure message ends with `target`.
using ConnectStarter = luv::Status (*)(LuaStream* stream, void* arg,
                                        std::unique_ptr<uv::StreamRequest> request);
int StreamConnect(lua_State* L, LuaStream* stream, ConnectStarter start, void* arg,
                  std::string_view target);

// Default and largest `len` of read([len]).
constexpr size_t kDefaultReadSize = 64 * 1024;
constexpr size_t kMaxReadSize = 16 * 1024 * 1024;

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_STREAM_H_
