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

#include "luv/uv/idle.h"

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

class CountingIdle : public Idle {
 public:
  explicit CountingIdle(uv_loop_t* loop) : Idle(loop) {}
  int runs = 0;

 protected:
  void OnIdle() override {
    if (++runs == 5) Stop().IgnoreError();
  }
};

TEST(IdleTest, RunsEveryIterationUntilStopped) {
  Loop loop;
  auto* idle = new CountingIdle(loop.get());
  ASSERT_TRUE(idle->init_status().ok());
  ASSERT_TRUE(idle->Start().ok());
  EXPECT_TRUE(idle->active());
  uv_run(loop.get(), UV_RUN_DEFAULT);  // returns once the idle watcher stops
  EXPECT_EQ(idle->runs, 5);
  EXPECT_FALSE(idle->active());
  idle->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(IdleTest, KeepsTheLoopFromBlocking) {
  Loop loop;
  auto* idle = new CountingIdle(loop.get());
  ASSERT_TRUE(idle->Start().ok());
  // With an idle watcher active, UV_RUN_ONCE polls without blocking.
  uv_run(loop.get(), UV_RUN_ONCE);
  EXPECT_EQ(idle->runs, 1);
  idle->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
