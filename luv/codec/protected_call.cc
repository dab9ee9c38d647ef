#include "luv/codec/protected_call.h"

namespace luv::codec {
namespace {

// The registry holds one trampoline closure per state under this address, so
// that calling does not allocate (pushing a new C function would, and that
// may raise outside protection).
const char kTrampolineKey = 0;

struct Call {
  ProtectedFunction fn;
  void* context;
};

int Trampoline(lua_State* L) {
  Call* call = static_cast<Call*>(lua_touserdata(L, 1));
  lua_remove(L, 1);
  return call->fn(L, call->context);
}

// Run by lua_cpcall, which is itself protected: creates the trampoline.
int Install(lua_State* L) {
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_pushcfunction(L, Trampoline);
  lua_rawset(L, LUA_REGISTRYINDEX);
  return 0;
}

}  // namespace

int CallProtected(lua_State* L, ProtectedFunction fn, void* context, int nargs) {
  int base = lua_gettop(L) - nargs;
  lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    if (lua_cpcall(L, Install, nullptr) != 0) {
      // Keep the contract: the arguments are consumed, the error is on top.
      lua_insert(L, base + 1);
      lua_settop(L, base + 1);
      return -1;
    }
    lua_pushlightuserdata(L, const_cast<char*>(&kTrampolineKey));
    lua_rawget(L, LUA_REGISTRYINDEX);
  }
  lua_insert(L, base + 1);
  Call call{fn, context};
  lua_pushlightuserdata(L, &call);
  lua_insert(L, base + 2);
  if (lua_pcall(L, nargs + 1, LUA_MULTRET, 0) != 0) return -1;
  return lua_gettop(L) - base;
}

}  // namespace luv::codec
