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
