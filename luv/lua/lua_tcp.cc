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

// luv.net.tcp() and the TCP methods: bind, connect, getsockname,
// getpeername, keepalive, nodelay; the stream methods come from
// lua_stream.cc.
#include "luv/lua/lua_tcp.h"

#include <cmath>

#include "luv/lua/lua_net.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_stream.h"
#include "luv/lua/support.h"
#include "luv/uv/tcp.h"

namespace luv::lua {
namespace {

constexpr char kTcpType[] = "luv.tcp";

LuaStream* CheckTcp(lua_State* L) {
  return CheckObject<LuaStream>(L, 1, kTcpType);
}

luv::Status Name(LuaStream* tcp, bool peer, uv::SocketAddress* out) {
  luv::StatusOr<uv::SocketAddress> name =
      peer ? uv::TcpPeerName(tcp) : uv::TcpSockName(tcp);
  if (!name.ok()) return name.status();
  *out = *name;
  return luv::OkStatus();
}

luv::Status StartConnect(LuaStream* tcp, void* address,
                          std::unique_ptr<uv::StreamRequest> request) {
  return uv::TcpConnect(tcp, *static_cast<uv::SocketAddress*>(address),
                        std::move(request));
}

// luv.net.tcp() -> tcp, unbound and unconnected
int LTcpCreate(lua_State* L) {
  return PushNewStream(L, kTcpType, UpScheduler(L), uv::StreamInit::Tcp(), "tcp");
}

// tcp:bind(host, port) -> true | nil, message, code. `host` is a numeric
// IPv4 or IPv6 address; port 0 lets the system choose.
int LTcpBind(lua_State* L) {
  LuaStream* tcp = CheckTcp(L);
  uv::SocketAddress address;
  int failed = CheckAddress(L, 2, &address);
  if (failed != 0) return failed > 0 ? failed : lua_error(L);
  Result result = uv::TcpBind(tcp, address);
  return ReturnTrue(L, result);
}

// tcp:connect(host, port) -> true | nil, message, code. Suspends until
// connected.
int LTcpConnect(lua_State* L) {
  LuaStream* tcp = CheckTcp(L);
  uv::SocketAddress address;
  int failed = CheckAddress(L, 2, &address);
  if (failed != 0) return failed > 0 ? failed : lua_error(L);
  char target[uv::SocketAddress::kMaxTextLength];
  address.Format(target, sizeof(target));
  return StreamConnect(L, tcp, StartConnect, &address, target);
}

int PushName(lua_State* L, bool peer) {
  LuaStream* tcp = CheckTcp(L);
  uv::SocketAddress address;
  Result result = Name(tcp, peer, &address);
  if (!result.ok()) return PushFail(L, result);
  PushAddress(L, address);
  return 1;
}

// tcp:getsockname() -> {family, address, port} | nil, message, code
int LTcpGetSockName(lua_State* L) { return PushName(L, false); }

// tcp:getpeername() -> {family, address, port} | nil, message, code
int LTcpGetPeerName(lua_State* L) { return PushName(L, true); }

// tcp:keepalive(enable[, seconds]) -> true | nil, message, code.
// `seconds` (an integer >= 1) is needed when enabling.
int LTcpKeepAlive(lua_State* L) {
  LuaStream* tcp = CheckTcp(L);
  luaL_checktype(L, 2, LUA_TBOOLEAN);
  bool enable = lua_toboolean(L, 2);
  unsigned delay = 0;
  if (enable) {
    lua_Number seconds = luaL_checknumber(L, 3);
    if (!(seconds >= 1 && seconds <= 2147483647) || seconds != std::floor(seconds)) {
      return luaL_argerror(L, 3, "seconds must be an integer >= 1");
    }
    delay = static_cast<unsigned>(seconds);
  }
  Result result = uv::TcpKeepAlive(tcp, enable, delay);
  return ReturnTrue(L, result);
}

// tcp:nodelay(enable) -> true | nil, message, code
int LTcpNoDelay(lua_State* L) {
  LuaStream* tcp = CheckTcp(L);
  luaL_checktype(L, 2, LUA_TBOOLEAN);
  Result result = uv::TcpNoDelay(tcp, lua_toboolean(L, 2));
  return ReturnTrue(L, result);
}

constexpr luaL_Reg kMethods[] = {
    {"bind", LTcpBind},
    {"connect", LTcpConnect},
    {"getsockname", LTcpGetSockName},
    {"getpeername", LTcpGetPeerName},
    {"keepalive", LTcpKeepAlive},
    {"nodelay", LTcpNoDelay},
    {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"tcp", LTcpCreate},
    {nullptr, nullptr},
};

}  // namespace

void OpenTcp(lua_State* L, sched::Scheduler* scheduler) {
  RegisterStreamType(L, kTcpType, kMethods);
  PushModuleSubtable(L, lua_gettop(L), "net");
  SetClosures(L, kFunctions, scheduler);
  lua_pop(L, 1);
}

}  // namespace luv::lua
