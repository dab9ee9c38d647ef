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

// luv.stdin, luv.stdout and luv.stderr: fiber-friendly streams on the
// standard descriptors, one set per Lua state (so per thread).
//
// Each object opens a descriptor of its own on first use (uv/stdio.h says
// why and how). Terminals and pipes become luv streams and share the stream
// methods of lua_stream.cc; regular files and devices such as /dev/null,
// which libuv cannot watch, are read and written on libuv's thread pool
// through a FileStream, one operation at a time, so a waiting state is
// suspended like any other and the rest of the program runs on.
#include "luv/lua/lua_stdio.h"

#include <unistd.h>

#include <cstdint>
#include <memory>

#include "luv/lua/lua_request.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_stream.h"
#include "luv/lua/lua_stream_reads.h"
#include "luv/lua/read_ahead.h"
#include "luv/lua/retry.h"
#include "luv/lua/support.h"
#include "luv/uv/file_stream.h"
#include "luv/uv/pipe.h"
#include "luv/uv/stdio.h"
#include "luv/uv/tty.h"

namespace luv::lua {
namespace {

constexpr char kStdioType[] = "luv.stdio";

// The file kind's reads (read() and the buffered reads) go through a
// read-ahead, one fetch at a time: a read answers from the bytes fetched,
// or starts a fetch (unless one runs) and waits for it, then tries again
// (retry.h). Readers are answered in the order they run and never see
// bytes out of order; a fetch whose readers all gave up (a deadline) keeps
// its bytes for the next read. Shared by the object and the fetch in
// flight.
struct FileReads {
  FileReads(sched::Scheduler* scheduler, const char* what)
      : scheduler(scheduler), ahead(what) {}

  sched::Scheduler* const scheduler;
  ReadAhead ahead;
  sched::WaitList waiters;  // readers waiting for the fetch
  bool fetching = false;
};

// The userdata itself (trivially destructible; __gc releases what it holds).
struct Stdio {
  sched::Scheduler* scheduler;
  int fd;            // 0, 1 or 2
  const char* name;  // "stdin", ...
  bool opened;       // first use happened (successfully or not)
  bool closed;
  int open_error;  // libuv code when opening failed
  uv::StdioKind kind;
  LuaStream* stream;     // kTty, kPipe
  uv::FileStream* file;  // kFile
  // kFile: the reads' shared state (made on the first read).
  std::shared_ptr<FileReads>* reads;
};

// The names of the file kind's blocking calls, by descriptor. Static: the
// scheduler keeps the name of the call a state waits in and formats it into
// a timeout or cancellation message when the state resumes, long after the
// C function returned.
constexpr const char* kReadCalls[] = {"stdin:read()", "stdout:read()", "stderr:read()"};
constexpr const char* kWriteCalls[] = {"stdin:write()", "stdout:write()",
                                       "stderr:write()"};

// A write on a file kind, owned by its request box (reads go through
// FileReads).
class WriteRequest : public Request, public uv::FileStreamOp {
 public:
  explicit WriteRequest(sched::Scheduler* scheduler) : Request(scheduler) {}

  int PushResults(lua_State* L) override {
    if (result_ < 0) return PushUvFail(L, static_cast<int>(result_));
    lua_pushboolean(L, 1);
    return 1;
  }

 protected:
  void OnDone(int64_t result) override {
    result_ = result;
    Complete();  // may delete this
  }

 private:
  int64_t result_ = 0;
};

// How much a buffered read on the file kind fetches at a time.
constexpr size_t kFetchSize = 64 * 1024;

// A read of the file kind that fills the read-ahead, then wakes the readers
// waiting for it to try again. Deletes itself.
class Fetch : public uv::FileStreamOp {
 public:
  explicit Fetch(std::shared_ptr<FileReads> reads) : reads_(std::move(reads)) {}

 protected:
  void OnDone(int64_t result) override {
    reads_->ahead.Arrived(result, data());
    reads_->fetching = false;
    reads_->scheduler->WakeAll(&reads_->waiters, PushRetry, nullptr);
    delete this;
  }

