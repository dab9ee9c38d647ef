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

// The luv.codec wire format: constants and the bounds-checked primitives that
// both the encoder and the decoder use. Plain C++, no Lua; any thread.
//
// A blob is
//   header  'l' 'u' 'v' <version = 1> <flags>
//   body    <varint n> value * n
//   mac     32 bytes of crypto_auth over header + body, only if kFlagCode or
//           kFlagLive is set
// Every value starts with a tag byte. Integers are little-endian; varints are
// LEB128 (7 bits per byte, at most 10 bytes, no over-long forms). Tables,
// functions, hooked objects and luv's own objects get object ids in the order
// their tags appear (pre-order), and kTagRef refers back to one by id.
#ifndef LUV_CODEC_FORMAT_H_
#define LUV_CODEC_FORMAT_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace luv::codec {

inline constexpr uint8_t kMagic[3] = {'l', 'u', 'v'};
inline constexpr uint8_t kVersion = 1;
inline constexpr size_t kHeaderSize = 5;
inline constexpr size_t kMacSize = 32;  // crypto_auth_BYTES

// Header flags. Unknown bits are an error.
inline constexpr uint8_t kFlagCode = 0x01;    // functions or hooks; MAC follows
// Which VM's bytecode the functions carry: exactly one of these with
// kFlagCode when the blob holds a function, none otherwise.
inline constexpr uint8_t kFlagLua51 = 0x02;
inline constexpr uint8_t kFlagLuaJit = 0x04;
inline constexpr uint8_t kFlagLua52 = 0x10;
inline constexpr uint8_t kFlagLua53 = 0x20;
inline constexpr uint8_t kFlagLua54 = 0x40;
inline constexpr uint8_t kBytecodeFlags =
    kFlagLua51 | kFlagLuaJit | kFlagLua52 | kFlagLua53 | kFlagLua54;
// Names live objects of this process (luv's module members, channels, ØMQ
// contexts); MAC follows. Plain-data blobs from elsewhere cannot set it.
inline constexpr uint8_t kFlagLive = 0x08;
inline constexpr uint8_t kKnownFlags = kFlagCode | kBytecodeFlags | kFlagLive;
// The flags whose blobs end with a MAC.
inline constexpr uint8_t kSignedFlags = kFlagCode | kFlagLive;

// Value tags. 0x10..0x3f are unassigned and rejected.
enum Tag : uint8_t {
  kTagNil = 0x00,
  kTagFalse = 0x01,
  kTagTrue = 0x02,
  // Numbers. An integer is an integer of 5.3+ (math.type "integer"), or on
  // 5.1, 5.2 and LuaJIT a number whose value is an int64 (not -0); a float
  // of 5.3+ is always kTagDouble, so math.type survives between 5.3+ VMs.
  kTagInt = 0x03,       // zigzag varint
  kTagDouble = 0x04,    // 8 bytes, the IEEE-754 bits (NaN payloads, -0)
  kTagString = 0x05,    // varint length, bytes
  kTagTable = 0x06,     // [id] varint narray, varint nhash, values, key/value pairs
  kTagRef = 0x07,       // varint id of an earlier object
  kTagFunction = 0x08,  // [id] varint length, lua_dump bytes, varint nups, upvalues
  kTagHookFn = 0x09,    // [id] constructor value, state value
  kTagHookName = 0x0a,  // [id] varint length, name, state value
  kTagLuvPath = 0x0b,   // [id] varint length, path in the luv module table
  kTagIdentity = 0x0c,  // [id] varint length, type name, kTokenSize-byte token
  // The decoding state's table of globals (a function's _ENV upvalue, or
  // any upvalue holding the globals); only in blobs with kFlagCode.
  kTagGlobals = 0x0d,
  // An upvalue shared with an earlier function of the blob (5.2+ joins
  // them): varint object id of that function, varint its upvalue number.
  // Only as a function's upvalue.
  kTagSharedUpvalue = 0x0e,
  kTagLastFixed = 0x0e,
  kTagShortString = 0x40,  // 0x40 + length (0..63), bytes
  kTagSmallInt = 0x80,     // 0x80 + value (0..127)
};
inline constexpr size_t kShortStringMax = 63;
inline constexpr uint64_t kSmallIntMax = 127;

// Hard caps. Per-call limits may lower them, never raise them.
inline constexpr size_t kMaxBytes = size_t{1} << 30;  // 1 GiB
inline constexpr int kMaxDepth = 200;
inline constexpr int kMaxValues = 4096;
inline constexpr uint64_t kMaxUpvalues = 255;
inline constexpr size_t kMaxNameLength = 256;  // hook names, luv paths, types
// The decoder presizes a table's array and hash parts to what the blob
// claims, up to this many slots each; past it the table grows as Lua grows
// it.
inline constexpr uint64_t kMaxPresize = uint64_t{1} << 20;
// A live object's token: random bytes that name it while a blob carries it.
inline constexpr size_t kTokenSize = 16;
// Encode and decode calls nested inside one another (a __codec hook or
// constructor that encodes or decodes again); each nesting takes C stack.
inline constexpr int kMaxNestedCalls = 8;

