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

#include "luv/codec/format.h"

#include <cmath>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace luv::codec {
namespace {

std::string Varint(uint64_t v) {
  uint8_t bytes[10];
  size_t n = PutVarint(v, bytes);
  return std::string(reinterpret_cast<char*>(bytes), n);
}

bool ReadVarint(const std::string& s, uint64_t* v, std::string* error = nullptr) {
  Reader r(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  bool ok = r.Varint(v, "test");
  if (error != nullptr) *error = r.error();
  return ok;
}

TEST(FormatTest, VarintRoundTripsEdgeValues) {
  for (uint64_t v :
       {uint64_t{0}, uint64_t{1}, uint64_t{127}, uint64_t{128}, uint64_t{16383},
        uint64_t{1} << 32, uint64_t{1} << 63, std::numeric_limits<uint64_t>::max()}) {
    uint64_t out = 0;
    ASSERT_TRUE(ReadVarint(Varint(v), &out)) << v;
    EXPECT_EQ(out, v);
  }
  EXPECT_EQ(Varint(std::numeric_limits<uint64_t>::max()).size(), 10u);
}

TEST(FormatTest, VarintRejectsOverLongOverflowingAndTruncatedForms) {
  uint64_t v;
  std::string error;
  EXPECT_FALSE(ReadVarint(std::string("\x80\x00", 2), &v, &error));
  EXPECT_EQ(error, "over-long varint (test) at byte 0");
  EXPECT_FALSE(ReadVarint(std::string(9, '\xff') + "\x02", &v, &error));
  EXPECT_EQ(error, "varint (test) overflows 64 bits at byte 0");
  EXPECT_FALSE(ReadVarint(std::string(10, '\xff') + "\x01", &v, &error));
  EXPECT_EQ(error, "varint (test) longer than 10 bytes at byte 0");
  EXPECT_FALSE(ReadVarint("\xff\xff", &v, &error));
  EXPECT_EQ(error, "truncated varint (test) at byte 0");
}

TEST(FormatTest, BytesComparesLengthsWithWhatIsLeftWithoutOverflow) {
  const uint8_t data[4] = {1, 2, 3, 4};
  Reader r(data, sizeof data);
  const uint8_t* p;
  EXPECT_FALSE(r.Bytes(std::numeric_limits<uint64_t>::max(), &p, "string", 0));
  EXPECT_STREQ(r.error(),
               "truncated string (need 18446744073709551615 bytes, 4 left) at byte 0");
  // A failed reader stays failed and keeps the first message.
  uint8_t b;
  EXPECT_FALSE(r.Byte(&b, "tag"));
  EXPECT_TRUE(r.failed());
  EXPECT_STREQ(r.error(),
               "truncated string (need 18446744073709551615 bytes, 4 left) at byte 0");
}

TEST(FormatTest, Fixed64IsLittleEndian) {
  const uint8_t data[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  Reader r(data, sizeof data);
  uint64_t v;
  ASSERT_TRUE(r.Fixed64(&v, "double"));
  EXPECT_EQ(v, 0x0807060504030201ULL);
  EXPECT_EQ(r.left(), 0u);
}

TEST(FormatTest, ZigZagRoundTrips) {
  for (int64_t v :
       {int64_t{0}, int64_t{-1}, int64_t{1}, std::numeric_limits<int64_t>::min(),
        std::numeric_limits<int64_t>::max()}) {
    EXPECT_EQ(UnZigZag(ZigZag(v)), v);
  }
  EXPECT_EQ(ZigZag(-1), 1u);
  EXPECT_EQ(ZigZag(1), 2u);
}

TEST(FormatTest, DoubleToIntOnlyForExactIntegers) {
  int64_t i;
  EXPECT_TRUE(DoubleToInt(42.0, &i));
  EXPECT_EQ(i, 42);
  EXPECT_TRUE(DoubleToInt(-9223372036854775808.0, &i));
  EXPECT_FALSE(DoubleToInt(9223372036854775808.0, &i));
  EXPECT_FALSE(DoubleToInt(-0.0, &i));
  EXPECT_FALSE(DoubleToInt(1.5, &i));
  EXPECT_FALSE(DoubleToInt(std::nan(""), &i));
  EXPECT_FALSE(DoubleToInt(HUGE_VAL, &i));
}

}  // namespace
}  // namespace luv::codec
