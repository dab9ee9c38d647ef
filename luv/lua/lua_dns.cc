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

// luv.net.getaddrinfo(host[, service[, hints]]): every address of a name,
// resolved on libuv's thread pool while the calling state waits.
#include "luv/lua/lua_dns.h"

#include <netdb.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "luv/lua/lua_net.h"
#include "luv/lua/lua_request.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_stream.h"
#include "luv/lua/support.h"
#include "luv/uv/getaddrinfo.h"
#include "luv/uv/getnameinfo.h"

namespace luv::lua {
namespace {

const char* SocktypeName(int socktype) {
  switch (socktype) {
    case SOCK_STREAM:
      return "stream";
    case SOCK_DGRAM:
      return "dgram";
    case SOCK_RAW:
      return "raw";
    default:
      return nullptr;
  }
}

const char* ProtocolName(int protocol) {
  switch (protocol) {
    case IPPROTO_TCP:
      return "tcp";
    case IPPROTO_UDP:
      return "udp";
    default:
      return nullptr;
  }
}

// The request's record: the lookup and, once done, its results.
class Resolve : public Request, public uv::AddrInfoRequest {
 public:
  explicit Resolve(sched::Scheduler* scheduler) : Request(scheduler) {}

  void Fail(int status) {
    status_ = status;
    Complete();
  }

  int PushResults(lua_State* L) override {
    if (status_ != 0) return PushUvFail(L, status_, target().c_str());
    lua_createtable(L, static_cast<int>(results_.size()), 0);
    int index = 0;
    for (const uv::ResolvedAddress& result : results_) {
      PushAddress(L, result.address);
      if (const char* socktype = SocktypeName(result.socktype)) {
        lua_pushstring(L, socktype);
        lua_setfield(L, -2, "socktype");
      }
      if (const char* protocol = ProtocolName(result.protocol)) {
        lua_pushstring(L, protocol);
      } else {
        lua_pushinteger(L, result.protocol);
      }
      lua_setfield(L, -2, "protocol");
      if (!result.canonical_name.empty()) {
        lua_pushlstring(L, result.canonical_name.data(), result.canonical_name.size());
        lua_setfield(L, -2, "canonname");
      }
      lua_rawseti(L, -2, ++index);
    }
    return 1;
  }

 protected:
  void OnResolved(int status, std::vector<uv::ResolvedAddress> results) override {
    status_ = status;
    results_ = std::move(results);
    Complete();  // may delete this
  }

 private:
  int status_ = 0;
  std::vector<uv::ResolvedAddress> results_;
};

luv::Status Start(Resolve* resolve, uv_loop_t* loop, std::string_view host,
                   std::string_view service, const uv::AddrInfoHints& hints) {
  return resolve->Start(loop, host, service, hints);
}

// Reads the hints table at `index` into `hints`; raises for bad values.
void CheckHints(lua_State* L, int index, uv::AddrInfoHints* hints) {
  static const char* const kFamilies[] = {"unspec", "inet", "inet6", nullptr};
  static const int kFamilyValues[] = {AF_UNSPEC, AF_INET, AF_INET6};
  static const char* const kSocktypes[] = {"any", "stream", "dgram", "raw", nullptr};
  static const int kSocktypeValues[] = {0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW};
  static const char* const kProtocols[] = {"any", "tcp", "udp", nullptr};
  static const int kProtocolValues[] = {0, IPPROTO_TCP, IPPROTO_UDP};
  static const struct {
    const char* name;
    int flag;
  } kFlags[] = {
      {"passive", AI_PASSIVE},
      {"canonname", AI_CANONNAME},
      {"numerichost", AI_NUMERICHOST},
      {"numericserv", AI_NUMERICSERV},
      {"addrconfig", AI_ADDRCONFIG},
      {"v4mapped", AI_V4MAPPED},
      {"all", AI_ALL},
  };
  luaL_checktype(L, index, LUA_TTABLE);
  int top = lua_gettop(L);
  lua_getfield(L, index, "family");
  if (!lua_isnil(L, -1)) {
    hints->family = kFamilyValues[luaL_checkoption(L, -1, nullptr, kFamilies)];
  }
  lua_getfield(L, index, "socktype");
  if (!lua_isnil(L, -1)) {
    hints->socktype = kSocktypeValues[luaL_checkoption(L, -1, nullptr, kSocktypes)];
  }
  lua_getfield(L, index, "protocol");
  if (!lua_isnil(L, -1)) {
    hints->protocol = kProtocolValues[luaL_checkoption(L, -1, nullptr, kProtocols)];
  }
  for (const auto& flag : kFlags) {
    lua_getfield(L, index, flag.name);
    if (lua_toboolean(L, -1)) hints->flags |= flag.flag;
  }
  lua_settop(L, top);
}

// luv.net.getaddrinfo(host[, service[, hints]]) -> {{family, address, port,
// socktype, protocol[, canonname]}, ...} | nil, message, code. Suspends.
int LGetAddrInfo(lua_State* L) {
  sched::Scheduler* scheduler = UpScheduler(L);
  size_t host_length = 0;
  const char* host = luaL_optlstring(L, 1, "", &host_length);
  size_t service_length = 0;
  const char* service = "";
  if (lua_type(L, 2) == LUA_TNUMBER) {
    lua_Number port = lua_tonumber(L, 2);
    if (!(port >= 0 && port <= 65535) || port != std::floor(port)) {
      return luaL_argerror(L, 2, "a port must be an integer from 0 to 65535");
    }
  }
  if (!lua_isnoneornil(L, 2)) service = luaL_checklstring(L, 2, &service_length);
  uv::AddrInfoHints hints;
  hints.socktype = SOCK_STREAM;  // one entry per address, not one per socket type
  if (!lua_isnoneornil(L, 3)) CheckHints(L, 3, &hints);
  if (host_length == 0 && service_length == 0) {
    return luaL_argerror(L, 1, "a host or a service is needed");
  }
  sched::State* self = CheckBlockingState(L, scheduler, "luv.net.getaddrinfo()");
  auto* resolve = NewRequest<Resolve>(L, scheduler);
  int box = lua_gettop(L);
  Result result = Start(resolve, scheduler->loop(), std::string_view(host, host_length),
                        std::string_view(service, service_length), hints);
  if (!result.ok()) {
    resolve->Fail(0);  // never started: done, and the box frees it
    return PushFail(L, result);
  }
  return resolve->Await(L, self, box, "luv.net.getaddrinfo()");
}

// The record of a reverse lookup.
class ReverseResolve : public Request, public uv::NameInfoRequest {
 public:
  explicit ReverseResolve(sched::Scheduler* scheduler) : Request(scheduler) {}