 private:
  std::shared_ptr<FileReads> reads_;
};

luv::Status OpenDescriptor(int fd, uv::StdioDescriptor* out) {
  luv::StatusOr<uv::StdioDescriptor> opened = uv::OpenStdio(fd);
  if (!opened.ok()) return opened.status();
  *out = *opened;
  return luv::OkStatus();
}

// Opens the object's descriptor on first use; returns 0 or a libuv code.
int Ensure(Stdio* stdio) {
  if (stdio->closed) return UV_EBADF;
  if (stdio->opened) return stdio->open_error;
  stdio->opened = true;
  uv::StdioDescriptor descriptor;
  if (!OpenDescriptor(stdio->fd, &descriptor).ok()) {
    stdio->open_error = UV_EBADF;
    return stdio->open_error;
  }
  stdio->kind = descriptor.kind;
  if (descriptor.kind == uv::StdioKind::kFile) {
    stdio->file = new uv::FileStream(stdio->scheduler->loop(), descriptor.fd, true);
    return 0;
  }
  uv::StreamInit init = descriptor.kind == uv::StdioKind::kTty
                            ? uv::StreamInit::Tty(descriptor.fd)
                            : uv::StreamInit::Pipe(false);
  auto* stream = new LuaStream(stdio->scheduler, init, stdio->name);
  stream->MarkInternal();  // like io.stdout: open for the process's life
  bool ok = stream->init_status().ok();
  if (ok && descriptor.kind == uv::StdioKind::kPipe) {
    ok = uv::PipeOpen(stream, descriptor.fd).ok();
  }
  if (descriptor.kind == uv::StdioKind::kTty) {
    // libuv reopened the terminal onto a descriptor of its own (or uses ours,
    // which it then owns); ours is left to close unless it took it.
    if (stream->fileno() != descriptor.fd) close(descriptor.fd);
  } else if (!ok) {
    close(descriptor.fd);
  }
  if (!ok) {
    stream->Release();
    stdio->open_error = UV_EBADF;
    return stdio->open_error;
  }
  stdio->stream = stream;
  return 0;
}

Stdio* CheckStdio(lua_State* L) {
  return static_cast<Stdio*>(luaL_checkudata(L, 1, kStdioType));
}

// The object at index 1, opened; or pushes the failure triple (returns
// null, *pushed = 3).
Stdio* Opened(lua_State* L, int* pushed) {
  Stdio* stdio = CheckStdio(L);
  int rc = Ensure(stdio);
  if (rc == 0) return stdio;
  *pushed = stdio->closed ? PushLuvError(L, LuvError::kClosed, stdio->name)
                          : PushFailf(L, "EBADF", "bad file descriptor: %s (fd %d) is not open",
                                      stdio->name, stdio->fd);
  return nullptr;
}

int FileWrite(lua_State* L, Stdio* stdio, std::string_view data, const char* call) {
  sched::State* self = CheckBlockingState(L, stdio->scheduler, call);
  auto* request = NewRequest<WriteRequest>(L, stdio->scheduler);
  int box = lua_gettop(L);
  stdio->file->Write(data, request);
  return request->Await(L, self, box, call);
}

// The object at index 1 of a glue-wrapped half (retry.h): argument errors
// name `name` and point at the program's line.
Stdio* CheckStdioHalf(lua_State* L, const char* name) {
  auto* stdio = static_cast<Stdio*>(TestObject(L, 1, kStdioType));
  if (stdio == nullptr) GlueTypeError(L, 1, name, "luv.stdio");
  return stdio;
}

// The file kind's side of a read: see FileReads. `want` is kSome for read()
// (then up to `len` bytes, as "nbytes, data"). The stack holds the call's
// arguments only, `top` of them.
int FileRead(lua_State* L, Stdio* stdio, ReadWant* want, size_t len, int top) {
  if (stdio->reads == nullptr) {
    stdio->reads = new std::shared_ptr<FileReads>(
        std::make_shared<FileReads>(stdio->scheduler, stdio->name));
  }
  FileReads* reads = stdio->reads->get();
  ReadAhead* ahead = &reads->ahead;
  if (want->kind != ReadWant::Kind::kSome) {
    if (WantReady(ahead, want)) return PushWanted(L, ahead, want);
  } else if (ahead->buffered() > 0) {
    std::string_view bytes = ahead->Peek(len);
    lua_pushinteger(L, static_cast<lua_Integer>(bytes.size()));
    lua_pushlstring(L, bytes.data(), bytes.size());
    ahead->Consume(bytes.size());
    return 2;
  } else if (ahead->read_error() != 0) {
    return PushUvFail(L, ahead->read_error());
  } else if (ahead->read_ended()) {
    return PushLuvError(L, LuvError::kEof, nullptr);
  }
  const char* call = want->kind == ReadWant::Kind::kSome ? kReadCalls[stdio->fd] : want->call;
  sched::State* self = CheckBlockingState(L, stdio->scheduler, call);
  lua_settop(L, top);
  if (!reads->fetching) {
    reads->fetching = true;
    stdio->file->Read(want->kind == ReadWant::Kind::kSome ? len : kFetchSize,
                      new Fetch(*stdio->reads));
    // A remembered EOF completes the fetch at once: look again now.
    if (!reads->fetching) return ReturnRetry(L);
  }
  stdio->scheduler->Wait(&reads->waiters, self);
  return BlockForRetry(L, stdio->scheduler, self, call);
}

// The C half of stdio:read([len]) -> nbytes, data | nil, "EOF: end of
// file", "EOF" | nil, message, code
int LStdioReadHalf(lua_State* L) {
  int top = lua_gettop(L);
  CheckStdioHalf(L, "read");
  lua_Number len = kDefaultReadSize;
  if (!lua_isnoneornil(L, 2)) {
    if (lua_type(L, 2) != LUA_TNUMBER) GlueTypeError(L, 2, "read", "number");
    len = lua_tonumber(L, 2);
  }
  if (!(len >= 1 && len <= static_cast<lua_Number>(kMaxReadSize))) {
    GlueArgError(L, 2, "read", "length must be a number from 1 to 16777216");
  }
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  if (stdio->stream != nullptr) return StreamRead(L, stdio->stream);
  ReadWant want;  // kSome
  return FileRead(L, stdio, &want, static_cast<size_t>(len), top);
}

// The C halves of the buffered reads that may wait: a stream kind answers
// as any stream, the file kind through FileRead.
using CheckWantArgs = void (*)(lua_State* L, const char* what, bool from_glue,
                               ReadWant* want);

int StdioReadWanted(lua_State* L, const char* name, CheckWantArgs check) {
  int top = lua_gettop(L);
  Stdio* checked = CheckStdioHalf(L, name);
  ReadWant want;
  check(L, checked->name, true, &want);
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  if (stdio->stream != nullptr) return StreamReadWanted(L, stdio->stream, &want);
  return FileRead(L, stdio, &want, 0, top);
}

int LStdioReadLineHalf(lua_State* L) {
  return StdioReadWanted(L, "read_line", CheckReadLineArgs);
}
int LStdioReadUntilHalf(lua_State* L) {
  return StdioReadWanted(L, "read_until", CheckReadUntilArgs);
}
int LStdioReadExactlyHalf(lua_State* L) {
  return StdioReadWanted(L, "read_exactly", CheckReadExactlyArgs);
}

// stdio:read_buffered() -> data (possibly "") | nil, message, code. Never
// waits.
int LStdioReadBuffered(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  ReadWant want;
  want.kind = ReadWant::Kind::kBuffered;
  if (stdio->stream != nullptr) return StreamReadWanted(L, stdio->stream, &want);
  if (stdio->reads == nullptr) {
    lua_pushliteral(L, "");
    return 1;
  }
  return PushWanted(L, &stdio->reads->get()->ahead, &want);
}

// stdio:lines([keep_eol]) -> iterator; upvalue 1 is read_line.
int LStdioLines(lua_State* L) {
  CheckStdio(L);
  PushLinesIterator(L, lua_upvalueindex(1), CheckKeepEol(L, 2, false));
  return 1;
}

// Adds the reads to the methods table on top of the stack: read and the
// buffered reads that may wait are C halves in the retry loop.
void SetStdioReads(lua_State* L) {
  luaL_checkstack(L, 3, "opening luv");
  lua_pushcfunction(L, LStdioReadHalf);
  PushRetrying(L);
  lua_setfield(L, -2, "read");
  lua_pushcfunction(L, LStdioReadUntilHalf);
  PushRetrying(L);
  lua_setfield(L, -2, "read_until");
  lua_pushcfunction(L, LStdioReadExactlyHalf);
  PushRetrying(L);
  lua_setfield(L, -2, "read_exactly");
  lua_pushcfunction(L, LStdioReadBuffered);
  lua_setfield(L, -2, "read_buffered");
  lua_pushcfunction(L, LStdioReadLineHalf);
  PushRetrying(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "read_line");
  lua_pushcclosure(L, LStdioLines, 1);
  lua_setfield(L, -2, "lines");
}

// stdio:write(data) -> true | nil, message, code
int LStdioWrite(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) {
    luaL_checklstring(L, 2, nullptr);
    return pushed;
  }
  if (stdio->stream != nullptr) return StreamWrite(L, stdio->stream);
  size_t length;
  const char* data = luaL_checklstring(L, 2, &length);
  return FileWrite(L, stdio, std::string_view(data, length), kWriteCalls[stdio->fd]);
}

// stdio:readable() -> boolean
int LStdioReadable(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) {
    lua_pushboolean(L, 0);
    return 1;
  }
  if (stdio->stream != nullptr) return StreamReadable(L, stdio->stream);
  lua_pushboolean(L, 1);  // a file read never waits for data to arrive
  return 1;
}

