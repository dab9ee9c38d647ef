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

#include "luv/uv/file_stream.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

// Records results in order into a shared log.
class LoggedOp : public FileStreamOp {
 public:
  LoggedOp(std::vector<std::string>* log, const char* name) : log_(log), name_(name) {}

 protected:
  void OnDone(int64_t result) override {
    log_->push_back(std::string(name_) + "=" + std::to_string(result) +
                    (data().empty() ? "" : ":" + data()));
  }

 private:
  std::vector<std::string>* log_;
  const char* name_;
};

std::string TempFile(const char* name) {
  const char* dir = getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

TEST(FileStreamTest, WritesThenReadsInOrderAndRemembersEof) {
  std::string path = TempFile("file_stream_test.txt");
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  Loop loop;
  std::vector<std::string> log;
  {
    auto* file = new FileStream(loop.get(), fd, /*owns_fd=*/true);
    LoggedOp w1(&log, "w1"), w2(&log, "w2");
    file->Write("hello ", &w1);
    file->Write("world", &w2);
    EXPECT_TRUE(file->busy());
    uv_run(loop.get(), UV_RUN_DEFAULT);
    ASSERT_EQ(lseek(fd, 0, SEEK_SET), 0);
    LoggedOp r1(&log, "r1"), r2(&log, "r2"), r3(&log, "r3"), r4(&log, "r4");
    file->Read(4, &r1);
    file->Read(100, &r2);
    file->Read(100, &r3);
    file->Read(100, &r4);
    uv_run(loop.get(), UV_RUN_DEFAULT);
    EXPECT_TRUE(file->eof());
    file->Release();
  }
  EXPECT_EQ(log, (std::vector<std::string>{"w1=6:hello ", "w2=5:world", "r1=4:hell",
                                           "r2=7:o world", "r3=0", "r4=0"}));
  EXPECT_EQ(fcntl(fd, F_GETFD), -1);  // closed by Release
  EXPECT_TRUE(loop.Shutdown().ok());
  unlink(path.c_str());
}

TEST(FileStreamTest, ReleaseCancelsQueuedOpsAndFinishesTheOneInFlight) {
  int fd = open("/dev/zero", O_RDONLY);
  ASSERT_GE(fd, 0);
  Loop loop;
  std::vector<std::string> log;
  auto* file = new FileStream(loop.get(), fd, /*owns_fd=*/false);
  LoggedOp r1(&log, "r1"), r2(&log, "r2");
  file->Read(3, &r1);
  file->Read(3, &r2);
  file->Release();  // r2 is cancelled now, r1 finishes later
  EXPECT_TRUE(loop.Shutdown().ok());
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "r2=" + std::to_string(UV_ECANCELED));
  EXPECT_EQ(log[1], std::string("r1=3:") + std::string(3, '\0'));
  EXPECT_EQ(close(fd), 0);  // not owned: still open
}

TEST(FileStreamTest, ReportsErrorsAsLibuvCodes) {
  int fd = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd, 0);
  Loop loop;
  std::vector<std::string> log;
  auto* file = new FileStream(loop.get(), fd, /*owns_fd=*/true);
  LoggedOp w(&log, "w");
  file->Write("nope", &w);  // read-only descriptor
  uv_run(loop.get(), UV_RUN_DEFAULT);
  file->Release();
  EXPECT_EQ(log, std::vector<std::string>{"w=" + std::to_string(UV_EBADF) + ":nope"});
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
