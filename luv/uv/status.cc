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

#include "luv/uv/status.h"

#include <uv.h>

#include "luv/base/strings.h"

namespace luv::uv {

luv::Status UvStatus(int code, std::string_view context) {
  if (code >= 0) return luv::OkStatus();
  std::string message = luv::StrCat(uv_err_name(code), ": ", uv_strerror(code));
  if (!context.empty()) luv::StrAppend(&message, ": ", context);
  // libuv codes are negated errno values on Unix.
  return luv::Status(luv::ErrnoToStatusCode(-code), message);
}

luv::Status NamedError(luv::StatusCode code, std::string_view name,
                        std::string_view text) {
  return luv::Status(code, luv::StrCat(name, ": ", text));
}

std::string_view ErrorName(const luv::Status& status) {
  if (status.ok()) return "";
  std::string_view message = status.message();
  size_t colon = message.find(':');
  std::string_view name = message.substr(0, colon);
  bool looks_like_name =
      colon != std::string_view::npos && name.size() > 1 && name[0] == 'E';
  for (char c : name) {
    if (!luv::IsAsciiUpper(c) && !luv::IsAsciiDigit(c) && c != '_') {
      looks_like_name = false;
    }
  }
  return looks_like_name ? name : "EUNKNOWN";
}

}  // namespace luv::uv
