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
