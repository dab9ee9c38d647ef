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

// luv.tls: TLS over luv streams, on OpenSSL (luv/tls). A context holds the
// configuration (certificates, trust, versions, ALPN); luv.tls.wrap puts a
// TLS session between a connected tcp or pipe and the program (the
// stream's filter, uv/stream_filter.h) and runs the handshake, suspending
// only the calling fiber. The stream object stays the one the program has:
// read, write, the buffered reads, shutdown, close, luv.select, deadlines
// and cancellation work as before, on the decrypted bytes.
#ifndef LUV_LUA_LUA_TLS_H_
#define LUV_LUA_LUA_TLS_H_

#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// Adds luv.tls to the module table on top of the stack, and tls_info and
// peer_certificate to the tcp and pipe methods (call after OpenTcp and
// OpenPipe). May raise.
void OpenTls(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_TLS_H_
