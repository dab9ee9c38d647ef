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

// luv.pipe.create() and the pipe methods: open, bind, connect, getsockname,
// getpeername; the stream methods come from lua_stream.cc.
#include "luv/lua/lua_pipe.h"

#include <cmath>

#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_stream.h"
#include "luv/lua/support.h"
#include "luv/uv/pipe.h"

namespace luv::lua {
namespace {

LuaStream* CheckPipe(lua_State* L) {
  return CheckObject<LuaStream>(L, 1, kPipeType);
}

std::string_view CheckPath(lua_State* L, int index) {
  size_t length;
  const char* path = luaL_checklstring(L, index, &length);
  return std::string_view(path, length);
}

luv::Status StartConnect(LuaStream* pipe, void* path,
                          std::unique_ptr<uv::StreamRequest> request) {
  return uv::PipeConnect(pipe, *static_cast<std::string_view*>(path),
                         std::move(request));
}

luv::Status Name(LuaStream* pipe, bool peer, char* out, size_t size, size_t* length) {
  luv::StatusOr<std::string> name =
      peer ? uv::PipePeerName(pipe) : uv::PipeSockName(pipe);
  if (!name.ok()) return name.status();
  *length = name->size() < size ? name->size() : size;
  name->copy(out, *length);
  return luv::OkStatus();
}

// luv.pipe.create([ipc]) -> pipe. `ipc` (default false): the pipe can pass
// handles, as libuv's ipc pipes.
int LPipeCreate(lua_State* L) {
  bool ipc = lua_toboolean(L, 1);
  return PushNewStream(L, kPipeType, UpScheduler(L), uv::StreamInit::Pipe(ipc), "pipe");
}

// pipe:open(fd) -> true | nil, message, code. The pipe owns `fd` from then
// on (close() closes it).
int LPipeOpen(lua_State* L) {
  LuaStream* pipe = CheckPipe(L);
  lua_Number fd = luaL_checknumber(L, 2);
  if (!(fd >= 0 && fd <= 2147483647) || fd != std::floor(fd)) {
    return luaL_argerror(L, 2, "fd must be an integer >= 0");
  }
  Result result = uv::PipeOpen(pipe, static_cast<int>(fd));
  return ReturnTrue(L, result);
}

// pipe:bind(path) -> true | nil, message, code
int LPipeBind(lua_State* L) {
  LuaStream* pipe = CheckPipe(L);
  std::string_view path = CheckPath(L, 2);
  Result result = uv::PipeBind(pipe, path);
  return ReturnTrue(L, result);
}

// pipe:connect(path) -> true | nil, message, code. Suspends until
// connected.
int LPipeConnect(lua_State* L) {
  LuaStream* pipe = CheckPipe(L);
  std::string_view path = CheckPath(L, 2);
  return StreamConnect(L, pipe, StartConnect, &path, path);
}

int PushName(lua_State* L, bool peer) {
  LuaStream* pipe = CheckPipe(L);
  char name[uv::kMaxPipePathLength + 1];
  size_t length = 0;
  Result result = Name(pipe, peer, name, sizeof(name), &length);
  if (!result.ok()) return PushFail(L, result);
  lua_pushlstring(L, name, length);
  return 1;
}

// pipe:getsockname() -> path | nil, message, code
int LPipeGetSockName(lua_State* L) { return PushName(L, false); }

// pipe:getpeername() -> path | nil, message, code
int LPipeGetPeerName(lua_State* L) { return PushName(L, true); }

constexpr luaL_Reg kMethods[] = {
    {"open", LPipeOpen},
    {"bind", LPipeBind},
    {"connect", LPipeConnect},
    {"getsockname", LPipeGetSockName},
    {"getpeername", LPipeGetPeerName},
    {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"create", LPipeCreate},
    {nullptr, nullptr},
};

}  // namespace

void OpenPipe(lua_State* L, sched::Scheduler* scheduler) {
  RegisterStreamType(L, kPipeType, kMethods);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  lua_getfield(L, -1, "create");
  AcceptIntoNewClient(L, kPipeType);
  lua_setfield(L, -2, "pipe");
}

}  // namespace luv::lua
