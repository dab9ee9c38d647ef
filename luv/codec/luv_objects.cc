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

#include "luv/codec/luv_objects.h"

#include <algorithm>
#include <cstring>
#include <functional>

#include "luv/codec/format.h"

namespace luv::codec {
namespace {

// Registry keys (their addresses).
const char kModuleKey = 0;
const char kIndexKey = 0;
const char kAddressesKey = 0;

// The userdata behind LuvAddresses: a count, then the sorted addresses.
struct AddressBlock {
  size_t size;
  const void* data[1];
};

// Builds the address block for the index at `index` and stores it.
void StoreAddresses(lua_State* L, int index) {
  size_t n = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    lua_pop(L, 1);
    ++n;
  }
  auto* block = static_cast<AddressBlock*>(
      lua_newuserdata(L, sizeof(AddressBlock) + n * sizeof(const void*)));
  block->size = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    lua_pop(L, 1);
    block->data[block->size++] = lua_topointer(L, -1);
  }
  std::sort(block->data, block->data + block->size, std::less<const void*>());
  lua_pushlightuserdata(L, const_cast<char*>(&kAddressesKey));
  lua_insert(L, -2);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

constexpr int kIndexDepth = 4;

void PushRegistryValue(lua_State* L, const char* key) {
  lua_pushlightuserdata(L, const_cast<char*>(key));
  lua_rawget(L, LUA_REGISTRYINDEX);
}

// Adds the members of the table at `table`, whose path is `prefix` ("" for
// the module table), to the index at `index`, depth first.
void AddMembers(lua_State* L, int index, int table, const char* prefix,
                size_t prefix_size, int depth) {
  luaL_checkstack(L, 4, "luv.codec index");
  lua_pushnil(L);
  while (lua_next(L, table) != 0) {
    int type = lua_type(L, -1);
    size_t key_size;
    const char* key =
        lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, &key_size) : nullptr;
    bool usable = key != nullptr && (type == LUA_TTABLE || type == LUA_TFUNCTION) &&
                  std::memchr(key, '.', key_size) == nullptr &&
                  prefix_size + 1 + key_size <= kMaxNameLength;
    if (usable) {
      lua_pushvalue(L, -1);
      lua_rawget(L, index);
      bool known = !lua_isnil(L, -1);
      lua_pop(L, 1);
      if (!known) {
        char path[kMaxNameLength + 1];
        size_t size = 0;
        if (prefix_size != 0) {
          std::memcpy(path, prefix, prefix_size);
          path[prefix_size] = '.';
          size = prefix_size + 1;
        }
        std::memcpy(path + size, key, key_size);
        size += key_size;
        lua_pushvalue(L, -1);
        lua_pushlstring(L, path, size);
        lua_rawset(L, index);
        if (type == LUA_TTABLE && depth < kIndexDepth) {
          AddMembers(L, index, lua_gettop(L), path, size, depth + 1);
        }
      }
    }
    lua_pop(L, 1);
  }
}

}  // namespace

void SetModuleTable(lua_State* L, int index) {
  index = index < 0 && index > LUA_REGISTRYINDEX ? lua_gettop(L) + index + 1 : index;
  lua_pushlightuserdata(L, const_cast<char*>(&kModuleKey));
  lua_pushvalue(L, index);
  lua_rawset(L, LUA_REGISTRYINDEX);
  // A new module table means a new index.
  lua_pushlightuserdata(L, const_cast<char*>(&kIndexKey));
  lua_pushnil(L);
  lua_rawset(L, LUA_REGISTRYINDEX);
  lua_pushlightuserdata(L, const_cast<char*>(&kAddressesKey));
  lua_pushnil(L);
  lua_rawset(L, LUA_REGISTRYINDEX);
}

void PushLuvIndex(lua_State* L) {
  luaL_checkstack(L, 4, "luv.codec index");
  PushRegistryValue(L, &kIndexKey);
  if (!lua_isnil(L, -1)) return;
  lua_pop(L, 1);
  PushRegistryValue(L, &kModuleKey);
  if (!lua_istable(L, -1)) return;  // nil: luv was not opened here
  int module = lua_gettop(L);
  lua_newtable(L);
  int index = module + 1;
  lua_pushvalue(L, module);
  lua_pushliteral(L, "");
  lua_rawset(L, index);
  AddMembers(L, index, module, "", 0, 1);
  StoreAddresses(L, index);
  lua_pushlightuserdata(L, const_cast<char*>(&kIndexKey));
  lua_pushvalue(L, index);
  lua_rawset(L, LUA_REGISTRYINDEX);
  lua_remove(L, module);
}

bool LuvAddresses::Contains(const void* p) const {
  return std::binary_search(data, data + size, p, std::less<const void*>());
}

LuvAddresses PushLuvAddresses(lua_State* L) {
  LuvAddresses addresses;
  PushRegistryValue(L, &kAddressesKey);
  auto* block = static_cast<AddressBlock*>(lua_touserdata(L, -1));
  if (block != nullptr) {
    addresses.data = block->data;
    addresses.size = block->size;
  }
  return addresses;
}

void EnsureLuvLoaded(lua_State* L) {
  luaL_checkstack(L, 2, "luv.codec");
  PushRegistryValue(L, &kModuleKey);
  bool loaded = !lua_isnil(L, -1);
  lua_pop(L, 1);
  if (loaded) return;
  // luv is not loaded in this state yet (a new thread loads it only when
  // something needs it): load it now, if require can.
  lua_getglobal(L, "require");
  if (!lua_isfunction(L, -1)) {
    lua_pop(L, 1);
    return;
  }
  lua_pushliteral(L, "luv");
  lua_call(L, 1, 0);  // errors propagate: decoding runs protected
}

bool PushLuvObject(lua_State* L, const char* path, size_t size) {
  luaL_checkstack(L, 3, "luv.codec path");
  PushRegistryValue(L, &kModuleKey);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    EnsureLuvLoaded(L);
    PushRegistryValue(L, &kModuleKey);
  }
  const char* end = path + size;
  while (lua_istable(L, -1) && path < end) {
    const char* dot = static_cast<const char*>(std::memchr(path, '.', end - path));
    const char* stop = dot != nullptr ? dot : end;
    lua_pushlstring(L, path, stop - path);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    path = dot != nullptr ? dot + 1 : end;
    if (dot != nullptr && path == end) {  // a trailing dot names nothing
      lua_pop(L, 1);
      return false;
    }
  }
  if (path == end && (lua_istable(L, -1) || lua_isfunction(L, -1))) return true;
  lua_pop(L, 1);
  return false;
}

}  // namespace luv::codec
