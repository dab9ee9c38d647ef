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

// Encode: walk the tuple in protected mode, writing into a buffer lent by
// the caller's frame (the thread's scratch, kept between calls). Errors from
// our own checks unwind through return values, collecting the path of the
// bad value; Lua errors (out of memory) unwind through lua_pcall. Either way
// the frame that lent the buffers readies them for the next call.
#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "luv/base/strings.h"
#include "luv/codec/buffer.h"
#include "luv/codec/codec.h"
#include "luv/codec/format.h"
#include "luv/codec/identity.h"
#include "luv/codec/luv_objects.h"
#include "luv/codec/mac.h"
#include "luv/codec/nesting.h"
#include "luv/codec/message.h"
#include "luv/protect/protect.h"
#include "luv/codec/vm.h"
#include "luv/luacompat/luacompat.h"

namespace luv::codec {
namespace {

constexpr size_t kPathCapacity = 1024;

// The first function met that holds an upvalue variable, and which of its
// upvalues it is.
struct UpvalueOwner {
  uint32_t function_id;
  uint32_t upvalue;
};

// Everything the walk needs. Trivially destructible itself; the containers
// it points at are lent by EncodeImpl's frame (ScratchLease).
struct Encoder {
  ByteBuffer* out;
  PointerMap* ids;
  PointerMap* upvalues;  // upvalue variable (5.2+) -> index in upvalue_owners
  std::vector<UpvalueOwner>* upvalue_owners;
  Pins* pins;  // the live objects the blob names
  ByteVector* unfinished;  // 1 while a hooked object's state is encoded
  int max_depth;
  int count;
  bool push_result;
  uint8_t flags;
  uint32_t next_id;
  int index_slot;    // luv's index (object -> path), or 0
  LuvAddresses luv;  // the index's keys, to skip the lookup for other objects
  int codec_key_slot;
  // Keeps objects alive until the encode ends: hook results, and once a
  // tuple turns out to have hooks, every object that has an id (a hook may
  // drop one and collect garbage, and a new object at the same address must
  // not be written as a reference to the dead one).
  int anchor_slot;
  int anchors;
  bool anchor_objects;
  bool restart;  // a first hook was met before objects were anchored
  bool failed;
  char error[512];
  char path[kPathCapacity];
  size_t path_start;  // the path is prepended while unwinding
  bool path_truncated;
};

bool Fail(Encoder* e, const char* format, ...) __attribute__((format(printf, 2, 3)));
bool Fail(Encoder* e, const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::vsnprintf(e->error, sizeof(e->error), format, args);
  va_end(args);
  e->failed = true;
  return false;
}

bool NoRoom(Encoder* e, size_t n) {
  if (n > e->out->limit() - e->out->size()) {
    return Fail(e, "encoded blob exceeds max_bytes (%zu)", e->out->limit());
  }
  return Fail(e, "out of memory");
}

void Prepend(Encoder* e, const char* segment, size_t n) {
  if (n > e->path_start) {
    // Full: keep the outer part of the path (where the value sits from the
    // root), dropping the innermost bytes.
    size_t length = kPathCapacity - e->path_start;
    size_t drop = n - e->path_start;
    e->path_truncated = true;
    if (drop >= length) return;
    std::memmove(e->path + e->path_start + drop, e->path + e->path_start, length - drop);
    e->path_start += drop;
  }
  e->path_start -= n;
  std::memcpy(e->path + e->path_start, segment, n);
}

void PrependIndex(Encoder* e, unsigned long long i) {
  char segment[32];
  int n = std::snprintf(segment, sizeof(segment), "[%llu]", i);
  Prepend(e, segment, static_cast<size_t>(n));
}

bool IsIdentifier(const char* s, size_t n) {
  if (n == 0 || n > 40 ||
      !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) {
    return false;
  }
  for (size_t i = 1; i < n; ++i) {
    if (!std::isalnum(static_cast<unsigned char>(s[i])) && s[i] != '_') return false;
  }
  return true;
}

// The segment for the key at `key`: .name, ["text"], [3], [true], [table].
void PrependKey(Encoder* e, lua_State* L, int key) {
  char segment[64];
  int n;
  switch (lua_type(L, key)) {
    case LUA_TSTRING: {
      size_t size;
      const char* s = lua_tolstring(L, key, &size);
      if (IsIdentifier(s, size)) {
        n = std::snprintf(segment, sizeof(segment), ".%.*s", static_cast<int>(size), s);
      } else {
        char shown[33];
        size_t m = size < 32 ? size : 32;
        for (size_t i = 0; i < m; ++i) {
          shown[i] =
              std::isprint(static_cast<unsigned char>(s[i])) && s[i] != '"' ? s[i] : '?';
        }
        shown[m] = '\0';
        n = std::snprintf(segment, sizeof(segment), "[\"%s%s\"]", shown,
                          size > m ? "..." : "");
      }
      break;
    }
    case LUA_TNUMBER:
      n = std::snprintf(segment, sizeof(segment), "[%.14g]", lua_tonumber(L, key));
      break;
    case LUA_TBOOLEAN:
      n = std::snprintf(segment, sizeof(segment), "[%s]",
                        lua_toboolean(L, key) ? "true" : "false");
      break;
    default:
      n = std::snprintf(segment, sizeof(segment), "[<%s>]", luaL_typename(L, key));
      break;
  }
  Prepend(e, segment, static_cast<size_t>(n) < sizeof(segment) ? n : sizeof(segment) - 1);
}

void PrependText(Encoder* e, const char* text) { Prepend(e, text, std::strlen(text)); }

bool PutByte(Encoder* e, uint8_t b) {
  if (!e->out->Reserve(1)) return NoRoom(e, 1);
  e->out->PutUnchecked(b);
  return true;
}

bool WriteVarint(Encoder* e, uint64_t v) {
  uint8_t bytes[10];
  size_t n = codec::PutVarint(v, bytes);
  return e->out->Put(bytes, n) || NoRoom(e, n);
}

bool PutTagged(Encoder* e, uint8_t tag, const void* p, size_t n) {
  if (!e->out->Reserve(n + 11)) return NoRoom(e, n + 11);
  e->out->PutUnchecked(tag);
  uint8_t bytes[10];
  e->out->PutUnchecked(bytes, codec::PutVarint(n, bytes));
  e->out->PutUnchecked(p, n);
  return true;
}

// Replaces the one-byte placeholder at `at` by the varint `v`.
bool PatchVarint(Encoder* e, size_t at, uint64_t v) {
  uint8_t bytes[10];
  size_t n = codec::PutVarint(v, bytes);
  e->out->data()[at] = bytes[0];
  return n == 1 || e->out->Insert(at + 1, bytes + 1, n - 1) || NoRoom(e, n - 1);
}

// Room for 11 bytes is reserved.
void PutInteger(Encoder* e, int64_t i) {
  if (i >= 0 && static_cast<uint64_t>(i) <= kSmallIntMax) {
    e->out->PutUnchecked(static_cast<uint8_t>(kTagSmallInt + i));
  } else {
    e->out->PutUnchecked(kTagInt);
    uint8_t bytes[10];
    e->out->PutUnchecked(bytes, codec::PutVarint(ZigZag(i), bytes));
  }
}

// 5.3+: integers as integers, floats always as doubles (math.type survives).
// 5.1, 5.2, LuaJIT: a number with an int64 value as an integer.
bool EncodeNumber(Encoder* e, lua_State* L, int index) {
  if (!e->out->Reserve(11)) return NoRoom(e, 11);
  if (compat::IsInteger(L, index)) {
    PutInteger(e, static_cast<int64_t>(lua_tointeger(L, index)));
    return true;
  }
  double d = lua_tonumber(L, index);
  int64_t i;
  if (!compat::kHasIntegers && DoubleToInt(d, &i)) {
    PutInteger(e, i);
    return true;
  }
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  uint8_t bytes[9] = {kTagDouble};
  for (int k = 0; k < 8; ++k) bytes[k + 1] = static_cast<uint8_t>(bits >> (8 * k));
  e->out->PutUnchecked(bytes, sizeof bytes);
  return true;
}

bool EncodeString(Encoder* e, lua_State* L, int index) {
  size_t n;
  const char* s = lua_tolstring(L, index, &n);
  if (n <= kShortStringMax) {
    if (!e->out->Reserve(n + 1)) return NoRoom(e, n + 1);
    e->out->PutUnchecked(static_cast<uint8_t>(kTagShortString + n));
    e->out->PutUnchecked(s, n);
    return true;
  }
  return PutTagged(e, kTagString, s, n);
}

bool EncodeValue(Encoder* e, lua_State* L, int index, int depth);

bool Enter(Encoder* e, lua_State* L, int depth) {
  if (depth > e->max_depth) return Fail(e, "nesting deeper than %d", e->max_depth);
  if (!lua_checkstack(L, 6)) return Fail(e, "Lua stack overflow");
  return true;
}

bool EncodeTable(Encoder* e, lua_State* L, int table, int depth) {
  if (!Enter(e, L, depth) || !PutByte(e, kTagTable)) return false;
  // Both counts come before the elements; one-byte placeholders are patched
  // (and widened) once the counts are known.
  size_t narray_at = e->out->size();
  size_t nhash_at = narray_at + 1;
  if (!PutByte(e, 0) || !PutByte(e, 0)) return false;
  // One pass: lua_next yields the array part first, in order, so the run of
  // keys 1, 2, 3... it starts with is the array part; everything after the
  // first other key (a hole, or t[0] in LuaJIT) goes in the hash part.
  uint64_t narray = 0;
  uint64_t nhash = 0;
  bool in_array = true;
  lua_pushnil(L);
  while (lua_next(L, table) != 0) {
    int value = lua_gettop(L);
    if (in_array) {
      if (lua_type(L, value - 1) == LUA_TNUMBER &&
          lua_tonumber(L, value - 1) == static_cast<double>(narray + 1)) {
        ++narray;
        if (!EncodeValue(e, L, value, depth + 1)) {
          PrependIndex(e, narray);
          return false;
        }
        lua_pop(L, 1);
        continue;
      }
      in_array = false;
    }
    if (!EncodeValue(e, L, value - 1, depth + 1)) {
      PrependText(e, "<a key>");
      return false;
    }
    if (!EncodeValue(e, L, value, depth + 1)) {
      PrependKey(e, L, value - 1);
      return false;
    }
    lua_pop(L, 1);
    ++nhash;
  }
  size_t size_before = e->out->size();
  if (!PatchVarint(e, narray_at, narray)) return false;
  nhash_at += e->out->size() - size_before;
  return PatchVarint(e, nhash_at, nhash);
}

int DumpWriter(lua_State*, const void* p, size_t n, void* ud) {
  Encoder* e = static_cast<Encoder*>(ud);
  return e->out->Put(p, n) ? 0 : (NoRoom(e, n), 1);
}

bool EncodeUpvalue(Encoder* e, lua_State* L, int function, uint32_t function_id, int i,
                   int depth);

bool EncodeFunction(Encoder* e, lua_State* L, int function, int depth) {
  if (lua_iscfunction(L, function)) {
    return Fail(e, "cannot encode a C function (only luv's own cross, by identity)");
  }
  if (!Enter(e, L, depth) || !PutByte(e, kTagFunction) || !PutByte(e, 0)) return false;
  size_t code_at = e->out->size();
  lua_pushvalue(L, function);
  int status = compat::Dump(L, DumpWriter, e);
  lua_pop(L, 1);
  if (e->failed) return false;
  if (status != 0) return Fail(e, "lua_dump failed (%d)", status);
  Vm vm = VmOfBytecode(e->out->data() + code_at, e->out->size() - code_at);
  if (vm == Vm::kUnknown) return Fail(e, "lua_dump wrote bytecode of an unknown VM");
  e->flags |= kFlagCode | BytecodeFlag(vm);
  if (!PatchVarint(e, code_at - 1, e->out->size() - code_at)) return false;
  int nups = 0;
  while (lua_getupvalue(L, function, nups + 1) != nullptr) {
    lua_pop(L, 1);
    ++nups;
  }
  if (!WriteVarint(e, static_cast<uint64_t>(nups))) return false;
  uint32_t function_id = e->next_id - 1;
  for (int i = 1; i <= nups; ++i) {
    if (!EncodeUpvalue(e, L, function, function_id, i, depth)) return false;
  }
  return true;
}

// Upvalue `i` of the function at `function` (object `function_id`): a
// reference to an earlier function's upvalue when the VM tells that they
// are one variable, the globals as a mark, else its value.
bool EncodeUpvalue(Encoder* e, lua_State* L, int function, uint32_t function_id, int i,
                   int depth) {
  if (const void* variable = compat::UpvalueId(L, function, i)) {
    uint32_t key = static_cast<uint32_t>(e->upvalue_owners->size());
    int64_t known = e->upvalues->FindOrInsert(variable, key);
    if (known == -2) return Fail(e, "out of memory");
    if (known >= 0) {
      const UpvalueOwner& owner = (*e->upvalue_owners)[known];
      return PutByte(e, kTagSharedUpvalue) && WriteVarint(e, owner.function_id) &&
             WriteVarint(e, owner.upvalue);
    }
    try {
      e->upvalue_owners->push_back({function_id, static_cast<uint32_t>(i)});
    } catch (const std::bad_alloc&) {
      return Fail(e, "out of memory");
    }
  }
  const char* name = lua_getupvalue(L, function, i);
  if (lua_type(L, -1) == LUA_TTABLE) {
    compat::PushGlobals(L);
    bool globals = lua_rawequal(L, -1, -2) != 0;
    lua_pop(L, 1);
    if (globals) {
      lua_pop(L, 1);
      return PutByte(e, kTagGlobals);
    }
  }
  if (!EncodeValue(e, L, lua_gettop(L), depth + 1)) {
    char segment[80];
    int n = std::snprintf(segment, sizeof(segment), "<upvalue %d '%.40s'>", i, name);
    Prepend(e, segment,
            static_cast<size_t>(n) < sizeof(segment) ? n : sizeof(segment) - 1);
    return false;
  }
  lua_pop(L, 1);
  return true;
}

// The __codec function is on top of the stack; `object` is the hooked value.
bool EncodeHook(Encoder* e, lua_State* L, int object, uint32_t id, int depth) {
  if (!e->anchor_objects) {
    // The first hook could free what was numbered so far. No hook has run
    // yet, so starting over with every object anchored repeats nothing a
    // user can see; tuples without hooks never pay for anchors.
    e->restart = true;
    return Fail(e, "restart with anchors");
  }
  if (!Enter(e, L, depth)) return false;
  lua_pushvalue(L, object);
  if (lua_pcall(L, 1, 2, 0) != 0) {
    const char* message = lua_type(L, -1) == LUA_TSTRING
                              ? lua_tostring(L, -1)
                              : "(error object is not a string)";
    // Nested hooks wrap each other's messages: keep the end, where the cause
    // is.
    size_t length = std::strlen(message);
    const char* shown = length > 400 ? message + length - 400 : message;
    return Fail(e, "__codec hook raised: %s%s", shown == message ? "" : "...", shown);
  }
  int state = lua_gettop(L);
  int constructor = state - 1;
  // Hook results are fresh objects: anchor them too (their addresses become
  // ids).
  lua_pushvalue(L, constructor);
  lua_rawseti(L, e->anchor_slot, ++e->anchors);
  lua_pushvalue(L, state);
  lua_rawseti(L, e->anchor_slot, ++e->anchors);
  e->flags |= kFlagCode;
  (*e->unfinished)[id] = 1;
  if (lua_type(L, constructor) == LUA_TSTRING) {
    size_t n;
    const char* name = lua_tolstring(L, constructor, &n);
    if (n > kMaxNameLength)
      return Fail(e, "__codec hook name longer than %zu bytes", kMaxNameLength);
    if (!PutTagged(e, kTagHookName, name, n)) return false;
  } else if (lua_isfunction(L, constructor)) {
    if (!PutByte(e, kTagHookFn)) return false;
    if (!EncodeValue(e, L, constructor, depth + 1)) {
      PrependText(e, "<__codec constructor>");
      return false;
    }
  } else {
    return Fail(e, "__codec hook returned a %s, not a function or a name",
                luaL_typename(L, constructor));
  }
  if (!EncodeValue(e, L, state, depth + 1)) {
    PrependText(e, "<__codec state>");
    return false;
  }
  (*e->unfinished)[id] = 0;
  lua_pop(L, 2);
  return true;
}

struct IdentitySearch {
  lua_State* L;
  int object;
  int metatable;
  IdentityType found;
};

bool MatchIdentity(const IdentityType& type, void* context) {
  IdentitySearch* search = static_cast<IdentitySearch*>(context);
  luaL_getmetatable(search->L, type.metatable);
  bool same = lua_rawequal(search->L, -1, search->metatable) != 0;
  lua_pop(search->L, 1);
  if (same) search->found = type;
  return same;
}

bool EncodeUserdata(Encoder* e, lua_State* L, int object) {
  IdentitySearch search{L, object, lua_gettop(L), {}};
  if (!ForEachIdentityType(MatchIdentity, &search)) {
    return Fail(e, "cannot encode a userdata without a __codec hook");
  }
  // The pin lives in the caller's vector before `lend` stores into it, so a
  // Lua error cannot strand the reference in this frame.
  try {
    e->pins->emplace_back();
  } catch (const std::bad_alloc&) {
    return Fail(e, "out of memory");
  }
  Pin& pin = e->pins->back();
  pin.type = search.found.metatable;
  if (!NewToken(&pin.token)) return Fail(e, "libsodium could not be initialized");
  if (!search.found.lend(L, object, &pin.object)) {
    e->pins->pop_back();
    return Fail(e, "this %s cannot be shared", search.found.metatable);
  }
  e->flags |= kFlagLive;
  return PutTagged(e, kTagIdentity, search.found.metatable,
                   std::strlen(search.found.metatable)) &&
         (e->out->Put(pin.token.data(), kTokenSize) || NoRoom(e, kTokenSize));
}

// Tables, functions and userdata: a reference if seen before, else a new id.
bool EncodeObject(Encoder* e, lua_State* L, int index, int type, int depth) {
  const void* p = lua_topointer(L, index);
  uint32_t id = e->next_id;
  int64_t known = e->ids->FindOrInsert(p, id);
  if (known >= 0) {
    if ((*e->unfinished)[known] != 0) {
      return Fail(e, "a __codec hook's result contains the hooked object itself");
    }
    return PutByte(e, kTagRef) && WriteVarint(e, static_cast<uint64_t>(known));
  }
  if (known == -2 || !e->unfinished->Push(0)) return Fail(e, "out of memory");
  ++e->next_id;
  if (e->anchor_objects) {
    lua_pushvalue(L, index);
    lua_rawseti(L, e->anchor_slot, ++e->anchors);
  }
  if (e->index_slot != 0 && e->luv.Contains(p)) {
    lua_pushvalue(L, index);
    lua_rawget(L, e->index_slot);
    if (lua_type(L, -1) == LUA_TSTRING) {
      size_t n;
      const char* path = lua_tolstring(L, -1, &n);
      e->flags |= kFlagLive;
      bool ok = PutTagged(e, kTagLuvPath, path, n);
      lua_pop(L, 1);
      return ok;
    }
    lua_pop(L, 1);
  }
  if (type == LUA_TFUNCTION) return EncodeFunction(e, L, index, depth);
  // Tables and userdata: a __codec hook wins, read without metamethods.
  if (!lua_checkstack(L, 4)) return Fail(e, "Lua stack overflow");
  if (lua_getmetatable(L, index)) {
    lua_pushvalue(L, e->codec_key_slot);
    lua_rawget(L, -2);
    if (!lua_isnil(L, -1)) {
      lua_remove(L, -2);
      return EncodeHook(e, L, index, id, depth);
    }
    lua_pop(L, 1);
    if (type == LUA_TUSERDATA) {
      bool ok = EncodeUserdata(e, L, index);
      if (ok) lua_pop(L, 1);
      return ok;
    }
    lua_pop(L, 1);  // a table's metatable without a hook is not encoded
  } else if (type == LUA_TUSERDATA) {
    return Fail(e, "cannot encode a userdata without a __codec hook");
  }
  return EncodeTable(e, L, index, depth);
}

bool EncodeValue(Encoder* e, lua_State* L, int index, int depth) {
  int type = lua_type(L, index);
  switch (type) {
    case LUA_TNIL:
      return PutByte(e, kTagNil);
    case LUA_TBOOLEAN:
      return PutByte(e, lua_toboolean(L, index) ? kTagTrue : kTagFalse);
    case LUA_TNUMBER:
      return EncodeNumber(e, L, index);
    case LUA_TSTRING:
      return EncodeString(e, L, index);
    case LUA_TTABLE:
    case LUA_TFUNCTION:
    case LUA_TUSERDATA:
      return EncodeObject(e, L, index, type, depth);
    case LUA_TTHREAD:
      return Fail(e, "cannot encode a coroutine");
    default:
      return Fail(e, "cannot encode a %s", lua_typename(L, type));
  }
}

// Runs in protected mode with the tuple as its stack.
// The header and the `e->count` values that start at stack index `first`.
bool WriteTuple(Encoder* e, lua_State* L, int first) {
  uint8_t header[kHeaderSize] = {kMagic[0], kMagic[1], kMagic[2], kVersion, 0};
  if (!e->out->Put(header, sizeof header)) return NoRoom(e, sizeof header);
  if (!WriteVarint(e, static_cast<uint64_t>(e->count))) return false;
  for (int i = 0; i < e->count; ++i) {
    if (!EncodeValue(e, L, first + i, 1)) {
      PrependIndex(e, static_cast<unsigned long long>(i + 1));
      PrependText(e, "root");
      return false;
    }
  }
  return true;
}

// Whether the top `count` values are all nil, booleans, numbers or strings:
// encoding those runs no Lua code and cannot raise, so such a tuple (most
// channel messages and thread arguments) needs neither the protected call
// nor the set-up for tables, functions and hooks.
bool OnlyPlainValues(lua_State* L, int count) {
  for (int i = lua_gettop(L) - count + 1, top = lua_gettop(L); i <= top; ++i) {
    int type = lua_type(L, i);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN && type != LUA_TNUMBER &&
        type != LUA_TSTRING) {
      return false;
    }
  }
  return true;
}

// Forgets everything written so far (keeping the memory).
void StartOver(Encoder* e) {
  e->out->Truncate(0);
  e->ids->Clear();
  e->upvalues->Clear();
  e->upvalue_owners->clear();
  e->unfinished->Clear();
  e->pins->clear();
  e->flags = 0;
  e->next_id = 0;
  e->failed = false;
  e->restart = false;
  e->error[0] = '\0';
  e->path_start = kPathCapacity;
  e->path_truncated = false;
}

int Walk(lua_State* L, void* context) {
  Encoder* e = static_cast<Encoder*>(context);
  luaL_checkstack(L, 8, "luv.codec.encode");
  PushLuvIndex(L);
  e->index_slot = lua_istable(L, -1) ? lua_gettop(L) : 0;
  // On the stack, so a hook that reloads luv cannot free what `luv` reads.
  e->luv = PushLuvAddresses(L);
  lua_pushliteral(L, "__codec");
  e->codec_key_slot = lua_gettop(L);
  lua_createtable(L, 16, 0);
  e->anchor_slot = lua_gettop(L);

  while (!WriteTuple(e, L, 1)) {
    if (!e->restart) return 0;
    lua_settop(L, e->anchor_slot);
    StartOver(e);
    e->anchor_objects = true;
  }
  e->out->data()[4] = e->flags;
  if ((e->flags & kSignedFlags) != 0) {
    uint8_t mac[kMacSize];
    if (!SignBlob(e->out->data(), e->out->size(), mac)) {
      return Fail(e, "libsodium could not be initialized"), 0;
    }
    if (!e->out->Put(mac, sizeof mac)) return NoRoom(e, sizeof mac), 0;
  }
  if (!e->push_result) return 0;
  lua_pushlstring(L, reinterpret_cast<const char*>(e->out->data()), e->out->size());
  return 1;
}

// The containers an encode writes into. One set per thread is kept between
// calls (cleared, not freed), up to the bounds below; a nested encode (a
// __codec hook that encodes) finds it busy and uses a fresh set of its own.
struct EncodeScratch {
  ByteBuffer out{0};
  PointerMap ids;
  PointerMap upvalues;
  std::vector<UpvalueOwner> upvalue_owners;
  ByteVector unfinished;
  bool busy = false;
};

// What a thread's scratch keeps between calls: an output buffer of at most
// 2 MiB (a blob of up to 1 MiB never reallocates twice), and at most 1 MiB
// for each other container (the object map holds 32,768 objects in 1 MiB).
// Anything larger is freed when the call ends.
constexpr size_t kKeepOutputBytes = size_t{2} << 20;
constexpr size_t kKeepScratchBytes = size_t{1} << 20;

// Lends the thread's scratch to one encode call, or a fresh one when that is
// busy, and readies it for the next call when the call ends. Lives in the
// frame outside any lua_pcall.
class ScratchLease {
 public:
  explicit ScratchLease(size_t max_bytes) : scratch_(shared_.busy ? &fresh_ : &shared_) {
    scratch_->busy = true;
    scratch_->out.Reset(max_bytes);
  }
  ~ScratchLease() {
    EncodeScratch& s = *scratch_;
    s.out.ReleaseAbove(kKeepOutputBytes);
    s.ids.ReleaseAbove(kKeepScratchBytes);
    s.upvalues.ReleaseAbove(kKeepScratchBytes);
    s.upvalue_owners.clear();
    if (s.upvalue_owners.capacity() * sizeof(UpvalueOwner) > kKeepScratchBytes) {
      std::vector<UpvalueOwner>().swap(s.upvalue_owners);
    }
    s.unfinished.ReleaseAbove(kKeepScratchBytes);
    s.busy = false;
  }
  ScratchLease(const ScratchLease&) = delete;
  ScratchLease& operator=(const ScratchLease&) = delete;

