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

#include "luv/uv/environment.h"

#include <uv.h>

#include <climits>
#include <mutex>
#include <shared_mutex>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// The lock of every environment call luv makes (environment.h). Never
// destroyed: a thread may still read the environment while the process
// runs its static destructors.
std::shared_mutex& EnvironmentMutex() {
  static std::shared_mutex* const mutex = new std::shared_mutex();
  return *mutex;
}

// "EINVAL: invalid argument: setenv: name is empty".
luv::Status Invalid(std::string_view call, const char* problem) {
  return UvStatus(UV_EINVAL, luv::StrCat(call, ": ", problem));
}

// Runs `read(buffer, &size)` (uv_os_homedir, uv_os_tmpdir, uv_os_getenv)
// into a string, growing the buffer once when libuv says it is too small.
// The caller holds the lock, so the size libuv asked for stays right.
template <typename Read>
int ReadText(Read read, std::string* out) {
  out->resize(PATH_MAX);
  size_t size = out->size();
  int code = read(out->data(), &size);
  if (code == UV_ENOBUFS) {
    out->resize(size);  // libuv asks for the length plus the NUL
    code = read(out->data(), &size);
  }
  out->resize(code == 0 ? size : 0);
  return code;
}

}  // namespace

const char* EnvNameProblem(std::string_view name) {
  if (name.empty()) return "name is empty";
  if (name.find('\0') != std::string_view::npos) return "name contains a NUL byte";
  if (name.find('=') != std::string_view::npos) return "name contains '='";
  return nullptr;
}

const char* EnvValueProblem(std::string_view value) {
  if (value.find('\0') != std::string_view::npos) return "value contains a NUL byte";
  return nullptr;
}

luv::StatusOr<std::optional<std::string>> Getenv(std::string_view name) {
  if (const char* problem = EnvNameProblem(name)) return Invalid("getenv", problem);
  std::string key(name);
  auto read = [&key](char* buffer, size_t* size) {
    return uv_os_getenv(key.c_str(), buffer, size);
  };
  std::string value;
  int code;
  {
    std::shared_lock<std::shared_mutex> lock(EnvironmentMutex());
    code = ReadText(read, &value);
  }
  if (code == UV_ENOENT) return std::optional<std::string>();
  if (code < 0) return UvStatus(code, luv::StrCat("getenv ", key));
  return std::optional<std::string>(std::move(value));
}

luv::Status Setenv(std::string_view name, std::string_view value) {
  if (const char* problem = EnvNameProblem(name)) return Invalid("setenv", problem);
  if (const char* problem = EnvValueProblem(value)) return Invalid("setenv", problem);
  std::string key(name);
  std::string text(value);
  int code;
  {
    std::unique_lock<std::shared_mutex> lock(EnvironmentMutex());
    code = uv_os_setenv(key.c_str(), text.c_str());
  }
  return UvStatus(code, luv::StrCat("setenv ", key));
}

luv::Status Unsetenv(std::string_view name) {
  if (const char* problem = EnvNameProblem(name)) return Invalid("unsetenv", problem);
  std::string key(name);
  int code;
  {
    std::unique_lock<std::shared_mutex> lock(EnvironmentMutex());
    code = uv_os_unsetenv(key.c_str());
  }
  return UvStatus(code, luv::StrCat("unsetenv ", key));
}

luv::StatusOr<std::vector<EnvEntry>> Environ() {
  uv_env_item_t* items = nullptr;
  int count = 0;
  int code;
  {
    std::shared_lock<std::shared_mutex> lock(EnvironmentMutex());
    code = uv_os_environ(&items, &count);
  }
  // The items are libuv's copies: the lock is not needed to read them.
  if (code < 0) return UvStatus(code, "environ");
  std::vector<EnvEntry> result;
  result.reserve(count);
  for (int i = 0; i < count; ++i) {
    result.push_back(EnvEntry{items[i].name, items[i].value});
  }
  uv_os_free_environ(items, count);
  return result;
}

luv::StatusOr<std::string> Homedir() {
  std::string path;
  int code;
  {
    // libuv reads HOME with getenv.
    std::shared_lock<std::shared_mutex> lock(EnvironmentMutex());
    code = ReadText(uv_os_homedir, &path);
  }
  if (code < 0) return UvStatus(code, "homedir");
  return path;
}

luv::StatusOr<std::string> Tmpdir() {
  std::string path;
  int code;
  {
    // libuv reads TMPDIR and the others with getenv.
    std::shared_lock<std::shared_mutex> lock(EnvironmentMutex());
    code = ReadText(uv_os_tmpdir, &path);
  }
  if (code < 0) return UvStatus(code, "tmpdir");
  return path;
}

}  // namespace luv::uv
