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

// The shared stream methods: read, readable, write, writable, shutdown,
// close, start, stop, listen, accept; and connect's waiting half.
#include "luv/lua/lua_stream.h"

#include <poll.h>
#include <signal.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/lua_stream_reads.h"
#include "luv/lua/object.h"
#include "luv/lua/retry.h"
#include "luv/lua/support.h"
#include "luv/uv/status.h"

namespace luv::lua {

using sched::Scheduler;
using sched::State;

struct CallNames {
  const char* what;
  const char* read;
  const char* write;
  const char* accept;
  const char* shutdown;
  const char* connect;
  const char* drain;
};

struct LuaStream::ReadOp {
  sched::WaitList waiters;  // the one reader
  LuaStream* stream = nullptr;
  size_t max = 0;
  ReadOp* next = nullptr;
  ReadWant want;  // kSome for read(); what a buffered read waits for
};

struct LuaStream::AcceptOp {
  sched::WaitList waiters;  // the one acceptor
  LuaStream* client = nullptr;
  AcceptOp* next = nullptr;
};

namespace {

// The registry key (by address) of the set of stream metatables:
// registry[&kStreamTypes] = {[metatable] = true}. A type is decided by the
// metatable's identity, never by a key Lua code could read or copy.
const char kStreamTypes = 0;

// Whether the metatable on top of the stack is a stream type's; pops it.
bool PopIsStreamMetatable(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kStreamTypes));
  lua_rawget(L, LUA_REGISTRYINDEX);
  bool is_stream = false;
  if (lua_istable(L, -1)) {
    lua_pushvalue(L, -2);
    lua_rawget(L, -2);
    is_stream = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  return is_stream;
}

// Whether the value at `index` is a userdata of a stream type.
bool IsStreamObject(lua_State* L, int index) {
  return lua_type(L, index) == LUA_TUSERDATA && lua_getmetatable(L, index) &&
         PopIsStreamMetatable(L);
}

// `true`, or the failure triple for the libuv code in `status`.
int PushStatus(lua_State* L, void* status) {
  int code = static_cast<int>(reinterpret_cast<intptr_t>(status));
  if (code == 0) {
    lua_pushboolean(L, 1);
    return 1;
  }
  return PushUvFail(L, code);
}

void* StatusArg(int code) { return reinterpret_cast<void*>(static_cast<intptr_t>(code)); }

// A write or shutdown: wakes its waiter with libuv's status.
class WaitingRequest : public uv::StreamRequest {
 public:
  explicit WaitingRequest(Scheduler* scheduler) : scheduler_(scheduler) {}
  sched::WaitList waiters;

 protected:
  void OnDone(int status) override {
    scheduler_->WakeAll(&waiters, PushStatus, StatusArg(status));
  }

 private:
  Scheduler* scheduler_;
};

}  // namespace

// A write: wakes its waiter with libuv's status. It remembers the size of
// the caller's data and how much of it the kernel took before the request
// was made, for the message if the caller gives up on it.
class LuaStream::WriteRequest : public uv::StreamRequest {
 public:
  WriteRequest(LuaStream* stream, size_t size, size_t sent_at_once)
      : stream_(stream), size_(size), sent_at_once_(sent_at_once) {}
  sched::WaitList waiters;

 protected:
  void OnDone(int status) override {
    stream_->scheduler_->WakeAll(&waiters, PushStatus, StatusArg(status));
  }

 private:
  friend class LuaStream;
  LuaStream* const stream_;
  const size_t size_;
  const size_t sent_at_once_;
};

