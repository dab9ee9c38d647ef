#include "luv/zmq/context_registry.h"

#include <set>

#include "gtest/gtest.h"
#include "luv/zmq/context.h"

namespace luv::zmq {
namespace {

std::shared_ptr<Context> NewContext() {
  absl::StatusOr<std::shared_ptr<Context>> context = Context::Create(0);
  EXPECT_TRUE(context.ok()) << context.status();
  return context.ok() ? *context : nullptr;
}

TEST(ContextRegistryTest, LiveContextsAreFoundByIdAndForgottenWhenGone) {
  std::shared_ptr<Context> context = NewContext();
  uint64_t id = context->id();
  EXPECT_EQ(FindContext(id), context);
  context.reset();
  EXPECT_EQ(FindContext(id), nullptr);
  EXPECT_EQ(ClaimContext(id), nullptr);
}

TEST(ContextRegistryTest, IdsAreRandomExactInALuaNumberAndDistinct) {
  std::set<uint64_t> ids;
  int above_2_32 = 0;
  for (int i = 0; i < 64; ++i) {
    uint64_t id = NewContext()->id();
    EXPECT_NE(id, 0u);
    EXPECT_LT(id, uint64_t{1} << 53);
    EXPECT_TRUE(ids.insert(id).second);
    if (id > (uint64_t{1} << 32)) ++above_2_32;
  }
  // Sequential numbers would all be small; random ones almost never are.
  EXPECT_GE(above_2_32, 60);
}

TEST(ContextRegistryTest, ALentContextSurvivesItsOwnerUntilClaimed) {
  std::shared_ptr<Context> context = NewContext();
  std::weak_ptr<Context> weak = context;
  uint64_t id = LendContext(context);
  EXPECT_EQ(id, context->id());
  EXPECT_EQ(LentCount(id), 1);
  context.reset();  // the sender let go; the blob is in flight
  EXPECT_FALSE(weak.expired());
  std::shared_ptr<Context> claimed = ClaimContext(id);
  ASSERT_NE(claimed, nullptr);
  EXPECT_EQ(LentCount(id), 0);
  // Decoding the same blob again works while the context lives ...
  EXPECT_EQ(ClaimContext(id), claimed);
  claimed.reset();
  // ... and finds nothing once it is gone.
  EXPECT_TRUE(weak.expired());
  EXPECT_EQ(ClaimContext(id), nullptr);
}

TEST(ContextRegistryTest, EachLendIsClaimedOnce) {
  std::shared_ptr<Context> context = NewContext();
  std::weak_ptr<Context> weak = context;
  uint64_t id = LendContext(context);
  LendContext(context);
  EXPECT_EQ(LentCount(id), 2);
  context.reset();
  EXPECT_NE(ClaimContext(id), nullptr);
  EXPECT_FALSE(weak.expired());  // one lent reference left
  EXPECT_NE(ClaimContext(id), nullptr);
  EXPECT_TRUE(weak.expired());
}

TEST(ContextRegistryTest, UnknownIdsFindNothing) {
  EXPECT_EQ(FindContext(0), nullptr);
  EXPECT_EQ(ClaimContext(~uint64_t{0}), nullptr);
  EXPECT_EQ(LentCount(12345678), 0);
}

}  // namespace
}  // namespace luv::zmq
