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

#include "luv/codec/codec.h"

#include <algorithm>

namespace luv::codec {

Limits Clamp(const Limits& limits) {
  Limits clamped;
  clamped.max_bytes = std::clamp<size_t>(limits.max_bytes, 1, kMaxBytes);
  clamped.max_depth = std::clamp(limits.max_depth, 1, kMaxDepth);
  clamped.max_values = std::clamp(limits.max_values, 1, kMaxValues);
  return clamped;
}

luv::Status EncodeMessage(lua_State* L, int count, Message* out) {
  return Encode(L, count, Limits(), out);
}

}  // namespace luv::codec
