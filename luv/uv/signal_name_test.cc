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

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

int Parsed(std::string_view name) {
  luv::StatusOr<int> number = ParseSignal(name);
  return number.ok() ? *number : -1;
}

std::string Refusal(std::string_view name) {
  luv::StatusOr<int> number = ParseSignal(name);
  return number.ok() ? "parsed" : std::string(number.status().message());
}

TEST(SignalNameTest, TakesNamesInAnyCaseWithOrWithoutSig) {
  for (const char* name : {"TERM", "term", "SIGTERM", "sigterm", "SigTerm", "sIGtERM"}) {
    EXPECT_EQ(Parsed(name), SIGTERM) << name;
  }
  EXPECT_EQ(Parsed("HUP"), SIGHUP);
  EXPECT_EQ(Parsed("usr1"), SIGUSR1);
  EXPECT_EQ(Parsed("SIGWINCH"), SIGWINCH);
  EXPECT_EQ(Parsed("KILL"), SIGKILL);  // a name, even if it cannot be caught
  EXPECT_EQ(Parsed("STKFLT"), SIGSTKFLT);
  EXPECT_EQ(Parsed("PWR"), SIGPWR);
}

TEST(SignalNameTest, TakesGlibcsAliasesAndGivesTheMainName) {
  EXPECT_EQ(Parsed("IOT"), SIGABRT);
  EXPECT_EQ(Parsed("CLD"), SIGCHLD);
  EXPECT_EQ(Parsed("POLL"), SIGIO);
  EXPECT_EQ(NameOfSignal(SIGABRT), "SIGABRT");
  EXPECT_EQ(NameOfSignal(SIGCHLD), "SIGCHLD");
  EXPECT_EQ(NameOfSignal(SIGIO), "SIGIO");
}

TEST(SignalNameTest, NamesRealTimeSignalsAsKillDashLDoes) {
  EXPECT_EQ(Parsed("RTMIN"), SIGRTMIN);
  EXPECT_EQ(Parsed("sigrtmin+3"), SIGRTMIN + 3);
  EXPECT_EQ(Parsed("SIGRTMAX-2"), SIGRTMAX - 2);
  EXPECT_EQ(Parsed("RTMAX"), SIGRTMAX);
  EXPECT_EQ(NameOfSignal(SIGRTMIN), "SIGRTMIN");
  EXPECT_EQ(NameOfSignal(SIGRTMIN + 1), "SIGRTMIN+1");
  EXPECT_EQ(NameOfSignal(SIGRTMAX - 1), "SIGRTMAX-1");
  EXPECT_EQ(NameOfSignal(SIGRTMAX), "SIGRTMAX");
  // glibc's 34..64: bash's kill -l splits at 49/50.
  if (SIGRTMIN == 34 && SIGRTMAX == 64) {
    EXPECT_EQ(NameOfSignal(49), "SIGRTMIN+15");
    EXPECT_EQ(NameOfSignal(50), "SIGRTMAX-14");
  }
  // Either spelling is taken on both sides of the split.
  EXPECT_EQ(Parsed("RTMIN+20"), SIGRTMIN + 20);
  EXPECT_EQ(Parsed("RTMAX-20"), SIGRTMAX - 20);
}

TEST(SignalNameTest, RefusesWhatIsNoSignalName) {
  EXPECT_EQ(Refusal("FOO"), "EINVAL: unknown signal 'FOO'");
  EXPECT_EQ(Refusal("sigfoo"), "EINVAL: unknown signal 'sigfoo'");
  EXPECT_EQ(Refusal(""), "EINVAL: unknown signal ''");
  EXPECT_EQ(Refusal("SIG"), "EINVAL: unknown signal 'SIG'");
  EXPECT_EQ(Refusal("15"), "EINVAL: unknown signal '15'");  // numbers are not names
  EXPECT_EQ(Refusal("TERM "), "EINVAL: unknown signal 'TERM '");
  EXPECT_EQ(Refusal("RTMIN+"), "EINVAL: unknown signal 'RTMIN+'");
  EXPECT_EQ(Refusal("RTMIN-1"), "EINVAL: unknown signal 'RTMIN-1'");
  EXPECT_EQ(Refusal("RTMIN++1"), "EINVAL: unknown signal 'RTMIN++1'");
  EXPECT_EQ(Refusal("RTMAX+1"), "EINVAL: unknown signal 'RTMAX+1'");
  EXPECT_EQ(Refusal("RTMIN+99"), "EINVAL: unknown signal 'RTMIN+99'");
  EXPECT_EQ(Refusal("RTMAX-99"), "EINVAL: unknown signal 'RTMAX-99'");
  EXPECT_EQ(Refusal("RTMIN+9999999999999"),
            "EINVAL: unknown signal 'RTMIN+9999999999999'");
  EXPECT_EQ(Refusal(std::string("TE\0RM", 5)), "EINVAL: unknown signal 'TE\\x00RM'");
  // Long input is cut in the message.
  EXPECT_EQ(Refusal(std::string(1000, 'x')),
            "EINVAL: unknown signal '" + std::string(24, 'x') + "...'");
}

TEST(SignalNameTest, EveryNumberWithANameParsesBack) {
  int named = 0;
  for (int n = 1; n <= MaxSignal(); ++n) {
    std::string_view name = NameOfSignal(n);
    if (name.empty()) continue;
    ++named;
    EXPECT_EQ(name.data()[name.size()], '\0') << n;  // usable as a C string
    EXPECT_EQ(Parsed(name), n) << name;
    EXPECT_EQ(Parsed(name.substr(3)), n) << name;
  }
  // Every standard signal (1..31) and every real-time one has a name; only
  // glibc's two reserved numbers do not.
  EXPECT_EQ(named, MaxSignal() - (SIGRTMIN - 32));
  for (int n = 1; n < 32; ++n) EXPECT_FALSE(NameOfSignal(n).empty()) << n;
  EXPECT_TRUE(NameOfSignal(32).empty());
  EXPECT_TRUE(NameOfSignal(0).empty());
  EXPECT_TRUE(NameOfSignal(-1).empty());
  EXPECT_TRUE(NameOfSignal(MaxSignal() + 1).empty());
  EXPECT_EQ(MaxSignal(), SIGRTMAX);
}

}  // namespace
}  // namespace luv::uv
