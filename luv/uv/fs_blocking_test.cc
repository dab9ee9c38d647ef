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

#include "luv/uv/fs_blocking.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "luv/base/strings.h"
#include "gtest/gtest.h"

namespace luv::uv {
namespace {

std::string TestPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return luv::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

int Create(const std::string& name, const std::string& content, int flags = O_RDWR) {
  std::string path = TestPath(name);
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  EXPECT_EQ(write(fd, content.data(), content.size()),
            static_cast<ssize_t>(content.size()));
  close(fd);
  fd = open(path.c_str(), flags | O_CLOEXEC);
  EXPECT_GE(fd, 0);
  return fd;
}

std::string Contents(int fd) {
  std::string out;
  char buffer[4096];
  ssize_t n;
  int64_t at = 0;
  while ((n = pread(fd, buffer, sizeof(buffer), at)) > 0) {
    out.append(buffer, n);
    at += n;
  }
  return out;
}

std::string Pattern(size_t size) {
  std::string data;
  for (size_t i = 0; i < size; ++i) data += static_cast<char>('a' + (i * 7) % 26);
  return data;
}

TEST(CopyRangeTest, CopiesAWholeFileWhenLengthIsUnknown) {
  std::string data = Pattern(700 * 1000);  // more than one buffer round
  int in = Create("copy_in", data, O_RDONLY);
  int out = Create("copy_out", "");
  EXPECT_EQ(CopyRange(in, 0, out, 0, -1), static_cast<int64_t>(data.size()));
  EXPECT_EQ(Contents(out), data);
  EXPECT_EQ(lseek(in, 0, SEEK_CUR), 0) << "kernel positions do not move";
  EXPECT_EQ(lseek(out, 0, SEEK_CUR), 0);
  close(in);
  close(out);
}

TEST(CopyRangeTest, CopiesARangeToAnOffset) {
  int in = Create("copy_range_in", "0123456789", O_RDONLY);
  int out = Create("copy_range_out", "abcdefghij");
  EXPECT_EQ(CopyRange(in, 2, out, 5, 3), 3);
  EXPECT_EQ(Contents(out), "abcde234ij");
  EXPECT_EQ(CopyRange(in, 8, out, 0, 100), 2) << "stops at the end of the input";
  EXPECT_EQ(Contents(out), "89cde234ij");
  EXPECT_EQ(CopyRange(in, 50, out, 0, 10), 0) << "past the end";
  EXPECT_EQ(CopyRange(in, -1, out, 0, 10), UV_EINVAL);
  close(in);
  close(out);
}

TEST(CopyRangeTest, AppendsThroughTheBufferWhenTheKernelRefuses) {
  int in = Create("copy_append_in", "tail", O_RDONLY);
  int out = Create("copy_append_out", "head-", O_WRONLY | O_APPEND);
  // copy_file_range refuses an O_APPEND output (EBADF): the buffer copies.
  EXPECT_EQ(CopyRange(in, 0, out, -1, -1), 4);
  close(out);
  out = open(TestPath("copy_append_out").c_str(), O_RDONLY | O_CLOEXEC);
  EXPECT_EQ(Contents(out), "head-tail");
  close(in);
  close(out);
}

TEST(CopyRangeTest, CopiesIntoAPipe) {
  int in = Create("copy_pipe_in", "through a pipe", O_RDONLY);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  EXPECT_EQ(CopyRange(in, 8, fds[1], -1, -1), 6);
  char got[16] = {};
  EXPECT_EQ(read(fds[0], got, sizeof(got)), 6);
  EXPECT_STREQ(got, "a pipe");
  close(in);
  close(fds[0]);
  close(fds[1]);
}

TEST(CopyRangeTest, ReportsErrorsBeforeAnyCopy) {
  int out = Create("copy_bad_out", "");
  int write_only = Create("copy_write_only", "data", O_WRONLY);
  EXPECT_EQ(CopyRange(write_only, 0, out, 0, -1), UV_EBADF);
  EXPECT_EQ(CopyRange(-1, 0, out, 0, -1), UV_EBADF);
  close(out);
  close(write_only);
}

TEST(SyncPathTest, SyncsFilesAndDirectories) {
  int fd = Create("sync_me", "data");
  close(fd);
  EXPECT_EQ(SyncPath(TestPath("sync_me").c_str()), 0);
  EXPECT_EQ(SyncPath(TestPath("").c_str()), 0) << "the test directory";
  EXPECT_EQ(SyncPath(TestPath("sync_missing").c_str()), UV_ENOENT);
}

}  // namespace
}  // namespace luv::uv
