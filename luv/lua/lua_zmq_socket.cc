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

// luv.zmq.socket: ØMQ sockets whose blocking calls suspend only the calling
// state.
//
// Each blocking method is a C half in luv's one retry loop (retry.h): the
// half tries the operation at once and returns its result, or, when it
// would block, registers the state as a waiter and suspends it; the waker
// has it try again. Its arguments are (self, a, b, deadline, progress): when
// ZMQ_RCVTIMEO/SNDTIMEO is set the half fixes the call's deadline in slot 4
// before its first wait, and multipart calls keep how far they got in
// slot 5, so the next attempt carries on. send and recv, the calls a busy
// socket makes millions of times a second, first try once through a plain
// C "now" half and enter the retry loop only if that would block (see
// TakeAttemptHint).
#include "luv/lua/lua_zmq_socket.h"

#include <zmq.h>

#include <cstring>
#include <utility>

#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/lua_zmq_option.h"
#include "luv/lua/object.h"
#include "luv/lua/retry.h"
#include "luv/lua/support.h"
#include "luv/luacompat/luacompat.h"
#include "luv/sched/wait_list.h"
#include "luv/zmq/error.h"
#include "luv/zmq/message.h"
#include "luv/zmq/poller.h"

namespace luv::lua {
namespace {

using sched::Scheduler;
using sched::State;
using sched::WaitList;

constexpr char kSocketType[] = "luv.zmq.socket";

class LuaSocket;
void ForgetChecked(const LuaSocket* record);

// The record behind a socket userdata: the polled socket plus the states
// waiting to receive and to send.
class LuaSocket : public zmq::PolledSocket, public LuaOwned {
 public:
  LuaSocket(Scheduler* scheduler, const std::shared_ptr<zmq::Context>& context, int type)
      : PolledSocket(scheduler->loop(), context, type), scheduler_(scheduler) {}

  // A socket nobody closed drops what it still queued (linger 0).
  void ReleaseFromLua() override {
    ForgetChecked(this);
    Abandon();
  }

  Scheduler* scheduler() const { return scheduler_; }
  WaitList* readers() { return &readers_; }
  WaitList* writers() { return &writers_; }
  // Why polling stopped (OK while it runs).
  const luv::Status& poll_error() const { return poll_error_; }

  // The last frame received: kept here rather than in a binding's frame,
  // which a Lua error could skip.
  zmq::Message* frame() { return &frame_; }
  // The last failure of an operation, for pushing.
  const luv::Status& failure() const { return failure_; }
  void set_failure(luv::Status status) { failure_ = std::move(status); }

  // Every call into the socket may process the commands whose arrival made
  // ZMQ_FD readable, consuming the edge a waiter needed: after each one,
  // the waiters learn what can proceed now.
  void AfterOperation() {
    if (!readers_.empty() || !writers_.empty()) Check();
  }

  // The poll keeps the loop alive exactly while states wait.
  void UpdateWaiting() { SetWaiting(!readers_.empty() || !writers_.empty()); }

  void WakeEveryone(sched::PushFn push, void* arg) {
    scheduler_->WakeAll(&readers_, push, arg);
    scheduler_->WakeAll(&writers_, push, arg);
    UpdateWaiting();
  }

  // ZMQ_RCVTIMEO and ZMQ_SNDTIMEO as last set, in milliseconds (-1: none).
  int receive_timeout() const { return receive_timeout_; }
  int send_timeout() const { return send_timeout_; }
  void set_receive_timeout(int ms) { receive_timeout_ = ms; }
  void set_send_timeout(int ms) { send_timeout_ = ms; }

 protected:
  // One waiter per direction: when it has taken its message it checks
  // again (AfterOperation) and wakes the next, so a message never wakes
  // a crowd that would find nothing.
  void OnEvents(int events) override {
    if ((events & ZMQ_POLLIN) != 0) WakeOne(&readers_);
    if ((events & ZMQ_POLLOUT) != 0) WakeOne(&writers_);
    UpdateWaiting();
  }

  // Each waiter's retry then reports the socket's error (ETERM).
  void OnPollError(const luv::Status& status) override {
    poll_error_ = status;
    WakeEveryone(PushRetry, nullptr);
  }

