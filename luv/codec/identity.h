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

// Userdata types that cross luv.codec by identity: the object stays in this
// process, and the blob carries only its type name and a random token that
// the blob's own pins map back to a strong reference to the object
// (message.h). Only blobs made by this process (their MAC verifies) may carry
// such tags. This is the extension point for luv's shareable objects (the
// ØMQ context, channels): a package registers its type once, before Lua
// code can encode one, typically from its Open<Area>() function.
//
//   codec::RegisterIdentityType({"luv.zmq.context", LendContext, PushContext});
//
// The registry is process-wide and thread-safe. Both callbacks run on the
// thread that owns `L`, inside a protected call, and may raise Lua errors.
#ifndef LUV_CODEC_IDENTITY_H_
#define LUV_CODEC_IDENTITY_H_

#include <cstdint>
#include "luv/luacompat/luacompat.h"
#include <memory>

#include "luv/base/status.h"

namespace luv::codec {

struct IdentityType {
  // The metatable name in the registry (luaL_newmetatable), also the name in
  // the blob. At most kMaxNameLength bytes; a string literal (not copied).
  const char* metatable;
  // Given the userdata at `index`, stores in `*object` a strong reference
  // that keeps the shared object alive while a blob names it, and returns
  // true; or returns false if this object cannot be shared (closed, say).
  // Must not raise after storing the reference.
  bool (*lend)(lua_State* L, int index, std::shared_ptr<void>* object);
  // Pushes this state's userdata for `object` (one that `lend` stored) and
  // returns 1, or returns 0, pushing nothing, if it cannot here.
  int (*push)(lua_State* L, const std::shared_ptr<void>& object);
};

// Adds `type`. Fails if the name is taken by another type, too long, or the
// table of types (32 entries) is full. Registering the same type twice is a
// no-op, so every thread's Open function may call it.
luv::Status RegisterIdentityType(const IdentityType& type);

// Copies out the type registered under `name` (length `size`), if any.
bool FindIdentityType(const char* name, size_t size, IdentityType* out);

// Calls `visit` with every registered type, in registration order, until it
// returns true; returns what `visit` returned last. The list is copied first,
// so `visit` may run Lua code.
bool ForEachIdentityType(bool (*visit)(const IdentityType& type, void* context),
                         void* context);

}  // namespace luv::codec

#endif  // LUV_CODEC_IDENTITY_H_