  EncodeScratch& scratch() { return *scratch_; }

 private:
  static inline thread_local EncodeScratch shared_;
  EncodeScratch fresh_;  // allocates nothing unless used
  EncodeScratch* scratch_;
};

luv::Status EncodeImpl(lua_State* L, int count, const Limits& limits, Message* out) {
  NestedCall nested;
  if (!nested.ok()) {
    lua_pop(L, count);
    return luv::ResourceExhaustedError(luv::StrCat(
        "encode and decode calls nested more than ", kMaxNestedCalls,
        " deep (a __codec hook or constructor that encodes or decodes without end)"));
  }
  Limits clamped = Clamp(limits);
  if (count > clamped.max_values) {
    lua_pop(L, count);
    return luv::InvalidArgumentError(luv::StrCat(
        "tuple of ", count, " values exceeds the limit of ", clamped.max_values));
  }
  ScratchLease lease(clamped.max_bytes);
  EncodeScratch& scratch = lease.scratch();
  ByteBuffer& buffer = scratch.out;
  Pins pins;
  Encoder e{};
  e.out = &buffer;
  e.ids = &scratch.ids;
  e.upvalues = &scratch.upvalues;
  e.upvalue_owners = &scratch.upvalue_owners;
  e.pins = &pins;
  e.unfinished = &scratch.unfinished;
  e.max_depth = clamped.max_depth;
  e.count = count;
  e.push_result = out == nullptr;
  e.path_start = kPathCapacity;
  int pushed;
  if (out != nullptr && OnlyPlainValues(L, count)) {
    WriteTuple(&e, L, lua_gettop(L) - count + 1);  // a failure is in e
    lua_pop(L, count);
    pushed = 0;
  } else {
    pushed = protect::CallProtected(L, Walk, &e, count);
  }
  if (pushed < 0) {
    std::string message = lua_type(L, -1) == LUA_TSTRING
                              ? lua_tostring(L, -1)
                              : "(error object is not a string)";
    lua_pop(L, 1);
    return luv::InternalError(message);
  }
  if (e.failed) {
    lua_pop(L, pushed);
    std::string message = e.error;
    if (e.path_start != kPathCapacity || e.path_truncated) {
      luv::StrAppend(
          &message, " at ",
          std::string_view(e.path + e.path_start, kPathCapacity - e.path_start),
          e.path_truncated ? "..." : "");
    }
    return luv::InvalidArgumentError(message);
  }
  if (out != nullptr) {
    out->bytes.assign(reinterpret_cast<const char*>(buffer.data()), buffer.size());
    out->pins = std::move(pins);
  } else if (!pins.empty() && !DepositTickets(&pins)) {
    lua_pop(L, pushed);
    return luv::ResourceExhaustedError("out of memory");
  }
  return luv::OkStatus();
}

}  // namespace

luv::Status Encode(lua_State* L, int count, const Limits& limits, Message* out) {
  return EncodeImpl(L, count, limits, out);
}

luv::Status EncodeToLua(lua_State* L, int count, const Limits& limits) {
  return EncodeImpl(L, count, limits, nullptr);
}

}  // namespace luv::codec