 private:
  void WakeOne(WaitList* list) {
    while (sched::WaitNode* node = list->PopFront()) {
      if (node->state->status() == sched::Status::kWaiting) {
        scheduler_->WakeNode(node, PushRetry, nullptr);  // a luv.select node too
        return;
      }
    }
  }

  Scheduler* const scheduler_;
  WaitList readers_;
  WaitList writers_;
  luv::Status poll_error_;
  zmq::Message frame_;
  luv::Status failure_;
  int receive_timeout_ = -1;
  int send_timeout_ = -1;
};

// The record behind argument 1. Every method holds the socket metatable as
// upvalue 1: comparing with it is cheaper than luaL_checkudata's registry
// lookup by name, on every send and receive.
// `glue`: the public name of the blocking method whose C half calls this
// (its argument errors name that method, GlueArgError), or null.
LuaSocket* CheckSocket(lua_State* L, const char* glue = nullptr) {
  auto* box = static_cast<ObjectBox*>(lua_touserdata(L, 1));
  if (box == nullptr || !lua_getmetatable(L, 1) ||
      !lua_rawequal(L, -1, lua_upvalueindex(1))) {
    if (glue != nullptr) GlueTypeError(L, 1, glue, kSocketType);
    compat::TypeError(L, 1, kSocketType);
  }
  lua_pop(L, 1);
  if (box->owned == nullptr) {
    if (glue != nullptr) GlueArgError(L, 1, glue, "socket failed to open");
    luaL_argerror(L, 1, "socket failed to open");
  }
  return static_cast<LuaSocket*>(box->owned);
}

// The socket userdata that last passed CheckSocket in a "now" half on this
// thread (a socket and its Lua state stay on one thread). The metatable
// test costs three Lua API calls, a fifth of a whole send, and a loop
// sends through the same socket again and again.
struct CheckedSocket {
  const ObjectBox* box = nullptr;
  const LuaOwned* owned = nullptr;
  LuaSocket* record = nullptr;
};
thread_local CheckedSocket last_checked;

// CheckSocket, skipping the metatable test for the userdata checked last.
// The box must still hold the same record: a box that was released holds
// null, and the socket's collection forgets it (ForgetChecked) before its
// memory can be reused by another userdata.
LuaSocket* CheckSocketAgain(lua_State* L, const char* glue) {
  auto* box = static_cast<const ObjectBox*>(lua_touserdata(L, 1));
  if (box != nullptr && box == last_checked.box && box->owned == last_checked.owned) {
    return last_checked.record;
  }
  LuaSocket* record = CheckSocket(L, glue);
  last_checked = {box, box->owned, record};
  return record;
}

void ForgetChecked(const LuaSocket* record) {
  if (last_checked.record == record) last_checked = CheckedSocket();
}

int PushClosedSocket(lua_State* L) {
  return PushLuvError(L, LuvError::kClosed, "zmq.socket");
}

// PushFn of a wait whose deadline came first (`arg`: the LuaSocket); also
// the result of a call whose deadline has passed.
int PushTimedOut(lua_State* L, void* arg) {
  static_cast<LuaSocket*>(arg)->UpdateWaiting();
  return PushLuvError(L, LuvError::kWouldBlock, "the timeout expired");
}

// `nil, "EAGAIN: Resource temporarily unavailable", "EAGAIN"`; -1 with an
// error on top if that ran out of memory.
int PushAgain(lua_State* L) { return PushFailure(L, zmq::ZmqStatus(EAGAIN)); }

// Flags at `index` (nil: 0), a sum of luv.zmq constants within `allowed`,
// for the C halves of the blocking methods.
int CheckFlags(lua_State* L, int index, int allowed, const char* which,
               const char* name) {
  lua_Integer flags = GlueOptInteger(L, index, name, 0);
  if ((flags & ~static_cast<lua_Integer>(allowed)) != 0)
    GlueArgError(L, index, name, which);
  return static_cast<int>(flags);
}

enum class Direction { kReceive, kSend };

// The operation would block. Fails with EAGAIN for DONTWAIT, a zero timeout
// or a deadline that passed; tries again with the deadline in argument 4
// when a timeout starts now; otherwise suspends the state until the socket
// may be ready. Argument 4 is the deadline (nil: none yet), 5 the progress
// of a multipart call.
int WouldBlock(lua_State* L, LuaSocket* record, Direction direction, bool dontwait,
               const char* call) {
  Scheduler* scheduler = record->scheduler();
  int timeout = direction == Direction::kReceive ? record->receive_timeout()
                                                 : record->send_timeout();
  if (dontwait || timeout == 0) {
    int pushed = PushAgain(L);  // the status is gone before a raise
    return pushed >= 0 ? pushed : lua_error(L);
  }
  lua_Number deadline = 0;
  if (timeout > 0) {
    if (lua_isnoneornil(L, 4)) {  // the timeout starts now: the next attempt knows
      lua_settop(L, 5);
      lua_pushnumber(L, static_cast<lua_Number>(scheduler->Now() + timeout));
      lua_replace(L, 4);
      return ReturnRetry(L);
    }
    deadline = lua_tonumber(L, 4);
    if (static_cast<lua_Number>(scheduler->Now()) >= deadline) {
      return PushTimedOut(L, record);
    }
  }
  if (!record->polling()) {
    int pushed = PushFailure(L, record->poll_error());
    return pushed >= 0 ? pushed : lua_error(L);
  }
  State* self = CheckBlockingState(L, scheduler, call);
  WaitList* list =
      direction == Direction::kReceive ? record->readers() : record->writers();
  if (timeout > 0) {
    scheduler->WaitUntil(list, self, static_cast<uint64_t>(deadline), PushTimedOut,
                         record);
  } else {
    scheduler->Wait(list, self);
  }
  record->UpdateWaiting();
  lua_settop(L, 5);  // the next attempt's arguments
  return BlockForRetry(L, scheduler, self, call);
}

// What became of one frame sent or received.
enum class Transfer {
  kDone,        // sent, or received into the record's frame
  kWouldBlock,  // nothing happened; the call may wait
  kFailed,      // the failure is kept in the record (PushRecordFailure)
};

// One frame out. Lua-free.
Transfer SendFrame(LuaSocket* record, std::string_view frame, bool more) {
  luv::StatusOr<bool> sent = record->socket().Send(frame, more);
  if (!sent.ok()) {
    record->set_failure(sent.status());
    return Transfer::kFailed;
  }
  return *sent ? Transfer::kDone : Transfer::kWouldBlock;
}

// Takes the next frame into the record's frame buffer. Lua-free.
Transfer TakeFrame(LuaSocket* record) {
  luv::StatusOr<bool> received = record->socket().Receive(record->frame());
  if (!received.ok()) {
    record->set_failure(received.status());
    return Transfer::kFailed;
  }
  return *received ? Transfer::kDone : Transfer::kWouldBlock;
}

// Pushes the received frame as a string (the record owns it, so a raise
// leaks nothing); returns whether more frames follow.
bool PushFrame(lua_State* L, LuaSocket* record) {
  const zmq::Message& frame = *record->frame();
  lua_pushlstring(L, static_cast<const char*>(frame.data()), frame.size());
  return frame.more();
}

// The failure triple of the record's last failed transfer.
int PushRecordFailure(lua_State* L, LuaSocket* record) {
  Result result = record->failure();
  return PushFail(L, result);
}

constexpr char kSendFlags[] = "flags must be 0, luv.zmq.DONTWAIT, SNDMORE or their sum";
constexpr char kReceiveFlags[] = "flags must be 0 or luv.zmq.DONTWAIT";

// send and recv are Lua wrappers (kFastGlue) that call a "now" half
// (LSocketSendNow, LSocketRecvNow) first: one plain C call for a frame that
// goes at once, without the retry loop's vararg glue. Only when that would
// block or fails does the wrapper enter the retry loop, passing false as
// argument 5: the attempt just made would have blocked, so the half goes
// straight to waiting instead of asking libzmq again (a failed non-blocking
// receive costs libzmq a poll() of its mailbox). Consumes the hint, so
// every later attempt (after a wake-up or a deadline was fixed) is real.
bool TakeAttemptHint(lua_State* L) {
  if (lua_type(L, 5) != LUA_TBOOLEAN) return false;
  lua_pushnil(L);
  lua_replace(L, 5);
  return true;
}

// A "now" half's answer when the full call must take over: false if the
// attempt would have blocked (libzmq said EAGAIN), nothing (nil) for
// anything else, which the full call then does again and reports.
int HandOver(lua_State* L, bool would_block) {
  if (!would_block) return 0;
  lua_pushboolean(L, 0);
  return 1;
}

// The first attempt of zmq.socket:send(msg[, flags]): true, or HandOver.
// Checks its arguments as the full call does, so argument errors name the
// program's line (the wrapper is level 1).
int LSocketSendNow(lua_State* L) {
  LuaSocket* record = CheckSocketAgain(L, "send");
  size_t size;
  const char* data = GlueCheckLString(L, 2, "send", &size);
  // Most sends pass no flags: one type test instead of the full check.
  int flags = lua_type(L, 3) <= LUA_TNIL
                  ? 0
                  : CheckFlags(L, 3, ZMQ_DONTWAIT | ZMQ_SNDMORE, kSendFlags, "send");
  if (record->closing()) return HandOver(L, false);
  // libzmq directly: the error path (a Status) is the full call's business.
  int rc = zmq_send(record->socket().handle(), data, size,
                    ZMQ_DONTWAIT | (flags & ZMQ_SNDMORE));
  // On failure the full call, which runs next, checks the waiters
  // (AfterOperation) just before this state joins them, as it always did.
  if (rc < 0) return HandOver(L, zmq_errno() == EAGAIN);
  record->AfterOperation();
  lua_pushboolean(L, 1);
  return 1;
}

// The first attempt of zmq.socket:recv([flags]): the frame, or HandOver.
int LSocketRecvNow(lua_State* L) {
  LuaSocket* record = CheckSocketAgain(L, "recv");
  if (lua_type(L, 2) > LUA_TNIL) CheckFlags(L, 2, ZMQ_DONTWAIT, kReceiveFlags, "recv");
  if (record->closing()) return HandOver(L, false);
  zmq_msg_t* frame = record->frame()->get();
  int rc = zmq_msg_recv(frame, record->socket().handle(), ZMQ_DONTWAIT);
  if (rc < 0) return HandOver(L, zmq_errno() == EAGAIN);  // as in LSocketSendNow
  record->AfterOperation();
  // Straight from the frame the record owns: nothing to free if this raises.
  lua_pushlstring(L, static_cast<const char*>(zmq_msg_data(frame)), zmq_msg_size(frame));
  return 1;
}

// zmq.socket:send(msg[, flags]) -> true  (suspends while it would block)
int LSocketSend(lua_State* L) {
  LuaSocket* record = CheckSocket(L, "send");
  size_t size;
  const char* data = GlueCheckLString(L, 2, "send", &size);
  int flags = CheckFlags(L, 3, ZMQ_DONTWAIT | ZMQ_SNDMORE, kSendFlags, "send");
  if (record->closing()) return PushClosedSocket(L);
  Transfer sent = TakeAttemptHint(L)
                      ? Transfer::kWouldBlock
                      : SendFrame(record, std::string_view(data, size),
                                  (flags & ZMQ_SNDMORE) != 0);
  record->AfterOperation();
  if (sent == Transfer::kDone) {
    lua_pushboolean(L, 1);
    return 1;
  }
  if (sent == Transfer::kFailed) return PushRecordFailure(L, record);
  return WouldBlock(L, record, Direction::kSend, (flags & ZMQ_DONTWAIT) != 0,
                    "zmq.socket:send()");
}

// zmq.socket:recv([flags]) -> msg  (suspends until a frame arrives)
int LSocketRecv(lua_State* L) {
  LuaSocket* record = CheckSocket(L, "recv");
  int flags = CheckFlags(L, 2, ZMQ_DONTWAIT, kReceiveFlags, "recv");
  if (record->closing()) return PushClosedSocket(L);
  Transfer received = TakeAttemptHint(L) ? Transfer::kWouldBlock : TakeFrame(record);
  record->AfterOperation();
  if (received == Transfer::kDone) {
    PushFrame(L, record);
    return 1;
  }
  if (received == Transfer::kFailed) return PushRecordFailure(L, record);
  return WouldBlock(L, record, Direction::kReceive, (flags & ZMQ_DONTWAIT) != 0,
                    "zmq.socket:recv()");
}

// zmq.socket:send_multipart({frame, ...}[, flags]) -> true
int LSocketSendMultipart(lua_State* L) {
  LuaSocket* record = CheckSocket(L, "send_multipart");
  GlueCheckType(L, 2, "send_multipart", LUA_TTABLE);
  int flags =
      CheckFlags(L, 3, ZMQ_DONTWAIT | ZMQ_SNDMORE, kSendFlags, "send_multipart");
  int count = static_cast<int>(compat::RawLen(L, 2));
  if (count == 0) GlueArgError(L, 2, "send_multipart", "no frames to send");
  for (int i = 1; i <= count; ++i) {
    lua_rawgeti(L, 2, i);
    if (!lua_isstring(L, -1)) {
      GlueArgError(
          L, 2, "send_multipart",
          lua_pushfstring(L, "frame %d is a %s, not a string", i, luaL_typename(L, -1)));
    }
    lua_pop(L, 1);
  }
  // Frames before `first` went out in an earlier call (suspended since).
  int first = static_cast<int>(luaL_optinteger(L, 5, 1));
  if (first < 1 || first > count) luaL_argerror(L, 5, "bad progress");
  if (record->closing()) return PushClosedSocket(L);
  for (int i = first; i <= count; ++i) {
    lua_rawgeti(L, 2, i);
    size_t size;
    const char* data = lua_tolstring(L, -1, &size);
    // The table still holds the string while libzmq copies it.
    lua_pop(L, 1);
    bool more = i < count || (flags & ZMQ_SNDMORE) != 0;
    Transfer sent = SendFrame(record, std::string_view(data, size), more);
    if (sent == Transfer::kDone) continue;
    record->AfterOperation();
    if (sent == Transfer::kFailed) return PushRecordFailure(L, record);
    if (i > first) {  // progress first; the next attempt waits
      lua_settop(L, 5);
      lua_pushinteger(L, i);
      lua_replace(L, 5);
      return ReturnRetry(L);
    }
    return WouldBlock(L, record, Direction::kSend, (flags & ZMQ_DONTWAIT) != 0,
                      "zmq.socket:send_multipart()");
  }
  record->AfterOperation();
  lua_pushboolean(L, 1);
  return 1;
}

// zmq.socket:recv_multipart([flags]) -> {frame, ...}
int LSocketRecvMultipart(lua_State* L) {
  LuaSocket* record = CheckSocket(L, "recv_multipart");
  int flags = CheckFlags(L, 2, ZMQ_DONTWAIT, kReceiveFlags, "recv_multipart");
  if (record->closing()) return PushClosedSocket(L);
  // The frames so far (from an earlier call that was suspended) or a new
  // table, at index 5.
  lua_settop(L, 5);
  if (!lua_istable(L, 5)) {
    lua_newtable(L);
    lua_replace(L, 5);
  }
  int count = static_cast<int>(compat::RawLen(L, 5));
  int first = count;
  for (;;) {
    Transfer received = TakeFrame(record);
    if (received == Transfer::kDone) {
      bool more = PushFrame(L, record);
      lua_rawseti(L, 5, ++count);
      if (more) continue;
      record->AfterOperation();
      lua_pushvalue(L, 5);
      return 1;
    }
    record->AfterOperation();
    if (received == Transfer::kFailed) return PushRecordFailure(L, record);
    break;
  }
  if (count > first) {  // progress first; the next attempt waits
    lua_settop(L, 5);
    return ReturnRetry(L);
  }
  // The frames of one message arrive together, so only the first can be
  // missing; DONTWAIT after a frame would drop what came, but cannot occur.
  return WouldBlock(L, record, Direction::kReceive, (flags & ZMQ_DONTWAIT) != 0,
                    "zmq.socket:recv_multipart()");
}

using EndpointCall = luv::Status (zmq::SocketRef::*)(std::string_view) const;

int CallWithEndpoint(lua_State* L, EndpointCall call) {
  LuaSocket* record = CheckSocket(L);
  size_t size;
  const char* endpoint = luaL_checklstring(L, 2, &size);
  if (record->closing()) return PushClosedSocket(L);
  Result result = (record->socket().*call)(std::string_view(endpoint, size));
  record->AfterOperation();
  return ReturnTrue(L, result);
}

// zmq.socket:bind(endpoint) -> true
int LSocketBind(lua_State* L) { return CallWithEndpoint(L, &zmq::SocketRef::Bind); }

// zmq.socket:unbind(endpoint) -> true
int LSocketUnbind(lua_State* L) { return CallWithEndpoint(L, &zmq::SocketRef::Unbind); }

// zmq.socket:connect(endpoint) -> true
int LSocketConnect(lua_State* L) { return CallWithEndpoint(L, &zmq::SocketRef::Connect); }

// zmq.socket:disconnect(endpoint) -> true
int LSocketDisconnect(lua_State* L) {
  return CallWithEndpoint(L, &zmq::SocketRef::Disconnect);
}

// Pushes the value of `option` (1) or the failure (3); -1: raise.
int PushOptionValue(lua_State* L, LuaSocket* record, const zmq::Option& option) {
  luv::StatusOr<zmq::OptionValue> value = record->socket().GetOption(option);
  if (!value.ok()) return PushFailure(L, value.status());
  const zmq::OptionValue& got = *value;
  return PushProtected(L, [&got, &option](lua_State* L) {
    switch (option.type) {
      case zmq::OptionType::kBool:
        lua_pushboolean(L, got.integer != 0);
        break;
      case zmq::OptionType::kInt:
      case zmq::OptionType::kInt64:
        lua_pushinteger(L, static_cast<lua_Integer>(got.integer));
        break;
      case zmq::OptionType::kUint64:
        lua_pushnumber(L, static_cast<lua_Number>(got.unsigned_integer));
        break;
      case zmq::OptionType::kString:
      case zmq::OptionType::kBinary:
      case zmq::OptionType::kKey:
        lua_pushlstring(L, got.bytes.data(), got.bytes.size());
        break;
    }
    return 1;
  });
}

// zmq.socket:getsockopt(name) -> value
int LSocketGetsockopt(lua_State* L) {
  LuaSocket* record = CheckSocket(L);
  const zmq::Option* option = CheckSocketOption(L, 2);
  if (option == nullptr) return PushUnknownOption(L, 2, "socket option");
  if (record->closing()) return PushClosedSocket(L);
  int pushed = PushOptionValue(L, record, *option);
  record->AfterOperation();  // reading EVENTS processes commands
  return pushed >= 0 ? pushed : lua_error(L);
}

// Sets an integer option and remembers the timeouts the calls honour.
luv::Status SetIntegerOption(LuaSocket* record, const zmq::Option& option,
                              int64_t value) {
  luv::Status status = record->socket().SetOption(option, value);
  if (status.ok() && option.number == ZMQ_RCVTIMEO)
    record->set_receive_timeout(static_cast<int>(value));
  if (status.ok() && option.number == ZMQ_SNDTIMEO)
    record->set_send_timeout(static_cast<int>(value));
  return status;
}

// zmq.socket:setsockopt(name, value) -> true
int LSocketSetsockopt(lua_State* L) {
  LuaSocket* record = CheckSocket(L);
  const zmq::Option* option = CheckSocketOption(L, 2);
  if (option == nullptr) return PushUnknownOption(L, 2, "socket option");
  bool is_integer = option->type != zmq::OptionType::kString &&
                    option->type != zmq::OptionType::kBinary &&
                    option->type != zmq::OptionType::kKey;
  int64_t integer = 0;
  size_t size = 0;
  const char* bytes = nullptr;
  if (is_integer) {
    integer = CheckOptionInteger(L, 3, *option);
  } else if (lua_type(L, 3) == LUA_TSTRING) {
    bytes = lua_tolstring(L, 3, &size);
  } else {
    luaL_argerror(L, 3, lua_pushfstring(L, "%s takes a string", option->name));
  }
  if (record->closing()) return PushClosedSocket(L);
  Result result = is_integer ? SetIntegerOption(record, *option, integer)
                              : record->socket().SetOption(*option,
                                                           std::string_view(bytes, size));
  record->AfterOperation();
  return ReturnTrue(L, result);
}

// zmq.socket:close() -> true. Wakes the states waiting on it with
// ECANCELED; idempotent.
int LSocketClose(lua_State* L) {
  LuaSocket* record = CheckSocket(L);
  record->WakeEveryone(PushClosed, const_cast<char*>("zmq.socket"));
  record->Close();
  lua_pushboolean(L, 1);
  return 1;
}


constexpr luaL_Reg kMethods[] = {
    {"bind", LSocketBind},
    {"unbind", LSocketUnbind},
    {"connect", LSocketConnect},
    {"disconnect", LSocketDisconnect},
    {"getsockopt", LSocketGetsockopt},
    {"setsockopt", LSocketSetsockopt},
    {"close", LSocketClose},
    {nullptr, nullptr},
};

}  // namespace

// Sets `methods` on the table on top, each a closure over the metatable at
// `metatable`.
void SetMethods(lua_State* L, int metatable, const luaL_Reg* methods) {
  for (; methods->name != nullptr; ++methods) {
    lua_pushvalue(L, metatable);
    lua_pushcclosure(L, methods->func, 1);
    lua_setfield(L, -2, methods->name);
  }
}

constexpr luaL_Reg kBlockingHalves[] = {
    {"send", LSocketSend},
    {"recv", LSocketRecv},
    {"send_multipart", LSocketSendMultipart},
    {"recv_multipart", LSocketRecvMultipart},
    {nullptr, nullptr},
};

// The "now" halves of the blocking methods that have one, by name.
constexpr luaL_Reg kNowHalves[] = {
    {"send", LSocketSendNow},
    {"recv", LSocketRecvNow},
    {nullptr, nullptr},
};

// The wrapper of a method with a "now" half (see TakeAttemptHint): fixed
// arguments, no varargs, one C call when the frame goes at once. Named
// "=luv..." so argument errors point past it at the program's line.
constexpr char kFastGlue[] = R"lua(
local now, call = ...
return function(self, a, b)
  local result = now(self, a, b)
  if result then return result end
  return call(self, a, b, nil, result)
end
)lua";

