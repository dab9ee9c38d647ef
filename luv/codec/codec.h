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

// luv.codec's C++ API: Lua values <-> bytes. The format is in format.h; the
// trust model is this: a blob that carries code (Lua functions, __codec
// hooks) or names live objects (luv's module members, channels, ØMQ
// contexts) is signed with this process's key (mac.h). Decoding refuses code
// from blobs the key does not verify, before any of it reaches lua_load, and
// live objects from such blobs always: a blob from outside the process
// decodes to plain values only. Live objects cross through random tokens
// that their blob's pins resolve (message.h), for as long as the blob exists.
//
// Memory: each OS thread keeps the C++ scratch of its encodes and decodes
// between calls (the output buffer, the object map, per-object state),
// cleared rather than freed, so that encoding many messages does not
// allocate, and fault in, fresh pages for each. It is bounded: an output
// buffer above 2 MiB and any other container above 1 MiB is freed when the
// call ends, so a huge message does not pin its memory. A call nested in
// another (a __codec hook that encodes, a constructor that decodes) uses
// scratch of its own, freed when it returns.
//
// All functions run on the thread that owns `L` and never raise: they do
// their Lua work inside lua_pcall and return a Status, so they may be called
// from a binding that holds C++ objects (check -> act -> push). They need two
// free stack slots beyond what they consume. A failed call leaves the stack
// as it was, less the values it consumes.
#ifndef LUV_CODEC_CODEC_H_
#define LUV_CODEC_CODEC_H_

#include <cstddef>
#include "luv/luacompat/luacompat.h"
#include <string>

#include "luv/base/status.h"
#include <string_view>
#include "luv/codec/format.h"
#include "luv/codec/message.h"

namespace luv::codec {

// Per-call limits. They may be lowered from these defaults (the hard caps in
// format.h); values above a cap are treated as the cap.
struct Limits {
  size_t max_bytes = kMaxBytes;  // size of the whole blob
  int max_depth = kMaxDepth;     // nesting of tables, functions and hooks
  int max_values = kMaxValues;   // length of the tuple
};

enum class Trust {
  // The default: code is accepted only when the blob's MAC verifies, i.e.
  // the blob was made by this process.
  kVerifyMac,
  // For bytes this process made and never let out of its hands (luv.thread
  // passing a function to a new thread): the MAC check is skipped. Everything
  // else is still validated.
  kThisProcess,
  // Accept code whatever the MAC says. Bytecode from elsewhere can take over
  // the process (Lua 5.1's verifier is bypassable, and lua_load itself can be
  // made to allocate without bound): only for callers who accept that.
  kDangerouslyTrustForeignCode,
};

struct DecodeOptions {
  Limits limits;
  Trust trust = Trust::kVerifyMac;
  // Hostile keys can make a Lua 5.1 table (or its string table) a single
  // chain, and building it quadratic. The decoder counts the key
  // comparisons Lua 5.1 will make and refuses a blob that needs more than
  // this many (negative: the default, kDefaultCollisionsPerByte per byte of
  // blob plus kDefaultCollisionsBase). Other VMs are not counted.
  int64_t max_collisions = -1;
};
inline constexpr int64_t kDefaultCollisionsPerByte = 4;
inline constexpr int64_t kDefaultCollisionsBase = int64_t{1} << 20;

// Encodes the `count` values on top of the stack (popping them) into `out`.
// Errors name the path of the value that could not be encoded, e.g.
// "cannot encode a coroutine at root[2].handler". Encode and decode calls
// may nest (a hook that encodes) up to kMaxNestedCalls deep.
luv::Status Encode(lua_State* L, int count, const Limits& limits, Message* out);

// Like Encode, but replaces the values with the blob as a Lua string, with no
// C++ copy in between. On failure it pops the values and pushes nothing.
// The blob's live objects become tickets (message.h): the first decode of the
// string takes them.
luv::Status EncodeToLua(lua_State* L, int count, const Limits& limits);

// Decodes `blob`, a Lua string's bytes, and pushes its values; `*count`
// says how many. Live objects come from tickets, which this call redeems
// (a second decode of the same blob fails). On failure pushes nothing; the
// message says what and where ("truncated string (need 1000 bytes, 3 left)
// at byte 17"). `blob` must stay valid during the call (a Lua string on the
// stack does). Reentrant: a __codec constructor may call Decode again.
luv::Status Decode(lua_State* L, std::string_view blob, const DecodeOptions& options,
                    int* count);

// The trusted pair for moving a tuple between the Lua states of this process
// (channels, luv.thread): functions, upvalues and live objects travel too.
// DecodeMessage skips the MAC (the bytes never left C++'s hands) and may be
// called any number of times on one Message.
luv::Status EncodeMessage(lua_State* L, int count, Message* out);
luv::Status DecodeMessage(lua_State* L, const Message& message, int* count);

// Limits with every field clamped to [1, hard cap].
Limits Clamp(const Limits& limits);

}  // namespace luv::codec

#endif  // LUV_CODEC_CODEC_H_
