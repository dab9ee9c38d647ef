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

#include "luv/codec/message.h"

#include <memory>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

Pin MakePin(std::shared_ptr<int> object) {
  Pin pin;
  EXPECT_TRUE(NewToken(&pin.token));
  pin.type = "luv.test";
  pin.object = std::move(object);
  return pin;
}

TEST(MessageTest, TokensAreFreshRandomBytes) {
  Token a, b;
  ASSERT_TRUE(NewToken(&a));
  ASSERT_TRUE(NewToken(&b));
  EXPECT_NE(a, b);
  EXPECT_NE(a, Token{}) << "128 random bits are not all zero";
}

TEST(MessageTest, FindPinMatchesTheWholeToken) {
  Pins pins;
  pins.push_back(MakePin(std::make_shared<int>(1)));
  pins.push_back(MakePin(std::make_shared<int>(2)));
  EXPECT_EQ(FindPin(pins, pins[1].token.data()), &pins[1]);
  Token almost = pins[0].token;
  almost[kTokenSize - 1] ^= 1;
  EXPECT_EQ(FindPin(pins, almost.data()), nullptr);
}

TEST(MessageTest, ATicketIsRedeemedOnceAndReleasedWithItsHolder) {
  auto object = std::make_shared<int>(5);
  std::weak_ptr<int> watch = object;
  size_t before = TicketCount();
  Pins pins;
  pins.push_back(MakePin(std::move(object)));
  Token token = pins[0].token;
  ASSERT_TRUE(DepositTickets(&pins));
  EXPECT_TRUE(pins.empty());
  EXPECT_EQ(TicketCount(), before + 1);
  EXPECT_FALSE(watch.expired());
  Pins redeemed;
  ASSERT_TRUE(RedeemTicket(token.data(), &redeemed));
  EXPECT_FALSE(RedeemTicket(token.data(), &redeemed)) << "only once";
  ASSERT_EQ(redeemed.size(), 1u);
  EXPECT_EQ(*std::static_pointer_cast<int>(redeemed[0].object), 5);
  EXPECT_EQ(TicketCount(), before);
  redeemed.clear();
  EXPECT_TRUE(watch.expired());
}

TEST(MessageTest, AMessageOwnsItsPins) {
  auto object = std::make_shared<int>(9);
  std::weak_ptr<int> watch = object;
  {
    Message message;
    message.bytes = "blob";
    message.pins.push_back(MakePin(std::move(object)));
    Message moved = std::move(message);
    EXPECT_FALSE(watch.expired());
  }
  EXPECT_TRUE(watch.expired());
}

}  // namespace
}  // namespace luv::codec
