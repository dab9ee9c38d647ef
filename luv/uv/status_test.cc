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