namespace {

int PushClosedNow(lua_State* L, LuaStream* stream) {
  return PushLuvError(L, LuvError::kClosed, stream->what());
}

// Static strings, so that the hot paths format nothing.
constexpr CallNames kCallNames[] = {
    {"tcp", "tcp:read()", "tcp:write()", "tcp:accept()", "tcp:shutdown()",
     "tcp:connect()", "tcp:drain()"},
    {"pipe", "pipe:read()", "pipe:write()", "pipe:accept()", "pipe:shutdown()",
     "pipe:connect()", "pipe:drain()"},
    {"stdin", "stdin:read()", "stdin:write()", "stdin:accept()", "stdin:shutdown()",
     "stdin:connect()", "stdin:drain()"},
    {"stdout", "stdout:read()", "stdout:write()", "stdout:accept()", "stdout:shutdown()",
     "stdout:connect()", "stdout:drain()"},
    {"stderr", "stderr:read()", "stderr:write()", "stderr:accept()", "stderr:shutdown()",
     "stderr:connect()", "stderr:drain()"},
    {"stream", "stream:read()", "stream:write()", "stream:accept()", "stream:shutdown()",
     "stream:connect()", "stream:drain()"},
};

const CallNames* CallNamesFor(const char* what) {
  for (const CallNames& names : kCallNames) {
    if (std::strcmp(names.what, what) == 0) return &names;
  }
  return &kCallNames[sizeof(kCallNames) / sizeof(kCallNames[0]) - 1];
}

bool PollReady(int fd, short events) {
  if (fd < 0) return false;
  pollfd entry = {fd, events, 0};
  return poll(&entry, 1, 0) > 0 && (entry.revents & (events | POLLHUP | POLLERR)) != 0;
}

}  // namespace

// The methods' bodies; a friend of LuaStream.
struct StreamMethods {
  static const CallNames* Calls(LuaStream* s) { return s->calls_; }

  static LuaStream::ReadOp* NewReadOp(LuaStream* s, size_t max) {
    LuaStream::ReadOp* op = s->spare_;
    if (op != nullptr) {
      s->spare_ = nullptr;
    } else {
      op = new LuaStream::ReadOp;
    }
    op->stream = s;
    op->max = max;
    op->want.kind = ReadWant::Kind::kSome;
    op->next = nullptr;
    if (s->read_tail_ != nullptr) {
      s->read_tail_->next = op;
    } else {
      s->read_head_ = op;
    }
    s->read_tail_ = op;
    return op;
  }

  static LuaStream::ReadOp* PopRead(LuaStream* s) {
    LuaStream::ReadOp* op = s->read_head_;
    if (op == nullptr) return nullptr;
    s->read_head_ = op->next;
    if (s->read_head_ == nullptr) s->read_tail_ = nullptr;
    op->next = nullptr;
    return op;
  }

  static void FreeReadOp(LuaStream* s, LuaStream::ReadOp* op) {
    if (s->spare_ == nullptr && op->waiters.empty()) {
      s->spare_ = op;
    } else {
      delete op;
    }
  }

  // Drops readers at the front whose state went away.
  static void PurgeDeadReaders(LuaStream* s) {
    while (s->read_head_ != nullptr && s->read_head_->waiters.empty()) {
      FreeReadOp(s, PopRead(s));
    }
  }

  static LuaStream::AcceptOp* PopLiveAccept(LuaStream* s) {
    while (LuaStream::AcceptOp* op = s->accept_head_) {
      s->accept_head_ = op->next;
      if (s->accept_head_ == nullptr) s->accept_tail_ = nullptr;
      if (!op->waiters.empty()) return op;
      delete op;
    }
    return nullptr;
  }

  // What a read returns now: `nbytes, data`, the error that ended reading,
  // `nil, "EOF: end of file", "EOF"`, or ECANCELED once closed.
  static int PushReadResult(lua_State* L, LuaStream* s, size_t max) {
    if (s->buffered() > 0) {
      std::string_view bytes = s->Peek(max);
      lua_pushinteger(L, static_cast<lua_Integer>(bytes.size()));
      lua_pushlstring(L, bytes.data(), bytes.size());
      s->Consume(bytes.size());
      return 2;
    }
    if (s->read_error() != 0) return PushReadFailure(L, s);
    if (s->eof()) return PushLuvError(L, LuvError::kEof, nullptr);
    return PushClosed(L, const_cast<char*>(s->what()));
  }

  static int Read(lua_State* L, LuaStream* s, size_t max) {
    if (s->closing()) return PushClosedNow(L, s);
    PurgeDeadReaders(s);
    if (s->delivering_ == nullptr && s->read_head_ == nullptr &&
        (s->buffered() > 0 || s->read_ended())) {
      return PushReadResult(L, s, max);
    }
    const char* call = s->calls_->read;
    State* self = CheckBlockingState(L, s->scheduler_, call);
    Result result = s->StartReading();
    if (!result.ok()) return PushFail(L, result);
    LuaStream::ReadOp* op = NewReadOp(s, max);
    s->scheduler_->Wait(&op->waiters, self);
    return Block(L, s->scheduler_, self, call, 1);
  }

