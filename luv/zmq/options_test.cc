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

#include "luv/zmq/options.h"

#include <zmq.h>

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace luv::zmq {
namespace {

TEST(OptionsTest, NamesAreFoundWithOrWithoutPrefixInAnyCase) {
  for (const char* name : {"SUBSCRIBE", "subscribe", "ZMQ_SUBSCRIBE", "zmq_Subscribe"}) {
    const Option* option = FindSocketOption(name);
    ASSERT_NE(option, nullptr) << name;
    EXPECT_EQ(option->number, ZMQ_SUBSCRIBE);
    EXPECT_EQ(option->type, OptionType::kBinary);
    EXPECT_EQ(option->access, kWrite);
  }
  EXPECT_EQ(FindSocketOption("NO_SUCH_OPTION"), nullptr);
  EXPECT_EQ(FindSocketOption(""), nullptr);
  EXPECT_EQ(FindSocketOption("ZMQ_"), nullptr);
}

TEST(OptionsTest, AliasesShareTheCanonicalEntryByNumber) {
  EXPECT_EQ(FindSocketOption("IDENTITY")->number, ZMQ_ROUTING_ID);
  EXPECT_STREQ(FindSocketOption(ZMQ_IDENTITY)->name, "ROUTING_ID");
  EXPECT_EQ(FindSocketOption("CONNECT_RID")->number, ZMQ_CONNECT_ROUTING_ID);
  EXPECT_STREQ(FindSocketOption(ZMQ_CONNECT_RID)->name, "CONNECT_ROUTING_ID");
  EXPECT_EQ(FindSocketOption(9999), nullptr);
}

TEST(OptionsTest, TypesFollowTheManualPages) {
  EXPECT_EQ(FindSocketOption("LINGER")->type, OptionType::kInt);
  EXPECT_EQ(FindSocketOption("MAXMSGSIZE")->type, OptionType::kInt64);
  EXPECT_EQ(FindSocketOption("AFFINITY")->type, OptionType::kUint64);
  EXPECT_EQ(FindSocketOption("LAST_ENDPOINT")->type, OptionType::kString);
  EXPECT_EQ(FindSocketOption("LAST_ENDPOINT")->access, kRead);
  EXPECT_EQ(FindSocketOption("IMMEDIATE")->type, OptionType::kBool);
  EXPECT_EQ(FindSocketOption("RCVMORE")->type, OptionType::kBool);
  EXPECT_EQ(FindSocketOption("CURVE_SERVERKEY")->type, OptionType::kKey);
  EXPECT_EQ(FindSocketOption("TYPE")->access, kRead);
  EXPECT_TRUE(FindSocketOption("ROUTER_NOTIFY")->draft);
  EXPECT_FALSE(FindSocketOption("SNDHWM")->draft);
}

TEST(OptionsTest, NamesAreUniqueAndNumbersBelongToOneOption) {
  std::set<std::string> names;
  for (const Option& option : SocketOptions()) {
    EXPECT_TRUE(names.insert(option.name).second) << option.name;
    const Option* canonical = FindSocketOption(option.number);
    ASSERT_NE(canonical, nullptr);
    EXPECT_EQ(canonical->type, option.type) << option.name;
    EXPECT_EQ(FindSocketOption(option.name), &option);
  }
  EXPECT_GE(SocketOptions().size(), 90u);
}

TEST(OptionsTest, ContextOptionsTellReadFromWriteForSharedNumbers) {
  EXPECT_STREQ(FindContextOption(ZMQ_SOCKET_LIMIT, kRead)->name, "SOCKET_LIMIT");
  EXPECT_STREQ(FindContextOption(ZMQ_THREAD_PRIORITY, kWrite)->name, "THREAD_PRIORITY");
  EXPECT_EQ(FindContextOption("io_threads")->number, ZMQ_IO_THREADS);
  EXPECT_EQ(FindContextOption("BLOCKY")->type, OptionType::kBool);
  EXPECT_EQ(FindContextOption("LINGER"), nullptr);
  EXPECT_EQ(FindContextOption(ZMQ_MSG_T_SIZE, kWrite), nullptr);
}

TEST(OptionsTest, SocketTypes) {
  EXPECT_EQ(FindSocketType("PUB"), ZMQ_PUB);
  EXPECT_EQ(FindSocketType("zmq_router"), ZMQ_ROUTER);
  EXPECT_EQ(FindSocketType("pair"), ZMQ_PAIR);
  EXPECT_EQ(FindSocketType("NOPE"), -1);
  EXPECT_STREQ(SocketTypeName(ZMQ_XSUB), "XSUB");
  EXPECT_STREQ(SocketTypeName(ZMQ_STREAM), "STREAM");
  EXPECT_EQ(SocketTypeName(42), nullptr);
}

}  // namespace
}  // namespace luv::zmq
