#include "luv/lua/support.h"

#include "luv/uv/status.h"

namespace luv::lua {
namespace {

// Registry key of the shared trampoline closure; its address is the key.
const char kTrampolineKey = 0;

// Called under lua_pcall with the Pusher as light userdata argument 1.
int Trampoline(lua_State* L) {
  Pusher* pusher = static_cast<Pusher*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  return pusher->invoke(pusher->target, L);
}

int ToString(lua_State* L) {
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, "__name");
  lua_pushfstring(L, "%s: %p", lua_tostring(L, -1), lua_topointer(L, 1));
  return 1;
}

}  // namespace

void OpenSupport(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_pushcfunction(L, Trampoline);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

int RunProtected(lua_State* L, Pusher pusher) {
  // Every C function gets LUA_MINSTACK free slots; these three calls use two
  // and allocate nothing, so none of them can raise.
  int top = lua_gettop(L);
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
  lua_pushlightuserdata(L, &pusher);
  if (lua_pcall(L, 1, LUA_MULTRET, 0) != 0) return -1;
  return lua_gettop(L) - top;
}

int PushFailure(lua_State* L, const absl::Status& status) {
  return PushProtected(L, [&status](lua_State* L) {
    absl::string_view name = uv::ErrorName(status);
    lua_pushboolean(L, 0);
    lua_pushlstring(L, status.message().data(), status.message().size());
    lua_pushlstring(L, name.data(), name.size());
    return 3;
  });
}

void NewClass(lua_State* L, const char* name, const luaL_Reg* methods,
              const luaL_Reg* meta) {
  if (!luaL_newmetatable(L, name)) return;
  lua_pushstring(L, name);
  lua_setfield(L, -2, "__name");
  lua_pushcfunction(L, ToString);
  lua_setfield(L, -2, "__tostring");
  if (meta != nullptr) SetFunctions(L, meta);
  lua_newtable(L);
  SetFunctions(L, methods);
  lua_setfield(L, -2, "__index");
}

void SetFunctions(lua_State* L, const luaL_Reg* functions) {
  for (; functions->name != nullptr; ++functions) {
    lua_pushcfunction(L, functions->func);
    lua_setfield(L, -2, functions->name);
  }
}

}  // namespace luv::lua
