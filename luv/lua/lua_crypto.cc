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

// luv.crypto.sha256, sha512, blake2b, hex, hash, random, equal: thin calls
// into libsodium. Every buffer is a Lua string or userdata or a fixed array
// on the C stack, so nothing with a destructor lives across a Lua call that
// may raise. The streaming hash is an object (object.h) whose record holds
// libsodium's state on the heap.
#include "luv/lua/lua_crypto.h"

#include <sodium.h>

#include <cmath>
#include <cstring>

#include "luv/lua/object.h"
#include "luv/lua/support.h"

namespace luv::lua {
namespace {

constexpr char kHashType[] = "luv.crypto.hash";

// The most luv.crypto.random returns in one call: 1 MiB.
constexpr lua_Number kMaxRandom = 1024 * 1024;

// BLAKE2b's default digest size: libsodium's (32 bytes), not b2sum's (64).
constexpr lua_Number kBlake2bDefault = crypto_generichash_BYTES;

void EnsureSodium(lua_State* L) {
  // sodium_init is thread-safe and idempotent; it seeds randombytes.
  static const bool ready = sodium_init() >= 0;
  if (!ready) luaL_error(L, "luv.crypto: libsodium could not be initialized");
}

// Reads blake2b's optional size and key at `size_arg` and `size_arg + 1`.
void CheckBlake2bOptions(lua_State* L, int size_arg, size_t* size,
                         const unsigned char** key, size_t* key_size) {
  lua_Number n = kBlake2bDefault;
  if (!lua_isnoneornil(L, size_arg)) {
    n = luaL_checknumber(L, size_arg);
    if (!(n >= crypto_generichash_BYTES_MIN && n <= crypto_generichash_BYTES_MAX) ||
        n != std::floor(n)) {
      luaL_argerror(L, size_arg, "size must be a whole number from 16 to 64");
    }
  }
  *size = static_cast<size_t>(n);
  *key = nullptr;
  *key_size = 0;
  if (!lua_isnoneornil(L, size_arg + 1)) {
    *key = reinterpret_cast<const unsigned char*>(
        luaL_checklstring(L, size_arg + 1, key_size));
    if (*key_size != 0 && (*key_size < crypto_generichash_KEYBYTES_MIN ||
                           *key_size > crypto_generichash_KEYBYTES_MAX)) {
      luaL_argerror(L, size_arg + 1, "key must be empty or 16 to 64 bytes");
    }
  }
}

const unsigned char* CheckBytes(lua_State* L, int arg, size_t* size) {
  return reinterpret_cast<const unsigned char*>(luaL_checklstring(L, arg, size));
}

void PushBytes(lua_State* L, const unsigned char* bytes, size_t size) {
  lua_pushlstring(L, reinterpret_cast<const char*>(bytes), size);
}

// luv.crypto.sha256(s) -> 32 raw bytes
int LCryptoSha256(lua_State* L) {
  size_t size;
  const unsigned char* in = CheckBytes(L, 1, &size);
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, in, size);
  PushBytes(L, out, sizeof out);
  return 1;
}

// luv.crypto.sha512(s) -> 64 raw bytes
int LCryptoSha512(lua_State* L) {
  size_t size;
  const unsigned char* in = CheckBytes(L, 1, &size);
  unsigned char out[crypto_hash_sha512_BYTES];
  crypto_hash_sha512(out, in, size);
  PushBytes(L, out, sizeof out);
  return 1;
}

// luv.crypto.blake2b(s[, size[, key]]) -> size raw bytes
int LCryptoBlake2b(lua_State* L) {
  size_t size;
  const unsigned char* in = CheckBytes(L, 1, &size);
  size_t out_size;
  const unsigned char* key;
  size_t key_size;
  CheckBlake2bOptions(L, 2, &out_size, &key, &key_size);
  unsigned char out[crypto_generichash_BYTES_MAX];
  if (crypto_generichash(out, out_size, in, size, key, key_size) != 0) {
    return luaL_error(L, "luv.crypto.blake2b: libsodium failed");
  }
  PushBytes(L, out, out_size);
  return 1;
}

// luv.crypto.hex(s) -> lowercase hexadecimal
int LCryptoHex(lua_State* L) {
  size_t size;
  const unsigned char* in = CheckBytes(L, 1, &size);
  if (size > (static_cast<size_t>(-1) - 1) / 2) {
    return luaL_argerror(L, 1, "string too long");
  }
  // Scratch space the collector frees, so an error cannot leak it.
  char* out = static_cast<char*>(lua_newuserdata(L, size * 2 + 1));
  sodium_bin2hex(out, size * 2 + 1, in, size);
  lua_pushlstring(L, out, size * 2);
  return 1;
}

// luv.crypto.random(n) -> n random bytes
int LCryptoRandom(lua_State* L) {
  lua_Number n = luaL_checknumber(L, 1);
  if (!(n >= 0 && n <= kMaxRandom) || n != std::floor(n)) {
    return luaL_argerror(L, 1, "size must be a whole number from 0 to 1048576");
  }
  EnsureSodium(L);
  size_t size = static_cast<size_t>(n);
  void* out = lua_newuserdata(L, size == 0 ? 1 : size);
  randombytes_buf(out, size);
  lua_pushlstring(L, static_cast<const char*>(out), size);
  return 1;
}

// luv.crypto.equal(a, b) -> boolean, in time that depends only on the length
int LCryptoEqual(lua_State* L) {
  size_t a_size;
  size_t b_size;
  const char* a = luaL_checklstring(L, 1, &a_size);
  const char* b = luaL_checklstring(L, 2, &b_size);
  lua_pushboolean(L, a_size == b_size && sodium_memcmp(a, b, a_size) == 0);
  return 1;
}

enum class Algorithm { kSha256, kSha512, kBlake2b };

// A running digest. Owned by its Lua object; freed (and wiped) when that is
// collected.
class HashRecord final : public LuaOwned {
 public:
  HashRecord(Algorithm algorithm, size_t size) : algorithm_(algorithm), size_(size) {}

