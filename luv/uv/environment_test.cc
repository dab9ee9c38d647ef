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

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

using namespace std::string_view_literals;

// Puts the variables a test changes back as they were (libc's own calls, so
// the restoring does not depend on the code under test).
class EnvironmentTest : public ::testing::Test {
 protected:
  void Save(const char* name) {
    const char* value = std::getenv(name);
    saved_.push_back({name, value != nullptr, value != nullptr ? value : ""});
  }
  void TearDown() override {
    for (const Saved& s : saved_) {
      if (s.was_set) {
        setenv(s.name.c_str(), s.value.c_str(), 1);
      } else {
        unsetenv(s.name.c_str());
      }
    }
  }

 private:
  struct Saved {
    std::string name;
    bool was_set;
    std::string value;
  };
  std::vector<Saved> saved_;
};

bool Listed(const std::vector<EnvEntry>& entries, const std::string& name,
            const std::string& value) {
  return std::any_of(entries.begin(), entries.end(), [&](const EnvEntry& e) {
    return e.name == name && e.value == value;
  });
}

TEST_F(EnvironmentTest, SetGetListUnsetRoundTrip) {
  Save("LUV_ENV_TEST");
  ASSERT_TRUE(Setenv("LUV_ENV_TEST", "a value = with equals").ok());
  // libc sees it.
  ASSERT_NE(std::getenv("LUV_ENV_TEST"), nullptr);
  EXPECT_STREQ(std::getenv("LUV_ENV_TEST"), "a value = with equals");
  luv::StatusOr<std::optional<std::string>> value = Getenv("LUV_ENV_TEST");
  ASSERT_TRUE(value.ok()) << value.status();
  ASSERT_TRUE(value->has_value());
  EXPECT_EQ(**value, "a value = with equals");
  luv::StatusOr<std::vector<EnvEntry>> entries = Environ();
  ASSERT_TRUE(entries.ok()) << entries.status();
  EXPECT_TRUE(Listed(*entries, "LUV_ENV_TEST", "a value = with equals"));

  ASSERT_TRUE(Unsetenv("LUV_ENV_TEST").ok());
  EXPECT_EQ(std::getenv("LUV_ENV_TEST"), nullptr);
  value = Getenv("LUV_ENV_TEST");
  ASSERT_TRUE(value.ok()) << value.status();
  EXPECT_FALSE(value->has_value());
  entries = Environ();
  ASSERT_TRUE(entries.ok()) << entries.status();
  EXPECT_FALSE(Listed(*entries, "LUV_ENV_TEST", "a value = with equals"));
  // Unsetting what is not set is not an error.
  EXPECT_TRUE(Unsetenv("LUV_ENV_TEST").ok());
}

TEST_F(EnvironmentTest, EnvironListsWhatLibcHas) {
  Save("LUV_ENV_LISTED");
  ASSERT_EQ(setenv("LUV_ENV_LISTED", "from libc", 1), 0);
  luv::StatusOr<std::vector<EnvEntry>> entries = Environ();
  ASSERT_TRUE(entries.ok()) << entries.status();
  EXPECT_TRUE(Listed(*entries, "LUV_ENV_LISTED", "from libc"));
  size_t in_libc = 0;
  for (char** entry = environ; *entry != nullptr; ++entry) ++in_libc;
  EXPECT_EQ(entries->size(), in_libc);
}

TEST_F(EnvironmentTest, EmptyAndLongValuesRoundTrip) {
  Save("LUV_ENV_EMPTY");
  Save("LUV_ENV_LONG");
  ASSERT_TRUE(Setenv("LUV_ENV_EMPTY", "").ok());
  luv::StatusOr<std::optional<std::string>> empty = Getenv("LUV_ENV_EMPTY");
  ASSERT_TRUE(empty.ok()) << empty.status();
  ASSERT_TRUE(empty->has_value()) << "an empty value is set, not missing";
  EXPECT_EQ(**empty, "");
  // Longer than the first buffer (PATH_MAX): read in a second try.
  std::string long_value(3 * 4096 + 7, 'x');
  long_value.back() = 'y';
  ASSERT_TRUE(Setenv("LUV_ENV_LONG", long_value).ok());
  luv::StatusOr<std::optional<std::string>> read = Getenv("LUV_ENV_LONG");
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ(**read, long_value);
}

