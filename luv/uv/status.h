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

// Status values for libuv results: the one place where a libuv error code
// becomes an luv::Status.
//
// Every failure luv reports carries a message that starts with libuv's error
// name ("ENOENT: no such file or directory: /tmp/x"), so that the Lua layer can
// return `nil, message, "ENOENT"` without a second lookup. Pure functions;
// any thread.
#ifndef LUV_UV_STATUS_H_
#define LUV_UV_STATUS_H_

#include "luv/base/status.h"
#include <string_view>

namespace luv::uv {

// Converts a libuv result (0 or a negative errno-style code) into a Status.
// A non-empty `context` (a path, an address) is appended to the message.
luv::Status UvStatus(int code, std::string_view context = {});

// Builds a failure whose message starts with `name` ("ECODEC: ...") for errors
// that do not come from libuv.
luv::Status NamedError(luv::StatusCode code, std::string_view name,
                        std::string_view text);

// The error name a failed status starts with ("ENOENT"), or "EUNKNOWN" when
// the message has no name prefix. Empty for an OK status. The view points
// into `status`'s message or at a static string.
std::string_view ErrorName(const luv::Status& status);

}  // namespace luv::uv

#endif  // LUV_UV_STATUS_H_
