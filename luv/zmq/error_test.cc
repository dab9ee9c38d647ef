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

#include "luv/zmq/error.h"

#include <zmq.h>

#include <cerrno>

#include "gtest/gtest.h"
#include "luv/uv/status.h"

namespace luv::zmq {
namespace {

TEST(ErrorTest, ErrnoValuesCarryNameTextAndContext) {
  luv::Status status = ZmqStatus(EADDRINUSE, "tcp://127.0.0.1:5555");
  EXPECT_EQ(status.message(), "EADDRINUSE: Address already in use: tcp://127.0.0.1:5555");
  EXPECT_EQ(status.code(), luv::ErrnoToStatusCode(EADDRINUSE));
  EXPECT_EQ(uv::ErrorName(status), "EADDRINUSE");
  EXPECT_EQ(ZmqStatus(EAGAIN).message(), "EAGAIN: Resource temporarily unavailable");
  EXPECT_EQ(ZmqStatus(EINVAL).code(), luv::StatusCode::kInvalidArgument);
}

TEST(ErrorTest, ZmqOwnErrorsHaveNames) {
  EXPECT_EQ(ZmqStatus(EFSM).message(),
            "EFSM: Operation cannot be accomplished in current state");
  EXPECT_EQ(ZmqStatus(EFSM).code(), luv::StatusCode::kFailedPrecondition);
  EXPECT_EQ(uv::ErrorName(ZmqStatus(ETERM)), "ETERM");
  EXPECT_EQ(ZmqErrorName(ENOCOMPATPROTO), "ENOCOMPATPROTO");
  EXPECT_EQ(ZmqErrorName(EMTHREAD), "EMTHREAD");
  // ØMQ's replacements for errno values the platform lacks are the real
  // ones on Linux.
  EXPECT_EQ(ZmqErrorName(EPROTONOSUPPORT), "EPROTONOSUPPORT");
  EXPECT_EQ(ZmqErrorName(ENOTSOCK), "ENOTSOCK");
}

TEST(ErrorTest, UnknownNumbersAreStillFailures) {
  luv::Status status = ZmqStatus(ZMQ_HAUSNUMERO + 999);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(uv::ErrorName(status), "EUNKNOWN");
  EXPECT_EQ(ZmqErrorName(-5), "EUNKNOWN");
  EXPECT_EQ(ZmqErrorName(100000), "EUNKNOWN");
  EXPECT_TRUE(ZmqStatus(0).ok());
}

TEST(ErrorTest, LastErrorReadsZmqErrno) {
  void* context = zmq_ctx_new();
  ASSERT_NE(context, nullptr);
  EXPECT_EQ(zmq_socket(context, 999), nullptr);
  EXPECT_EQ(uv::ErrorName(LastZmqError("socket type 999")), "EINVAL");
  EXPECT_EQ(zmq_ctx_term(context), 0);
}

}  // namespace
}  // namespace luv::zmq
