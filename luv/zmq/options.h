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

// The ØMQ option tables: every socket option libzmq 4.3 documents
// (zmq_setsockopt(3), zmq_getsockopt(3)) and every context option
// (zmq_ctx_set(3), zmq_ctx_get(3)), by name and number, with the value's
// type and whether it can be read and written.
//
// Names are looked up without the "ZMQ_" prefix and case-insensitively
// ("SUBSCRIBE", "subscribe", "ZMQ_SUBSCRIBE"); the documented aliases
// (IDENTITY for ROUTING_ID, CONNECT_RID for CONNECT_ROUTING_ID) find the
// same entry. Options marked `draft` are documented but belong to libzmq's
// DRAFT API: whether a given libzmq build accepts them is its own answer.
// Static data; any thread.
#ifndef LUV_ZMQ_OPTIONS_H_
#define LUV_ZMQ_OPTIONS_H_

#include <cstddef>
#include <cstdint>

#include <string_view>
#include "luv/base/span.h"

namespace luv::zmq {

enum class OptionType : uint8_t {
  kInt,     // int
  kBool,    // int that is 0 or 1
  kInt64,   // int64_t
  kUint64,  // uint64_t
  kString,  // character string (no NUL bytes); read back without its NUL
  kBinary,  // any bytes
  kKey,     // CURVE key: 32 bytes, or 40 characters of Z85 text; read as Z85
};

enum OptionAccess : uint8_t {
  kRead = 1,
  kWrite = 2,
  kReadWrite = kRead | kWrite,
};

struct Option {
  const char* name;  // without "ZMQ_"
  int number;
  OptionType type;
  uint8_t access;
  bool draft;
};

// Longest string or binary value luv passes to zmq_setsockopt, and the
// buffer it reads string values into. libzmq checks the option's own limits
// (a routing id has 1 to 255 bytes, say).
constexpr size_t kMaxOptionBytes = 4096;

// The socket option called `name`, or null.
const Option* FindSocketOption(std::string_view name);
// The socket option with `number` (its canonical name), or null.
const Option* FindSocketOption(int number);
luv::Span<const Option> SocketOptions();

// Context options: all are ints (kInt or kBool).
const Option* FindContextOption(std::string_view name);
const Option* FindContextOption(int number, uint8_t access);
luv::Span<const Option> ContextOptions();

// Socket types by name ("PUB", "pub", "ZMQ_PUB"), -1 if unknown; and the
// name of a type number (null if unknown).
int FindSocketType(std::string_view name);
const char* SocketTypeName(int type);

}  // namespace luv::zmq

#endif  // LUV_ZMQ_OPTIONS_H_