  // A buffered read's wait ended by a deadline or a cancellation: its bytes
  // stay buffered, and the readers queued behind it are served.
  static sched::PushFn ReadInterrupted(State* state, void* arg) {
    auto* op = static_cast<LuaStream::ReadOp*>(arg);
    LuaStream* s = op->stream;
    while (op->waiters.PopFront() != nullptr) {
    }
    if (op->want.raised_from != 0) {
      s->set_read_limit(op->want.raised_from);
      op->want.raised_from = 0;
    }
    s->DispatchRead();  // frees `op`
    return nullptr;
  }

  // read_line, read_exactly, read_until, read_buffered (lua_stream_reads.h).
  static int ReadWanted(lua_State* L, LuaStream* s, ReadWant* want) {
    if (s->closing()) return PushClosedNow(L, s);
    PurgeDeadReaders(s);
    bool first = s->delivering_ == nullptr && s->read_head_ == nullptr;
    if (want->kind == ReadWant::Kind::kBuffered) {
      // What is buffered belongs to the earlier readers.
      if (!first) {
        lua_pushliteral(L, "");
        return 1;
      }
      return PushWanted(L, s, want);
    }
    if (first && WantReady(s, want)) return PushWanted(L, s, want);
    State* self = CheckBlockingState(L, s->scheduler_, want->call);
    Result result = s->StartReading();
    if (!result.ok()) return PushFail(L, result);
    LuaStream::ReadOp* op = NewReadOp(s, 0);
    op->want = *want;
    s->scheduler_->Wait(&op->waiters, self);
    s->scheduler_->OnInterrupt(self, ReadInterrupted, op);
    return Block(L, s->scheduler_, self, want->call, 1);
  }

  static luv::Status TryWrite(LuaStream* s, std::string_view data, size_t* written) {
    luv::StatusOr<size_t> n = s->TryWrite(data);
    if (!n.ok()) return n.status();
    *written = *n;
    return luv::OkStatus();
  }

  // Queues the `data` the kernel did not take at once (`size` bytes in all,
  // `sent` of them taken) and registers `self` as its waiter.
  static luv::Status QueueWrite(LuaStream* s, State* self, std::string_view data,
                                 size_t size, size_t sent) {
    auto request = std::make_unique<LuaStream::WriteRequest>(s, size, sent);
    LuaStream::WriteRequest* waiting = request.get();
    luv::Status status = s->Write(data, std::move(request));
    // The stream owns the request now; it cannot complete before the loop
    // runs.
    if (status.ok()) {
      s->scheduler_->Wait(&waiting->waiters, self);
      s->scheduler_->OnInterrupt(self, LuaStream::WriteInterrupted, waiting);
    }
    return status;
  }

  static luv::Status StartShutdown(LuaStream* s, State* self) {
    auto request = std::make_unique<WaitingRequest>(s->scheduler_);
    WaitingRequest* waiting = request.get();
    luv::Status status = s->Shutdown(std::move(request));
    if (status.ok()) s->scheduler_->Wait(&waiting->waiters, self);
    return status;
  }

  // A connect: records its status in the stream and wakes its waiter.
  class ConnectRequest : public uv::StreamRequest {
   public:
    explicit ConnectRequest(LuaStream* stream) : stream_(stream) {}

   protected:
    void OnDone(int status) override {
      stream_->connect_status_ = status;
      if (stream_->connect_waiters_.empty()) {
        stream_->connecting_ = false;  // nobody will take the result
        return;
      }
      stream_->scheduler_->WakeAll(&stream_->connect_waiters_, LuaStream::PushConnected,
                                   stream_);
    }

   private:
    LuaStream* stream_;
  };

  static bool Connecting(LuaStream* s) { return s->connecting_; }

