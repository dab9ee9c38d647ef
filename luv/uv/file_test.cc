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

#include "luv/uv/file.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "luv/base/strings.h"
#include "gtest/gtest.h"
#include "luv/uv/fs_request.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

std::string TestPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return luv::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

// A file of `size` bytes 'a', 'b', ... opened with `flags`.
int OpenTestFile(const std::string& name, int flags = O_RDWR, size_t size = 0) {
  std::string path = TestPath(name);
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  EXPECT_GE(fd, 0) << path;
  std::string data;
  for (size_t i = 0; i < size; ++i) data += static_cast<char>('a' + i % 26);
  EXPECT_EQ(write(fd, data.data(), data.size()), static_cast<ssize_t>(data.size()));
  close(fd);
  fd = open(path.c_str(), flags | O_CLOEXEC);
  EXPECT_GE(fd, 0) << path;
  return fd;
}

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

// An op that only records what the File asks of it; the test ends it.
class FakeOp : public FileOp {
 public:
  FakeOp(std::vector<std::string>* log, std::string name, File* file = nullptr,
         int fail = 0)
      : log_(log), name_(std::move(name)), file_(file), fail_(fail) {}

  int Begin(int64_t offset) override {
    log_->push_back(luv::StrCat(name_, "@", offset));
    if (file_ != nullptr) fd_seen = file_->fd();
    return fail_;
  }
  void Abort(int code) override {
    log_->push_back(luv::StrCat(name_, " aborted ", code));
  }

  int fd_seen = -2;

 private:
  std::vector<std::string>* log_;
  std::string name_;
  File* file_;
  int fail_;
};

using Log = std::vector<std::string>;

TEST(FileTest, PositionOpsRunOneAtATimeInSubmissionOrder) {
  Loop loop;
  int fd = OpenTestFile("file_order");
  auto* file = new File(loop.get(), fd, O_RDWR, "order");
  Log log;
  FakeOp a(&log, "a"), b(&log, "b"), c(&log, "c");
  file->Submit(&a, File::kAtPosition);
  file->Submit(&b, File::kAtPosition);
  file->Submit(&c, File::kAtPosition);
  EXPECT_EQ(log, (Log{"a@0"}));
  EXPECT_EQ(file->queued(), 2);
  file->End(&a, 10);
  EXPECT_EQ(log, (Log{"a@0", "b@10"}));
  file->End(&b, 5);
  EXPECT_EQ(log, (Log{"a@0", "b@10", "c@15"}));
  file->End(&c, 0);  // end of file: the position stays
  EXPECT_EQ(file->position(), 15);
  EXPECT_EQ(file->in_flight(), 0);
  EXPECT_EQ(file->queued(), 0);
  file->Release();
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_FALSE(IsOpen(fd));
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FileTest, OpsWithAnOffsetBeginAtOnceBesideAPositionOp) {
  Loop loop;
  int fd = OpenTestFile("file_offsets");
  auto* file = new File(loop.get(), fd, O_RDWR, "offsets");
  Log log;
  FakeOp slow(&log, "slow"), queued(&log, "queued"), at(&log, "at"), stat(&log, "stat");
  file->Submit(&slow, File::kAtPosition);
  file->Submit(&queued, File::kAtPosition);
  file->Submit(&at, 100);
  file->Submit(&stat, 0);
  EXPECT_EQ(log, (Log{"slow@0", "at@100", "stat@0"}));
  EXPECT_EQ(file->in_flight(), 3);
  file->End(&at, 0);
  file->End(&stat, 0);
  EXPECT_EQ(file->position(), 0) << "ops with an offset do not move the position";
  file->End(&slow, 7);
  EXPECT_EQ(log.back(), "queued@7");
  file->End(&queued, 1);
  EXPECT_EQ(file->position(), 8);
  file->Release();
}

TEST(FileTest, AnAbortedPositionOpLetsTheNextOneBegin) {
  Loop loop;
  int fd = OpenTestFile("file_abort");
  auto* file = new File(loop.get(), fd, O_RDWR, "abort");
  Log log;
  FakeOp first(&log, "first"), broken(&log, "broken", nullptr, UV_EINVAL),
      last(&log, "last");
  file->Submit(&first, File::kAtPosition);
  file->Submit(&broken, File::kAtPosition);
  file->Submit(&last, File::kAtPosition);
  file->End(&first, 3);
  EXPECT_EQ(log, (Log{"first@0", "broken@3", luv::StrCat("broken aborted ", UV_EINVAL),
                      "last@3"}));
  EXPECT_EQ(file->in_flight(), 1);
  file->End(&last, 0);
  file->Release();
}

