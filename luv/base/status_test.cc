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

#include "luv/base/status.h"

#include <cerrno>
#include <memory>
#include <string>

#include "gtest/gtest.h"

namespace luv {
namespace {

TEST(StatusTest, DefaultIsOkWithNoMessage) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.message(), "");
  EXPECT_EQ(status.ToString(), "OK");
  EXPECT_EQ(status, OkStatus());
}

TEST(StatusTest, FailureKeepsCodeAndMessage) {
  Status status = InvalidArgumentError("EINVAL: bad flags");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "EINVAL: bad flags");
  EXPECT_EQ(status.ToString(), "INVALID_ARGUMENT: EINVAL: bad flags");
  EXPECT_NE(status, NotFoundError("EINVAL: bad flags"));
}

TEST(StatusTest, OkCodeDropsAnyMessage) {
  EXPECT_EQ(Status(StatusCode::kOk, "ignored").message(), "");
}

TEST(StatusTest, ErrnoValuesMapToTheirKind) {
  EXPECT_EQ(ErrnoToStatusCode(0), StatusCode::kOk);
  EXPECT_EQ(ErrnoToStatusCode(ENOENT), StatusCode::kNotFound);
  EXPECT_EQ(ErrnoToStatusCode(EACCES), StatusCode::kPermissionDenied);
  EXPECT_EQ(ErrnoToStatusCode(ETIMEDOUT), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(ErrnoToStatusCode(ECANCELED), StatusCode::kCancelled);
  EXPECT_EQ(ErrnoToStatusCode(EEXIST), StatusCode::kAlreadyExists);
  EXPECT_EQ(ErrnoToStatusCode(100000), StatusCode::kUnknown);
}

TEST(StatusOrTest, HoldsAValue) {
  StatusOr<std::string> text = std::string("hello");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "hello");
  EXPECT_EQ(text->size(), 5u);
  EXPECT_TRUE(text.status().ok());
}

TEST(StatusOrTest, HoldsAFailure) {
  StatusOr<int> number = NotFoundError("ENOENT: gone");
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(number.status().message(), "ENOENT: gone");
}

TEST(StatusOrTest, AnOkStatusWithoutAValueIsAnInternalError) {
  StatusOr<int> number = OkStatus();
  EXPECT_FALSE(number.ok());
  EXPECT_EQ(number.status().code(), StatusCode::kInternal);
}

TEST(StatusOrTest, ConvertsFromWhatTheValueConvertsFrom) {
  struct Base { virtual ~Base() = default; };
  struct Derived : Base {};
  StatusOr<std::unique_ptr<Base>> owned = std::make_unique<Derived>();
  ASSERT_TRUE(owned.ok());
  std::unique_ptr<Base> taken = *std::move(owned);
  EXPECT_NE(taken, nullptr);
}

TEST(StatusOrTest, EmplaceReplacesAFailure) {
  StatusOr<std::string> text = InternalError("not yet");
  text.emplace(3, 'x');
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "xxx");
}

TEST(StatusOrDeathTest, ValueOfAFailureAbortsWithItsMessage) {
  StatusOr<int> number = NotFoundError("ENOENT: gone");
  EXPECT_DEATH((void)number.value(), "ENOENT: gone");
}

}  // namespace
}  // namespace luv