namespace {

// luv.select: a socket is ready when a message can be received now (or it
// is closed, so a recv would not wait either).
bool SocketSelectReady(lua_State* L, int index) {
  auto* box = static_cast<ObjectBox*>(luaL_checkudata(L, index, kSocketType));
  auto* record = static_cast<LuaSocket*>(box->owned);
  if (record == nullptr || record->closing()) return true;
  luv::StatusOr<int> events = record->socket().Events();
  return !events.ok() || (*events & ZMQ_POLLIN) != 0;
}

bool SocketSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  LuaSocket* record = CheckObject<LuaSocket>(L, index, kSocketType);
  record->readers()->Add(node);
  record->UpdateWaiting();
  // A message may have arrived since the check: the edge it raised is then
  // already consumed, so look again.
  record->AfterOperation();
  return false;
}

}  // namespace

void OpenZmqSocket(lua_State* L) {
  RegisterWaitable(kSocketType, {SocketSelectReady, SocketSelectAdd});
  static const luaL_Reg kNone[] = {{nullptr, nullptr}};
  NewObjectClass(L, kSocketType, kNone);
  int metatable = lua_gettop(L);
  lua_getfield(L, metatable, "__index");
  SetMethods(L, metatable, kMethods);
  // The blocking methods: their C halves in the retry loop (retry.h).
  for (const luaL_Reg* half = kBlockingHalves; half->name != nullptr; ++half) {
    lua_pushvalue(L, metatable);
    lua_pushcclosure(L, half->func, 1);
    PushRetrying(L);
    for (const luaL_Reg* now = kNowHalves; now->name != nullptr; ++now) {
      if (std::strcmp(now->name, half->name) != 0) continue;
      LoadGlue(L, kFastGlue, sizeof(kFastGlue) - 1, "=luv.zmq.socket");
      lua_pushvalue(L, metatable);
      lua_pushcclosure(L, now->func, 1);
      lua_pushvalue(L, -3);  // the retry loop
      lua_call(L, 2, 1);
      lua_replace(L, -2);
    }
    lua_setfield(L, -2, half->name);
  }
  AddCloseMetamethod(L, metatable);
  lua_settop(L, metatable - 1);
}

int PushNewSocket(lua_State* L, Scheduler* scheduler,
                  const std::shared_ptr<zmq::Context>& context, int type) {
  // The userdata exists before the record, so no raise can leak the record.
  ObjectBox* box = PushObjectBox(L, kSocketType);
  auto* record = new LuaSocket(scheduler, context, type);
  if (record->init_status().ok()) {
    box->owned = record;
    return 1;
  }
  int pushed = PushFailure(L, record->init_status());
  record->Release();
  return pushed >= 0 ? pushed : lua_error(L);
}

}  // namespace luv::lua
