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

// Status values for libzmq results: the one place where a ØMQ error number
// becomes an luv::Status.
//
// Messages have the shape luv uses everywhere (luv/uv/status.h): the error's
// name, libzmq's text, then the context, e.g.
//   "EADDRINUSE: Address already in use: tcp://127.0.0.1:5555"
// so the Lua layer returns `nil, message, "EADDRINUSE"` with
// uv::ErrorName(). ØMQ's own errors (EFSM, ETERM, ENOCOMPATPROTO, EMTHREAD)
// are named like errno's. Pure functions; any thread.
#ifndef LUV_ZMQ_ERROR_H_
#define LUV_ZMQ_ERROR_H_

#include "luv/base/status.h"
#include <string_view>

namespace luv::zmq {

// The Status for ØMQ error number `error` (an errno value or one of ØMQ's
// own); a non-empty `context` (an endpoint, an option name) is appended.
luv::Status ZmqStatus(int error, std::string_view context = {});

// ZmqStatus(zmq_errno(), context): the error of the calling thread's last
// failed libzmq call.
luv::Status LastZmqError(std::string_view context = {});

// The name of ØMQ error number `error` ("EFSM", "EAGAIN"), or "EUNKNOWN".
std::string_view ZmqErrorName(int error);

}  // namespace luv::zmq

#endif  // LUV_ZMQ_ERROR_H_