TEST(FileTest, CloseWaitsForEveryOpSubmittedBefore) {
  Loop loop;
  int fd = OpenTestFile("file_close");
  auto* file = new File(loop.get(), fd, O_RDWR, "close");
  file->Ref();  // the test looks at the File after closing it
  Log log;
  FakeOp read(&log, "read"), queued(&log, "queued"), closer(&log, "close", file);
  file->Submit(&read, File::kAtPosition);
  file->Submit(&queued, File::kAtPosition);
  file->Close(&closer);
  EXPECT_TRUE(file->closed());
  EXPECT_EQ(log, (Log{"read@0"}));
  file->End(&read, 4);
  EXPECT_EQ(log, (Log{"read@0", "queued@4"})) << "submitted before the close: still runs";
  EXPECT_EQ(file->fd(), fd);
  file->End(&queued, 4);
  EXPECT_EQ(log, (Log{"read@0", "queued@4", "close@0"}));
  EXPECT_EQ(closer.fd_seen, fd) << "the closer reads the descriptor in Begin";
  EXPECT_EQ(file->fd(), -1);
  EXPECT_TRUE(IsOpen(fd)) << "the closer closes it, not the File";
  close(fd);
  file->Release();
  file->Unref();
}

TEST(FileTest, ACloserThatCannotBeginIsAbortedAndTheFileClosesTheDescriptor) {
  Loop loop;
  int fd = OpenTestFile("file_close_fails");
  auto* file = new File(loop.get(), fd, O_RDWR, "close fails");
  Log log;
  FakeOp closer(&log, "close", nullptr, UV_ENOMEM);
  file->Close(&closer);
  EXPECT_EQ(log, (Log{"close@0", luv::StrCat("close aborted ", UV_ENOMEM)}));
  EXPECT_FALSE(IsOpen(fd));
  file->Release();
}

TEST(FileTest, PinKeepsTheDescriptorOpenUntilUnpin) {
  Loop loop;
  int fd = OpenTestFile("file_pin");
  auto* file = new File(loop.get(), fd, O_RDWR, "pin");
  file->Pin();
  file->Release();  // collected while another file's request uses it
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(IsOpen(fd));
  file->Unpin();
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_FALSE(IsOpen(fd));
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FileTest, ReleaseWithoutCloseClosesInTheBackgroundOnceIdle) {
  Loop loop;
  int fd = OpenTestFile("file_release");
  auto* file = new File(loop.get(), fd, O_RDWR, "release");
  Log log;
  FakeOp op(&log, "op");
  file->Submit(&op, 0);
  file->Release();
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_TRUE(IsOpen(fd)) << "an op is still in flight";
  file->End(&op, 0);  // the last reference: the close starts, the File goes
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_FALSE(IsOpen(fd));
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FileTest, AppendAndSeekabilityComeFromTheDescriptor) {
  Loop loop;
  int fd = OpenTestFile("file_append", O_WRONLY | O_APPEND);
  auto* file = new File(loop.get(), fd, O_WRONLY | O_APPEND, "append");
  EXPECT_TRUE(file->append());
  EXPECT_TRUE(file->seekable());
  file->Release();

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  auto* pipe_file = new File(loop.get(), fds[0], O_RDONLY, "pipe");
  EXPECT_FALSE(pipe_file->seekable());
  EXPECT_FALSE(pipe_file->append());
  Log log;
  FakeOp a(&log, "a"), b(&log, "b");
  pipe_file->Submit(&a, File::kAtPosition);
  pipe_file->Submit(&b, File::kAtPosition);
  pipe_file->End(&a, 5);
  EXPECT_EQ(log, (Log{"a@-1", "b@-1"})) << "the kernel's position for a pipe";
  pipe_file->End(&b, 0);
  EXPECT_EQ(pipe_file->position(), 0);
  pipe_file->Release();
  close(fds[1]);
}

TEST(FileTest, TryReadCachedReadsWhatThePageCacheHolds) {
  Loop loop;
  // Just written, so in the page cache.
  int fd = OpenTestFile("file_cached", O_RDONLY, 100);
  auto* file = new File(loop.get(), fd, O_RDONLY, "cached");
  char buffer[200];
  ASSERT_EQ(file->TryReadCached(buffer, 30, File::kAtPosition), 30);
  EXPECT_EQ(std::string(buffer, 3), "abc");
  EXPECT_EQ(file->position(), 30);
  ASSERT_EQ(file->TryReadCached(buffer, 5, 26), 5) << "an explicit offset";
  EXPECT_EQ(std::string(buffer, 5), "abcde");
  EXPECT_EQ(file->position(), 30) << "an explicit offset does not move the position";
  EXPECT_EQ(file->TryReadCached(buffer, 200, File::kAtPosition), 70) << "up to the end";
  EXPECT_EQ(file->TryReadCached(buffer, 200, File::kAtPosition), 0) << "at the end";
  EXPECT_EQ(file->position(), 100);
  file->Release();
}

