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

#include "luv/uv/stdio.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

bool NonBlocking(int fd) { return (fcntl(fd, F_GETFL) & O_NONBLOCK) != 0; }

// Moves `fd` to descriptor `target` (0..2) for the test, returning a backup.
class Redirect {
 public:
  Redirect(int target, int fd) : target_(target), saved_(dup(target)) {
    dup2(fd, target);
    close(fd);
  }
  ~Redirect() {
    dup2(saved_, target_);
    close(saved_);
  }

 private:
  int target_;
  int saved_;
};

TEST(StdioTest, APipeIsReopenedSoItsFlagsStayItsOwn) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  Redirect redirect(0, fds[0]);
  luv::StatusOr<StdioDescriptor> opened = OpenStdio(0);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->kind, StdioKind::kPipe);
  EXPECT_GE(opened->fd, 3);
  EXPECT_NE(fcntl(opened->fd, F_GETFD) & FD_CLOEXEC, 0);
  // A separate open file: making ours non-blocking leaves fd 0 alone.
  fcntl(opened->fd, F_SETFL, fcntl(opened->fd, F_GETFL) | O_NONBLOCK);
  EXPECT_FALSE(NonBlocking(0));
  // Same pipe: what is written comes out of ours.
  ASSERT_EQ(write(fds[1], "x", 1), 1);
  char c = 0;
  EXPECT_EQ(read(opened->fd, &c, 1), 1);
  EXPECT_EQ(c, 'x');
  close(opened->fd);
  close(fds[1]);
}

TEST(StdioTest, AFileIsDuplicatedForThePool) {
  const char* dir = getenv("TEST_TMPDIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/stdio_test.txt";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  Redirect redirect(1, fd);
  luv::StatusOr<StdioDescriptor> opened = OpenStdio(1);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->kind, StdioKind::kFile);
  EXPECT_STREQ(StdioKindName(opened->kind), "file");
  close(opened->fd);
  unlink(path.c_str());
}

TEST(StdioTest, ASocketIsAPipeKindOnADuplicate) {
  int fds[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
  Redirect redirect(2, fds[0]);
  luv::StatusOr<StdioDescriptor> opened = OpenStdio(2);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->kind, StdioKind::kPipe);
  close(opened->fd);
  close(fds[1]);
}

TEST(StdioTest, ATerminalIsATty) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave, 0);
  {
    Redirect redirect(0, slave);
    luv::StatusOr<StdioDescriptor> opened = OpenStdio(0);
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_EQ(opened->kind, StdioKind::kTty);
    close(opened->fd);
  }
  close(master);
}

TEST(StdioTest, AClosedDescriptorIsEbadf) {
  int saved = dup(2);
  close(2);
  luv::StatusOr<StdioDescriptor> opened = OpenStdio(2);
  dup2(saved, 2);
  close(saved);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().message(), "EBADF: bad file descriptor: fd 2 is not open");
}

}  // namespace
}  // namespace luv::uv
