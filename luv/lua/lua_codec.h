// Copyright 2026 The luv Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

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
