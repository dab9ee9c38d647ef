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

#include "luv/codec/mac.h"

#include <sodium.h>

#include "luv/codec/format.h"

namespace luv::codec {
namespace {

static_assert(crypto_auth_BYTES == kMacSize, "the format stores a 32-byte MAC");

struct ProcessKey {
  bool ok = false;
  unsigned char key[crypto_auth_KEYBYTES];
};

// Created once, on first use, by whichever thread gets here first (C++ makes
// the initialization of a function-local static thread-safe).
const ProcessKey& Key() {
  static const ProcessKey* key = [] {
    ProcessKey* k = new ProcessKey;  // lives as long as the process
    if (sodium_init() >= 0) {
      crypto_auth_keygen(k->key);
      k->ok = true;
    }
    return k;
  }();
  return *key;
}

}  // namespace

bool SignBlob(const uint8_t* data, size_t size, uint8_t* mac) {
  const ProcessKey& key = Key();
  if (!key.ok) return false;
  crypto_auth(mac, data, size, key.key);
  return true;
}

bool VerifyBlob(const uint8_t* data, size_t size, const uint8_t* mac) {
  const ProcessKey& key = Key();
  return key.ok && crypto_auth_verify(mac, data, size, key.key) == 0;
}

}  // namespace luv::codec
