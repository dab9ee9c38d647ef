// Pushing C++ results into Lua without leaking when Lua raises.
//
// Lua 5.1 raises with longjmp, which skips C++ destructors. Code that holds
// C++ objects (strings, vectors, statuses) pushes what they describe through
// PushProtected: the pushes run under lua_pcall, so an error (out of memory)
// unwinds only to that call; the caller's objects are destroyed normally and
// the caller raises afterwards. The callable may itself hold no object with
// a destructor: its own frame is jumped over on error.
//
// Thread affinity: the thread that owns `L`.
#ifndef LUV_SCHED_PROTECT_H_
#define LUV_SCHED_PROTECT_H_

#include <lua.hpp>
#include <type_traits>

namespace luv::sched {

// Installs the trampoline RunProtected needs in L's registry. Once per Lua
// state (luaopen_luv); may raise.
void InstallProtect(lua_State* L);

// A type-erased callable `int(lua_State*)` that pushes values and returns
// how many it pushed.
struct Pusher {
  int (*invoke)(void* target, lua_State* L);
  void* target;
};

// Runs `pusher` in protected mode. Returns the number of values it left on
// the stack, or -1 with the error object on top. Never raises. Needs two
// free stack slots (a C function always has LUA_MINSTACK).
int RunProtected(lua_State* L, Pusher pusher);

template <typename F>
int PushProtected(lua_State* L, F&& push) {
  using Fn = std::remove_reference_t<F>;
  return RunProtected(
      L, Pusher{[](void* target, lua_State* L) { return (*static_cast<Fn*>(target))(L); },
                const_cast<void*>(static_cast<const void*>(&push))});
}

}  // namespace luv::sched

#endif  // LUV_SCHED_PROTECT_H_
