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

// Decode: check the header and the MAC, validate the whole body in plain C++
// (pass 1), then build the Lua values in protected mode (pass 2). Both passes
// run the same Parser, so pass 2 never relies on pass 1 for memory safety.
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
#include "luv/codec/lua51_collisions.h"
#include "luv/codec/luv_objects.h"
#include "luv/codec/mac.h"
#include "luv/codec/nesting.h"
#include "luv/codec/parser.h"
#include "luv/codec/message.h"
#include "luv/protect/protect.h"
#include "luv/codec/vm.h"
#include "luv/luacompat/luacompat.h"

namespace luv::codec {
namespace {

// Object states found by pass 1.
constexpr uint8_t kUnfinished = 1;  // a hooked object whose constructor has not run
constexpr uint8_t kReferenced = 2;  // the target of some kTagRef
constexpr uint8_t kFunction = 4;    // a function (its upvalues can be shared)

// What pass 1 writes: per-object bytes and the tokens. One set per thread
// is kept between calls (cleared, not freed; each container up to
// kKeepScratchBytes, anything larger is freed when the call ends); a decode
// nested in another's build pass (a constructor that decodes) finds it busy,
// since the outer build still reads its states, and uses a fresh set.
struct ValidatorScratch {
  ByteVector states;
  ByteVector upvalues;  // per object: a function's upvalue count
  std::vector<const uint8_t*> tokens;
  bool busy = false;
};

constexpr size_t kKeepScratchBytes = size_t{1} << 20;

// Lends the thread's ValidatorScratch (or a fresh one when it is busy) to
// one decode call. Lives in a frame outside any lua_pcall.
class ValidatorScratchLease {
 public:
  ValidatorScratchLease() : scratch_(shared_.busy ? &fresh_ : &shared_) {
    scratch_->busy = true;
  }
  ~ValidatorScratchLease() {
    ValidatorScratch& s = *scratch_;
    s.states.ReleaseAbove(kKeepScratchBytes);
    s.upvalues.ReleaseAbove(kKeepScratchBytes);
    s.tokens.clear();
    if (s.tokens.capacity() * sizeof(s.tokens[0]) > kKeepScratchBytes) {
      std::vector<const uint8_t*>().swap(s.tokens);
    }
    s.busy = false;
  }
  ValidatorScratchLease(const ValidatorScratchLease&) = delete;
  ValidatorScratchLease& operator=(const ValidatorScratchLease&) = delete;

  ValidatorScratch* scratch() { return scratch_; }

 private:
  static inline thread_local ValidatorScratch shared_;
  ValidatorScratch fresh_;  // allocates nothing unless used
  ValidatorScratch* scratch_;
};

// Pass 1: no Lua. Refuses a reference to an unfinished hook (a hook state
// containing its own object) and notes which objects are referenced, so that
// pass 2 keeps only those. Counts what the keys will cost Lua 5.1
// (`collisions`, when not null) and collects the identity tokens.
class Validator {
 public:
  // `scratch` comes empty.
  Validator(Reader* reader, Lua51Collisions* collisions, int64_t max_collisions,
            ValidatorScratch* scratch)
      : r_(reader),
        collisions_(collisions),
        max_collisions_(max_collisions),
        states_(scratch->states),
        upvalues_(scratch->upvalues),
        tokens_(scratch->tokens) {}

  const uint8_t* states() const { return states_.data(); }
  uint32_t referenced() const { return referenced_; }
  const std::vector<const uint8_t*>& tokens() const { return tokens_; }