  static luv::Status StartConnect(LuaStream* s, State* self, ConnectStarter start,
                                   void* arg, std::string_view target) {
    luv::Status status = start(s, arg, std::make_unique<ConnectRequest>(s));
    if (!status.ok()) return status;
    s->connecting_ = true;
    size_t n = target.size() < sizeof(s->connect_target_) - 1
                   ? target.size()
                   : sizeof(s->connect_target_) - 1;
    std::memcpy(s->connect_target_, target.data(), n);
    s->connect_target_[n] = '\0';
    s->scheduler_->Wait(&s->connect_waiters_, self);
    return luv::OkStatus();
  }

  // The C half of stream:drain([mark]) (retry.h): true once no more than
  // `mark` bytes (default 0) wait to be written, checked again as each
  // write completes.
  static int Drain(lua_State* L) {
    LuaStream* s = TestStream(L, 1);
    if (s == nullptr) GlueTypeError(L, 1, "drain", "stream");
    lua_Number mark = 0;
    if (!lua_isnoneornil(L, 2)) {
      mark = GlueCheckNumber(L, 2, "drain");
      if (!(mark >= 0 && mark <= 9007199254740992.0) || mark != std::floor(mark)) {
        GlueArgError(L, 2, "drain", "mark must be a whole number of bytes >= 0");
      }
    }
    lua_settop(L, 2);
    if (s->closing()) return PushClosedNow(L, s);
    if (static_cast<lua_Number>(s->write_queue_size()) <= mark) {
      lua_pushboolean(L, 1);
      return 1;
    }
    const char* call = s->calls_->drain;
    State* self = CheckBlockingState(L, s->scheduler_, call);
    s->scheduler_->Wait(&s->drain_waiters_, self);
    return BlockForRetry(L, s->scheduler_, self, call);
  }

  // `from_glue`: called by the accept glue (AcceptIntoNewClient), whose
  // caller argument errors must name.
  static int Accept(lua_State* L, LuaStream* s, bool from_glue = false) {
    LuaStream* client = TestStream(L, 2);
    if (client == nullptr || client->type() != s->type() || client == s) {
      const char* message =
          client == nullptr
              ? lua_pushfstring(L, "stream expected, got %s", luaL_typename(L, 2))
              : lua_pushfstring(L, "a fresh %s to accept the connection into",
                                uv::StreamTypeName(s->type()));
      return from_glue ? GlueArgError(L, 2, "accept", message)
                       : luaL_argerror(L, 2, message);
    }
    if (s->closing()) return PushClosedNow(L, s);
    if (client->closing()) return PushClosedNow(L, client);
    if (client->fileno() != -1)
      return PushUvFail(L, UV_EBUSY, "the client is open already");
    if (s->accept_error_ != 0) {
      int code = s->accept_error_;
      s->accept_error_ = 0;
      return PushUvFail(L, code, "accept");
    }
    if (s->accept_head_ == nullptr && s->connection_pending()) {
      Result result = s->Accept(client);
      return ReturnTrue(L, result);
    }
    if (!s->listening())
      return PushUvFail(L, UV_EINVAL, "accept() needs listen() first");
    const char* call = s->calls_->accept;
    State* self = CheckBlockingState(L, s->scheduler_, call);
    auto* op = new LuaStream::AcceptOp;
    op->client = client;
    if (s->accept_tail_ != nullptr) {
      s->accept_tail_->next = op;
    } else {
      s->accept_head_ = op;
    }
    s->accept_tail_ = op;
    s->scheduler_->Wait(&op->waiters, self);
    return Block(L, s->scheduler_, self, call, 1, 2);
  }
};

// --- LuaStream ----------------------------------------------------------------

LuaStream::LuaStream(Scheduler* scheduler, uv::StreamInit init, const char* what)
    : Stream(scheduler->loop(), init),
      scheduler_(scheduler),
      what_(what),
      calls_(CallNamesFor(what)) {}

LuaStream::~LuaStream() {
  delete delivering_;
  delete spare_;
  while (ReadOp* op = StreamMethods::PopRead(this)) delete op;
  while (AcceptOp* op = accept_head_) {
    accept_head_ = op->next;
    delete op;
  }
}

