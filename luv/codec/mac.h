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

// The keyed MAC that marks a blob as made by this process: libsodium's
// crypto_auth (HMAC-SHA-512-256) under a random key created on first use and
// shared by every thread of the process. Never leaves the process, so a blob
// saved to disk or sent elsewhere does not verify. Thread-safe; no Lua.
#ifndef LUV_CODEC_MAC_H_
#define LUV_CODEC_MAC_H_

#include <cstddef>
#include <cstdint>

namespace luv::codec {

// Writes the MAC of `data` into `mac` (kMacSize bytes). False only if
// libsodium could not be initialized.
bool SignBlob(const uint8_t* data, size_t size, uint8_t* mac);

// True when `mac` is the MAC of `data` under this process's key.
bool VerifyBlob(const uint8_t* data, size_t size, const uint8_t* mac);

}  // namespace luv::codec

#endif  // LUV_CODEC_MAC_H_
