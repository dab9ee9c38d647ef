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

// Messages, and the live objects in blobs: what an identity tag names, and
// what keeps that object alive while the blob that names it exists.
//
// A blob never carries a pointer, a counter or anything else a reader could
// guess: an identity tag holds a token of 128 random bits, and a Pin joins
// that token to a strong reference to the object. Pins have one of two
// owners:
//  - a Message (codec.h): C++ holds the blob (a channel message, a thread's
//    call or results). Decoding it, any number of times, finds the objects
//    in its own pins; destroying it, decoded or not, releases them.
//  - the ticket table: a blob handed to Lua as a string (luv.codec.encode)
//    cannot be followed, so its pins wait here until the first decode of the
//    blob redeems them. A ticket never redeemed lives until the process
//    exits.
// Either way a token is found only through the blob's MAC-checked bytes, so
// bytes from outside the process can name no live object.
//
// Plain C++ (no Lua). Pins are owned by one thread at a time; the ticket
// table is thread-safe.
#ifndef LUV_CODEC_MESSAGE_H_
#define LUV_CODEC_MESSAGE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "luv/codec/format.h"

namespace luv::codec {

using Token = std::array<uint8_t, kTokenSize>;

struct Pin {
  Token token;
  // The identity type's name (IdentityType::metatable, a static string).
  const char* type = nullptr;
  // Keeps the object alive; what it points at is the type's business.
  std::shared_ptr<void> object;
};

using Pins = std::vector<Pin>;

// A blob that C++ keeps (a channel message, a thread's call or results) with
// the pins of the live objects it names: they stay alive exactly as long as
// the Message. Made by EncodeMessage, read by DecodeMessage (codec.h).
struct Message {
  std::string bytes;
  Pins pins;
  bool empty() const { return bytes.empty(); }
};

// Fresh random bytes (libsodium). False only if libsodium cannot start.
bool NewToken(Token* token);

// The pin in `pins` whose token is the kTokenSize bytes at `token`; null if
// there is none.
const Pin* FindPin(const Pins& pins, const uint8_t* token);

// Moves every pin of `pins` into the process-wide ticket table (leaving
// `pins` empty). False if memory ran out; the pins are then released.
bool DepositTickets(Pins* pins);

// Takes the ticket for the kTokenSize bytes at `token` out of the table and
// appends it to `out`. False if there is no such ticket (a forged token, or
// a blob decoded before) or memory ran out.
bool RedeemTicket(const uint8_t* token, Pins* out);

// Tickets waiting to be redeemed (for tests).
size_t TicketCount();

}  // namespace luv::codec

#endif  // LUV_CODEC_MESSAGE_H_
