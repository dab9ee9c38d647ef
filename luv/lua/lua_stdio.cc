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

#include "luv/lua/lua_request.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_stream.h"
#include "luv/lua/support.h"
#include "luv/uv/file_stream.h"
#include "luv/uv/pipe.h"
#include "luv/uv/stdio.h"
#include "luv/uv/tty.h"

namespace luv::lua {
namespace {

constexpr char kStdioType[] = "luv.stdio";

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
};

// The names of the file kind's blocking calls, by descriptor. Static: the
// scheduler keeps the name of the call a state waits in and formats it into
// a timeout or cancellation message when the state resumes, long after the
// C function returned.
constexpr const char* kReadCalls[] = {"stdin:read()", "stdout:read()", "stderr:read()"};
constexpr const char* kWriteCalls[] = {"stdin:write()", "stdout:write()",
                                       "stderr:write()"};

// A read or write on a file kind, owned by its request box.
class FileRequest : public Request, public uv::FileStreamOp {
 public:
  FileRequest(sched::Scheduler* scheduler, bool write)
      : Request(scheduler), write_(write) {}

  int PushResults(lua_State* L) override {
    if (result_ < 0) return PushUvFail(L, static_cast<int>(result_));
    if (write_) {
      lua_pushboolean(L, 1);
      return 1;
    }
    if (result_ == 0) return PushLuvError(L, LuvError::kEof, nullptr);
    lua_pushinteger(L, static_cast<lua_Integer>(data().size()));
    lua_pushlstring(L, data().data(), data().size());
    return 2;
  }

 protected:
  void OnDone(int64_t result) override {
    result_ = result;
    Complete();  // may delete this
  }

 private:
  const bool write_;
  int64_t result_ = 0;
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

int FileCall(lua_State* L, Stdio* stdio, bool write, size_t max, std::string_view data,
             const char* call) {
  sched::State* self = CheckBlockingState(L, stdio->scheduler, call);
  auto* request = NewRequest<FileRequest>(L, stdio->scheduler, write);
  int box = lua_gettop(L);
  if (write) {
    stdio->file->Write(data, request);
  } else {
    stdio->file->Read(max, request);
  }
  return request->Await(L, self, box, call);
}

// stdio:read([len]) -> nbytes, data | nil, "EOF: end of file", "EOF" |
// nil, message, code
int LStdioRead(lua_State* L) {
  int pushed = 0;
  Stdio* stdio = Opened(L, &pushed);
  if (stdio == nullptr) return pushed;
  if (stdio->stream != nullptr) return StreamRead(L, stdio->stream);
  lua_Number len = luaL_optnumber(L, 2, static_cast<lua_Number>(kDefaultReadSize));
  if (!(len >= 1 && len <= static_cast<lua_Number>(kMaxReadSize))) {
    return luaL_argerror(L, 2, "length must be a number from 1 to 16777216");
  }
  return FileCall(L, stdio, false, static_cast<size_t>(len), std::string_view(),
                  kReadCalls[stdio->fd]);
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
  return FileCall(L, stdio, true, 0, std::string_view(data, length),
                  kWriteCalls[stdio->fd]);
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
  return 0;
}

constexpr luaL_Reg kMethods[] = {
    {"read", LStdioRead},         {"readable", LStdioReadable}, {"write", LStdioWrite},
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
  lua_pop(L, 1);
  for (int fd = 0; fd < 3; ++fd) {
    auto* stdio = static_cast<Stdio*>(lua_newuserdata(L, sizeof(Stdio)));
    *stdio = Stdio{scheduler, fd,     kNames[fd], false, false, 0, uv::StdioKind::kFile,
                   nullptr,   nullptr};
    luaL_getmetatable(L, kStdioType);
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, kNames[fd]);
  }
}

}  // namespace luv::lua
