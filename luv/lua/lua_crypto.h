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

// luv.crypto: digests (SHA-256, SHA-512, BLAKE2b), random bytes and a
// constant-time comparison, all from libsodium.
#ifndef LUV_LUA_LUA_CRYPTO_H_
#define LUV_LUA_LUA_CRYPTO_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Adds luv.crypto to the module table on top of the stack. Nothing in it
// suspends. May raise.
void OpenCrypto(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_CRYPTO_H_