// stdio:writable() -> boolean
int LStdioWritable(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) {
    lua_pushboolean(L, 0);
    return 1;
  }
  if (stdio->stream != nullptr) return StreamWritable(L, stdio->stream);
  lua_pushboolean(L, !stdio->file->busy());
  return 1;
}

// stdio:start() -> true
int LStdioStart(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  if (stdio->stream != nullptr) return StreamStart(L, stdio->stream);
  lua_pushboolean(L, 1);
  return 1;
}

// stdio:stop() -> true
int LStdioStop(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  if (stdio->stream != nullptr) return StreamStop(L, stdio->stream);
  lua_pushboolean(L, 1);
  return 1;
}

// A terminal left in raw mode would stay so after the program ends.
void RestoreTerminal(Stdio* stdio) {
  if (stdio->stream != nullptr && stdio->kind == uv::StdioKind::kTty &&
      !stdio->stream->closing()) {
    uv::TtySetMode(stdio->stream, "normal").IgnoreError();
  }
}

void Release(Stdio* stdio) {
  RestoreTerminal(stdio);
  if (stdio->stream != nullptr) {
    stdio->stream->CloseAndWake();
    stdio->stream->Release();
  }
  if (stdio->file != nullptr) stdio->file->Release();
  stdio->stream = nullptr;
  stdio->file = nullptr;
  delete stdio->reads;
  stdio->reads = nullptr;
}

