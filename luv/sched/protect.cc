#include "luv/sched/protect.h"

namespace luv::sched {
namespace {

// Registry key of the shared trampoline closure; its address is the key.
const char kTrampolineKey = 0;

// Called under lua_pcall with the Pusher as light userdata argument 1.
int Trampoline(lua_State* L) {
  Pusher* pusher = static_cast<Pusher*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  return pusher->invoke(pusher->target, L);
}

}  // namespace

void InstallProtect(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_pushcfunction(L, Trampoline);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

int RunProtected(lua_State* L, Pusher pusher) {
  // Pushing a light userdata and reading an existing registry entry
  // allocate nothing, so none of this can raise before lua_pcall.
  int top = lua_gettop(L);
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
  lua_pushlightuserdata(L, &pusher);
  if (lua_pcall(L, 1, LUA_MULTRET, 0) != 0) return -1;
  return lua_gettop(L) - top;
}

}  // namespace luv::sched
