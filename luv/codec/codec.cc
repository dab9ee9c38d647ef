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
