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

#include "luv/uv/signal_name.h"

#include <signal.h>

#include <string>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

struct NamedSignal {
  const char* name;
  int number;
  // Aliases are read, never written: NameOfSignal gives the main name.
  bool alias;
};

// POSIX's signals and Linux's own, by their macros (the numbers differ
// between architectures).
const NamedSignal kSignals[] = {
    {"SIGHUP", SIGHUP, false},       {"SIGINT", SIGINT, false},
    {"SIGQUIT", SIGQUIT, false},     {"SIGILL", SIGILL, false},
    {"SIGTRAP", SIGTRAP, false},     {"SIGABRT", SIGABRT, false},
    {"SIGIOT", SIGIOT, true},        {"SIGBUS", SIGBUS, false},
    {"SIGFPE", SIGFPE, false},       {"SIGKILL", SIGKILL, false},
    {"SIGUSR1", SIGUSR1, false},     {"SIGSEGV", SIGSEGV, false},
    {"SIGUSR2", SIGUSR2, false},     {"SIGPIPE", SIGPIPE, false},
    {"SIGALRM", SIGALRM, false},     {"SIGTERM", SIGTERM, false},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT, false},
#endif
    {"SIGCHLD", SIGCHLD, false},     {"SIGCLD", SIGCHLD, true},
    {"SIGCONT", SIGCONT, false},     {"SIGSTOP", SIGSTOP, false},
    {"SIGTSTP", SIGTSTP, false},     {"SIGTTIN", SIGTTIN, false},
    {"SIGTTOU", SIGTTOU, false},     {"SIGURG", SIGURG, false},
    {"SIGXCPU", SIGXCPU, false},     {"SIGXFSZ", SIGXFSZ, false},
    {"SIGVTALRM", SIGVTALRM, false}, {"SIGPROF", SIGPROF, false},
    {"SIGWINCH", SIGWINCH, false},   {"SIGIO", SIGIO, false},
    {"SIGPOLL", SIGPOLL, true},      {"SIGPWR", SIGPWR, false},
    {"SIGSYS", SIGSYS, false},
};

// Longer than any name; longer input is refused before it is copied.
constexpr size_t kMaxNameLength = 24;

// The names of the real-time signals, `kill -l`'s way: counted up from
// SIGRTMIN to the middle of the range, down from SIGRTMAX after it.
// Built once (SIGRTMIN is only known at run time); never destroyed.
const std::string* RealTimeNames() {
  static const std::string* names = [] {
    auto* table = new std::string[SIGRTMAX + 1];
    int middle = (SIGRTMIN + SIGRTMAX) / 2;
    for (int n = SIGRTMIN; n <= SIGRTMAX; ++n) {
      if (n == SIGRTMIN) {
        table[n] = "SIGRTMIN";
      } else if (n == SIGRTMAX) {
        table[n] = "SIGRTMAX";
      } else if (n <= middle) {
        table[n] = luv::StrCat("SIGRTMIN+", n - SIGRTMIN);
      } else {
        table[n] = luv::StrCat("SIGRTMAX-", SIGRTMAX - n);
      }
    }
    return table;
  }();
  return names;
}

// "SIGRTMIN", "SIGRTMIN+<n>", "SIGRTMAX-<n>", "SIGRTMAX" (upper case), or
// 0 when `upper` is none of them or names no signal.
int ParseRealTime(std::string_view upper) {
  int base;
  int sign;
  if (luv::StartsWith(upper, "SIGRTMIN")) {
    base = SIGRTMIN;
    sign = 1;
  } else if (luv::StartsWith(upper, "SIGRTMAX")) {
    base = SIGRTMAX;
    sign = -1;
  } else {
    return 0;
  }
  std::string_view rest = upper.substr(8);
  if (rest.empty()) return base;
  if (rest[0] != (sign > 0 ? '+' : '-')) return 0;
  rest.remove_prefix(1);
  int offset = 0;
  // Digits only (from_chars would take a second sign).
  if (rest.empty() || !luv::IsAsciiDigit(rest[0]) || !luv::SimpleAtoi(rest, &offset)) {
    return 0;
  }
  int number = base + sign * offset;
  return number >= SIGRTMIN && number <= SIGRTMAX ? number : 0;
}

luv::Status Unknown(std::string_view name) {
  std::string shown = luv::CHexEscape(name.substr(0, kMaxNameLength));
  if (name.size() > kMaxNameLength) shown += "...";
  return NamedError(luv::StatusCode::kInvalidArgument, "EINVAL",
                    luv::StrCat("unknown signal '", shown, "'"));
}

}  // namespace

int MaxSignal() { return SIGRTMAX; }

luv::StatusOr<int> ParseSignal(std::string_view name) {
  if (name.size() > kMaxNameLength) return Unknown(name);
  std::string upper = luv::AsciiStrToUpper(name);
  if (!luv::StartsWith(upper, "SIG")) upper.insert(0, "SIG");
  for (const NamedSignal& signal : kSignals) {
    if (upper == signal.name) return signal.number;
  }
  if (int number = ParseRealTime(upper)) return number;
  return Unknown(name);
}

std::string_view NameOfSignal(int signum) {
  for (const NamedSignal& signal : kSignals) {
    if (signal.number == signum && !signal.alias) return signal.name;
  }
  if (signum >= SIGRTMIN && signum <= SIGRTMAX) return RealTimeNames()[signum];
  return {};
}

}  // namespace luv::uv
