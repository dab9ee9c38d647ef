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

#include "luv/base/strings.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace luv {
namespace {

TEST(StrCatTest, JoinsTextAndNumbers) {
  std::string owned = "c";
  EXPECT_EQ(StrCat("a", std::string_view("b"), owned, 42, -7, 3u), "abc42-73");
  EXPECT_EQ(StrCat(std::numeric_limits<int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(StrCat(std::numeric_limits<uint64_t>::max()), "18446744073709551615");
  EXPECT_EQ(StrCat(0.5, " ", 1e100), "0.5 1e+100");
  EXPECT_EQ(StrCat(true, false), "10");
  EXPECT_EQ(StrCat(), "");
}

TEST(StrCatTest, AppendAddsToTheEnd) {
  std::string text = "x=";
  StrAppend(&text, 1, ", y=", 2);
  EXPECT_EQ(text, "x=1, y=2");
}

TEST(StringsTest, Prefixes) {
  EXPECT_TRUE(StartsWith("tcp://x", "tcp://"));
  EXPECT_FALSE(StartsWith("tc", "tcp"));
  EXPECT_TRUE(EndsWith("/bin/test", "/test"));
  EXPECT_FALSE(EndsWith("t", "test"));
  EXPECT_TRUE(StartsWithIgnoreCase("zmq_linger", "ZMQ_"));
  EXPECT_FALSE(StartsWithIgnoreCase("zm", "ZMQ_"));
}

TEST(StringsTest, CaseIgnoringComparisonAndUpper) {
  EXPECT_TRUE(EqualsIgnoreCase("Linger", "LINGER"));
  EXPECT_FALSE(EqualsIgnoreCase("Linger", "LINGERS"));
  EXPECT_EQ(AsciiStrToUpper("sigTerm1"), "SIGTERM1");
}

TEST(StringsTest, SimpleAtoiTakesWholeDecimalNumbersOnly) {
  int value = 0;
  EXPECT_TRUE(SimpleAtoi("65535", &value));
  EXPECT_EQ(value, 65535);
  EXPECT_FALSE(SimpleAtoi("", &value));
  EXPECT_FALSE(SimpleAtoi("12x", &value));
  EXPECT_FALSE(SimpleAtoi("99999999999", &value));
}

TEST(StringsTest, CHexEscapeQuotesUnprintableBytes) {
  EXPECT_EQ(CHexEscape(std::string("a\"b\\\n\x1b\xff", 7)), "a\\\"b\\\\\\n\\x1b\\xff");
}

}  // namespace
}  // namespace luv
