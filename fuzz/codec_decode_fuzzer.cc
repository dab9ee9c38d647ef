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

// Raw bytes into luv.codec's decoder, in a fresh Lua state per input. Checks
// that a refused blob leaves the stack as it was; that an accepted one pushes
// exactly its values, stays within a bounded memory amplification, and
// re-encodes and decodes to an isomorphic tuple; and that nothing leaks.
#include <cstdint>
#include <string>

#include "luv/base/status.h"
#include "fuzz/fuzz_state.h"
#include "fuzz/iso.h"
#include "luv/codec/codec.h"

namespace {

// Lua objects per input byte: a two-byte hash entry becomes a 40-byte node,
// doubled by power-of-two sizing; the rest is the fixed cost of a table.
constexpr size_t kAmplification = 96;
constexpr size_t kSlack = 64 * 1024;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using luv::fuzz::FuzzState;
  namespace codec = luv::codec;
  FuzzState state;
  lua_State* L = state.L();
  state.Run(luv::fuzz::kIsoSource, 1);
  int top = lua_gettop(L);
  lua_gc(L, LUA_GCCOLLECT, 0);
  size_t base = state.live();
  state.ResetPeak();

  int count = -1;
  luv::Status status =
      codec::Decode(L, std::string_view(reinterpret_cast<const char*>(data), size),
                    codec::DecodeOptions(), &count);
  if (!status.ok()) {
    FUZZ_CHECK(lua_gettop(L) == top, "a refused blob changed the stack");
    FUZZ_CHECK(count == 0 && !status.message().empty(), "refusal without a message");
    return 0;
  }
  FUZZ_CHECK(lua_gettop(L) == top + count, "pushed %d, said %d", lua_gettop(L) - top,
             count);
  if (state.counting()) {
    size_t used = state.peak() - base;
    FUZZ_CHECK(used <= kAmplification * size + kSlack,
               "%zu bytes of input used %zu bytes", size, used);
  }

  // Encode a copy of the values, decode that, and compare the two tuples.
  FUZZ_CHECK(lua_checkstack(L, count + 4), "stack");
  for (int i = 1; i <= count; ++i) lua_pushvalue(L, top + i);
  codec::Message blob;
  status = codec::Encode(L, count, codec::Limits(), &blob);
  FUZZ_CHECK(status.ok(), "accepted values do not encode: %s",
             std::string(status.message()).c_str());
  int again = -1;
  status = codec::Decode(L, blob.bytes, codec::DecodeOptions(), &again);
  FUZZ_CHECK(status.ok() && again == count, "re-encoded blob refused: %s",
             std::string(status.message()).c_str());
  // Decode's values sit beyond the space Lua guarantees; ask for room first.
  FUZZ_CHECK(lua_checkstack(L, 2 * count + 4), "stack");
  lua_pushvalue(L, top);  // iso
  lua_pushnumber(L, count);
  for (int i = 1; i <= 2 * count; ++i) lua_pushvalue(L, top + i);
  FUZZ_CHECK(lua_pcall(L, 2 * count + 1, 2, 0) == 0, "iso: %s", lua_tostring(L, -1));
  FUZZ_CHECK(lua_toboolean(L, -2), "not isomorphic after a round trip: %s",
             lua_tostring(L, -1));
  return 0;
}
