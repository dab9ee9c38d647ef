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

#include "luv/uv/separator_scan.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

constexpr size_t kNpos = std::string_view::npos;

TEST(SeparatorScanTest, FindsSingleByteSeparator) {
  size_t from = 0;
  EXPECT_EQ(FindSeparator("abc\ndef\n", "\n", &from), 3u);
  EXPECT_EQ(from, 3u);
  EXPECT_EQ(FindSeparator("abc\ndef\n", "\n", &from), 3u);
}

TEST(SeparatorScanTest, ResumesWhereTheLastSearchEnded) {
  std::string data = "abcdef";
  size_t from = 0;
  EXPECT_EQ(FindSeparator(data, "\n", &from), kNpos);
  EXPECT_EQ(from, 6u);
  data += "gh\nij";
  EXPECT_EQ(FindSeparator(data, "\n", &from), 8u);
}

TEST(SeparatorScanTest, FindsMultiByteSeparatorSplitAcrossChunks) {
  std::string data = "hello\r\n\r";
  size_t from = 0;
  EXPECT_EQ(FindSeparator(data, "\r\n\r\n", &from), kNpos);
  // "\r\n\r" may be the start of the separator: the search restarts there.
  EXPECT_EQ(from, 5u);
  data += "\n";
  EXPECT_EQ(FindSeparator(data, "\r\n\r\n", &from), 5u);
}

TEST(SeparatorScanTest, SeparatorLongerThanData) {
  size_t from = 0;
  EXPECT_EQ(FindSeparator("ab", "abcd", &from), kNpos);
  EXPECT_EQ(from, 0u);
  EXPECT_EQ(FindSeparator("abcd", "abcd", &from), 0u);
}

TEST(SeparatorScanTest, NeverMovesBackwards) {
  std::string data = "xxxxxxxx";
  size_t from = 0;
  EXPECT_EQ(FindSeparator(data, "--", &from), kNpos);
  EXPECT_EQ(from, 7u);
  EXPECT_EQ(FindSeparator(data, "--", &from), kNpos);
  EXPECT_EQ(from, 7u);
  data += "-";
  EXPECT_EQ(FindSeparator(data, "--", &from), kNpos);
  EXPECT_EQ(from, 8u);
  data += "-";
  EXPECT_EQ(FindSeparator(data, "--", &from), 8u);
}

TEST(SeparatorScanTest, StartsOverWhenBytesWereConsumed) {
  size_t from = 100;
  EXPECT_EQ(FindSeparator("a;b", ";", &from), 1u);
}

TEST(SeparatorScanTest, EmptyData) {
  size_t from = 0;
  EXPECT_EQ(FindSeparator("", ";", &from), kNpos);
  EXPECT_EQ(from, 0u);
}

}  // namespace
}  // namespace luv::uv
