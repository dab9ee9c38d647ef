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

// The C half of tcp:connect for a numeric address: -> true | nil, message,
// code. Suspends until connected.
int LTcpConnectNumeric(lua_State* L) {
  LuaStream* tcp = CheckTcp(L);
  uv::SocketAddress address;
  int failed = CheckAddress(L, 2, &address);
  if (failed != 0) return failed > 0 ? failed : lua_error(L);
  char target[uv::SocketAddress::kMaxTextLength];
  address.Format(target, sizeof(target));
  return StreamConnect(L, tcp, StartConnect, &address, target);
}

// check_args(self, host, port) -> whether `host` is a numeric IPv4 or IPv6
// address. Raises for bad arguments, naming 'connect' and the caller's line
// (the glue's arguments, in order).
int LCheckConnectArgs(lua_State* L) {
  if (TestObjectBox(L, 1, kTcpType) == nullptr) GlueTypeError(L, 1, "connect", kTcpType);
  GlueCheckType(L, 2, "connect", LUA_TSTRING);
  size_t length;
  const char* host = GlueCheckLString(L, 2, "connect", &length);
  lua_Number port = GlueCheckNumber(L, 3, "connect");
  if (!(port >= 0 && port <= 65535) || port != std::floor(port)) {
    GlueArgError(L, 3, "connect", "port must be an integer from 0 to 65535");
  }
  luv::StatusOr<uv::SocketAddress> address =
      uv::SocketAddress::Parse(std::string_view(host, length), 0);
  lua_pushboolean(L, address.ok());
  return 1;
}

// adopt(tcp, attempt) -> true | nil, message, code: `tcp` takes the socket
// `attempt` connected, and `attempt` is closed.
int LTcpAdopt(lua_State* L) {
  LuaStream* tcp = CheckTcp(L);
  LuaStream* attempt = CheckObject<LuaStream>(L, 2, kTcpType);
  Result result = uv::TcpAdopt(tcp, attempt);
  attempt->CloseAndWake();
  return ReturnTrue(L, result);
}

// tcp:connect(host, port): a name is resolved (luv.net.getaddrinfo) and
// each address tried in the resolver's order, each on a fresh socket that
// the tcp takes over once one connects (or, for a tcp bound already, on its
// own socket), until one connects or the caller's deadline passes. A
// numeric address connects at once.
constexpr char kConnectGlue[] = R"lua(
local connect_numeric, check_args, adopt, new_tcp, getaddrinfo = ...
return function(self, host, port)
  local numeric = check_args(self, host, port)  -- not a tail call: errors
  if numeric then                               -- name the caller's line
    local ok, err, code = connect_numeric(self, host, port)
    return ok, err, code
  end
  local addresses, err, code = getaddrinfo(host, port, { socktype = "stream" })
  if not addresses then return nil, err, code end
  local bound = self:getsockname() ~= nil
  for i = 1, #addresses do
    local address = addresses[i].address
    local ok
    if bound then
      ok, err, code = connect_numeric(self, address, port)
      if ok then return true end
    else
      local attempt = new_tcp()
      ok, err, code = connect_numeric(attempt, address, port)
      if ok then return adopt(self, attempt) end
      attempt:close()
    end
    -- The deadline passed or the fiber was cancelled: no more attempts.
    if code == "ETIMEDOUT" or code == "ECANCELED" then break end
  end
  if not err then
    return nil, "EAI_NONAME: no address for " .. host, "EAI_NONAME"
  end
  return nil, err .. " (" .. host .. ")", code
end
)lua";

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
    {"connect", LTcpConnectNumeric},  // replaced by the glue in OpenTcp
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
  int module = lua_gettop(L);
  PushModuleSubtable(L, module, "net");
  SetClosures(L, kFunctions, scheduler);
  // tcp:connect: the glue over the numeric connect, with luv.net.tcp and
  // luv.net.getaddrinfo (OpenDns runs first) as they are now.
  luaL_getmetatable(L, kTcpType);
  lua_getfield(L, -1, "__index");
  LoadGlue(L, kConnectGlue, sizeof(kConnectGlue) - 1, "=luv.tcp");
  lua_pushcfunction(L, LTcpConnectNumeric);
  lua_pushcfunction(L, LCheckConnectArgs);
  lua_pushcfunction(L, LTcpAdopt);
  lua_getfield(L, -7, "tcp");
  lua_getfield(L, -8, "getaddrinfo");
  lua_call(L, 5, 1);
  lua_setfield(L, -2, "connect");
  lua_pop(L, 2);  // __index, the metatable
  lua_getfield(L, -1, "tcp");
  AcceptIntoNewClient(L, kTcpType);
  lua_pop(L, 1);  // net
}

}  // namespace luv::lua
