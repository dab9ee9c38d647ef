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

// Signal names and numbers: "SIGTERM" <-> 15, for every signal Linux has.
//
// A name is accepted in any case, with or without "SIG" ("TERM", "sigterm",
// "SIGTERM"), including glibc's aliases (SIGIOT, SIGCLD, SIGPOLL). Real-time
// signals are named as `kill -l` prints them: "SIGRTMIN", "SIGRTMIN+3",
// "SIGRTMAX-2", "SIGRTMAX" (glibc reserves the two numbers below SIGRTMIN
// for its threads; they have no name). Numbers are those of the machine
// luv runs on (SIGRTMIN is glibc's, asked at run time).
//
// Pure functions; any thread. Nothing here blocks or raises.
#ifndef LUV_UV_SIGNAL_NAME_H_
#define LUV_UV_SIGNAL_NAME_H_

#include <string_view>

#include "luv/base/status.h"

namespace luv::uv {

// The highest signal number (SIGRTMAX: 64 on Linux).
int MaxSignal();

// The number of the signal called `name`, or
// `EINVAL: unknown signal '<name>'` (the name quoted with C escapes).
// Only names: a string of digits is not one.
luv::StatusOr<int> ParseSignal(std::string_view name);

// The name of signal `signum` ("SIGTERM", "SIGRTMIN+2"), or an empty view
// for a number that has none. The view points at static storage and is
// NUL-terminated (its data() can be passed to C).
//
// (Not `SignalName`: luv/uv/process.h has a function of that name and
// parameter, which the process code may move onto this one.)
std::string_view NameOfSignal(int signum);

}  // namespace luv::uv

#endif  // LUV_UV_SIGNAL_NAME_H_
