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

#include "luv/uv/read_buffer.h"

#include <string>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

TEST(ReadBufferTest, StartsEmptyWithoutMemory) {
  ReadBuffer buffer;
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_EQ(buffer.capacity(), 0u);
  EXPECT_EQ(buffer.Peek(10), "");
  buffer.Consume(5);  // nothing to drop
  EXPECT_TRUE(buffer.empty());
}

TEST(ReadBufferTest, TakesPrefixesInOrder) {
  ReadBuffer buffer;
  buffer.Append("hello ");
  buffer.Append("world");
  EXPECT_EQ(buffer.size(), 11u);
  EXPECT_EQ(buffer.Peek(5), "hello");
  buffer.Consume(6);
  EXPECT_EQ(buffer.Peek(100), "world");
  buffer.Consume(100);
  EXPECT_TRUE(buffer.empty());
}

TEST(ReadBufferTest, KeepsOrderAcrossGrowthAndCompaction) {
  ReadBuffer buffer;
  std::string expected;
  std::string taken;
  unsigned char next = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string chunk(1 + (round * 37) % 3000, '\0');
    for (char& c : chunk) c = static_cast<char>(next++);
    buffer.Append(chunk);
    expected += chunk;
    size_t take = (round * 53) % 2500;
    std::string_view prefix = buffer.Peek(take);
    taken.append(prefix.data(), prefix.size());
    buffer.Consume(prefix.size());
  }
  std::string_view rest = buffer.Peek(buffer.size());
  taken.append(rest.data(), rest.size());
  EXPECT_EQ(taken, expected);
}

TEST(ReadBufferTest, GivesBackALargeBlockOnceEmptied) {
  ReadBuffer buffer;
  buffer.Append(std::string(1 << 20, 'x'));
  EXPECT_GE(buffer.capacity(), 1u << 20);
  buffer.Consume(1 << 19);
  EXPECT_GE(buffer.capacity(), 1u << 20);  // still holding data
  buffer.Consume(1 << 19);
  EXPECT_EQ(buffer.capacity(), 0u);
}

TEST(ReadBufferTest, KeepsASmallBlockForTheNextMessage) {
  ReadBuffer buffer;
  buffer.Append(std::string(64, 'x'));
  size_t capacity = buffer.capacity();
  EXPECT_GT(capacity, 0u);
  EXPECT_LE(capacity, ReadBuffer::kKeptCapacity);
  buffer.Consume(64);
  EXPECT_EQ(buffer.capacity(), capacity);
  buffer.Clear();
  EXPECT_EQ(buffer.capacity(), 0u);
}

}  // namespace
}  // namespace luv::uv
