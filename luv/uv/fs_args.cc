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

#include "luv/uv/fs_args.h"

#include <fcntl.h>
#include <unistd.h>
#include <uv.h>

#include <string>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// An untrusted argument quoted in a message: escaped, and cut short so that
// a huge string cannot make a huge message.
std::string Quote(std::string_view text) {
  constexpr size_t kShown = 32;
  std::string quoted = luv::StrCat("\"", luv::CHexEscape(text.substr(0, kShown)), "\"");
  if (text.size() > kShown) luv::StrAppend(&quoted, "...");
  return quoted;
}

luv::Status Invalid(std::string_view text) {
  return NamedError(luv::StatusCode::kInvalidArgument, "EINVAL", text);
}

}  // namespace

luv::Status CheckPath(std::string_view path) {
  if (path.find('\0') != std::string_view::npos) {
    return Invalid(luv::StrCat("path contains a NUL byte: ", Quote(path)));
  }
  if (path.size() > kMaxPathLength) {
    return UvStatus(UV_ENAMETOOLONG,
                    luv::StrCat(path.substr(0, 64), "... (", path.size(), " bytes)"));
  }
  return luv::OkStatus();
}

luv::StatusOr<int> ParseOpenMode(std::string_view mode) {
  auto invalid = [mode] {
    return Invalid(luv::StrCat("invalid open mode ", Quote(mode),
                                " (expected r, r+, w, w+, a or a+)"));
  };
  if (mode.empty()) return invalid();
  int flags;
  switch (mode[0]) {
    case 'r':
      flags = 0;
      break;
    case 'w':
      flags = O_CREAT | O_TRUNC;
      break;
    case 'a':
      flags = O_CREAT | O_APPEND;
      break;
    default:
      return invalid();
  }
  bool plus = false, binary = false, exclusive = false;
  for (char c : mode.substr(1)) {
    bool* seen = c == '+' ? &plus : c == 'b' ? &binary : c == 'x' ? &exclusive : nullptr;
    if (seen == nullptr || *seen) return invalid();
    *seen = true;
  }
  if (exclusive && mode[0] != 'w') return invalid();
  flags |= plus ? O_RDWR : mode[0] == 'r' ? O_RDONLY : O_WRONLY;
  if (exclusive) flags |= O_EXCL;
  return flags | O_CLOEXEC;
}

luv::StatusOr<int> ParsePermissions(std::string_view octal) {
  auto invalid = [octal] {
    return Invalid(luv::StrCat("invalid permissions ", Quote(octal),
                                " (expected an octal string such as \"644\")"));
  };
  if (octal.empty() || octal.size() > 5) return invalid();
  int bits = 0;
  for (char c : octal) {
    if (c < '0' || c > '7') return invalid();
    bits = bits * 8 + (c - '0');
  }
  if (bits > 07777) return invalid();
  return bits;
}

luv::StatusOr<int> ParseAccessMode(std::string_view letters) {
  int mode = 0;
  for (char c : letters) {
    int bit = c == 'r' ? R_OK : c == 'w' ? W_OK : c == 'x' ? X_OK : 0;
    if (bit == 0 || (mode & bit) != 0) {
      return Invalid(luv::StrCat("invalid access mode ", Quote(letters),
                                  " (expected letters from \"rwx\", or \"\")"));
    }
    mode |= bit;
  }
  return mode == 0 ? F_OK : mode;
}

}  // namespace luv::uv
