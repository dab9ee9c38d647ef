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

// The process's environment, through libuv: reading, setting and removing
// variables, listing them all, and the two directories the environment
// names (HOME and TMPDIR, with libuv's fallbacks). Lua-free.
//
// Thread safety: there is one environment per process, and libc guards it
// poorly: getenv reads the `environ` array without a lock while setenv may
// move that array (and unsetenv shifts its entries), and libuv adds no lock
// of its own. So every function here takes one process-wide reader/writer
// lock: the readers (Getenv, Environ, Homedir, Tmpdir) share it, Setenv and
// Unsetenv hold it alone. Any thread may call any of them, and luv's threads
// never race one another. Code that reads the environment without this lock
// (Lua's os.getenv, a C library's getenv) can still race a concurrent
// Setenv; docs/decisions.md ("The process's own facts") says so. Strings
// libc's setenv made are never freed by glibc, so such a race reads a stale
// entry at worst. None of these calls blocks for long (Homedir may read the
// password database when HOME is unset).
#ifndef LUV_UV_ENVIRONMENT_H_
#define LUV_UV_ENVIRONMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "luv/base/status.h"

namespace luv::uv {

// Why `name` cannot name an environment variable ("name is empty", "name
// contains '='", "name contains a NUL byte"), or null when it can. A static
// string: bindings raise it as the argument error.
const char* EnvNameProblem(std::string_view name);

// "value contains a NUL byte", or null when `value` can be stored.
const char* EnvValueProblem(std::string_view value);

// The value of the variable `name`, or nullopt when it is not set. A bad
// name (EnvNameProblem) fails with EINVAL.
luv::StatusOr<std::optional<std::string>> Getenv(std::string_view name);

// Sets `name` to `value`, replacing any value it had. Fails with EINVAL for
// a bad name or value, ENOMEM when libc cannot grow the environment.
luv::Status Setenv(std::string_view name, std::string_view value);

// Removes `name`; a name that is not set is not an error. EINVAL for a bad
// name.
luv::Status Unsetenv(std::string_view name);

// One variable of the environment.
struct EnvEntry {
  std::string name;
  std::string value;
};

// Every variable, in the environment's order (entries without '=' are
// left out, as libuv does).
luv::StatusOr<std::vector<EnvEntry>> Environ();

// The current user's home directory: HOME when it is set, else the password
// database's entry for the effective user.
luv::StatusOr<std::string> Homedir();

// The directory for temporary files: the first of TMPDIR, TMP, TEMP and
// TEMPDIR that is set, else "/tmp"; without a trailing slash.
luv::StatusOr<std::string> Tmpdir();

}  // namespace luv::uv

#endif  // LUV_UV_ENVIRONMENT_H_
