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

#include "luv/uv/fs_op.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "luv/base/strings.h"
#include "gtest/gtest.h"
#include "luv/uv/file.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

std::string TestPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return luv::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

int OpenTestFile(const std::string& name) {
  int fd = open(TestPath(name).c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  EXPECT_GE(fd, 0);
  return fd;
}

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

// An operation that exposes FsOp's protected tools to the tests and
// records what the base tells it.
class TestOp : public FsOp {
 public:
  explicit TestOp(std::vector<std::string>* log = nullptr) : log_(log) {}

  using FsOp::EndNow;
  using FsOp::Pin;
  using FsOp::QueueJob;
  using FsOp::set_context;
  using FsOp::Started;
  using FsOp::Submit;
  using FsOp::UseFile;

  void Stat(uv_loop_t* loop, const char* path) {
    Started(uv_fs_stat(loop, req(), path, Callback));
  }
  void Rename(uv_loop_t* loop, const char* from, const char* to) {
    Started(uv_fs_rename(loop, req(), from, to, Callback));
  }

  int done = 0;
  int results = 0;
  bool delete_when_done = false;
  int begin_code = 0;     // what Begin returns
  int64_t end_with = 0;   // the result a begun op ends with
  int64_t begun_at = -2;  // Begin's offset

 protected:
  int Begin(int64_t offset) override {
    begun_at = offset;
    Note(luv::StrCat("begin@", offset));
    if (begin_code < 0) return begin_code;
    // Work that ends on the loop, with end_with as its result.
    return QueueJob(file()->loop(),
                    [](FsOp* op) { return static_cast<TestOp*>(op)->end_with; });
  }
  void OnResult() override { ++results; }
  void OnDone() override {
    EXPECT_EQ(results, done + 1) << "OnResult runs first";
    ++done;
    Note(luv::StrCat("done ", result()));
    if (delete_when_done) delete this;
  }

 private:
  void Note(std::string line) {
    if (log_ != nullptr) log_->push_back(std::move(line));
  }
  std::vector<std::string>* log_;
};

using Log = std::vector<std::string>;

TEST(FsOpTest, ARequestEndsOnceThroughTheCallback) {
  Loop loop;
  TestOp op;
  std::string dir = TestPath("");
  op.Stat(loop.get(), dir.c_str());
  EXPECT_EQ(op.done, 0) << "ends on the loop, not in the start";
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(op.done, 1);
  EXPECT_EQ(op.result(), 0);
  EXPECT_TRUE(op.ok());
  EXPECT_TRUE(op.status().ok());
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, FailuresNameTheRequestsPaths) {
  Loop loop;
  TestOp stat, rename;
  std::string missing = TestPath("fs_op_missing"), to = TestPath("fs_op_to");
  stat.Stat(loop.get(), missing.c_str());
  rename.Rename(loop.get(), missing.c_str(), to.c_str());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(stat.result(), UV_ENOENT);
  EXPECT_FALSE(stat.ok());
  EXPECT_EQ(stat.status().message(), "ENOENT: no such file or directory: " + missing);
  EXPECT_EQ(stat.status().code(), luv::StatusCode::kNotFound);
  EXPECT_EQ(rename.status().message(),
            "ENOENT: no such file or directory: " + missing + " -> " + to);
  TestOp named;
  named.set_context("what failed");
  named.Stat(loop.get(), missing.c_str());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(named.status().message(), "ENOENT: no such file or directory: what failed");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, AStartThatFailsEndsAtOnceWithItsCode) {
  TestOp op;
  op.set_context("nothing");
  op.Started(UV_ENOMEM);
  EXPECT_EQ(op.done, 1) << "within the start";
  EXPECT_EQ(op.result(), UV_ENOMEM);
  EXPECT_EQ(op.status().message(), "ENOMEM: not enough memory: nothing");
  TestOp fine;
  fine.Started(0);
  EXPECT_EQ(fine.done, 0) << "a request on its way";
}

TEST(FsOpTest, EndNowRecordsTheResult) {
  TestOp op;
  op.EndNow(42);
  EXPECT_EQ(op.done, 1);
  EXPECT_EQ(op.result(), 42);
  EXPECT_TRUE(op.status().ok());
}

TEST(FsOpTest, AJobRunsOnThePoolAndEndsOnTheLoop) {
  Loop loop;
  TestOp op;
  op.set_context("job");
  op.Started(op.QueueJob(
      loop.get(), [](FsOp* job) -> int64_t { return job->context() == "job" ? 7 : -1; }));
  EXPECT_EQ(op.done, 0);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(op.done, 1);
  EXPECT_EQ(op.result(), 7);

  TestOp failing;
  failing.set_context("the job's path");
  failing.Started(
      failing.QueueJob(loop.get(), [](FsOp*) -> int64_t { return UV_EACCES; }));
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(failing.status().message(), "EACCES: permission denied: the job's path");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, OnDoneMayDeleteTheOperation) {
  Loop loop;
  auto* op = new TestOp;
  op->delete_when_done = true;
  std::string dir = TestPath("");
  op->Stat(loop.get(), dir.c_str());
  uv_run(loop.get(), UV_RUN_DEFAULT);  // ASan reports a use after the delete
  auto* at_once = new TestOp;
  at_once->delete_when_done = true;
  at_once->Started(UV_EINVAL);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, FailuresOnAFileNameItsPath) {
  Loop loop;
  auto* file = new File(loop.get(), OpenTestFile("fs_op_named"), O_RDWR, "the file");
  TestOp op;
  op.UseFile(file);
  file->Release();  // the operation's reference keeps the File
  EXPECT_EQ(op.file(), file);
  op.EndNow(UV_EBADF);
  EXPECT_EQ(op.status().message(), "EBADF: bad file descriptor: the file");
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, APinHoldsTheDescriptorUntilTheOperationEnds) {
  Loop loop;
  int fd = OpenTestFile("fs_op_pin");
  auto* file = new File(loop.get(), fd, O_RDWR, "pinned");
  TestOp op;
  op.Pin(file);
  file->Release();
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(IsOpen(fd)) << "pinned by the operation in flight";
  op.EndNow(0);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_FALSE(IsOpen(fd));
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, SubmittedOperationsTakeTheirTurnAndMoveThePosition) {
  Loop loop;
  auto* file = new File(loop.get(), OpenTestFile("fs_op_turns"), O_RDWR, "turns");
  Log log;
  TestOp a(&log), b(&log), c(&log);
  a.end_with = 10;
  b.end_with = 5;
  c.end_with = 3;
  for (TestOp* op : {&a, &b, &c}) op->UseFile(file);
  a.Submit(File::kAtPosition, /*moves_position=*/true);
  b.Submit(File::kAtPosition, /*moves_position=*/false);
  c.Submit(File::kAtPosition, /*moves_position=*/true);
  EXPECT_EQ(file->queued(), 2);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  // The file lets the next operation begin before the owner of the one
  // that ended hears of it.
  EXPECT_EQ(log, (Log{"begin@0", "begin@10", "done 10", "begin@10", "done 5", "done 3"}));
  EXPECT_EQ(file->position(), 13) << "b did not move it";
  EXPECT_EQ(file->in_flight(), 0);
  file->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, AnOperationThatCannotBeginEndsWithoutHoldingUpTheQueue) {
  Loop loop;
  auto* file = new File(loop.get(), OpenTestFile("fs_op_abort"), O_RDWR, "abort");
  Log log;
  TestOp broken(&log), next(&log);
  broken.begin_code = UV_EINVAL;
  next.end_with = 4;
  broken.UseFile(file);
  next.UseFile(file);
  broken.Submit(File::kAtPosition, true);
  next.Submit(File::kAtPosition, true);
  EXPECT_EQ(broken.done, 1);
  EXPECT_EQ(broken.result(), UV_EINVAL);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(log, (Log{"begin@0", luv::StrCat("done ", UV_EINVAL), "begin@0", "done 4"}));
  EXPECT_EQ(file->position(), 4);
  file->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, AnOperationWithAnOffsetBeginsAtOnce) {
  Loop loop;
  auto* file = new File(loop.get(), OpenTestFile("fs_op_offset"), O_RDWR, "offset");
  TestOp queued, at;
  queued.UseFile(file);
  at.UseFile(file);
  queued.Submit(File::kAtPosition, true);
  at.Submit(100, true);
  EXPECT_EQ(at.begun_at, 100);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(file->position(), 0) << "ops with an offset do not move the position";
  file->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsOpTest, TheDefaultBeginRefuses) {
  Loop loop;
  auto* file = new File(loop.get(), OpenTestFile("fs_op_default"), O_RDWR, "default");
  class Plain : public FsOp {
   public:
    using FsOp::Submit;
    using FsOp::UseFile;
    int done = 0;

   protected:
    void OnDone() override { ++done; }
  } plain;
  plain.UseFile(file);
  plain.Submit(0, false);
  EXPECT_EQ(plain.done, 1);
  EXPECT_EQ(plain.result(), UV_EINVAL);
  file->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
