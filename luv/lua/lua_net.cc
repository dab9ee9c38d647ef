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

#include "luv/lua/lua_net.h"

#include <cmath>

#include "luv/base/status.h"
#include <string_view>
#include "luv/lua/support.h"

namespace luv::lua {
namespace {

luv::Status Parse(std::string_view host, int port, uv::SocketAddress* out) {
  luv::StatusOr<uv::SocketAddress> address = uv::SocketAddress::Parse(host, port);
  if (!address.ok()) return address.status();
  *out = *address;
  return luv::OkStatus();
}

}  // namespace

void PushModuleSubtable(lua_State* L, int module, const char* name) {
  lua_getfield(L, module, name);
  if (lua_istable(L, -1)) return;
  lua_pop(L, 1);
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_setfield(L, module, name);
}

int CheckPort(lua_State* L, int index) {
  lua_Number port = luaL_checknumber(L, index);
  if (!(port >= 0 && port <= 65535) || port != std::floor(port)) {
    luaL_argerror(L, index, "port must be an integer from 0 to 65535");
  }
  return static_cast<int>(port);
}

int CheckAddress(lua_State* L, int host_index, uv::SocketAddress* out) {
  size_t length;
  const char* host = luaL_checklstring(L, host_index, &length);
  int port = CheckPort(L, host_index + 1);
  Result result = Parse(std::string_view(host, length), port, out);
  return result.ok() ? 0 : PushFail(L, result);
}

void PushAddress(lua_State* L, const uv::SocketAddress& address) {
  char host[uv::SocketAddress::kMaxHostLength];
  address.FormatHost(host, sizeof(host));
  lua_createtable(L, 0, 3);
  lua_pushstring(L, uv::SocketAddress::FamilyName(address.family()));
  lua_setfield(L, -2, "family");
  lua_pushstring(L, host);
  lua_setfield(L, -2, "address");
  lua_pushinteger(L, address.port());
  lua_setfield(L, -2, "port");
}

}  // namespace luv::lua