  void Fail() { Complete(); }

  int PushResults(lua_State* L) override {
    if (status_ != 0) return PushUvFail(L, status_, target().c_str());
    lua_pushlstring(L, host_.data(), host_.size());
    lua_pushlstring(L, service_.data(), service_.size());
    return 2;
  }

 protected:
  void OnResolved(int status, std::string host, std::string service) override {
    status_ = status;
    host_ = std::move(host);
    service_ = std::move(service);
    Complete();  // may delete this
  }

 private:
  int status_ = 0;
  std::string host_, service_;
};

// luv.net.getnameinfo(address[, port[, options]]) -> host, service | nil,
// message, code. `address` is numeric; `port` defaults to 0. `options`:
// the booleans `numerichost`, `numericserv`, `namereqd`, `dgram`, `nofqdn`
// (getnameinfo's NI_ flags). Suspends.
int LGetNameInfo(lua_State* L) {
  sched::Scheduler* scheduler = UpScheduler(L);
  if (lua_isnoneornil(L, 2)) {
    lua_settop(L, 3);
    lua_pushinteger(L, 0);
    lua_replace(L, 2);
  }
  uv::SocketAddress address;
  int failed = CheckAddress(L, 1, &address);
  if (failed != 0) return failed > 0 ? failed : lua_error(L);
  int flags = 0;
  if (!lua_isnoneornil(L, 3)) {
    static const struct {
      const char* name;
      int flag;
    } kFlags[] = {{"numerichost", NI_NUMERICHOST}, {"numericserv", NI_NUMERICSERV},
                  {"namereqd", NI_NAMEREQD},       {"dgram", NI_DGRAM},
                  {"nofqdn", NI_NOFQDN}};
    luaL_checktype(L, 3, LUA_TTABLE);
    for (const auto& flag : kFlags) {
      lua_getfield(L, 3, flag.name);
      if (lua_toboolean(L, -1)) flags |= flag.flag;
      lua_pop(L, 1);
    }
  }
  sched::State* self = CheckBlockingState(L, scheduler, "luv.net.getnameinfo()");
  auto* resolve = NewRequest<ReverseResolve>(L, scheduler);
  int box = lua_gettop(L);
  Result result = resolve->Start(scheduler->loop(), address, flags);
  if (!result.ok()) {
    resolve->Fail();  // never started: done, and the box frees it
    return PushFail(L, result);
  }
  return resolve->Await(L, self, box, "luv.net.getnameinfo()");
}

constexpr luaL_Reg kFunctions[] = {
    {"getaddrinfo", LGetAddrInfo},
    {"getnameinfo", LGetNameInfo},
    {nullptr, nullptr},
};

}  // namespace

void OpenDns(lua_State* L, sched::Scheduler* scheduler) {
  PushModuleSubtable(L, lua_gettop(L), "net");
  SetClosures(L, kFunctions, scheduler);
  lua_pop(L, 1);
}

}  // namespace luv::lua