  bool Nil() { return true; }
  bool Boolean(bool b) {
    if (collisions_ != nullptr) collisions_->Boolean(b);
    return true;
  }
  bool Integer(int64_t v) {
    // Where numbers are doubles, an integer that no double holds exactly
    // is refused rather than rounded (no silent change of a value).
    if (!compat::kHasIntegers && !IntIsExactDouble(v)) {
      return r_->Fail(
          "integer %lld has no exact %s number (numbers are doubles there) before byte "
          "%zu",
          static_cast<long long>(v), compat::kLuaVersionName, r_->offset());
    }
    return Number(static_cast<double>(v));
  }
  bool Number(double d) {
    if (collisions_ != nullptr) collisions_->Number(d);
    return true;
  }
  bool String(const uint8_t* p, size_t n) {
    return collisions_ == nullptr || collisions_->String(p, n) || TooCostly();
  }
  bool NewObject(uint32_t) {
    return (states_.Push(0) && upvalues_.Push(0)) ||
           r_->Fail("out of memory at byte %zu", r_->offset());
  }
  bool TableBegin(uint32_t, uint64_t narray, uint64_t nhash) {
    return collisions_ == nullptr || collisions_->TableBegin(narray, nhash) ||
           TooCostly();
  }
  bool ArrayItem(uint64_t) { return true; }
  bool HashKey() {
    return collisions_ == nullptr || collisions_->HashKey() || TooCostly();
  }
  bool HashPair(size_t) { return true; }
  bool TableEnd() {
    return collisions_ == nullptr || collisions_->TableEnd() || TooCostly();
  }
  bool FunctionBegin(uint32_t id, const uint8_t*, size_t, uint64_t nups, size_t) {
    states_[id] |= kFunction;
    upvalues_[id] = static_cast<uint8_t>(nups);  // at most kMaxUpvalues
    return true;
  }
  bool Upvalue(uint64_t, size_t) { return true; }
  bool Globals() { return true; }
  bool SharedUpvalue(uint64_t, uint32_t id, uint64_t j, size_t at) {
    if ((states_[id] & kFunction) == 0 || j > upvalues_[id]) {
      return r_->Fail("shared upvalue %llu of object %u names no such upvalue at byte %zu",
                      static_cast<unsigned long long>(j), id, at);
    }
    if ((states_[id] & kReferenced) == 0) ++referenced_;
    states_[id] |= kReferenced;
    return true;
  }
  bool FunctionEnd() { return Object(); }
  bool HookBegin(uint32_t id) {
    states_[id] |= kUnfinished;
    return true;
  }
  bool HookFnEnd(uint32_t id, size_t) {
    states_[id] &= ~kUnfinished;
    return Object();
  }
  bool HookNameEnd(uint32_t id, const uint8_t*, size_t, size_t) {
    states_[id] &= ~kUnfinished;
    return Object();
  }
  bool Ref(uint32_t id, size_t at) {
    if ((states_[id] & kUnfinished) != 0) {
      return r_->Fail(
          "reference to unfinished object %u (a __codec state containing its "
          "own object) at byte %zu",
          id, at);
    }
    if ((states_[id] & kReferenced) == 0) ++referenced_;
    states_[id] |= kReferenced;
    return Object();
  }
  bool LuvPath(uint32_t, const uint8_t*, size_t, size_t) { return Object(); }
  bool Identity(uint32_t, const uint8_t* name, size_t size, const uint8_t* token,
                size_t at) {
    IdentityType type;
    if (!FindIdentityType(reinterpret_cast<const char*>(name), size, &type)) {
      return r_->Fail("unknown identity type '%.*s' at byte %zu", static_cast<int>(size),
                      reinterpret_cast<const char*>(name), at);
    }
    try {
      tokens_.push_back(token);
    } catch (const std::bad_alloc&) {
      return r_->Fail("out of memory at byte %zu", at);
    }
    return Object();
  }

 private:
  bool Object() {
    if (collisions_ != nullptr) collisions_->Object();
    return true;
  }

  bool TooCostly() {
    if (collisions_->out_of_memory()) {
      return r_->Fail("out of memory at byte %zu", r_->offset());
    }
    return r_->Fail(
        "keys that collide in Lua 5.1's hash tables: building them needs more than "
        "%lld key comparisons (max_collisions) at byte %zu",
        static_cast<long long>(max_collisions_), r_->offset());
  }

