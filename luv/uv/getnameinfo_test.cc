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

#include "luv/uv/getnameinfo.h"

#include <netdb.h>

#include <string>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

class ReverseLookup : public NameInfoRequest {
 public:
  int status = 1;  // not called yet
  std::string host, service;

 protected:
  void OnResolved(int s, std::string h, std::string sv) override {
    status = s;
    host = std::move(h);
    service = std::move(sv);
  }
};

TEST(GetNameInfoTest, NumericLookupGivesTheAddressAndPortBack) {
  Loop loop;
  ReverseLookup lookup;
  luv::StatusOr<SocketAddress> address = SocketAddress::Parse("127.0.0.1", 8080);
  ASSERT_TRUE(address.ok());
  ASSERT_TRUE(lookup.Start(loop.get(), *address, NI_NUMERICHOST | NI_NUMERICSERV).ok());
  EXPECT_EQ(lookup.target(), "127.0.0.1:8080");
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(lookup.status, 0);
  EXPECT_EQ(lookup.host, "127.0.0.1");
  EXPECT_EQ(lookup.service, "8080");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(GetNameInfoTest, LoopbackHasAName) {
  Loop loop;
  ReverseLookup lookup;
  luv::StatusOr<SocketAddress> address = SocketAddress::Parse("127.0.0.1", 22);
  ASSERT_TRUE(address.ok());
  ASSERT_TRUE(lookup.Start(loop.get(), *address, 0).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(lookup.status, 0);
  EXPECT_FALSE(lookup.host.empty());
  EXPECT_EQ(lookup.service, "ssh");  // /etc/services
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