void LuaStream::CloseAndWake() {
  if (closing()) return;
  void* what = const_cast<char*>(what_);
  while (ReadOp* op = StreamMethods::PopRead(this)) {
    scheduler_->WakeAll(&op->waiters, PushClosed, what);
    StreamMethods::FreeReadOp(this, op);
  }
  while (AcceptOp* op = StreamMethods::PopLiveAccept(this)) {
    scheduler_->WakeAll(&op->waiters, PushClosed, what);
    delete op;
  }
  scheduler_->WakeAll(&watchers_, nullptr, nullptr);  // a closed stream is ready
  scheduler_->WakeAll(&drain_waiters_, PushRetry, nullptr);  // they see it closed
  Close();
}

void LuaStream::OnReadable() { DispatchRead(); }

void LuaStream::OnWritten() {
  if (!drain_waiters_.empty()) scheduler_->WakeAll(&drain_waiters_, PushRetry, nullptr);
}

bool LuaStream::ReadReady() const { return closing() || buffered() > 0 || read_ended(); }

void LuaStream::DispatchRead() {
  if (delivering_ != nullptr) return;
  while (read_head_ != nullptr) {
    if (read_head_->waiters.empty()) {
      StreamMethods::FreeReadOp(this, StreamMethods::PopRead(this));
      continue;
    }
    // A buffered read waits for its whole line (or count) first.
    if (!WantReady(this, &read_head_->want)) break;
    ReadOp* op = StreamMethods::PopRead(this);
    delivering_ = op;
    scheduler_->WakeAll(&op->waiters, PushDelivered, op);
    return;
  }
  // Nobody reads what is there: tell the selects that watch for it.
  if (!watchers_.empty() && (buffered() > 0 || read_ended())) {
    scheduler_->WakeAll(&watchers_, nullptr, nullptr);
  }
}

int LuaStream::PushDelivered(lua_State* L, void* arg) {
  auto* op = static_cast<ReadOp*>(arg);
  LuaStream* s = op->stream;
  if (op->want.kind != ReadWant::Kind::kSome) {
    ReadWant want = op->want;
    s->delivering_ = nullptr;
    StreamMethods::FreeReadOp(s, op);
    int pushed = s->closing() ? PushClosed(L, const_cast<char*>(s->what()))
                              : PushWanted(L, s, &want);
    s->DispatchRead();
    return pushed;
  }
  size_t max = op->max;
  s->delivering_ = nullptr;
  StreamMethods::FreeReadOp(s, op);
  int pushed = StreamMethods::PushReadResult(L, s, max);
  s->DispatchRead();  // the next reader, if bytes are left
  return pushed;
}

void LuaStream::OnConnection(int status) {
  if (status < 0) {
    if (AcceptOp* op = StreamMethods::PopLiveAccept(this)) {
      scheduler_->WakeAll(&op->waiters, PushStatus, StatusArg(status));
      delete op;
    } else {
      accept_error_ = status;
    }
    return;
  }
  DispatchAccept();
}

void LuaStream::DispatchAccept() {
  while (connection_pending()) {
    AcceptOp* op = StreamMethods::PopLiveAccept(this);
    if (op == nullptr) return;
    int rc = AcceptCode(op->client);
    scheduler_->WakeAll(&op->waiters, PushStatus, StatusArg(rc));
    delete op;
  }
}

sched::PushFn LuaStream::WriteInterrupted(State* state, void* arg) {
  auto* request = static_cast<WriteRequest*>(arg);
  LuaStream* s = request->stream_;
  size_t size = request->size_;
  size_t sent = request->sent_at_once_;
  // The state's wait ends with the interruption, not with this request,
  // whatever becomes of it below.
  while (request->waiters.PopFront() != nullptr) {
  }
  size_t sent_since = 0;
  switch (s->AbandonWrite(request, &sent_since)) {  // may delete `request`
    case Abandoned::kDropped:
      // Nothing of it was sent: the timeout or cancellation is the whole
      // story, and the stream stays usable.
      return nullptr;
    case Abandoned::kFinished:
      // The kernel has all of it: the write happened, so it says so.
      return PushTrue;
    case Abandoned::kStarted:
      break;
  }
  if (s->closing()) return nullptr;  // it ends with the stream anyway
  // libuv would send the rest later, after the caller was told the write
  // failed (and perhaps wrote it again): the stream has to go.
  char detail[128];
  std::snprintf(detail, sizeof(detail), " with %zu of %zu bytes sent; the %s is closed",
                sent + sent_since, size, s->what_);
  state->set_failure_detail(detail);
  s->CloseAndWake();
  return nullptr;
}

