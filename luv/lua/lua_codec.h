// luv.codec: encode, decode and trydecode (luv/codec/codec.h underneath).
#ifndef LUV_LUA_LUA_CODEC_H_
#define LUV_LUA_LUA_CODEC_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Adds the `codec` table to the luv module table on top of the stack and
// records that table as the one whose members cross luv.codec by identity.
// Called once per state by luaopen_luv; may raise.
void OpenCodec(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_CODEC_H_
