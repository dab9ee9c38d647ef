// Helpers every binding file uses: error results, metatables, and pushing
// C++ results without leaking when Lua raises.
//
// Lua 5.1 raises with longjmp, which skips C++ destructors. Bindings follow
// check -> act -> push: read arguments into trivially destructible locals, do
// the work in Lua-free C++, and push what that produced through
// PushProtected, which runs the pushes inside lua_pcall so that an error
// (out of memory) unwinds only to this frame; the caller's C++ objects are
// destroyed normally and the error is raised afterwards. Only the owning OS
// thread may touch a lua_State.
#ifndef LUV_LUA_SUPPORT_H_
#define LUV_LUA_SUPPORT_H_

#include <lua.hpp>

#include <type_traits>

#include "absl/status/status.h"

namespace luv::lua {

// Installs what the helpers below need in the registry of `L`. Called once by
// luaopen_luv; may raise.
void OpenSupport(lua_State* L);

// A type-erased view of a callable `int(lua_State*)` that pushes values and
// returns how many it pushed. The callable itself may only refer to C++
// objects that live outside it: its own frame is jumped over on error.
struct Pusher {
  int (*invoke)(void* target, lua_State* L);
  void* target;
};

// Runs `pusher` in protected mode. Returns the number of values it left on
// the stack, or -1 with the error object on top; the caller then lets its
// C++ objects go out of scope and calls lua_error. Never raises.
int RunProtected(lua_State* L, Pusher pusher);

template <typename F>
int PushProtected(lua_State* L, F&& push) {
  using Fn = std::remove_reference_t<F>;
  return RunProtected(
      L, Pusher{[](void* target, lua_State* L) { return (*static_cast<Fn*>(target))(L); },
                const_cast<void*>(static_cast<const void*>(&push))});
}

// Pushes `false, message, name` (name: "ENOENT") for a failed status.
// Returns -1 with an error on top if Lua ran out of memory (see above).
int PushFailure(lua_State* L, const absl::Status& status);

// Creates (or finds) the metatable named `name` ("luv.timer") with `methods`
// as its __index table, `meta` as metamethods, and a __tostring that prints
// "luv.timer: 0x...". Leaves it on the stack. May raise.
void NewClass(lua_State* L, const char* name, const luaL_Reg* methods,
              const luaL_Reg* meta = nullptr);

// Sets every function in `functions` as a field of the table on top.
void SetFunctions(lua_State* L, const luaL_Reg* functions);

}  // namespace luv::lua

#endif  // LUV_LUA_SUPPORT_H_
