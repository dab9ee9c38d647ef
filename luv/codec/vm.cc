#include "luv/codec/vm.h"

#include <atomic>
#include <cstring>

#include "luv/codec/format.h"
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
  lua_dump(L, KeepPrefix, prefix);
  return 0;
}

}  // namespace

Vm VmOfBytecode(const uint8_t* data, size_t size) {
  if (size >= kLua51SignatureSize &&
      std::memcmp(data, kLua51Signature, kLua51SignatureSize) == 0) {
    return Vm::kLua51;
  }
  if (size >= kLuaJitSignatureSize &&
      std::memcmp(data, kLuaJitSignature, kLuaJitSignatureSize) == 0) {
    return Vm::kLuaJit;
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
    default:
      return "an unknown Lua VM";
  }
}

}  // namespace luv::codec