  Reader* r_;
  Lua51Collisions* collisions_;
  int64_t max_collisions_;
  ByteVector& states_;
  ByteVector& upvalues_;  // per object: a function's upvalue count
  uint32_t referenced_ = 0;
  std::vector<const uint8_t*>& tokens_;
};

// Raises a Lua error with a printf-style message. Only called inside the
// protected build, where no C++ destructor is pending.
[[noreturn]] void Raise(lua_State* L, const char* format, ...)
    __attribute__((format(printf, 2, 3)));
void Raise(lua_State* L, const char* format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  lua_pushstring(L, message);
  lua_error(L);
  __builtin_unreachable();
}

// The message of the error object at `index`, without converting it (a
// conversion could allocate, and so raise).
const char* ErrorText(lua_State* L, int index) {
  if (lua_type(L, index) != LUA_TSTRING) return "(error object is not a string)";
  return lua_tostring(L, index);
}

struct Chunk {
  const char* data;
  size_t size;
};

const char* ReadChunk(lua_State*, void* ud, size_t* size) {
  Chunk* chunk = static_cast<Chunk*>(ud);
  if (chunk->size == 0) return nullptr;
  *size = chunk->size;
  chunk->size = 0;
  return chunk->data;
}

// Caps table presizing; the counts are backed by input bytes already, this
// only keeps one allocation reasonable.
int Presize(uint64_t n) { return static_cast<int>(n < kMaxPresize ? n : kMaxPresize); }

// Pass 2: every value becomes one push. Objects that are referenced later are
// kept in the refs table (index refs_) under id + 1. Raises on failure
// (inside lua_pcall).
class Builder {
 public:
  Builder(lua_State* L, int refs, const uint8_t* states, const Pins* pins)
      : L_(L), refs_(refs), states_(states), pins_(pins) {}

