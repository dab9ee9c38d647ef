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

#include "luv/uv/timer.h"

#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

// Counts expiries and records destruction into the test's variables.
class CountingTimer : public Timer {
 public:
  CountingTimer(uv_loop_t* loop, int* fired, bool* deleted)
      : Timer(loop), fired_(fired), deleted_(deleted) {}
  ~CountingTimer() override { *deleted_ = true; }

  int closed_callbacks = 0;
  int stop_after = 0;

 protected:
  void OnTimer() override {
    ++*fired_;
    if (*fired_ == stop_after) Stop().IgnoreError();
  }
  void OnClosed() override { ++closed_callbacks; }

 private:
  int* fired_;
  bool* deleted_;
};

TEST(TimerTest, FiresOnceWhenRepeatIsZero) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new CountingTimer(loop.get(), &fired, &deleted);
  ASSERT_TRUE(timer->Start(1, 0).ok());
  EXPECT_TRUE(timer->active());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(fired, 1);
  EXPECT_FALSE(timer->active());
  timer->Release();
  EXPECT_FALSE(deleted);  // libuv has not run the close callback yet
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(deleted);
}

TEST(TimerTest, RepeatsUntilStopped) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new CountingTimer(loop.get(), &fired, &deleted);
  timer->stop_after = 3;
  ASSERT_TRUE(timer->Start(0, 1).ok());
  EXPECT_EQ(timer->repeat(), 1u);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(fired, 3);
  timer->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(deleted);
}

TEST(TimerTest, AgainNeedsARepeatingStart) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new CountingTimer(loop.get(), &fired, &deleted);
  luv::Status never_started = timer->Again();
  EXPECT_EQ(never_started.message(), "EINVAL: invalid argument: timer was never started");
  ASSERT_TRUE(timer->Start(1000, 1).ok());
  ASSERT_TRUE(timer->Again().ok());  // now due after the 1 ms repeat
  timer->stop_after = 1;
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(fired, 1);
  timer->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(TimerTest, CloseThenReleaseDeletesOnce) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new CountingTimer(loop.get(), &fired, &deleted);
  ASSERT_TRUE(timer->Start(1000, 0).ok());
  timer->Close();
  timer->Close();  // idempotent
  EXPECT_TRUE(timer->closing());
  EXPECT_FALSE(timer->Start(1, 0).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);  // returns at once: the timer is closed
  EXPECT_EQ(timer->closed_callbacks, 1);
  EXPECT_EQ(fired, 0);
  EXPECT_FALSE(deleted);  // still owned
  timer->Release();
  EXPECT_TRUE(deleted);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(TimerTest, ShutdownClosesTimersLeftRunning) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new CountingTimer(loop.get(), &fired, &deleted);
  ASSERT_TRUE(timer->Start(1000000, 1000000).ok());
  timer->Release();  // released while active: closes, deleted by the callback
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(deleted);
  EXPECT_EQ(fired, 0);
}

// A record the owner let go of with ReleaseKeepingOpen keeps working and is
// deleted once it closes itself, or once the loop shuts down.
class SelfClosingTimer : public Timer {
 public:
  SelfClosingTimer(uv_loop_t* loop, int* fired, bool* deleted)
      : Timer(loop), fired_(fired), deleted_(deleted) {}
  ~SelfClosingTimer() override { *deleted_ = true; }

 protected:
  void OnTimer() override {
    if (++*fired_ == 2) Close();
  }

 private:
  int* fired_;
  bool* deleted_;
};

TEST(TimerTest, ReleaseKeepingOpenLetsTheRecordFinishItsWork) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new SelfClosingTimer(loop.get(), &fired, &deleted);
  ASSERT_TRUE(timer->Start(1, 1).ok());
  timer->ReleaseKeepingOpen();
  EXPECT_FALSE(deleted);
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(fired, 2);
  EXPECT_TRUE(deleted);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(TimerTest, ShutdownDeletesARecordReleasedKeepingOpen) {
  Loop loop;
  int fired = 0;
  bool deleted = false;
  auto* timer = new SelfClosingTimer(loop.get(), &fired, &deleted);
  ASSERT_TRUE(timer->Start(1000000, 0).ok());
  timer->ReleaseKeepingOpen();
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_TRUE(deleted);
  EXPECT_EQ(fired, 0);
}

}  // namespace
}  // namespace luv::uv