// stdio:close() -> true. Closes luv's own descriptor; fd 0, 1 or 2 stays
// open for the rest of the process.
int LStdioClose(lua_State* L) {
  Stdio* stdio = CheckStdio(L);
  Release(stdio);
  stdio->closed = true;
  lua_pushboolean(L, 1);
  return 1;
}

// stdio:kind() -> "tty" | "pipe" | "file"
int LStdioKind(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  lua_pushstring(L, uv::StdioKindName(stdio->kind));
  return 1;
}

// stdio:fileno() -> 0 | 1 | 2
int LStdioFileno(lua_State* L) {
  lua_pushinteger(L, CheckStdio(L)->fd);
  return 1;
}

int NotATty(lua_State* L, Stdio* stdio) {
  return PushFailf(L, "ENOTTY", "inappropriate ioctl for device: %s is a %s", stdio->name,
                   uv::StdioKindName(stdio->kind));
}

luv::Status WindowSize(LuaStream* tty, int* width, int* height) {
  luv::StatusOr<uv::WindowSize> size = uv::TtyWindowSize(tty);
  if (!size.ok()) return size.status();
  *width = size->width;
  *height = size->height;
  return luv::OkStatus();
}

// stdio:set_mode("normal" | "raw" | "io") -> true (terminals only)
int LStdioSetMode(lua_State* L) {
  static const char* const kModes[] = {"normal", "raw", "io", nullptr};
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  int mode = luaL_checkoption(L, 2, nullptr, kModes);
  if (stdio == nullptr) return pushed;
  if (stdio->kind != uv::StdioKind::kTty) return NotATty(L, stdio);
  Result result = uv::TtySetMode(stdio->stream, kModes[mode]);
  return ReturnTrue(L, result);
}

