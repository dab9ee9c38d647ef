// Runs C++ code that uses the Lua API inside lua_pcall, so that a Lua error
// (out of memory, an error in a __gc metamethod or a hook) unwinds only to
// the caller, whose C++ objects are then destroyed normally.
//
// The called function must not keep C++ objects with destructors in its own
// frames (they may be jumped over); it reaches the caller's objects through
// `context`. Thread: the one that owns `L`.
#ifndef LUV_CODEC_PROTECTED_CALL_H_
#define LUV_CODEC_PROTECTED_CALL_H_

#include <lua.hpp>

namespace luv::codec {

using ProtectedFunction = int (*)(lua_State* L, void* context);

// Calls `fn(L, context)` in protected mode with the `nargs` values on top of
// the stack as its stack (they are consumed). Returns how many values `fn`
// returned, left on the stack, or -1 with the error object on top. Needs two
// free stack slots (any lua_CFunction has LUA_MINSTACK). Never raises.
int CallProtected(lua_State* L, ProtectedFunction fn, void* context, int nargs);

}  // namespace luv::codec

#endif  // LUV_CODEC_PROTECTED_CALL_H_
