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
