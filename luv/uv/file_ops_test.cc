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

#include "luv/uv/file_ops.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "luv/base/strings.h"
#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

std::string TestPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return luv::StrCat(dir != nullptr ? dir : "/tmp", "/", name);
}

// `size` bytes 'a', 'b', ..., 'z', 'a', ...
std::string Letters(size_t size) {
  std::string data;
  for (size_t i = 0; i < size; ++i) data += static_cast<char>('a' + i % 26);
  return data;
}

std::string Contents(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "<missing>";
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) out.append(buffer, n);
  close(fd);
  return out;
}

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

// An operation of type Op that logs its end.
template <typename Op>
class Logged final : public Op {
 public:
  explicit Logged(std::vector<std::string>* log = nullptr, std::string name = "")
      : log_(log), name_(std::move(name)) {}

  int done = 0;

 protected:
  void OnDone() override {
    ++done;
    if (log_ != nullptr) log_->push_back(luv::StrCat(name_, " ", this->result()));
  }

 private:
  std::vector<std::string>* log_;
  std::string name_;
};

using Log = std::vector<std::string>;

class FileOpsTest : public ::testing::Test {
 protected:
  ~FileOpsTest() override {
    if (file_ != nullptr) file_->Release();
    uv_run(loop_.get(), UV_RUN_DEFAULT);
    EXPECT_TRUE(loop_.Shutdown().ok());
  }

  // Opens a file named `name` holding `content` with `flags`; the fixture
  // releases it at the end.
  File* Open(const std::string& name, const std::string& content, int flags = O_RDWR) {
    path_ = TestPath(name);
    int fd = open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(write(fd, content.data(), content.size()),
              static_cast<ssize_t>(content.size()));
    close(fd);
    fd = open(path_.c_str(), flags | O_CLOEXEC);
    EXPECT_GE(fd, 0);
    file_ = new File(loop_.get(), fd, flags, path_);
    return file_;
  }

  void Run() { uv_run(loop_.get(), UV_RUN_DEFAULT); }
  uv_loop_t* loop() { return loop_.get(); }
  const std::string& path() const { return path_; }

  // Not released by the fixture (closed, or released by the test).
  void Forget() { file_ = nullptr; }

 private:
  Loop loop_;
  File* file_ = nullptr;
  std::string path_;
};

TEST_F(FileOpsTest, ReadsAtThePositionComeInOrder) {
  File* file = Open("file_ops_reads", Letters(100), O_RDONLY);
  std::vector<std::unique_ptr<Logged<ReadOp>>> reads;
  for (int i = 0; i < 5; ++i) {
    reads.push_back(std::make_unique<Logged<ReadOp>>());
    reads.back()->Start(file, 30, File::kAtPosition);
  }
  Run();
  std::string got;
  for (auto& read : reads) {
    EXPECT_EQ(read->done, 1);
    ASSERT_TRUE(read->ok()) << read->status();
    got += std::string(read->data());
  }
  EXPECT_EQ(got, Letters(100));
  EXPECT_EQ(file->position(), 100);
  EXPECT_EQ(reads[4]->result(), 0) << "the end of the file";
}

TEST_F(FileOpsTest, AReadWithAnOffsetLeavesThePositionAlone) {
  File* file = Open("file_ops_offset", Letters(100), O_RDONLY);
  Logged<ReadOp> read;
  read.Start(file, 5, 26);
  Run();
  EXPECT_EQ(read.data(), "abcde");
  EXPECT_EQ(file->position(), 0);
}

TEST_F(FileOpsTest, CachedReadsEndDuringTheStart) {
  // Just written: in the page cache.
  File* file = Open("file_ops_cached", Letters(100), O_RDONLY);
  Logged<ReadOp> read;
  read.Start(file, 10, File::kAtPosition);
  if (!read.cached()) GTEST_SKIP() << "no RWF_NOWAIT here";
  EXPECT_EQ(read.done, 1) << "before Start returned";
  EXPECT_EQ(read.data(), "abcdefghij");
  EXPECT_EQ(file->position(), 10);
}

TEST_F(FileOpsTest, ReadsLargerThanTheCachedLimitGoToThePool) {
  File* file = Open("file_ops_large", Letters(File::kMaxCachedRead + 10), O_RDONLY);
  Logged<ReadOp> read;
  read.Start(file, File::kMaxCachedRead + 10, File::kAtPosition);
  EXPECT_FALSE(read.cached());
  EXPECT_EQ(read.done, 0);
  Run();
  EXPECT_EQ(read.done, 1);
  EXPECT_EQ(read.data(), Letters(File::kMaxCachedRead + 10));
}

