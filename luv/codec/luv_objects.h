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

// luv's own tables and functions cross luv.codec by identity: the blob names
// their path in the module table ("fiber.create", "" for the table itself)
// and the decoder returns the object at that path in the receiving state's
// require("luv") table. The paths are found by walking the module table, so
// areas added to luv later need no registration here.
//
// Per lua_State; only its owning thread. Functions below may raise (they
// allocate), so call them in protected mode or from a binding.
#ifndef LUV_CODEC_LUV_OBJECTS_H_
#define LUV_CODEC_LUV_OBJECTS_H_

#include <cstddef>
#include "luv/luacompat/luacompat.h"

namespace luv::codec {

// Records the table at `index` as this state's luv module table. Called by
// luaopen_luv (through OpenCodec).
void SetModuleTable(lua_State* L, int index);

// Pushes a table mapping each table and function reachable from the module
// table (by string keys, four levels deep) to its path, or nil if luv was not
// opened in this state. Built on first use and then cached, so members added
// after the first encode are not known.
void PushLuvIndex(lua_State* L);

// The addresses (lua_topointer) of the objects in the index, sorted, so that
// the encoder can rule an object out without a Lua call. Pushes the block
// that holds them (or nil if there is no index): the view is valid while
// that value stays on the stack, even if luv is reloaded meanwhile. Call
// after PushLuvIndex. Does not allocate or raise.
struct LuvAddresses {
  const void* const* data = nullptr;
  size_t size = 0;
  bool Contains(const void* p) const;
};
LuvAddresses PushLuvAddresses(lua_State* L);

// Loads luv in this state (require "luv") if it has not been, so that its
// objects and identity types can be made here. May raise.
void EnsureLuvLoaded(lua_State* L);

// Pushes the object at `path` in this state's module table and returns true;
// returns false (pushing nothing) if there is no such table or function.
// Loads luv first (require "luv") if this state has not yet. May raise.
bool PushLuvObject(lua_State* L, const char* path, size_t size);

}  // namespace luv::codec

#endif  // LUV_CODEC_LUV_OBJECTS_H_