int LuaStream::PushConnected(lua_State* L, void* arg) {
  auto* s = static_cast<LuaStream*>(arg);
  s->connecting_ = false;
  if (s->connect_status_ == 0) {
    lua_pushboolean(L, 1);
    return 1;
  }
  return PushUvFail(L, s->connect_status_, s->connect_target_);
}

// --- Shared Lua methods --------------------------------------------------------

// stream:read([len]) -> nbytes, data | nil, "EOF: end of file", "EOF" |
// nil, message, code
int StreamRead(lua_State* L, LuaStream* stream) {
  lua_Number len = luaL_optnumber(L, 2, static_cast<lua_Number>(kDefaultReadSize));
  if (!(len >= 1 && len <= static_cast<lua_Number>(kMaxReadSize))) {
    return luaL_argerror(L, 2, "length must be a number from 1 to 16777216");
  }
  return StreamMethods::Read(L, stream, static_cast<size_t>(len));
}

// stream:readable() -> boolean: a read() would return without waiting.
int StreamReadable(lua_State* L, LuaStream* s) {
  bool ready = !s->closing() && (s->buffered() > 0 || s->read_ended() ||
                                 (s->is_readable() && PollReady(s->fileno(), POLLIN)));
  lua_pushboolean(L, ready);
  return 1;
}

// stream:write(data) -> true | nil, message, code
int StreamWrite(lua_State* L, LuaStream* s) {
  size_t len;
  const char* data = luaL_checklstring(L, 2, &len);
  if (s->closing()) return PushClosedNow(L, s);
  if (s->fileno() < 0) {
    char context[64];
    std::snprintf(context, sizeof(context), "%s was never connected", s->what());
    return PushUvFail(L, UV_ENOTCONN, context);
  }
  const char* call = StreamMethods::Calls(s)->write;
  State* self = CheckBlockingState(L, s->scheduler(), call);
  // A fiber cancelled while it ran fails here, before any byte goes out
  // (Block would see the cancellation only after the kernel took some).
  if (s->scheduler()->TakeCancel(self)) {
    self->set_waiting_in(call);
    return Scheduler::PushCanceled(L, self);
  }
  size_t written = 0;
  Result result = StreamMethods::TryWrite(s, std::string_view(data, len), &written);
  if (!result.ok()) return PushFail(L, result);
  if (written == len) {
    lua_pushboolean(L, 1);
    return 1;
  }
  Result queued = StreamMethods::QueueWrite(
      s, self, std::string_view(data + written, len - written), len, written);
  if (!queued.ok()) return PushFail(L, queued);
  return Block(L, s->scheduler(), self, call, 1);
}

// stream:writable() -> boolean: a write() of a few bytes would not wait.
int StreamWritable(lua_State* L, LuaStream* s) {
  bool ready = !s->closing() && s->is_writable() && s->write_queue_size() == 0 &&
               PollReady(s->fileno(), POLLOUT);
  lua_pushboolean(L, ready);
  return 1;
}

// stream:shutdown() -> true | nil, message, code (after queued writes)
int StreamShutdown(lua_State* L, LuaStream* s) {
  if (s->closing()) return PushClosedNow(L, s);
  const char* call = StreamMethods::Calls(s)->shutdown;
  State* self = CheckBlockingState(L, s->scheduler(), call);
  Result result = StreamMethods::StartShutdown(s, self);
  if (!result.ok()) return PushFail(L, result);
  return Block(L, s->scheduler(), self, call, 1);
}

// stream:start() -> true | nil, message, code
int StreamStart(lua_State* L, LuaStream* s) {
  if (s->closing()) return PushClosedNow(L, s);
  Result result = s->StartReading();
  return ReturnTrue(L, result);
}

// stream:stop() -> true
int StreamStop(lua_State* L, LuaStream* s) {
  if (s->closing()) return PushClosedNow(L, s);
  s->StopReading();
  lua_pushboolean(L, 1);
  return 1;
}