TEST_F(FileOpsTest, SequentialReadsReuseOneBuffer) {
  // Reading a file in 64 KiB calls: each read's buffer is the one the
  // previous read gave back, so the loop does not allocate per call.
  constexpr size_t kChunk = 64 * 1024;
  File* file = Open("file_ops_reuse", Letters(8 * kChunk), O_RDONLY);
  const char* first = nullptr;
  for (int i = 0; i < 8; ++i) {
    Logged<ReadOp> read;
    read.Start(file, kChunk, File::kAtPosition);
    Run();
    ASSERT_EQ(read.result(), static_cast<int64_t>(kChunk));
    if (first == nullptr) first = read.data().data();
    EXPECT_EQ(read.data().data(), first) << "read " << i;
    read.ReleaseBuffer();
    EXPECT_TRUE(read.data().empty());
  }
}

TEST_F(FileOpsTest, ReadFailuresNameTheFile) {
  File* file = Open("file_ops_write_only", "data", O_WRONLY);
  Logged<ReadOp> read;
  read.Start(file, 4, File::kAtPosition);
  Run();
  EXPECT_EQ(read.result(), UV_EBADF);
  EXPECT_EQ(read.status().message(), "EBADF: bad file descriptor: " + path());
  EXPECT_TRUE(read.data().empty());
}

TEST_F(FileOpsTest, WritesAtThePositionFollowEachOther) {
  File* file = Open("file_ops_writes", "");
  Log log;
  Logged<WriteOp> one(&log, "one"), two(&log, "two"), at(&log, "at");
  one.Start(file, "first ", 6, File::kAtPosition);
  two.Start(file, "second", 6, File::kAtPosition);
  Run();
  EXPECT_EQ(log, (Log{"one 6", "two 6"}));
  EXPECT_EQ(file->position(), 12);
  at.Start(file, "X", 1, 0);
  Run();
  EXPECT_EQ(at.result(), 1);
  EXPECT_EQ(file->position(), 12) << "an offset does not move the position";
  EXPECT_EQ(Contents(path()), "Xirst second");
}

TEST_F(FileOpsTest, AppendWritesGoToTheEndAndLeaveThePosition) {
  File* file = Open("file_ops_append", "start;", O_WRONLY | O_APPEND);
  Logged<WriteOp> one, two;
  one.Start(file, "one;", 4, File::kAtPosition);
  two.Start(file, "two;", 4, 0);
  Run();
  EXPECT_EQ(Contents(path()), "start;one;two;");
  EXPECT_EQ(file->position(), 0);
}

TEST_F(FileOpsTest, WriteFailuresNameTheFile) {
  File* file = Open("file_ops_read_only", "data", O_RDONLY);
  Logged<WriteOp> write_op;
  write_op.Start(file, "x", 1, File::kAtPosition);
  Run();
  EXPECT_EQ(write_op.status().message(), "EBADF: bad file descriptor: " + path());
  EXPECT_EQ(file->position(), 0);
}

TEST_F(FileOpsTest, CloseWaitsForTheOperationsSubmittedBefore) {
  File* file = Open("file_ops_close", Letters(1000));
  int fd = file->fd();
  Log log;
  Logged<ReadOp> read(&log, "read");
  Logged<WriteOp> write_op(&log, "write");
  Logged<CloseOp> close_op(&log, "close");
  read.Start(file, File::kMaxCachedRead + 1, File::kAtPosition);  // the pool's
  write_op.Start(file, "!", 1, File::kAtPosition);
  close_op.Start(file);
  EXPECT_TRUE(file->closed());
  EXPECT_TRUE(IsOpen(fd));
  Run();
  EXPECT_EQ(log, (Log{"read 1000", "write 1", "close 0"}));
  EXPECT_FALSE(IsOpen(fd));
  EXPECT_EQ(file->fd(), -1);
  EXPECT_EQ(Contents(path()), Letters(1000) + "!");
}

