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

#include "luv/zmq/message.h"

#include <cstring>
#include <string>
#include <utility>

#include "gtest/gtest.h"

namespace luv::zmq {
namespace {

// A Message holding `text` the way a receive fills one.
Message Filled(const std::string& text) {
  Message message;
  zmq_msg_t* msg = message.get();
  zmq_msg_close(msg);
  EXPECT_EQ(zmq_msg_init_size(msg, text.size()), 0);
  std::memcpy(zmq_msg_data(msg), text.data(), text.size());
  return message;
}

TEST(MessageTest, StartsEmpty) {
  Message message;
  EXPECT_EQ(message.size(), 0u);
  EXPECT_EQ(message.view(), "");
  EXPECT_FALSE(message.more());
}

TEST(MessageTest, MovesItsFrameWithoutCopying) {
  std::string large(1000, 'x');  // above the size kept inside zmq_msg_t
  Message a = Filled(large);
  const void* bytes = a.data();
  Message b(std::move(a));
  EXPECT_EQ(b.view(), large);
  EXPECT_EQ(b.data(), bytes);
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): documented state
  Message c = Filled("small");
  c = std::move(b);
  EXPECT_EQ(c.view(), large);
  c = Filled("again");
  EXPECT_EQ(c.view(), "again");
}

TEST(MessageTest, BinaryBytesSurvive) {
  std::string bytes("a\0b\xff", 4);
  EXPECT_EQ(Filled(bytes).view(), bytes);
}

}  // namespace
}  // namespace luv::zmq
