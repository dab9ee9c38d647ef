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

#include <string>

#include "gtest/gtest.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

int Mode(std::string_view mode) {
  luv::StatusOr<int> flags = ParseOpenMode(mode);
  EXPECT_TRUE(flags.ok()) << mode << ": " << flags.status();
  return flags.ok() ? *flags : -1;
}

TEST(FsArgsTest, OpenModesMapToFopenFlags) {
  EXPECT_EQ(Mode("r"), O_RDONLY | O_CLOEXEC);
  EXPECT_EQ(Mode("r+"), O_RDWR | O_CLOEXEC);
  EXPECT_EQ(Mode("w"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
  EXPECT_EQ(Mode("w+"), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC);
  EXPECT_EQ(Mode("a"), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC);
  EXPECT_EQ(Mode("a+"), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC);
}

TEST(FsArgsTest, OpenModesAcceptBinaryAndExclusive) {
  EXPECT_EQ(Mode("rb"), Mode("r"));
  EXPECT_EQ(Mode("r+b"), Mode("r+"));
  EXPECT_EQ(Mode("rb+"), Mode("r+"));
  EXPECT_EQ(Mode("wx"), Mode("w") | O_EXCL);
  EXPECT_EQ(Mode("w+bx"), Mode("w+") | O_EXCL);
}

TEST(FsArgsTest, BadOpenModesAreRejected) {
  for (const char* mode :
       {"", "x", "rw", "r++", "R", "w ", " w", "rx", "ax", "a+bb", "wxx", "read", "+r"}) {
    luv::StatusOr<int> flags = ParseOpenMode(mode);
    EXPECT_FALSE(flags.ok()) << "accepted \"" << mode << "\"";
    EXPECT_EQ(flags.status().code(), luv::StatusCode::kInvalidArgument);
    EXPECT_EQ(ErrorName(flags.status()), "EINVAL");
  }
  EXPECT_FALSE(ParseOpenMode(std::string_view("r\0", 2)).ok());
}

TEST(FsArgsTest, BadModeMessagesQuoteABoundedEscapedPart) {
  std::string huge(10000, 'q');
  luv::Status status = ParseOpenMode(huge).status();
  EXPECT_LT(status.message().size(), 200u);
  EXPECT_NE(status.message().find("qqq\"..."), std::string::npos) << status.message();
  status = ParseOpenMode(std::string_view("\x01\n", 2)).status();
  EXPECT_EQ(status.message(),
            "EINVAL: invalid open mode \"\\x01\\n\" (expected r, r+, w, w+, a or a+)");
}

TEST(FsArgsTest, PermissionsAreOctal) {
  EXPECT_EQ(*ParsePermissions("644"), 0644);
  EXPECT_EQ(*ParsePermissions("0755"), 0755);
  EXPECT_EQ(*ParsePermissions("7"), 07);
  EXPECT_EQ(*ParsePermissions("4755"), 04755);
  EXPECT_EQ(*ParsePermissions("07777"), 07777);
  for (const char* bad :
       {"", "8", "64a", "-644", "+644", "0x1ff", "17777", "000000", "6 4", " 644"}) {
    luv::StatusOr<int> bits = ParsePermissions(bad);
    EXPECT_FALSE(bits.ok()) << "accepted \"" << bad << "\"";
    EXPECT_EQ(ErrorName(bits.status()), "EINVAL");
  }
}

TEST(FsArgsTest, AccessModesAreLetters) {
  EXPECT_EQ(*ParseAccessMode(""), F_OK);
  EXPECT_EQ(*ParseAccessMode("r"), R_OK);
  EXPECT_EQ(*ParseAccessMode("wr"), R_OK | W_OK);
  EXPECT_EQ(*ParseAccessMode("rwx"), R_OK | W_OK | X_OK);
  for (const char* bad : {"rr", "q", "R", "r w"}) {
    EXPECT_FALSE(ParseAccessMode(bad).ok()) << "accepted \"" << bad << "\"";
  }
}

TEST(FsArgsTest, PathsWithNulOrTooLongAreRejected) {
  EXPECT_TRUE(CheckPath("/tmp/x").ok());
  EXPECT_TRUE(CheckPath("").ok());  // the system answers ENOENT
  EXPECT_TRUE(CheckPath(std::string(kMaxPathLength, 'a')).ok());

  luv::Status nul = CheckPath(std::string_view("/tmp/x\0.lua", 11));
  EXPECT_EQ(nul.code(), luv::StatusCode::kInvalidArgument);
  EXPECT_EQ(nul.message(), "EINVAL: path contains a NUL byte: \"/tmp/x\\x00.lua\"");

  luv::Status too_long = CheckPath(std::string(kMaxPathLength + 1, 'a'));
  EXPECT_EQ(ErrorName(too_long), "ENAMETOOLONG");
  EXPECT_LT(too_long.message().size(), 200u);
  EXPECT_NE(too_long.message().find("(4096 bytes)"), std::string::npos)
      << too_long.message();
}

}  // namespace
}  // namespace luv::uv
