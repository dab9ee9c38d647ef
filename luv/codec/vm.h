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

// Which virtual machine runs Lua in this process, told from the bytecode
// lua_dump writes. The same luv.so loads into Lua 5.1 and into LuaJIT, whose
// bytecode formats differ, so this is found at run time, once per process.
// Thread-safe.
#ifndef LUV_CODEC_VM_H_
#define LUV_CODEC_VM_H_

#include <cstddef>
#include <cstdint>
#include "luv/luacompat/luacompat.h"

namespace luv::codec {

enum class Vm : uint8_t { kUnknown, kLua51, kLuaJit, kLua52, kLua53, kLua54 };

// The VM whose bytecode starts with these bytes.
Vm VmOfBytecode(const uint8_t* data, size_t size);

// The header flag (format.h) of blobs carrying `vm`'s bytecode, and back
// (kUnknown unless `flag` is exactly one bytecode flag).
uint8_t BytecodeFlag(Vm vm);
Vm VmOfBytecodeFlag(uint8_t flag);

// The VM running `L` (kUnknown if it could not be told, e.g. out of memory).
// The first call dumps a tiny function in protected mode; later calls read a
// cached answer. Needs two free stack slots; never raises.
Vm CurrentVm(lua_State* L);

const char* VmName(Vm vm);

}  // namespace luv::codec

#endif  // LUV_CODEC_VM_H_
