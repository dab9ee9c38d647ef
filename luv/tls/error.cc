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

#include "luv/tls/error.h"

#include <openssl/err.h>

namespace luv::tls::internal {

// Peeking first: clearing an empty queue still walks all of its slots, and
// this runs around every record read and written.
ErrorScope::ErrorScope() {
  if (ERR_peek_error() != 0) ERR_clear_error();
}
ErrorScope::~ErrorScope() {
  if (ERR_peek_error() != 0) ERR_clear_error();
}

std::string TakeErrorReason(std::string_view fallback) {
  std::string reason;
  unsigned long error;  // NOLINT(runtime/int): OpenSSL's type
  while ((error = ERR_get_error()) != 0) {
    if (!reason.empty()) continue;  // keep draining
    const char* text = ERR_reason_error_string(error);
    if (text != nullptr) {
      reason = text;
    } else {
      reason = "error " + std::to_string(ERR_GET_REASON(error));
    }
  }
  if (reason.empty()) reason = std::string(fallback);
  return reason;
}

int PeekErrorReason() {
  unsigned long error = ERR_peek_error();  // NOLINT(runtime/int)
  return error == 0 ? 0 : ERR_GET_REASON(error);
}

Status ErrorFromQueue(StatusCode code, std::string_view prefix,
                      std::string_view fallback) {
  std::string reason = TakeErrorReason(fallback);
  if (prefix.empty()) return Status(code, reason);
  std::string message(prefix);
  message += ": ";
  message += reason;
  return Status(code, message);
}

}  // namespace luv::tls::internal
