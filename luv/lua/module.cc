// luaopen_luv: the only place that knows the whole module table.
#include <lua.hpp>

#include "luv/lua/lua_codec.h"
#include "luv/lua/lua_system.h"
#include "luv/lua/support.h"

// require("luv") -> the module table. Each OS thread's Lua state gets its own.
extern "C" __attribute__((visibility("default"))) int luaopen_luv(lua_State* L) {
  luv::lua::OpenSupport(L);
  lua_newtable(L);
  lua_pushliteral(L, "luv " LUV_VERSION);
  lua_setfield(L, -2, "_VERSION");
  luv::lua::OpenSystem(L);
  luv::lua::OpenCodec(L);
  return 1;
}