TEST_F(FileOpsTest, DescriptorOps) {
  File* file = Open("file_ops_descriptor", "0123456789");
  Logged<DescriptorOp> sync, datasync, chmod_op, chown_op, truncate;
  sync.Sync(file);
  datasync.Datasync(file);
  chmod_op.Chmod(file, 0640);
  chown_op.Chown(file, static_cast<uv_uid_t>(-1), static_cast<uv_gid_t>(-1));
  truncate.Truncate(file, 4);
  EXPECT_EQ(file->in_flight(), 5) << "each holds the descriptor";
  Run();
  for (auto* op : {&sync, &datasync, &chmod_op, &chown_op, &truncate}) {
    EXPECT_EQ(op->done, 1);
    EXPECT_TRUE(op->ok()) << op->status();
  }
  EXPECT_EQ(file->in_flight(), 0);
  struct stat st;
  ASSERT_EQ(stat(path().c_str(), &st), 0);
  EXPECT_EQ(st.st_size, 4);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(file->position(), 0);
  // After the truncate, which sets the times too.
  Logged<DescriptorOp> utime;
  utime.Utime(file, 1000000000.5, 1200000000.25);
  Run();
  EXPECT_TRUE(utime.ok()) << utime.status();
  ASSERT_EQ(stat(path().c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 1000000000);
  EXPECT_EQ(st.st_mtim.tv_sec, 1200000000);
}

TEST_F(FileOpsTest, DescriptorOpFailuresNameTheFile) {
  File* file = Open("file_ops_descriptor_fails", "data", O_RDONLY);
  Logged<DescriptorOp> truncate;
  truncate.Truncate(file, 1);
  Run();
  EXPECT_EQ(truncate.status().message(), "EINVAL: invalid argument: " + path());
}

TEST_F(FileOpsTest, ADescriptorOpKeepsAReleasedFileOpen) {
  File* file = Open("file_ops_held", "data");
  int fd = file->fd();
  Forget();
  {
    Logged<DescriptorOp> sync;
    sync.Sync(file);
    file->Release();  // the owner went; the op holds the descriptor
    Run();
    EXPECT_EQ(sync.done, 1);
    EXPECT_TRUE(sync.ok());
  }
  Run();
  EXPECT_FALSE(IsOpen(fd));
}

TEST_F(FileOpsTest, SendfileCopiesAtTheOutputsPosition) {
  std::string in_path = TestPath("file_ops_sendfile_in");
  int in_fd = open(in_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_EQ(write(in_fd, "0123456789", 10), 10);
  auto* in = new File(loop(), in_fd, O_RDWR, in_path);
  File* out = Open("file_ops_sendfile_out", "");
  Logged<WriteOp> head;
  Logged<SendfileOp> all, part;
  head.Start(out, "<", 1, File::kAtPosition);
  all.Start(out, in, 0, -1);
  part.Start(out, in, 3, 4);
  Run();
  EXPECT_EQ(all.result(), 10);
  EXPECT_EQ(part.result(), 4);
  EXPECT_EQ(out->position(), 15);
  EXPECT_EQ(in->position(), 0);
  EXPECT_EQ(Contents(path()), "<01234567893456");

  Logged<SendfileOp> into_read_only;
  File* read_only =
      new File(loop(), open(in_path.c_str(), O_RDONLY | O_CLOEXEC), O_RDONLY, in_path);
  into_read_only.Start(read_only, in, 0, -1);
  Run();
  EXPECT_EQ(into_read_only.result(), UV_EBADF);
  EXPECT_EQ(into_read_only.status().message(),
            "EBADF: bad file descriptor: " + in_path + " -> " + in_path);
  read_only->Release();
  in->Release();
}

TEST_F(FileOpsTest, SendfileKeepsItsInputOpen) {
  std::string in_path = TestPath("file_ops_sendfile_pin");
  int in_fd = open(in_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_EQ(write(in_fd, "abc", 3), 3);
  auto* in = new File(loop(), in_fd, O_RDWR, in_path);
  File* out = Open("file_ops_sendfile_pin_out", "");
  {
    Logged<SendfileOp> copy;
    copy.Start(out, in, 0, -1);
    in->Release();  // collected while the copy runs
    EXPECT_TRUE(IsOpen(in_fd));
    Run();
    EXPECT_EQ(copy.result(), 3);
  }
  Run();
  EXPECT_FALSE(IsOpen(in_fd));
  EXPECT_EQ(Contents(path()), "abc");
}

}  // namespace
}  // namespace luv::uv