  void ReleaseFromLua() override { delete this; }

  Algorithm algorithm() const { return algorithm_; }
  size_t size() const { return size_; }
  bool finished() const { return finished_; }
  void Finish() { finished_ = true; }

  // libsodium's state, 64-byte aligned as crypto_generichash_state needs.
  union alignas(64) State {
    crypto_hash_sha256_state sha256;
    crypto_hash_sha512_state sha512;
    crypto_generichash_state blake2b;
  } state;

 private:
  ~HashRecord() override { sodium_memzero(&state, sizeof state); }

  Algorithm algorithm_;
  size_t size_;
  bool finished_ = false;
};

// luv.crypto.hash(algorithm[, size[, key]]) -> hash
int LCryptoHash(lua_State* L) {
  const char* name = luaL_checkstring(L, 1);
  Algorithm algorithm;
  size_t size = 0;
  const unsigned char* key = nullptr;
  size_t key_size = 0;
  if (std::strcmp(name, "sha256") == 0) {
    algorithm = Algorithm::kSha256;
  } else if (std::strcmp(name, "sha512") == 0) {
    algorithm = Algorithm::kSha512;
  } else if (std::strcmp(name, "blake2b") == 0) {
    algorithm = Algorithm::kBlake2b;
    CheckBlake2bOptions(L, 2, &size, &key, &key_size);
  } else {
    return luaL_argerror(L, 1, "algorithm must be \"sha256\", \"sha512\" or \"blake2b\"");
  }
  ObjectBox* box = PushObjectBox(L, kHashType);
  auto* record = new HashRecord(algorithm, size);
  box->owned = record;
  switch (algorithm) {
    case Algorithm::kSha256:
      crypto_hash_sha256_init(&record->state.sha256);
      break;
    case Algorithm::kSha512:
      crypto_hash_sha512_init(&record->state.sha512);
      break;
    case Algorithm::kBlake2b:
      if (crypto_generichash_init(&record->state.blake2b, key, key_size, size) != 0) {
        return luaL_error(L, "luv.crypto.hash: libsodium failed");
      }
      break;
  }
  return 1;
}

HashRecord* CheckRunningHash(lua_State* L, const char* method) {
  auto* record = CheckObject<HashRecord>(L, 1, kHashType);
  if (record->finished()) {
    luaL_error(L, "luv.crypto.hash: %s() after digest(): the hash is finished", method);
  }
  return record;
}

// hash:update(s) -> hash
int LHashUpdate(lua_State* L) {
  HashRecord* record = CheckRunningHash(L, "update");
  size_t size;
  const unsigned char* in = CheckBytes(L, 2, &size);
  switch (record->algorithm()) {
    case Algorithm::kSha256:
      crypto_hash_sha256_update(&record->state.sha256, in, size);
      break;
    case Algorithm::kSha512:
      crypto_hash_sha512_update(&record->state.sha512, in, size);
      break;
    case Algorithm::kBlake2b:
      crypto_generichash_update(&record->state.blake2b, in, size);
      break;
  }
  lua_settop(L, 1);
  return 1;
}

// hash:digest() -> raw bytes; the hash is finished afterwards
int LHashDigest(lua_State* L) {
  HashRecord* record = CheckRunningHash(L, "digest");
  unsigned char out[crypto_hash_sha512_BYTES];  // the largest of the three
  size_t size = 0;
  switch (record->algorithm()) {
    case Algorithm::kSha256:
      crypto_hash_sha256_final(&record->state.sha256, out);
      size = crypto_hash_sha256_BYTES;
      break;
    case Algorithm::kSha512:
      crypto_hash_sha512_final(&record->state.sha512, out);
      size = crypto_hash_sha512_BYTES;
      break;
    case Algorithm::kBlake2b:
      size = record->size();
      crypto_generichash_final(&record->state.blake2b, out, size);
      break;
  }
  record->Finish();
  PushBytes(L, out, size);
  return 1;
}

static_assert(crypto_generichash_BYTES_MAX <= crypto_hash_sha512_BYTES,
              "digest buffer too small");

}  // namespace

void OpenCrypto(lua_State* L) {
  static const luaL_Reg kMethods[] = {
      {"update", LHashUpdate},
      {"digest", LHashDigest},
      {nullptr, nullptr},
  };
  NewObjectClass(L, kHashType, kMethods);
  lua_pop(L, 1);
  static const luaL_Reg kFunctions[] = {
      {"sha256", LCryptoSha256}, {"sha512", LCryptoSha512}, {"blake2b", LCryptoBlake2b},
      {"hex", LCryptoHex},       {"hash", LCryptoHash},     {"random", LCryptoRandom},
      {"equal", LCryptoEqual},   {nullptr, nullptr},
  };
  lua_newtable(L);
  SetFunctions(L, kFunctions);
  lua_setfield(L, -2, "crypto");
}

}  // namespace luv::lua