  bool Nil() {
    lua_pushnil(L_);
    return true;
  }
  bool Boolean(bool b) {
    lua_pushboolean(L_, b);
    return true;
  }
  bool Integer(int64_t v) {
    if (compat::kHasIntegers) {
      lua_pushinteger(L_, static_cast<lua_Integer>(v));
    } else {
      lua_pushnumber(L_, static_cast<lua_Number>(v));  // exact: pass 1 checked
    }
    return true;
  }
  bool Number(double d) {
    lua_pushnumber(L_, d);
    return true;
  }
  bool String(const uint8_t* p, size_t n) {
    lua_pushlstring(L_, reinterpret_cast<const char*>(p), n);
    return true;
  }
  bool NewObject(uint32_t) { return true; }
  bool TableBegin(uint32_t id, uint64_t narray, uint64_t nhash) {
    luaL_checkstack(L_, 4, "luv.codec: nesting");
    lua_createtable(L_, Presize(narray), Presize(nhash));
    Keep(id);
    return true;
  }
  bool ArrayItem(uint64_t i) {
    lua_rawseti(L_, -2, static_cast<int>(i));
    return true;
  }
  bool HashPair(size_t at) {
    // Keys that only a __codec constructor can produce. One lua_type per
    // pair: this runs for every hash entry.
    int type = lua_type(L_, -2);
    if (type == LUA_TNIL) Raise(L_, "nil table key at byte %zu", at);
    if (type == LUA_TNUMBER) {
      lua_Number key = lua_tonumber(L_, -2);
      if (key != key) Raise(L_, "NaN table key at byte %zu", at);
    }
    lua_rawset(L_, -3);
    return true;
  }
  bool HashKey() { return true; }
  bool TableEnd() { return true; }
  bool FunctionBegin(uint32_t id, const uint8_t* code, size_t size, uint64_t,
                     size_t at) {
    luaL_checkstack(L_, 4, "luv.codec: nesting");
    Chunk chunk{reinterpret_cast<const char*>(code), size};
    if (compat::Load(L_, ReadChunk, &chunk, "=luv.codec") != 0) {
      Raise(L_, "cannot load the function at byte %zu: %s", at, ErrorText(L_, -1));
    }
    Keep(id);
    return true;
  }
  bool Upvalue(uint64_t i, size_t at) {
    if (lua_setupvalue(L_, -2, static_cast<int>(i)) == nullptr) {
      Raise(L_, "function has fewer than %llu upvalues at byte %zu",
            static_cast<unsigned long long>(i), at);
    }
    return true;
  }
  bool Globals() {
    luaL_checkstack(L_, 4, "luv.codec: nesting");
    compat::PushGlobals(L_);
    return true;
  }
  // Makes upvalue `i` of the function on top the same variable as upvalue
  // `j` of the earlier function `id`.
  bool SharedUpvalue(uint64_t i, uint32_t id, uint64_t j, size_t at) {
    luaL_checkstack(L_, 4, "luv.codec: nesting");
    lua_rawgeti(L_, refs_, static_cast<int>(id) + 1);
    if (!HasUpvalue(-2, i) || !HasUpvalue(-1, j)) {
      Raise(L_, "shared upvalue names an upvalue the functions lack at byte %zu", at);
    }
    compat::UpvalueJoin(L_, -2, static_cast<int>(i), -1, static_cast<int>(j));
    lua_pop(L_, 1);
    return true;
  }
  bool FunctionEnd() { return true; }
  bool HookBegin(uint32_t) {
    luaL_checkstack(L_, 4, "luv.codec: nesting");
    return true;
  }
  bool HookFnEnd(uint32_t id, size_t at) {
    if (!lua_isfunction(L_, -2)) {
      Raise(L_, "__codec constructor at byte %zu is a %s, not a function", at,
            luaL_typename(L_, -2));
    }
    return Construct(id, at);
  }
  bool HookNameEnd(uint32_t id, const uint8_t* name, size_t size, size_t at) {
    const char* text = reinterpret_cast<const char*>(name);
    lua_pushlstring(L_, text, size);
    lua_rawget(L_, LUA_REGISTRYINDEX);
    if (!lua_isfunction(L_, -1)) {
      lua_pop(L_, 1);
      compat::PushGlobals(L_);
      lua_pushlstring(L_, text, size);
      lua_rawget(L_, -2);
      lua_remove(L_, -2);
    }
    if (!lua_isfunction(L_, -1)) {
      Raise(L_,
            "no function named '%.*s' in the registry or the globals (a __codec hook) "
            "at byte %zu",
            static_cast<int>(size), text, at);
    }
    lua_insert(L_, -2);
    return Construct(id, at);
  }
  bool Ref(uint32_t id, size_t) {
    lua_rawgeti(L_, refs_, static_cast<int>(id) + 1);
    return true;
  }
  bool LuvPath(uint32_t id, const uint8_t* path, size_t size, size_t at) {
    if (!PushLuvObject(L_, reinterpret_cast<const char*>(path), size)) {
      Raise(L_, "luv has no member '%.*s' in this state at byte %zu",
            static_cast<int>(size), reinterpret_cast<const char*>(path), at);
    }
    Keep(id);
    return true;
  }
  bool Identity(uint32_t id, const uint8_t* name, size_t size, const uint8_t* token,
                size_t at) {
    IdentityType type;
    const char* text = reinterpret_cast<const char*>(name);
    if (!FindIdentityType(text, size, &type)) {
      Raise(L_, "unknown identity type '%.*s' at byte %zu", static_cast<int>(size), text,
            at);
    }
    const Pin* pin = pins_ != nullptr ? FindPin(*pins_, token) : nullptr;
    if (pin == nullptr || std::strcmp(pin->type, type.metatable) != 0) {
      Raise(L_, "%s at byte %zu is not one this blob carries", type.metatable, at);
    }
    luaL_checkstack(L_, 4, "luv.codec: nesting");
    EnsureLuvLoaded(L_);  // the type's objects live in this state's luv
    if (type.push(L_, pin->object) != 1) {
      Raise(L_, "%s at byte %zu cannot be made in this state", type.metatable, at);
    }
    Keep(id);
    return true;
  }

 private:
  bool HasUpvalue(int function, uint64_t n) {
    if (!lua_isfunction(L_, function) || lua_iscfunction(L_, function)) return false;
    if (lua_getupvalue(L_, function, static_cast<int>(n)) == nullptr) return false;
    lua_pop(L_, 1);
    return true;
  }

  void Keep(uint32_t id) {
    if (states_ == nullptr || (states_[id] & kReferenced) == 0) return;
    lua_pushvalue(L_, -1);
    lua_rawseti(L_, refs_, static_cast<int>(id) + 1);
  }

  // Calls the constructor (at -2) with the state (at -1); the result becomes
  // the object `id`, now finished.
  bool Construct(uint32_t id, size_t at) {
    if (lua_pcall(L_, 1, 1, 0) != 0) {
      Raise(L_, "__codec constructor at byte %zu raised: %s", at, ErrorText(L_, -1));
    }
    Keep(id);
    return true;
  }

