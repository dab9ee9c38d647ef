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

#include "luv/lua/result.h"

#include <cstdarg>
#include <cstring>

#include "luv/uv/status.h"

namespace luv::lua {
namespace {

struct Wording {
  const char* name;
  const char* text;  // a lua_pushfstring format with one %s: the object
};

// Indexed by LuvError.
constexpr Wording kWordings[] = {
    {"EBADF", "%s is closed"},
    {"ECANCELED", "%s was closed"},
    {"EOF", "end of file"},
    {"EPIPE", "%s is closed"},
    {"EAGAIN", "resource temporarily unavailable: %s"},
};

void Copy(char* out, size_t capacity, const char* data, size_t size, size_t* written) {
  if (size >= capacity) {
    std::memcpy(out, data, capacity - 4);
    std::memcpy(out + capacity - 4, "...", 4);
    *written = capacity - 1;
    return;
  }
  std::memcpy(out, data, size);
  out[size] = '\0';
  *written = size;
}

}  // namespace

Result::Result(const luv::Status& status) : ok_(status.ok()) {
  name_[0] = '\0';
  message_[0] = '\0';
  message_size_ = 0;
  if (ok_) return;
  std::string_view name = uv::ErrorName(status);
  size_t ignored;
  Copy(name_, sizeof(name_), name.data(), name.size(), &ignored);
  Copy(message_, sizeof(message_), status.message().data(), status.message().size(),
       &message_size_);
}

int PushFail(lua_State* L, Result& result) {
  lua_pushnil(L);
  lua_pushlstring(L, result.message(), result.message_size());
  lua_pushstring(L, result.name());
  return 3;
}

int ReturnTrue(lua_State* L, Result& result) {
  if (!result.ok()) return PushFail(L, result);
  lua_pushboolean(L, 1);
  return 1;
}

int PushLuvError(lua_State* L, LuvError error, const char* object) {
  const Wording& wording = kWordings[static_cast<int>(error)];
  lua_pushnil(L);
  lua_pushstring(L, wording.name);
  lua_pushliteral(L, ": ");
  lua_pushfstring(L, wording.text, object);
  lua_concat(L, 3);
  lua_pushstring(L, wording.name);
  return 3;
}

int PushUvFail(lua_State* L, int code, const char* context) {
  // Worded by luv/uv/status.h, as every libuv failure is.
  Result result = uv::UvStatus(code, context != nullptr ? context : "");
  return PushFail(L, result);
}

int PushFailf(lua_State* L, const char* name, const char* format, ...) {
  lua_pushnil(L);
  lua_pushstring(L, name);
  lua_pushliteral(L, ": ");
  va_list args;
  va_start(args, format);
  lua_pushvfstring(L, format, args);
  va_end(args);
  lua_concat(L, 3);
  lua_pushstring(L, name);
  return 3;
}

}  // namespace luv::lua
