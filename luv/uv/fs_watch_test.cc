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

#include "luv/uv/fs_watch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "luv/base/strings.h"
#include "gtest/gtest.h"
#include "luv/uv/loop.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

std::string TestDir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string dir = luv::StrCat(tmp != nullptr ? tmp : "/tmp", "/", name);
  mkdir(dir.c_str(), 0700);
  return dir;
}

class Watch : public FsWatch {
 public:
  explicit Watch(uv_loop_t* loop) : FsWatch(loop) {}
  int reports = 0;

  // Takes every queued event as "kind name" (or "error <code>").
  std::vector<std::string> Take() {
    std::vector<std::string> taken;
    for (; !empty(); pop()) {
      const Event& event = front();
      taken.push_back(event.kind != nullptr ? luv::StrCat(event.kind, " ", event.name)
                                            : luv::StrCat("error ", event.code));
    }
    return taken;
  }

 protected:
  void OnEvents() override { ++reports; }
};

// inotify queues an event during the system call that causes it, so a few
// non-blocking polls see it; bounded so that a missing event fails the test.
void PollUntil(uv_loop_t* loop, Watch* watch, size_t queued) {
  for (int i = 0; i < 1000 && watch->size() < queued; ++i) uv_run(loop, UV_RUN_NOWAIT);
}

void Touch(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0) << path;
  close(fd);
}

TEST(FsWatchTest, ReportsCreateModifyAndRenameInADirectory) {
  Loop loop;
  std::string dir = TestDir("watch_dir");
  auto* watch = new Watch(loop.get());
  ASSERT_TRUE(watch->init_status().ok());
  ASSERT_TRUE(watch->Start(dir.c_str()).ok());
  EXPECT_EQ(watch->path(), dir);

  Touch(dir + "/created");
  PollUntil(loop.get(), watch, 1);
  EXPECT_EQ(watch->Take(), std::vector<std::string>{"rename created"});

  int fd = open((dir + "/created").c_str(), O_WRONLY | O_CLOEXEC);
  ASSERT_EQ(write(fd, "x", 1), 1);
  close(fd);
  PollUntil(loop.get(), watch, 1);
  EXPECT_EQ(watch->Take(), std::vector<std::string>{"change created"});

  ASSERT_EQ(rename((dir + "/created").c_str(), (dir + "/renamed").c_str()), 0);
  PollUntil(loop.get(), watch, 2);
  EXPECT_EQ(watch->Take(),
            (std::vector<std::string>{"rename created", "rename renamed"}));
  EXPECT_GE(watch->reports, 4);

  watch->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsWatchTest, AMissingPathFailsToStart) {
  Loop loop;
  auto* watch = new Watch(loop.get());
  std::string missing = TestDir("watch_missing") + "/nothing";
  luv::Status status = watch->Start(missing.c_str());
  EXPECT_EQ(status.message(), "ENOENT: no such file or directory: " + missing);
  watch->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsWatchTest, StartsOnceAndNotAfterClose) {
  Loop loop;
  std::string dir = TestDir("watch_once");
  auto* watch = new Watch(loop.get());
  ASSERT_TRUE(watch->Start(dir.c_str()).ok());
  EXPECT_EQ(ErrorName(watch->Start(dir.c_str())), "EALREADY");
  watch->Close();
  EXPECT_EQ(watch->Start(dir.c_str()).message(),
            "EBADF: bad file descriptor: fs watch is closed");
  watch->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(FsWatchTest, AFullQueueDropsEventsBehindOneOverflowMarker) {
  Loop loop;
  std::string dir = TestDir("watch_overflow");
  auto* watch = new Watch(loop.get());
  ASSERT_TRUE(watch->Start(dir.c_str()).ok());
  const size_t files = FsWatch::kMaxQueued + 100;
  for (size_t i = 0; i < files; ++i) Touch(luv::StrCat(dir, "/f", i));
  PollUntil(loop.get(), watch, FsWatch::kMaxQueued + 1);
  for (int i = 0; i < 10; ++i) uv_run(loop.get(), UV_RUN_NOWAIT);  // the rest, if any
  ASSERT_EQ(watch->size(), FsWatch::kMaxQueued + 1);
  std::vector<std::string> events = watch->Take();
  EXPECT_EQ(events.front(), "rename f0");
  EXPECT_EQ(events[FsWatch::kMaxQueued - 1],
            luv::StrCat("rename f", FsWatch::kMaxQueued - 1));
  EXPECT_EQ(events.back(), luv::StrCat("error ", UV_ENOBUFS));

  Touch(dir + "/after");
  PollUntil(loop.get(), watch, 1);
  EXPECT_EQ(watch->Take(), std::vector<std::string>{"rename after"})
      << "events queue again once taken";
  watch->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