  lua_State* L_;
  int refs_;
  const uint8_t* states_;  // from pass 1; null when nothing is referenced
  const Pins* pins_;       // the live objects the blob may name, or null
};

struct BuildJob {
  const uint8_t* data;
  size_t body_end;
  int count;
  const uint8_t* states;  // null when no object is referenced
  uint32_t referenced;
  int max_depth;
  bool code;
  bool live;
  Vm vm;
  const Pins* pins;
};

int Build(lua_State* L, void* context) {
  const BuildJob* job = static_cast<const BuildJob*>(context);
  luaL_checkstack(L, job->count + 8, "luv.codec: too many values");
  if (job->states != nullptr) {
    lua_createtable(L, 0, Presize(job->referenced));
  } else {
    lua_pushnil(L);  // keeps the stack layout; never read
  }
  int refs = lua_gettop(L);
  Reader reader(job->data, job->body_end);
  const uint8_t* header;
  uint64_t count;
  if (!reader.Bytes(kHeaderSize, &header, "header", 0) ||
      !reader.Varint(&count, "count")) {
    Raise(L, "%s", reader.error());
  }
  Builder builder(L, refs, job->states, job->pins);
  Parser<Builder> parser(&reader, &builder, job->max_depth, job->code, job->live,
                         job->vm);
  for (int i = 0; i < job->count; ++i) {
    if (!parser.Value(1)) Raise(L, "%s", reader.error());
  }
  lua_remove(L, refs);
  return job->count;
}

luv::Status Invalid(const char* format, ...) __attribute__((format(printf, 1, 2)));
luv::Status Invalid(const char* format, ...) {
  char message[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(message, sizeof(message), format, args);
  va_end(args);
  return luv::InvalidArgumentError(message);
}

// Decodes `blob`. Live objects resolve through `message_pins` when C++ holds
// the blob (a Message), else through tickets this call redeems.
luv::Status DecodeImpl(lua_State* L, std::string_view blob,
                        const DecodeOptions& options, const Pins* message_pins,
                        int* count) {
  *count = 0;
  Limits limits = Clamp(options.limits);
  const uint8_t* data = reinterpret_cast<const uint8_t*>(blob.data());
  size_t size = blob.size();
  if (size > limits.max_bytes) {
    return Invalid("blob of %zu bytes is larger than max_bytes (%zu)", size,
                   limits.max_bytes);
  }
  Reader reader(data, size);
  const uint8_t* header;
  if (!reader.Bytes(kHeaderSize, &header, "header", 0))
    return Invalid("%s", reader.error());
  if (std::memcmp(header, kMagic, sizeof(kMagic)) != 0) {
    return Invalid("not a luv.codec blob (bad magic) at byte 0");
  }
  if (header[3] != kVersion) {
    return Invalid(
        "unsupported format version %u (this build reads version %u) at byte 3",
        header[3], kVersion);
  }
  uint8_t flags = header[4];
  if ((flags & ~kKnownFlags) != 0) {
    return Invalid("reserved flag bits 0x%02x set at byte 4", flags & ~kKnownFlags);
  }
  bool code = (flags & kFlagCode) != 0;
  bool live = (flags & kFlagLive) != 0;
  uint8_t bytecode = flags & kBytecodeFlags;
  if (bytecode != 0 && !code)
    return Invalid("bytecode flag without the code flag at byte 4");
  if (bytecode != 0 && VmOfBytecodeFlag(bytecode) == Vm::kUnknown) {
    return Invalid("more than one bytecode flag set at byte 4");
  }
  size_t body_end = size;
  Vm vm = Vm::kUnknown;
  if ((flags & kSignedFlags) != 0) {
    if (reader.left() < kMacSize) {
      return Invalid("truncated MAC (need %zu bytes, %zu left) at byte %zu", kMacSize,
                     reader.left(), reader.offset());
    }
    body_end = size - kMacSize;
    // Code may be trusted on the caller's word; live objects never: they
    // exist only here, so only a blob made here can name them.
    bool verify = options.trust != Trust::kThisProcess &&
                  (live || options.trust == Trust::kVerifyMac);
    if (verify && !VerifyBlob(data, body_end, data + body_end)) {
      return luv::PermissionDeniedError(
          live ? "blob names live objects (luv's own, channels, contexts) but was not "
                 "made by this process: its MAC does not verify, so it is refused"
               : "blob carries code (functions or __codec hooks) but was not made by "
                 "this process: its MAC does not verify, so it is refused before "
                 "anything is loaded");
    }
    if (bytecode != 0) {
      Vm blob_vm = VmOfBytecodeFlag(bytecode);
      vm = CurrentVm(L);
      if (vm != blob_vm) {
        return luv::FailedPreconditionError(
            luv::StrCat("blob carries ", VmName(blob_vm),
                        " bytecode but this process runs ", VmName(vm)));
      }
    }
  }

  Reader body(data, body_end);
  uint64_t n;
  if (!body.Bytes(kHeaderSize, &header, "header", 0) || !body.Varint(&n, "value count")) {
    return Invalid("%s", body.error());
  }
  if (n > static_cast<uint64_t>(limits.max_values)) {
    return Invalid("tuple of %llu values exceeds the limit of %d at byte %zu",
                   static_cast<unsigned long long>(n), limits.max_values, kHeaderSize);
  }
  // Bytes this process made were built from real tables once already; what
  // comes from elsewhere is counted for Lua 5.1's sake.
  int64_t max_collisions =
      options.max_collisions >= 0
          ? options.max_collisions
          : kDefaultCollisionsBase +
                kDefaultCollisionsPerByte * static_cast<int64_t>(size);
  bool count_collisions =
      options.trust != Trust::kThisProcess && CurrentVm(L) == Vm::kLua51;
  // One per thread: validation never nests (a constructor that decodes runs
  // in the build pass, after this one is done).
  static thread_local Lua51Collisions collisions;
  if (count_collisions) collisions.Reset(max_collisions);
  // And after the call, so that a huge blob's memory goes back now rather
  // than at the thread's next decode.
  struct TrimAfter {
    Lua51Collisions* c;
    ~TrimAfter() {
      if (c != nullptr) c->Reset(0);
    }
  } trim_after{count_collisions ? &collisions : nullptr};
  ValidatorScratchLease lease;
  Validator validator(&body, count_collisions ? &collisions : nullptr, max_collisions,
                      lease.scratch());
  Parser<Validator> parser(&body, &validator, limits.max_depth, code, live, vm);
  for (uint64_t i = 0; i < n; ++i) {
    if (!parser.Value(1)) return Invalid("%s", body.error());
  }
  if (body.left() != 0) {
    return Invalid("trailing bytes (%zu after the last value) at byte %zu", body.left(),
                   body.offset());
  }

  // A string blob's live objects are tickets: redeeming them here is what
  // makes a second decode of the same bytes fail.
  Pins redeemed;
  if (message_pins == nullptr) {
    for (const uint8_t* token : validator.tokens()) {
      if (!RedeemTicket(token, &redeemed)) {
        return luv::NotFoundError(
            "blob names a live object that is gone: a blob that names live objects "
            "decodes once");
      }
    }
  }

  BuildJob job{data,
               body_end,
               static_cast<int>(n),
               validator.referenced() != 0 ? validator.states() : nullptr,
               validator.referenced(),
               limits.max_depth,
               code,
               live,
               vm,
               message_pins != nullptr ? message_pins : &redeemed};
  int pushed = protect::CallProtected(L, Build, &job, 0);
  if (pushed < 0) {
    std::string message = ErrorText(L, -1);
    lua_pop(L, 1);
    return luv::InvalidArgumentError(message);
  }
  *count = pushed;
  return luv::OkStatus();
}

luv::Status NestedTooDeep() {
  return luv::ResourceExhaustedError(
      luv::StrCat("encode and decode calls nested more than ", kMaxNestedCalls,
                  " deep (a __codec hook or constructor that encodes or decodes "
                  "without end)"));
}

}  // namespace

luv::Status Decode(lua_State* L, std::string_view blob, const DecodeOptions& options,
                    int* count) {
  NestedCall nested;
  if (!nested.ok()) {
    *count = 0;
    return NestedTooDeep();
  }
  return DecodeImpl(L, blob, options, nullptr, count);
}

luv::Status DecodeMessage(lua_State* L, const Message& message, int* count) {
  NestedCall nested;
  if (!nested.ok()) {
    *count = 0;
    return NestedTooDeep();
  }
  DecodeOptions options;
  options.trust = Trust::kThisProcess;
  return DecodeImpl(L, message.bytes, options, &message.pins, count);
}

}  // namespace luv::codec
