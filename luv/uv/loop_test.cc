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

#include "luv/uv/loop.h"

#include <sys/stat.h>
#include <unistd.h>

#include "gtest/gtest.h"
#include "luv/uv/timer.h"

namespace luv::uv {
namespace {

class IdleTimer : public Timer {
 public:
  explicit IdleTimer(uv_loop_t* loop) : Timer(loop) {}
  bool closed = false;

 protected:
  void OnTimer() override {}
  void OnClosed() override { closed = true; }
};

TEST(LoopTest, StartsAndShutsDownEmpty) {
  Loop loop;
  ASSERT_TRUE(loop.init_status().ok());
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(loop.Shutdown().ok());  // idempotent
}

TEST(LoopTest, ShutdownClosesHandlesThatAreStillOwned) {
  Loop loop;
  auto* timer = new IdleTimer(loop.get());
  ASSERT_TRUE(timer->Start(1000000, 0).ok());
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(timer->closed);
  timer->Release();  // the owner lets go after the loop ended: deleted now
}

TEST(LoopTest, OpensDevNullOnClosedStandardDescriptors) {
  int saved = dup(0);
  ASSERT_GE(saved, 3);
  close(0);
  {
    Loop loop;
    ASSERT_TRUE(loop.init_status().ok());
    struct stat info;
    ASSERT_EQ(fstat(0, &info), 0);  // open again: on /dev/null
    EXPECT_TRUE(S_ISCHR(info.st_mode));
    auto* timer = new IdleTimer(loop.get());
    timer->Release();
    EXPECT_TRUE(loop.Shutdown().ok());  // no descriptor of the loop's was 0
  }
  dup2(saved, 0);
  close(saved);
}

}  // namespace
}  // namespace luv::uv