// stdio:winsize() -> width, height (terminals only)
int LStdioWinsize(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  if (stdio->kind != uv::StdioKind::kTty) return NotATty(L, stdio);
  int width = 0;
  int height = 0;
  Result result = WindowSize(stdio->stream, &width, &height);
  if (!result.ok()) return PushFail(L, result);
  lua_pushinteger(L, width);
  lua_pushinteger(L, height);
  return 2;
}

int LStdioGc(lua_State* L) {
  auto* stdio = static_cast<Stdio*>(TestObject(L, 1, kStdioType));
  if (stdio == nullptr) return 0;
  RestoreTerminal(stdio);
  // Nothing waits on a collected object; see LStreamGc.
  if (stdio->stream != nullptr) stdio->stream->Release();
  if (stdio->file != nullptr) stdio->file->Release();
  stdio->stream = nullptr;
  stdio->file = nullptr;
  delete stdio->reads;
  stdio->reads = nullptr;
  return 0;
}

constexpr luaL_Reg kMethods[] = {
    {"readable", LStdioReadable}, {"write", LStdioWrite},
    {"writable", LStdioWritable}, {"start", LStdioStart},       {"stop", LStdioStop},
    {"close", LStdioClose},       {"kind", LStdioKind},         {"fileno", LStdioFileno},
    {"set_mode", LStdioSetMode},  {"winsize", LStdioWinsize},   {nullptr, nullptr},
};

constexpr luaL_Reg kMeta[] = {
    {"__gc", LStdioGc},
    {nullptr, nullptr},
};

}  // namespace

int TestStdio(lua_State* L, int index) {
  void* data = lua_touserdata(L, index);
  if (data == nullptr || !lua_getmetatable(L, index)) return -1;
  luaL_getmetatable(L, kStdioType);
  bool is_stdio = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return is_stdio ? static_cast<Stdio*>(data)->fd : -1;
}

void OpenStdio(lua_State* L, sched::Scheduler* scheduler) {
  static const char* const kNames[] = {"stdin", "stdout", "stderr"};
  NewClass(L, kStdioType, kMethods, kMeta);
  lua_getfield(L, -1, "__index");
  SetStdioReads(L);
  lua_pop(L, 2);
  for (int fd = 0; fd < 3; ++fd) {
    auto* stdio = static_cast<Stdio*>(lua_newuserdata(L, sizeof(Stdio)));
    *stdio = Stdio{scheduler, fd,      kNames[fd], false, false, 0, uv::StdioKind::kFile,
                   nullptr,   nullptr, nullptr};
    luaL_getmetatable(L, kStdioType);
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, kNames[fd]);
  }
}

}  // namespace luv::lua
