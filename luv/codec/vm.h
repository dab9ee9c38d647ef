// Which virtual machine runs Lua in this process. The same luv.so loads into
// Lua 5.1 and into LuaJIT, whose bytecode formats differ, so this is found at
// run time from what lua_dump writes, once per process. Thread-safe.
#ifndef LUV_CODEC_VM_H_
#define LUV_CODEC_VM_H_

#include <cstddef>
#include <cstdint>
#include <lua.hpp>

namespace luv::codec {

enum class Vm : uint8_t { kUnknown, kLua51, kLuaJit };

// The VM whose bytecode starts with these bytes.
Vm VmOfBytecode(const uint8_t* data, size_t size);

// The VM running `L` (kUnknown if it could not be told, e.g. out of memory).
// The first call dumps a tiny function in protected mode; later calls read a
// cached answer. Needs two free stack slots; never raises.
Vm CurrentVm(lua_State* L);

const char* VmName(Vm vm);

}  // namespace luv::codec

#endif  // LUV_CODEC_VM_H_