int PushReadFailure(lua_State* L, LuaStream* s) {
  if (!s->filter_failure().ok()) {
    std::string_view message = s->filter_failure().message();
    return PushFailf(L, s->filter()->failure_code(), "%s: %s",
                     std::string(message).c_str(), s->what());
  }
  return PushUvFail(L, s->read_error());
}

int StreamReadWanted(lua_State* L, LuaStream* s, ReadWant* want) {
  return StreamMethods::ReadWanted(L, s, want);
}

int StreamConnect(lua_State* L, LuaStream* s, ConnectStarter start, void* arg,
                  std::string_view target) {
  if (s->closing()) return PushClosedNow(L, s);
  if (StreamMethods::Connecting(s)) {
    return PushUvFail(L, UV_EALREADY, "a connect is in progress");
  }
  const char* call = StreamMethods::Calls(s)->connect;
  State* self = CheckBlockingState(L, s->scheduler(), call);
  Result result = StreamMethods::StartConnect(s, self, start, arg, target);
  if (!result.ok()) return PushFail(L, result);
  return Block(L, s->scheduler(), self, call, 1);
}

namespace {

LuaStream* Self(lua_State* L) { return CheckStream(L, 1); }

int LStreamRead(lua_State* L) { return StreamRead(L, Self(L)); }
int LStreamReadable(lua_State* L) { return StreamReadable(L, Self(L)); }
int LStreamWrite(lua_State* L) { return StreamWrite(L, Self(L)); }
int LStreamWritable(lua_State* L) { return StreamWritable(L, Self(L)); }
int LStreamShutdown(lua_State* L) { return StreamShutdown(L, Self(L)); }
int LStreamStart(lua_State* L) { return StreamStart(L, Self(L)); }
int LStreamStop(lua_State* L) { return StreamStop(L, Self(L)); }

// stream:close() -> true; idempotent.
int LStreamClose(lua_State* L) {
  Self(L)->CloseAndWake();
  lua_pushboolean(L, 1);
  return 1;
}

// stream:listen([backlog = 128]) -> true | nil, message, code
int LStreamListen(lua_State* L) {
  LuaStream* s = Self(L);
  lua_Number backlog = luaL_optnumber(L, 2, 128);
  if (!(backlog >= 1 && backlog <= 65535)) {
    return luaL_argerror(L, 2, "backlog must be a number from 1 to 65535");
  }
  if (s->closing()) return PushClosedNow(L, s);
  Result result = s->Listen(static_cast<int>(backlog));
  return ReturnTrue(L, result);
}

// server:accept(client) -> true | nil, message, code
int LStreamAccept(lua_State* L) { return StreamMethods::Accept(L, Self(L)); }

// The same, called by kAcceptGlue: a bad self names the program's line.
int LStreamAcceptFromGlue(lua_State* L) {
  if (TestStream(L, 1) == nullptr) GlueTypeError(L, 1, "accept", "stream");
  return StreamMethods::Accept(L, Self(L), /*from_glue=*/true);
}

// stream:write_queue_size() -> the bytes written but not yet taken by the
// kernel (libuv's queue and the stream's own).
int LStreamWriteQueueSize(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(Self(L)->write_queue_size()));
  return 1;
}

constexpr luaL_Reg kSharedMethods[] = {
    {"read", LStreamRead},
    {"readable", LStreamReadable},
    {"write", LStreamWrite},
    {"writable", LStreamWritable},
    {"shutdown", LStreamShutdown},
    {"close", LStreamClose},
    {"start", LStreamStart},
    {"stop", LStreamStop},
    {"listen", LStreamListen},
    {"accept", LStreamAccept},
    {"write_queue_size", LStreamWriteQueueSize},
    {nullptr, nullptr},
};

}  // namespace

LuaStream* TestStream(lua_State* L, int index) {
  if (!IsStreamObject(L, index)) return nullptr;
  LuaOwned* owned = static_cast<ObjectBox*>(lua_touserdata(L, index))->owned;
  return static_cast<LuaStream*>(owned);
}

LuaStream* CheckStream(lua_State* L, int index) {
  LuaStream* stream = TestStream(L, index);
  if (stream == nullptr) {
    bool is_stream = IsStreamObject(L, index);
    luaL_argerror(L, index,
                  is_stream ? "stream failed to open"
                            : lua_pushfstring(L, "stream expected, got %s",
                                              luaL_typename(L, index)));
  }
  return stream;
}

