#include "luv/sched/fiber.h"

namespace luv::sched {

int Fiber::PushJoinResults(lua_State* L, void* arg) {
  auto* fiber = static_cast<Fiber*>(arg);
  lua_State* co = fiber->thread();
  if (fiber->failed()) {
    luaL_checkstack(L, 2, "joining a fiber");
    lua_checkstack(co, 1);
    lua_pushboolean(L, 0);
    lua_pushvalue(co, -1);
    lua_xmove(co, L, 1);
    return 2;
  }
  int n = lua_gettop(co);
  luaL_checkstack(L, n + 1, "too many results to join");
  if (!lua_checkstack(co, n)) luaL_error(L, "too many results to join");
  lua_pushboolean(L, 1);
  for (int i = 1; i <= n; ++i) lua_pushvalue(co, i);
  lua_xmove(co, L, n);
  return n + 1;
}

}  // namespace luv::sched
