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

// Helpers for turning OpenSSL's thread-local error queue into luv::Status
// messages (internal to luv/tls).
//
// Every call into libssl/libcrypto is bracketed by ErrorScope: it clears the
// queue before, so a stale error from another session on this thread can
// never show up in this one's message, and clears it again after, so this
// call's errors do not leak into the next. Messages are OpenSSL's own reason
// strings ("wrong version number"), without luv's "ETLS:" prefix (the Lua
// layer adds it). Any thread (the queue is per thread). Nothing raises.
#ifndef LUV_TLS_ERROR_H_
#define LUV_TLS_ERROR_H_

#include <string>
#include <string_view>

#include "luv/base/status.h"

namespace luv::tls::internal {

// Clears the calling thread's OpenSSL error queue when made and destroyed.
class ErrorScope {
 public:
  ErrorScope();
  ~ErrorScope();
  ErrorScope(const ErrorScope&) = delete;
  ErrorScope& operator=(const ErrorScope&) = delete;
};

// The reason of the earliest error in the queue (the root cause: later
// entries are the callers that passed it up), or `fallback` when the queue
// is empty. Drains the queue.
std::string TakeErrorReason(std::string_view fallback);

// The library reason code of the earliest error in the queue (0 if none),
// without draining it.
int PeekErrorReason();

// Status(code, "<prefix>: <reason>"), or just the reason when `prefix` is
// empty. Drains the queue.
Status ErrorFromQueue(StatusCode code, std::string_view prefix,
                      std::string_view fallback);

}  // namespace luv::tls::internal

#endif  // LUV_TLS_ERROR_H_