int PushNewStream(lua_State* L, const char* type, Scheduler* scheduler,
                  uv::StreamInit init, const char* what) {
  ObjectBox* box = PushObjectBox(L, type);
  auto* stream = new LuaStream(scheduler, init, what);
  if (stream->init_status().ok()) {
    box->owned = stream;
    return 1;
  }
  int pushed = PushFailure(L, stream->init_status());
  stream->Release();
  return pushed >= 0 ? pushed : lua_error(L);
}

namespace {

// luv.select: a stream is ready when a read would not wait.
bool StreamSelectReady(lua_State* L, int index) {
  return CheckStream(L, index)->ReadReady();
}

bool StreamSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  LuaStream* stream = CheckStream(L, index);
  stream->watchers()->Add(node);
  // Bytes arrive only while the stream reads (it stops on its own when its
  // buffer is full, which makes it ready anyway).
  stream->StartReading().IgnoreError();
  return stream->ReadReady();
}

}  // namespace

// stream:accept([client]): without a client, one made by `new_client` is
// accepted into and returned (closed again on failure).
constexpr char kAcceptGlue[] = R"lua(
local accept_into, new_client = ...
return function(self, client)
  if client ~= nil then
    local ok, err, code = accept_into(self, client)  -- not a tail call: errors
    return ok, err, code                             -- name the caller's line
  end
  client = new_client()
  local ok, err, code = accept_into(self, client)
  if ok then return client end
  client:close()
  return nil, err, code
end
)lua";

void AcceptIntoNewClient(lua_State* L, const char* type) {
  luaL_checkstack(L, 4, "opening luv");
  int constructor = lua_gettop(L);
  luaL_getmetatable(L, type);
  lua_getfield(L, -1, "__index");
  LoadGlue(L, kAcceptGlue, sizeof(kAcceptGlue) - 1, "=luv.stream");
  lua_pushcfunction(L, LStreamAcceptFromGlue);
  lua_pushvalue(L, constructor);
  lua_call(L, 2, 1);
  lua_setfield(L, -2, "accept");
  lua_pop(L, 3);  // __index, the metatable, the constructor
}

void RegisterStreamType(lua_State* L, const char* type, const luaL_Reg* methods) {
  RegisterWaitable(type, {StreamSelectReady, StreamSelectAdd});
  // A write to a peer that went away raises SIGPIPE, whose default action
  // ends the process; with it ignored the write fails with EPIPE instead.
  // Only the default disposition is changed: a program's own handler stays.
  // (libuv resets signal dispositions in the children it spawns.)
  struct sigaction action;
  if (sigaction(SIGPIPE, nullptr, &action) == 0 && action.sa_handler == SIG_DFL) {
    signal(SIGPIPE, SIG_IGN);
  }
  // Nothing waits on a stream that is collected: a waiting state keeps its
  // stream alive. (At lua_close the states go first, so there is nobody to
  // wake either.)
  NewObjectClass(L, type, methods);
  lua_getfield(L, -1, "__index");
  for (const luaL_Reg* shared = kSharedMethods; shared->name != nullptr; ++shared) {
    lua_getfield(L, -1, shared->name);
    bool overridden = !lua_isnil(L, -1);
    lua_pop(L, 1);
    if (overridden) continue;
    lua_pushcfunction(L, shared->func);
    lua_setfield(L, -2, shared->name);
  }
  SetBufferedReadMethods(L);
  lua_pushcfunction(L, StreamMethods::Drain);
  PushRetrying(L);
  lua_setfield(L, -2, "drain");
  lua_pop(L, 1);
  AddCloseMetamethod(L, -1);  // close is one of the shared methods
  // Adds the metatable to this state's set of stream types.
  lua_pushlightuserdata(L, const_cast<char*>(&kStreamTypes));
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (!lua_istable(L, -1)) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushlightuserdata(L, const_cast<char*>(&kStreamTypes));
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
  }
  lua_pushvalue(L, -2);
  lua_pushboolean(L, 1);
  lua_rawset(L, -3);
  lua_pop(L, 2);
}

}  // namespace luv::lua
