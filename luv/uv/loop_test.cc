#include "luv/uv/loop.h"

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

}  // namespace
}  // namespace luv::uv