TEST(FileTest, TryReadCachedLeavesOtherReadsToThePool) {
  Loop loop;
  int fd = OpenTestFile("file_not_cached", O_RDONLY, 100);
  auto* file = new File(loop.get(), fd, O_RDONLY, "not cached");
  std::vector<char> big(File::kMaxCachedRead + 1);
  EXPECT_EQ(file->TryReadCached(big.data(), big.size(), 0), UV_EAGAIN) << "too big";
  Log log;
  FakeOp pending(&log, "pending");
  file->Submit(&pending, File::kAtPosition);
  EXPECT_EQ(file->TryReadCached(big.data(), 10, File::kAtPosition), UV_EAGAIN)
      << "a position op runs: the read must queue behind it";
  EXPECT_EQ(file->TryReadCached(big.data(), 10, 0), 10) << "an offset need not wait";
  file->End(&pending, 0);
  file->Release();

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "data", 4), 4);
  auto* pipe_file = new File(loop.get(), fds[0], O_RDONLY, "pipe");
  EXPECT_EQ(pipe_file->TryReadCached(big.data(), 4, File::kAtPosition), UV_EAGAIN);
  pipe_file->Release();
  close(fds[1]);

  int write_only = OpenTestFile("file_write_only", O_WRONLY, 10);
  auto* unreadable = new File(loop.get(), write_only, O_WRONLY, "write only");
  EXPECT_EQ(unreadable->TryReadCached(big.data(), 4, File::kAtPosition), UV_EAGAIN)
      << "errors are the pool's to report";
  unreadable->Release();
}

TEST(FileTest, ReadBuffersAreReused) {
  Loop loop;
  auto* file = new File(loop.get(), OpenTestFile("file_buffers"), O_RDWR, "buffers");
  File::Buffer first = file->TakeBuffer(1000);
  ASSERT_NE(first.data, nullptr);
  EXPECT_EQ(first.capacity, 1000u);
  char* memory = first.data.get();
  file->GiveBack(std::move(first));
  File::Buffer again = file->TakeBuffer(500);
  EXPECT_EQ(again.data.get(), memory) << "a smaller read takes the spare";
  File::Buffer other = file->TakeBuffer(500);
  EXPECT_NE(other.data.get(), memory) << "the spare is lent once";
  file->GiveBack(std::move(other));
  file->GiveBack(std::move(again));
  EXPECT_EQ(file->TakeBuffer(1).data.get(), memory) << "the larger one is kept";
  File::Buffer bigger = file->TakeBuffer(2000);
  EXPECT_EQ(bigger.capacity, 2000u) << "the spare is too small";
  EXPECT_EQ(file->TakeBuffer(0).capacity, 1u);
  File::Buffer huge = file->TakeBuffer(File::kMaxSpareBuffer + 1);
  char* huge_memory = huge.data.get();
  file->GiveBack(std::move(huge));
  EXPECT_NE(file->TakeBuffer(10).data.get(), huge_memory) << "huge buffers are freed";
  file->Release();
}

// A real read at the position through libuv's thread pool.
class ReadOp final : public FileOp {
 public:
  ReadOp(File* file, size_t size, std::string* out) : file_(file), out_(out) {
    buffer_.resize(size);
  }

  int Begin(int64_t offset) override {
    uv_buf_t buf = uv_buf_init(buffer_.data(), static_cast<unsigned>(buffer_.size()));
    return uv_fs_read(file_->loop(), request_.get(), file_->fd(), &buf, 1, offset, Done);
  }
  void Abort(int code) override { ADD_FAILURE() << "aborted: " << code; }

 private:
  static void Done(uv_fs_t* req) {
    auto* op = static_cast<ReadOp*>(FsRequest::owner(req));
    int64_t n = op->request_.result();
    if (n > 0) op->out_->append(op->buffer_.data(), n);
    op->file_->End(op, n > 0 ? n : 0);
  }

  File* file_;
  std::string* out_;
  std::vector<char> buffer_;
  FsRequest request_{this};
};

TEST(FileTest, RealReadsAtThePositionReadTheFileInOrder) {
  Loop loop;
  int fd = OpenTestFile("file_reads", O_RDONLY, 100);
  auto* file = new File(loop.get(), fd, O_RDONLY, "reads");
  std::string got;
  std::vector<std::unique_ptr<ReadOp>> reads;
  for (int i = 0; i < 5; ++i) {
    reads.push_back(std::make_unique<ReadOp>(file, 30, &got));
    file->Submit(reads.back().get(), File::kAtPosition);
  }
  uv_run(loop.get(), UV_RUN_DEFAULT);
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += static_cast<char>('a' + i % 26);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(file->position(), 100);
  file->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_FALSE(IsOpen(fd));
}

}  // namespace
}  // namespace luv::uv
