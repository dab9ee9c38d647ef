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

// luv.net.udp() and the udp methods: bind, send, recv, getsockname,
// broadcast, ttl, multicast_ttl, multicast_loop, multicast_interface,
// membership, close.
//
// recv: datagrams queue in the record (uv::Udp); each waiting receiver is
// woken for one datagram that is set aside for it (`reserved`), so a later
// caller that finds the queue non-empty cannot take it first. The datagram
// is pushed when the receiver resumes.
#include "luv/lua/lua_udp.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include "luv/lua/lua_handle.h"
#include "luv/lua/lua_net.h"
#include "luv/lua/lua_stream.h"
#include "luv/uv/udp.h"

namespace luv::lua {
namespace {

using sched::State;

constexpr char kUdpType[] = "luv.udp";

class LuaUdp : public WaitableHandle<uv::Udp> {
 public:
  using WaitableHandle::WaitableHandle;

  // Datagrams (and a pending error) not yet promised to a woken receiver.
  bool Available() const { return queued() + (pending_error() != 0 ? 1 : 0) > reserved_; }
  // Nobody is waiting or about to take a datagram.
  bool Idle() { return reserved_ == 0 && waiters()->empty(); }

  // Wakes receivers for what arrived, one per datagram.
  void Dispatch() {
    while (Available()) {
      sched::WaitNode* node = waiters()->PopFront();
      if (node == nullptr) return;
      ++reserved_;
      scheduler()->Wake(node->state, PushReceived, this);
    }
  }

  static int PushReceived(lua_State* L, void* udp) {
    auto* self = static_cast<LuaUdp*>(udp);
    if (self->reserved_ > 0) --self->reserved_;
    return self->PushDatagram(L);
  }

  // data, host, port of the oldest datagram; or the failure triple.
  int PushDatagram(lua_State* L) {
    if (queued() > 0) {
      const uv::Datagram& datagram = front();
      char host[uv::SocketAddress::kMaxHostLength];
      datagram.from.FormatHost(host, sizeof(host));
      lua_pushlstring(L, datagram.data.data(), datagram.data.size());
      lua_pushstring(L, host);
      lua_pushinteger(L, datagram.from.port());
      Pop();
      return 3;
    }
    if (pending_error() != 0) return PushUvFail(L, TakeError(), "recv");
    if (closing()) return PushClosed(L, const_cast<char*>("udp"));
    return PushUvFail(L, UV_EAGAIN, "recv");
  }

 protected:
  void OnReceived() override { Dispatch(); }

 private:
  size_t reserved_ = 0;
};

// A send that had to wait: wakes its sender with libuv's status.
class SendRequest : public uv::UdpSendRequest {
 public:
  explicit SendRequest(sched::Scheduler* scheduler) : scheduler_(scheduler) {}
  sched::WaitList waiters;

 protected:
  void OnDone(int status) override {
    scheduler_->WakeAll(&waiters, PushStatus,
                        reinterpret_cast<void*>(static_cast<intptr_t>(status)));
  }

 private:
  static int PushStatus(lua_State* L, void* status) {
    int code = static_cast<int>(reinterpret_cast<intptr_t>(status));
    if (code == 0) {
      lua_pushboolean(L, 1);
      return 1;
    }
    return PushUvFail(L, code, "send");
  }

