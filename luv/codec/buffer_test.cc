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

#include "luv/codec/buffer.h"

#include <vector>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

TEST(ByteBufferTest, GrowsUpToItsLimitAndNoFurther) {
  ByteBuffer buffer(1000);
  std::vector<uint8_t> chunk(300, 7);
  EXPECT_TRUE(buffer.Put(chunk.data(), chunk.size()));
  EXPECT_TRUE(buffer.Put(chunk.data(), chunk.size()));
  EXPECT_TRUE(buffer.Put(chunk.data(), chunk.size()));
  EXPECT_FALSE(buffer.Put(chunk.data(), chunk.size()));
  EXPECT_EQ(buffer.size(), 900u);
  EXPECT_TRUE(buffer.Put(chunk.data(), 100));
  EXPECT_EQ(buffer.size(), 1000u);
  EXPECT_FALSE(buffer.Reserve(1));
}

TEST(ByteBufferTest, InsertMovesWhatFollows) {
  ByteBuffer buffer(64);
  ASSERT_TRUE(buffer.Put("abef", 4));
  ASSERT_TRUE(buffer.Insert(2, "cd", 2));
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(buffer.data()), buffer.size()),
            "abcdef");
}

TEST(ByteBufferTest, KeptMemoryDoesNotRaiseALowerLimit) {
  ByteBuffer buffer(4096);
  std::vector<uint8_t> chunk(4000, 7);
  ASSERT_TRUE(buffer.Put(chunk.data(), chunk.size()));
  size_t capacity = buffer.capacity();
  buffer.Reset(100);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_EQ(buffer.capacity(), capacity);  // the memory is kept
  EXPECT_TRUE(buffer.Put(chunk.data(), 100));
  EXPECT_FALSE(buffer.Reserve(1));
  buffer.Reset(4096);
  EXPECT_TRUE(buffer.Put(chunk.data(), chunk.size()));
}

TEST(ByteBufferTest, ReleaseAboveFreesOnlyWhatIsOverTheBound) {
  ByteBuffer buffer(1 << 20);
  std::vector<uint8_t> chunk(5000, 7);
  ASSERT_TRUE(buffer.Put(chunk.data(), chunk.size()));
  buffer.ReleaseAbove(1 << 16);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_GT(buffer.capacity(), 0u);
  ASSERT_TRUE(buffer.Put(chunk.data(), chunk.size()));
  buffer.ReleaseAbove(1024);
  EXPECT_EQ(buffer.size(), 0u);
  EXPECT_EQ(buffer.capacity(), 0u);
  EXPECT_TRUE(buffer.Put(chunk.data(), chunk.size()));
}

TEST(PointerMapTest, ClearForgetsEveryKeyAndKeepsWorking) {
  PointerMap map;
  std::vector<int> objects(1000);
  for (int round = 0; round < 3; ++round) {
    // Each round inserts a different half, across rehashes in the first.
    size_t first = round % 2 == 0 ? 0 : 500;
    for (size_t i = first; i < first + 500; ++i) {
      EXPECT_EQ(map.FindOrInsert(&objects[i], static_cast<uint32_t>(i + round)), -1);
    }
    EXPECT_EQ(map.size(), 500u);
    for (size_t i = 0; i < objects.size(); ++i) {
      bool in = i >= first && i < first + 500;
      EXPECT_EQ(map.Find(&objects[i]), in ? int64_t(i + round) : -1) << i;
    }
    size_t bytes = map.capacity_bytes();
    map.Clear();
    EXPECT_EQ(map.size(), 0u);
    EXPECT_EQ(map.capacity_bytes(), bytes);
    EXPECT_EQ(map.Find(&objects[first]), -1);
  }
  map.ReleaseAbove(0);
  EXPECT_EQ(map.capacity_bytes(), 0u);
  EXPECT_EQ(map.FindOrInsert(&objects[0], 3), -1);
  EXPECT_EQ(map.Find(&objects[0]), 3);
}

TEST(PointerMapTest, FindsWhatWasInsertedAcrossRehashes) {
  PointerMap map;
  std::vector<int> objects(10000);
  for (size_t i = 0; i < objects.size(); ++i) {
    EXPECT_EQ(map.Find(&objects[i]), -1);
    ASSERT_TRUE(map.Insert(&objects[i], static_cast<uint32_t>(i)));
  }
  EXPECT_EQ(map.size(), objects.size());
  for (size_t i = 0; i < objects.size(); ++i)
    EXPECT_EQ(map.Find(&objects[i]), int64_t(i));
  int other;
  EXPECT_EQ(map.Find(&other), -1);
}

TEST(PointerMapTest, FindOrInsertProbesOnce) {
  PointerMap map;
  int a, b;
  EXPECT_EQ(map.FindOrInsert(&a, 7), -1);
  EXPECT_EQ(map.FindOrInsert(&a, 8), 7);
  EXPECT_EQ(map.FindOrInsert(&b, 9), -1);
  EXPECT_EQ(map.Find(&b), 9);
  EXPECT_EQ(map.size(), 2u);
}

TEST(ByteVectorTest, PushesAndIndexes) {
  ByteVector v;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(v.Push(static_cast<uint8_t>(i)));
  EXPECT_EQ(v.size(), 1000u);
  v[999] = 1;
  EXPECT_EQ(v[999], 1);
  EXPECT_EQ(v[10], 10);
  v.ReleaseAbove(4096);
  EXPECT_EQ(v.size(), 0u);
  EXPECT_GT(v.capacity(), 0u);
  v.ReleaseAbove(16);
  EXPECT_EQ(v.capacity(), 0u);
  EXPECT_TRUE(v.Push(5));
  EXPECT_EQ(v[0], 5);
}

}  // namespace
}  // namespace luv::codec
