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

// Checking and parsing the arguments of file system calls, which come from
// untrusted callers (Lua scripts): paths, fopen-style open modes, octal
// permission strings and access(2) letters.
//
// Pure functions: any thread, nothing blocks. Failures are InvalidArgument
// statuses whose message starts with "EINVAL: " and says what was expected
// (the bindings raise them as argument errors), except for a path that is
// merely too long, which is the run-time failure "ENAMETOOLONG: ...".
#ifndef LUV_UV_FS_ARGS_H_
#define LUV_UV_FS_ARGS_H_

#include <cstddef>

#include "luv/base/status.h"
#include <string_view>

namespace luv::uv {

// The longest path passed to the system, in bytes (PATH_MAX less the NUL).
inline constexpr size_t kMaxPathLength = 4095;

// The most bytes one read asks the system for; a larger request reads at
// most this much (a read may always return fewer bytes than asked).
inline constexpr size_t kMaxReadLength = size_t{64} << 20;

// OK for a path that can be passed to the system. InvalidArgument when it
// contains a NUL byte (C would silently cut it there); "ENAMETOOLONG: ..."
// when it is longer than kMaxPathLength.
luv::Status CheckPath(std::string_view path);

// open(2) flags for an fopen-style mode: "r", "r+", "w", "w+", "a" or "a+",
// optionally followed by "b" (no effect, as on POSIX) and, for "w" modes,
// "x" (O_EXCL: fail if the file exists). Every open is close-on-exec.
luv::StatusOr<int> ParseOpenMode(std::string_view mode);

// Permission bits from an octal string such as "644" or "0755": one to five
// octal digits, at most 07777.
luv::StatusOr<int> ParsePermissions(std::string_view octal);

// access(2) mode from the letters "r", "w" and "x" (each at most once, any
// order); "" asks only whether the path exists (F_OK).
luv::StatusOr<int> ParseAccessMode(std::string_view letters);

}  // namespace luv::uv

#endif  // LUV_UV_FS_ARGS_H_
