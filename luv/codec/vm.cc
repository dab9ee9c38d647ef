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

#include "luv/codec/vm.h"

#include <atomic>
#include <cstring>
#include <initializer_list>

#include "luv/codec/format.h"
#include "luv/luacompat/luacompat.h"
#include "luv/protect/protect.h"

namespace luv::codec {
namespace {

std::atomic<Vm> cached_vm{Vm::kUnknown};

struct Prefix {
  uint8_t bytes[8];
  size_t size;
};

int KeepPrefix(lua_State*, const void* p, size_t size, void* ud) {
  Prefix* prefix = static_cast<Prefix*>(ud);
  size_t n = sizeof(prefix->bytes) - prefix->size;
  if (n > size) n = size;
  std::memcpy(prefix->bytes + prefix->size, p, n);
  prefix->size += n;
  return 0;
}

int DumpTinyFunction(lua_State* L, void* context) {
  Prefix* prefix = static_cast<Prefix*>(context);
  if (luaL_loadbuffer(L, "return", 6, "=luv.codec") != 0) return lua_error(L);
  compat::Dump(L, KeepPrefix, prefix);
  return 0;
}

}  // namespace

Vm VmOfBytecode(const uint8_t* data, size_t size) {
  if (size >= kLuaJitSignatureSize &&
      std::memcmp(data, kLuaJitSignature, kLuaJitSignatureSize) == 0) {
    return Vm::kLuaJit;
  }
  if (size < kPucSignatureSize) return Vm::kUnknown;
  struct Known {
    const char* signature;
    Vm vm;
  };
  static constexpr Known kKnown[] = {
      {kLua51Signature, Vm::kLua51},
      {kLua52Signature, Vm::kLua52},
      {kLua53Signature, Vm::kLua53},
      {kLua54Signature, Vm::kLua54},
  };
  for (const Known& known : kKnown) {
    if (std::memcmp(data, known.signature, kPucSignatureSize) == 0) return known.vm;
  }
  return Vm::kUnknown;
}

uint8_t BytecodeFlag(Vm vm) {
  switch (vm) {
    case Vm::kLua51:
      return kFlagLua51;
    case Vm::kLuaJit:
      return kFlagLuaJit;
    case Vm::kLua52:
      return kFlagLua52;
    case Vm::kLua53:
      return kFlagLua53;
    case Vm::kLua54:
      return kFlagLua54;
    default:
      return 0;
  }
}

Vm VmOfBytecodeFlag(uint8_t flag) {
  for (Vm vm : {Vm::kLua51, Vm::kLuaJit, Vm::kLua52, Vm::kLua53, Vm::kLua54}) {
    if (BytecodeFlag(vm) == flag) return vm;
  }
  return Vm::kUnknown;
}

Vm CurrentVm(lua_State* L) {
  Vm vm = cached_vm.load(std::memory_order_relaxed);
  if (vm != Vm::kUnknown) return vm;
  Prefix prefix{};
  if (protect::CallProtected(L, DumpTinyFunction, &prefix, 0) < 0) {
    lua_pop(L, 1);
    return Vm::kUnknown;
  }
  vm = VmOfBytecode(prefix.bytes, prefix.size);
  // Every thread computes the same answer, so racing stores are harmless.
  cached_vm.store(vm, std::memory_order_relaxed);
  return vm;
}

const char* VmName(Vm vm) {
  switch (vm) {
    case Vm::kLua51:
      return "Lua 5.1";
    case Vm::kLuaJit:
      return "LuaJIT";
    case Vm::kLua52:
      return "Lua 5.2";
    case Vm::kLua53:
      return "Lua 5.3";
    case Vm::kLua54:
      return "Lua 5.4";
    default:
      return "an unknown Lua VM";
  }
}

}  // namespace luv::codec