// Lua bytecode signatures (the first bytes of a lua_dump).
inline constexpr char kLua51Signature[] = "\x1bLua\x51";
inline constexpr size_t kLua51SignatureSize = 5;
inline constexpr char kLuaJitSignature[] = "\x1bLJ";
inline constexpr size_t kLuaJitSignatureSize = 3;
inline constexpr char kLua52Signature[] = "\x1bLua\x52";
inline constexpr char kLua53Signature[] = "\x1bLua\x53";
inline constexpr char kLua54Signature[] = "\x1bLua\x54";
inline constexpr size_t kPucSignatureSize = 5;  // "\x1bLua" and the version byte

// Whether the int64 `v` is exactly some double (so 5.1 can hold it).
inline bool IntIsExactDouble(int64_t v) {
  double d = static_cast<double>(v);
  // 2^63 itself is past int64: the cast back would be undefined.
  return d < 9223372036854775808.0 && static_cast<int64_t>(d) == v;
}

// Maps a double to an int64 when the round trip is exact (not -0).
inline bool DoubleToInt(double d, int64_t* out) {
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return false;
  int64_t i = static_cast<int64_t>(d);
  if (static_cast<double>(i) != d) return false;
  if (i == 0 && std::signbit(d)) return false;
  *out = i;
  return true;
}

inline uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
}

// Writes `v` as a varint into `out` (room for 10 bytes); returns its length.
inline size_t PutVarint(uint64_t v, uint8_t* out) {
  size_t n = 0;
  while (v >= 0x80) {
    out[n++] = static_cast<uint8_t>(v | 0x80);
    v >>= 7;
  }
  out[n++] = static_cast<uint8_t>(v);
  return n;
}

// A read cursor over untrusted bytes. Every read checks the bytes left first;
// a failed read records a message with the offset and makes the cursor fail
// for good. Trivially destructible, so it may live in frames Lua can longjmp
// over.
class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : base_(data), p_(data), end_(data + size) {}

  size_t offset() const { return static_cast<size_t>(p_ - base_); }
  size_t left() const { return static_cast<size_t>(end_ - p_); }
  const uint8_t* position() const { return p_; }
  bool failed() const { return error_[0] != '\0'; }
  const char* error() const { return error_; }

  bool Byte(uint8_t* out, const char* what) {
    if (p_ == end_)
      return Fail("truncated %s (need 1 byte, 0 left) at byte %zu", what, offset());
    *out = *p_++;
    return true;
  }

  // Reads a varint: at most 10 bytes, no bits past 64, no over-long form.
  bool Varint(uint64_t* out, const char* what) {
    size_t start = offset();
    uint64_t v = 0;
    for (int i = 0; i < 10; ++i) {
      if (p_ == end_) return Fail("truncated varint (%s) at byte %zu", what, start);
      uint8_t b = *p_++;
      if (i == 9 && (b & 0x80) != 0) {
        return Fail("varint (%s) longer than 10 bytes at byte %zu", what, start);
      }
      if (i == 9 && b > 1) {
        return Fail("varint (%s) overflows 64 bits at byte %zu", what, start);
      }
      v |= static_cast<uint64_t>(b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0)
          return Fail("over-long varint (%s) at byte %zu", what, start);
        *out = v;
        return true;
      }
    }
    return false;  // not reached: the tenth byte always ends the loop
  }

  // Takes `n` bytes (a length read from the input) without copying them.
  bool Bytes(uint64_t n, const uint8_t** out, const char* what, size_t at) {
    if (n > left()) {
      return Fail("truncated %s (need %llu bytes, %zu left) at byte %zu", what,
                  static_cast<unsigned long long>(n), left(), at);
    }
    *out = p_;
    p_ += n;
    return true;
  }

  bool Fixed64(uint64_t* out, const char* what) {
    const uint8_t* bytes;
    if (!Bytes(8, &bytes, what, offset())) return false;
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | bytes[i];
    *out = v;
    return true;
  }

  // Records the first failure; always returns false.
  bool Fail(const char* format, ...) __attribute__((format(printf, 2, 3)));

 private:
  const uint8_t* base_;
  const uint8_t* p_;
  const uint8_t* end_;
  char error_[256] = {0};
};

}  // namespace luv::codec

#endif  // LUV_CODEC_FORMAT_H_
