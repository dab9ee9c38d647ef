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

#include "luv/uv/status.h"

#include <uv.h>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

TEST(StatusTest, ZeroAndPositiveResultsAreOk) {
  EXPECT_TRUE(UvStatus(0).ok());
  EXPECT_TRUE(UvStatus(42).ok());
}

TEST(StatusTest, MessageStartsWithTheLibuvErrorName) {
  luv::Status status = UvStatus(UV_ENOENT, "/no/such");
  EXPECT_EQ(status.code(), luv::StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "ENOENT: no such file or directory: /no/such");
  EXPECT_EQ(ErrorName(status), "ENOENT");
}

TEST(StatusTest, ContextIsOptional) {
  EXPECT_EQ(UvStatus(UV_ECONNREFUSED).message(), "ECONNREFUSED: connection refused");
}

TEST(StatusTest, NamedErrorCarriesItsName) {
  luv::Status status =
      NamedError(luv::StatusCode::kInvalidArgument, "ECODEC", "truncated");
  EXPECT_EQ(status.message(), "ECODEC: truncated");
  EXPECT_EQ(ErrorName(status), "ECODEC");
}

TEST(StatusTest, ErrorNameOfAPlainMessageIsUnknown) {
  EXPECT_EQ(ErrorName(luv::InternalError("something broke")), "EUNKNOWN");
  EXPECT_EQ(ErrorName(luv::InternalError("Error: x")), "EUNKNOWN");
  EXPECT_EQ(ErrorName(luv::OkStatus()), "");
}

}  // namespace
}  // namespace luv::uv