TEST_F(EnvironmentTest, BadNamesAndValuesAreRefusedAndChangeNothing) {
  Save("LUV_ENV_A");
  unsetenv("LUV_ENV_A");
  EXPECT_STREQ(EnvNameProblem(""), "name is empty");
  EXPECT_STREQ(EnvNameProblem("LUV_ENV_A=B"), "name contains '='");
  EXPECT_STREQ(EnvNameProblem("LUV_ENV_A\0B"sv), "name contains a NUL byte");
  EXPECT_EQ(EnvNameProblem("LUV_ENV_A"), nullptr);
  EXPECT_STREQ(EnvValueProblem("x\0y"sv), "value contains a NUL byte");
  EXPECT_EQ(EnvValueProblem("x=y"), nullptr);

  for (std::string_view name : {""sv, "LUV_ENV_A=B"sv, "LUV_ENV_A\0B"sv}) {
    luv::Status set = Setenv(name, "x");
    EXPECT_EQ(set.code(), luv::StatusCode::kInvalidArgument) << set;
    EXPECT_EQ(set.message().substr(0, 7), "EINVAL:") << set;
    EXPECT_EQ(Unsetenv(name).code(), luv::StatusCode::kInvalidArgument);
    EXPECT_EQ(Getenv(name).status().code(), luv::StatusCode::kInvalidArgument);
  }
  luv::Status nul_value = Setenv("LUV_ENV_A", "x\0y"sv);
  EXPECT_EQ(nul_value.code(), luv::StatusCode::kInvalidArgument) << nul_value;
  EXPECT_NE(nul_value.message().find("value contains a NUL byte"), std::string_view::npos)
      << nul_value;
  // Nothing was set, not even the part before the NUL or the '='.
  EXPECT_EQ(std::getenv("LUV_ENV_A"), nullptr);
}

TEST_F(EnvironmentTest, HomedirIsHomeOrThePasswordEntry) {
  Save("HOME");
  ASSERT_EQ(setenv("HOME", "/luv/home/for/test", 1), 0);
  luv::StatusOr<std::string> home = Homedir();
  ASSERT_TRUE(home.ok()) << home.status();
  EXPECT_EQ(*home, "/luv/home/for/test");

  ASSERT_EQ(unsetenv("HOME"), 0);
  const passwd* entry = getpwuid(geteuid());
  if (entry == nullptr) GTEST_SKIP() << "no password entry for uid " << geteuid();
  home = Homedir();
  ASSERT_TRUE(home.ok()) << home.status();
  EXPECT_EQ(*home, entry->pw_dir);
}

TEST_F(EnvironmentTest, TmpdirFollowsTmpdirVariablesElseTmp) {
  for (const char* name : {"TMPDIR", "TMP", "TEMP", "TEMPDIR"}) {
    Save(name);
    unsetenv(name);
  }
  luv::StatusOr<std::string> dir = Tmpdir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  EXPECT_EQ(*dir, "/tmp");

  ASSERT_EQ(setenv("TEMP", "/from/temp", 1), 0);
  dir = Tmpdir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  EXPECT_EQ(*dir, "/from/temp");

  ASSERT_EQ(setenv("TMPDIR", "/from/tmpdir/", 1), 0);  // first, and the slash goes
  dir = Tmpdir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  EXPECT_EQ(*dir, "/from/tmpdir");
}

// Writers add and remove variables (so libc moves the environment's array)
// while readers read and list: every read sees a value some writer wrote,
// and nothing crashes (the lock in environment.cc; under ASan a reader of
// a moved array would read freed memory).
TEST_F(EnvironmentTest, ThreadsReadWhileOthersWrite) {
  constexpr int kNames = 64;
  constexpr int kRounds = 200;
  for (int i = 0; i < kNames; ++i) Save(("LUV_ENV_RACE_" + std::to_string(i)).c_str());
  std::atomic<int> bad{0};
  std::atomic<bool> done{false};
  auto writer = [&](int first) {
    for (int round = 0; round < kRounds; ++round) {
      for (int i = first; i < kNames; i += 2) {
        std::string name = "LUV_ENV_RACE_" + std::to_string(i);
        if (!Setenv(name, "value-" + std::to_string(i)).ok()) ++bad;
      }
      for (int i = first; i < kNames; i += 2) {
        if (!Unsetenv("LUV_ENV_RACE_" + std::to_string(i)).ok()) ++bad;
      }
    }
  };
  auto reader = [&] {
    while (!done.load()) {
      for (int i = 0; i < kNames; ++i) {
        luv::StatusOr<std::optional<std::string>> value =
            Getenv("LUV_ENV_RACE_" + std::to_string(i));
        if (!value.ok() ||
            (value->has_value() && **value != "value-" + std::to_string(i))) {
          ++bad;
        }
      }
      luv::StatusOr<std::vector<EnvEntry>> entries = Environ();
      if (!entries.ok()) ++bad;
    }
  };
  std::vector<std::thread> threads;
  threads.emplace_back(reader);
  threads.emplace_back(reader);
  std::thread even(writer, 0), odd(writer, 1);
  even.join();
  odd.join();
  done = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

}  // namespace
}  // namespace luv::uv
