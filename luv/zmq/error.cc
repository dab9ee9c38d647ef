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

#include "luv/zmq/error.h"

#include <uv.h>
#include <zmq.h>

#include <cerrno>
#include <cstring>

#include "luv/base/strings.h"

namespace luv::zmq {
namespace {

struct Named {
  int error;
  const char* name;
  luv::StatusCode code;
};

// ØMQ's own numbers (above ZMQ_HAUSNUMERO): neither errno nor libuv knows
// them.
constexpr Named kZmqErrors[] = {
    {EFSM, "EFSM", luv::StatusCode::kFailedPrecondition},
    {ENOCOMPATPROTO, "ENOCOMPATPROTO", luv::StatusCode::kInvalidArgument},
    {ETERM, "ETERM", luv::StatusCode::kCancelled},
    {EMTHREAD, "EMTHREAD", luv::StatusCode::kResourceExhausted},
};

const Named* FindZmqError(int error) {
  for (const Named& named : kZmqErrors) {
    if (named.error == error) return &named;
  }
  return nullptr;
}

}  // namespace

std::string_view ZmqErrorName(int error) {
  if (const Named* named = FindZmqError(error)) return named->name;
  // libuv's names are errno's (its codes are negated errno values); it
  // writes "Unknown system error" for numbers it does not know. The buffer
  // is static per thread so the view stays valid.
  thread_local char buffer[64];
  if (error > 0 && error < ZMQ_HAUSNUMERO) {
    uv_err_name_r(-error, buffer, sizeof(buffer));
    if (buffer[0] == 'E' && std::strchr(buffer, ' ') == nullptr) return buffer;
  }
  return "EUNKNOWN";
}

luv::Status ZmqStatus(int error, std::string_view context) {
  if (error == 0) return luv::OkStatus();
  std::string message = luv::StrCat(ZmqErrorName(error), ": ", zmq_strerror(error));
  if (!context.empty()) luv::StrAppend(&message, ": ", context);
  const Named* named = FindZmqError(error);
  luv::StatusCode code = named != nullptr ? named->code
                          : error > 0 && error < ZMQ_HAUSNUMERO
                              ? luv::ErrnoToStatusCode(error)
                              : luv::StatusCode::kUnknown;
  if (code == luv::StatusCode::kOk) code = luv::StatusCode::kUnknown;
  return luv::Status(code, message);
}

luv::Status LastZmqError(std::string_view context) {
  return ZmqStatus(zmq_errno(), context);
}

}  // namespace luv::zmq