  sched::Scheduler* scheduler_;
};

LuaUdp* CheckUdp(lua_State* L) { return CheckHandle<LuaUdp>(L, 1, kUdpType); }

int PushClosedNow(lua_State* L) {
  return PushLuvError(L, LuvError::kClosed, "udp");
}

bool BooleanField(lua_State* L, int table, const char* name) {
  lua_getfield(L, table, name);
  bool value = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return value;
}

luv::Status TrySend(LuaUdp* udp, std::string_view data, const uv::SocketAddress& to,
                     bool* sent) {
  luv::StatusOr<bool> result = udp->TrySend(data, to);
  if (!result.ok()) return result.status();
  *sent = *result;
  return luv::OkStatus();
}

luv::Status QueueSend(LuaUdp* udp, State* self, std::string_view data,
                       const uv::SocketAddress& to) {
  auto request = std::make_unique<SendRequest>(udp->scheduler());
  SendRequest* waiting = request.get();
  luv::Status status = udp->Send(data, to, std::move(request));
  if (status.ok()) udp->scheduler()->Wait(&waiting->waiters, self);
  return status;
}

luv::Status SockName(LuaUdp* udp, uv::SocketAddress* out) {
  luv::StatusOr<uv::SocketAddress> name = udp->SockName();
  if (!name.ok()) return name.status();
  *out = *name;
  return luv::OkStatus();
}

int CheckTtl(lua_State* L, int index) {
  lua_Number ttl = luaL_checknumber(L, index);
  if (!(ttl >= 1 && ttl <= 255) || ttl != std::floor(ttl)) {
    luaL_argerror(L, index, "ttl must be an integer from 1 to 255");
  }
  return static_cast<int>(ttl);
}

// luv.net.udp() -> udp
int LUdpCreate(lua_State* L) { return CreateHandle<LuaUdp>(L, kUdpType, UpScheduler(L)); }

// udp:bind(host, port[, {reuseaddr = bool, ipv6only = bool}]) -> true
int LUdpBind(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  uv::SocketAddress address;
  int failed = CheckAddress(L, 2, &address);
  if (failed != 0) return failed > 0 ? failed : lua_error(L);
  bool reuse = false;
  bool ipv6_only = false;
  if (!lua_isnoneornil(L, 4)) {
    luaL_checktype(L, 4, LUA_TTABLE);
    reuse = BooleanField(L, 4, "reuseaddr");
    ipv6_only = BooleanField(L, 4, "ipv6only");
  }
  Result result = udp->Bind(address, reuse, ipv6_only);
  return ReturnTrue(L, result);
}

// udp:send(host, port, data) -> true | nil, message, code. Suspends only
// while the socket cannot take the datagram.
int LUdpSend(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  uv::SocketAddress to;
  int failed = CheckAddress(L, 2, &to);
  if (failed != 0) return failed > 0 ? failed : lua_error(L);
  size_t length;
  const char* data = luaL_checklstring(L, 4, &length);
  if (udp->closing()) return PushClosedNow(L);
  State* self = CheckBlockingState(L, udp->scheduler(), "udp:send()");
  bool sent = false;
  Result tried = TrySend(udp, std::string_view(data, length), to, &sent);
  if (!tried.ok()) return PushFail(L, tried);
  if (sent) {
    lua_pushboolean(L, 1);
    return 1;
  }
  Result queued = QueueSend(udp, self, std::string_view(data, length), to);
  if (!queued.ok()) return PushFail(L, queued);
  return Block(L, udp->scheduler(), self, "udp:send()", 1);
}

// udp:recv() -> data, host, port | nil, message, code. Waits for a
// datagram; an unbound socket is bound to an ephemeral port first.
int LUdpRecv(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  if (udp->closing()) return PushClosedNow(L);
  if (udp->Idle() && udp->Available()) return udp->PushDatagram(L);
  State* self = CheckBlockingState(L, udp->scheduler(), "udp:recv()");
  Result result = udp->StartReceiving();
  if (!result.ok()) return PushFail(L, result);
  udp->scheduler()->Wait(udp->waiters(), self);
  return Block(L, udp->scheduler(), self, "udp:recv()", 1);
}

// udp:getsockname() -> {family, address, port}
int LUdpGetSockName(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  uv::SocketAddress address;
  Result result = SockName(udp, &address);
  if (!result.ok()) return PushFail(L, result);
  PushAddress(L, address);
  return 1;
}

// udp:broadcast(enable) -> true
int LUdpBroadcast(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  luaL_checktype(L, 2, LUA_TBOOLEAN);
  Result result = udp->SetBroadcast(lua_toboolean(L, 2));
  return ReturnTrue(L, result);
}

// udp:ttl(ttl) -> true
int LUdpTtl(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  Result result = udp->SetTtl(CheckTtl(L, 2));
  return ReturnTrue(L, result);
}

// udp:multicast_ttl(ttl) -> true
int LUdpMulticastTtl(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  Result result = udp->SetMulticastTtl(CheckTtl(L, 2));
  return ReturnTrue(L, result);
}

// udp:multicast_loop(enable) -> true
int LUdpMulticastLoop(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  luaL_checktype(L, 2, LUA_TBOOLEAN);
  Result result = udp->SetMulticastLoop(lua_toboolean(L, 2));
  return ReturnTrue(L, result);
}

// udp:multicast_interface(address) -> true
int LUdpMulticastInterface(lua_State* L) {
  LuaUdp* udp = CheckUdp(L);
  size_t length;
  const char* address = luaL_checklstring(L, 2, &length);
  Result result = udp->SetMulticastInterface(std::string_view(address, length));
  return ReturnTrue(L, result);
}

// udp:membership(group, interface, "join" | "leave") -> true. `interface`
// is the address of the interface, or nil for the system's choice.
int LUdpMembership(lua_State* L) {
  static const char* const kActions[] = {"join", "leave", nullptr};
  LuaUdp* udp = CheckUdp(L);
  size_t group_length;
  const char* group = luaL_checklstring(L, 2, &group_length);
  size_t interface_length = 0;
  const char* interface_address = luaL_optlstring(L, 3, "", &interface_length);
  bool join = luaL_checkoption(L, 4, nullptr, kActions) == 0;
  Result result = udp->SetMembership(
                          std::string_view(group, group_length),
                          std::string_view(interface_address, interface_length), join);
  return ReturnTrue(L, result);
}

// udp:close() -> true. Wakes waiting receivers with ECANCELED.
int LUdpClose(lua_State* L) { return HandleClose<LuaUdp>(L, kUdpType, "udp"); }

constexpr luaL_Reg kMethods[] = {
    {"bind", LUdpBind},
    {"send", LUdpSend},
    {"recv", LUdpRecv},
    {"getsockname", LUdpGetSockName},
    {"broadcast", LUdpBroadcast},
    {"ttl", LUdpTtl},
    {"multicast_ttl", LUdpMulticastTtl},
    {"multicast_loop", LUdpMulticastLoop},
    {"multicast_interface", LUdpMulticastInterface},
    {"membership", LUdpMembership},
    {"close", LUdpClose},
    {nullptr, nullptr},
};

constexpr luaL_Reg kFunctions[] = {
    {"udp", LUdpCreate},
    {nullptr, nullptr},
};

}  // namespace

void OpenUdp(lua_State* L, sched::Scheduler* scheduler) {
  NewObjectClass(L, kUdpType, kMethods);
  lua_pop(L, 1);
  PushModuleSubtable(L, lua_gettop(L), "net");
  SetClosures(L, kFunctions, scheduler);
  lua_pop(L, 1);
}

}  // namespace luv::lua
