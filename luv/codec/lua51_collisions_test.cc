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

#include "luv/codec/lua51_collisions.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

constexpr int64_t kLots = int64_t{1} << 40;

// A double whose two 32-bit words are `low` and `high`.
double FromWords(uint32_t low, uint32_t high) {
  uint64_t bits = (static_cast<uint64_t>(high) << 32) | low;
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// One table of `keys` number keys, each with a small value.
int64_t CountNumberTable(const std::vector<double>& keys, int64_t budget = kLots) {
  Lua51Collisions c(budget);
  EXPECT_TRUE(c.TableBegin(0, keys.size()));
  for (double key : keys) {
    c.Number(key);
    if (!c.HashKey()) return -1;
    c.Number(1);
  }
  if (!c.TableEnd()) return -1;
  return c.count();
}

TEST(Lua51CollisionsTest, NumberHashIsTheSumOfTheWords) {
  EXPECT_EQ(Lua51Collisions::NumberHash(FromWords(5, 7)), 12u);
  EXPECT_EQ(Lua51Collisions::NumberHash(FromWords(0xffffffff, 2)), 1u);
}

TEST(Lua51CollisionsTest, StringHashSamplesLongStrings) {
  // 64 bytes: every third byte from the end is hashed (63, 60, ... 3).
  std::string a(64, 'a'), b(64, 'a');
  b[0] = 'z';
  b[1] = 'z';
  EXPECT_EQ(Lua51Collisions::StringHash(reinterpret_cast<const uint8_t*>(a.data()), 64),
            Lua51Collisions::StringHash(reinterpret_cast<const uint8_t*>(b.data()), 64));
  b[3] = 'z';
  EXPECT_NE(Lua51Collisions::StringHash(reinterpret_cast<const uint8_t*>(a.data()), 64),
            Lua51Collisions::StringHash(reinterpret_cast<const uint8_t*>(b.data()), 64));
}

TEST(Lua51CollisionsTest, OrdinaryKeysCostAboutOneComparisonEach) {
  std::vector<double> keys;
  for (int i = 0; i < 10000; ++i) keys.push_back(i * 1.5 + 0.25);
  int64_t count = CountNumberTable(keys);
  EXPECT_LT(count, 2 * 10000);
}

TEST(Lua51CollisionsTest, KeysOfOneHashCostQuadratically) {
  std::vector<double> keys;
  for (uint32_t i = 0; i < 2000; ++i) keys.push_back(FromWords(0x12345678 - i, 0x40000000 + i));
  EXPECT_EQ(CountNumberTable(keys), 2000 * 1999 / 2);
  EXPECT_EQ(CountNumberTable(keys, 100000), -1) << "refused past the budget";
}

TEST(Lua51CollisionsTest, WholeNumbersInTheArrayPartCostNothing) {
  Lua51Collisions c(kLots);
  ASSERT_TRUE(c.TableBegin(100, 100));
  for (int i = 1; i <= 100; ++i) {
    c.Number(i);
    ASSERT_TRUE(c.HashKey());
    c.Number(0);
  }
  ASSERT_TRUE(c.TableEnd());
  EXPECT_EQ(c.count(), 0);
}

TEST(Lua51CollisionsTest, RepeatedStringsAreLookupsNotCollisions) {
  Lua51Collisions c(kLots);
  const char* words[] = {"id", "name", "email", "score"};
  for (int record = 0; record < 10000; ++record) {
    for (const char* word : words) {
      ASSERT_TRUE(c.String(reinterpret_cast<const uint8_t*>(word), std::strlen(word)));
    }
  }
  EXPECT_LT(c.count(), 4 * 10000 * 2);
}

TEST(Lua51CollisionsTest, StringsOfOneHashCostQuadraticallyInTheStringTable) {
  // Long strings that differ only in bytes the hash skips.
  std::vector<std::string> strings;
  for (int i = 0; i < 3000; ++i) {
    std::string s(64, 'x');
    s[0] = static_cast<char>('a' + i % 26);
    s[2] = static_cast<char>('a' + i / 26 % 26);
    s[4] = static_cast<char>('a' + i / 676);
    strings.push_back(s);
  }
  Lua51Collisions c(kLots);
  for (const std::string& s : strings) {
    ASSERT_TRUE(c.String(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
  }
  // 64-byte strings of equal length: each comparison counts 1 + 64 / 32.
  EXPECT_EQ(c.count(), 3 * (3000 * 2999 / 2));
  Lua51Collisions bounded(100000);
  bool refused = false;
  for (const std::string& s : strings) {
    if (!bounded.String(reinterpret_cast<const uint8_t*>(s.data()), s.size())) {
      refused = true;
      break;
    }
  }
  EXPECT_TRUE(refused);
}

TEST(Lua51CollisionsTest, NestedTablesCountTheirOwnKeys) {
  // An outer table whose keys are inner tables (not modelled) and whose
  // inner tables each hold colliding keys.
  Lua51Collisions c(kLots);
  ASSERT_TRUE(c.TableBegin(0, 3));
  for (int t = 0; t < 3; ++t) {
    ASSERT_TRUE(c.TableBegin(0, 10));
    for (uint32_t i = 0; i < 10; ++i) {
      c.Number(FromWords(1000 - i, 0x40000000 + i));
      ASSERT_TRUE(c.HashKey());
      c.Boolean(true);
    }
    ASSERT_TRUE(c.TableEnd());
    ASSERT_TRUE(c.HashKey());  // the inner table is the key
    c.Boolean(true);
  }
  ASSERT_TRUE(c.TableEnd());
  // The outer table is small: charged its worst case, 0 + 1 + 2.
  EXPECT_EQ(c.count(), 3 * 45 + 3);
}

}  // namespace
}  // namespace luv::codec
