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

#include "luv/luacompat/host_vm.h"

// One function each VM has and the earlier ones lack (weak: null when the
// process has no such function). Declared without their real signatures:
// only their addresses are used, so this file includes no Lua header.
extern "C" {
void luaJIT_setmode() __attribute__((weak));      // LuaJIT
void lua_newuserdatauv() __attribute__((weak));   // 5.4
void lua_rotate() __attribute__((weak));          // 5.3 and 5.4
void lua_callk() __attribute__((weak));           // 5.2 to 5.4
void lua_objlen() __attribute__((weak));          // 5.1 and LuaJIT
}

namespace luv::compat {

HostVm FindHostVm() {
  if (luaJIT_setmode != nullptr) return HostVm::kLuaJit;
  if (lua_newuserdatauv != nullptr) return HostVm::kLua54;
  if (lua_rotate != nullptr) return HostVm::kLua53;
  if (lua_callk != nullptr) return HostVm::kLua52;
  if (lua_objlen != nullptr) return HostVm::kLua51;
  return HostVm::kUnknown;
}

const char* HostVmName(HostVm vm) {
  switch (vm) {
    case HostVm::kLua51:
      return "Lua 5.1";
    case HostVm::kLuaJit:
      return "LuaJIT";
    case HostVm::kLua52:
      return "Lua 5.2";
    case HostVm::kLua53:
      return "Lua 5.3";
    case HostVm::kLua54:
      return "Lua 5.4";
    default:
      return "an unknown Lua";
  }
}

}  // namespace luv::compat
