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

// Which Lua VM loaded luv.so, told by the C API functions the process
// provides (luv.so refers to the API weakly: lua_api_weak.h), so that a
// module built for one VM refuses another by name instead of failing in
// dlopen or crashing on the first call whose meaning changed.
//
// No Lua header here: the probes declare functions of every VM. Any thread;
// never raises.
#ifndef LUV_LUACOMPAT_HOST_VM_H_
#define LUV_LUACOMPAT_HOST_VM_H_

namespace luv::compat {

enum class HostVm { kUnknown, kLua51, kLuaJit, kLua52, kLua53, kLua54 };

HostVm FindHostVm();

// "Lua 5.1", "LuaJIT", ... or "an unknown Lua".
const char* HostVmName(HostVm vm);

}  // namespace luv::compat

#endif  // LUV_LUACOMPAT_HOST_VM_H_
