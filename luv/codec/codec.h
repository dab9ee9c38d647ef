// luv.codec's C++ API: Lua values <-> bytes. The format is in format.h; the
// trust model is this: a blob that carries code (Lua functions, __codec
// hooks) is signed with this process's key (mac.h), and decoding refuses code
// from blobs the key does not verify, before any of it reaches lua_load.
//
// All functions run on the thread that owns `L` and never raise: they do
// their Lua work inside lua_pcall and return a Status, so they may be called
// from a binding that holds C++ objects (check -> act -> push). They need two
// free stack slots beyond what they consume. A failed call leaves the stack
// as it was, less the values it consumes.
#ifndef LUV_CODEC_CODEC_H_
#define LUV_CODEC_CODEC_H_

#include <cstddef>
#include <lua.hpp>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "luv/codec/format.h"

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
};

// Encodes the `count` values on top of the stack (popping them) into `out`.
// Errors name the path of the value that could not be encoded, e.g.
// "cannot encode a coroutine at root[2].handler".
absl::Status Encode(lua_State* L, int count, const Limits& limits, std::string* out);

// Like Encode, but replaces the values with the blob as a Lua string, with no
// C++ copy in between. On failure it pops the values and pushes nothing.
absl::Status EncodeToLua(lua_State* L, int count, const Limits& limits);

// Decodes `blob` and pushes its values; `*count` says how many. On failure
// pushes nothing; the message says what and where ("truncated string (need
// 1000 bytes, 3 left) at byte 17"). `blob` must stay valid during the call
// (a Lua string on the stack does). Reentrant: a __codec constructor may
// call Decode again.
absl::Status Decode(lua_State* L, absl::string_view blob, const DecodeOptions& options,
                    int* count);

// The trusted-mode pair for moving a tuple between the Lua states of this
// process (luv.thread): functions and upvalues travel too. The bytes must
// come from EncodeTrusted in this process.
absl::Status EncodeTrusted(lua_State* L, int count, std::string* out);
absl::Status DecodeTrusted(lua_State* L, absl::string_view blob, int* count);

// Limits with every field clamped to [1, hard cap].
Limits Clamp(const Limits& limits);

}  // namespace luv::codec

#endif  // LUV_CODEC_CODEC_H_
