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

#include "luv/uv/getaddrinfo.h"

#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

class Lookup : public AddrInfoRequest {
 public:
  int status = 1;  // not called yet
  std::vector<ResolvedAddress> results;

 protected:
  void OnResolved(int s, std::vector<ResolvedAddress> r) override {
    status = s;
    results = std::move(r);
  }
};

TEST(GetAddrInfoTest, ResolvesNumericAddressesOfBothFamilies) {
  Loop loop;
  Lookup v4, v6;
  AddrInfoHints hints;
  hints.socktype = SOCK_STREAM;
  ASSERT_TRUE(v4.Start(loop.get(), "127.0.0.1", "80", hints).ok());
  ASSERT_TRUE(v6.Start(loop.get(), "::1", "", hints).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  ASSERT_EQ(v4.status, 0);
  ASSERT_EQ(v4.results.size(), 1u);
  EXPECT_EQ(v4.results[0].address.ToString(), "127.0.0.1:80");
  EXPECT_EQ(v4.results[0].socktype, SOCK_STREAM);
  EXPECT_EQ(v4.target(), "127.0.0.1:80");
  ASSERT_EQ(v6.status, 0);
  ASSERT_EQ(v6.results.size(), 1u);
  EXPECT_EQ(v6.results[0].address.family(), AF_INET6);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(GetAddrInfoTest, PassiveLookupGivesEveryFamily) {
  Loop loop;
  Lookup lookup;
  AddrInfoHints hints;
  hints.socktype = SOCK_DGRAM;
  hints.flags = AI_PASSIVE;
  ASSERT_TRUE(lookup.Start(loop.get(), "", "5000", hints).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  ASSERT_EQ(lookup.status, 0);
  std::set<std::string> seen;
  for (const ResolvedAddress& r : lookup.results) seen.insert(r.address.ToString());
  EXPECT_TRUE(seen.count("0.0.0.0:5000")) << lookup.results.size();
  EXPECT_TRUE(seen.count("[::]:5000")) << lookup.results.size();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(GetAddrInfoTest, LocalhostComesFromTheHostsFile) {
  Loop loop;
  Lookup lookup;
  AddrInfoHints hints;
  hints.socktype = SOCK_STREAM;
  hints.family = AF_INET;
  hints.flags = AI_CANONNAME;
  ASSERT_TRUE(lookup.Start(loop.get(), "localhost", "", hints).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  ASSERT_EQ(lookup.status, 0);
  ASSERT_FALSE(lookup.results.empty());
  EXPECT_EQ(lookup.results[0].address.host(), "127.0.0.1");
  EXPECT_FALSE(lookup.results[0].canonical_name.empty());
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(GetAddrInfoTest, FailuresAreLibuvCodes) {
  Loop loop;
  Lookup lookup;
  AddrInfoHints hints;
  hints.flags = AI_NUMERICHOST;  // no DNS: a name fails at once
  ASSERT_TRUE(lookup.Start(loop.get(), "example.invalid", "", hints).ok());
  uv_run(loop.get(), UV_RUN_DEFAULT);
  EXPECT_EQ(lookup.status, UV_EAI_NONAME);
  EXPECT_TRUE(lookup.results.empty());
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(GetAddrInfoTest, RejectsBadTextWithoutStarting) {
  Loop loop;
  Lookup lookup;
  AddrInfoHints hints;
  luv::Status status = lookup.Start(loop.get(), "", "", hints);
  EXPECT_EQ(status.message().substr(0, 7), "EINVAL:") << status;
  status = lookup.Start(loop.get(), std::string(300, 'a'), "", hints);
  EXPECT_EQ(status.message().substr(0, 7), "EINVAL:") << status;
  status = lookup.Start(loop.get(), std::string("a\0b", 3), "", hints);
  EXPECT_EQ(status.message().substr(0, 7), "EINVAL:") << status;
  status = lookup.Start(loop.get(), "localhost", std::string(40, '8'), hints);
  EXPECT_EQ(status.message().substr(0, 7), "EINVAL:") << status;
  EXPECT_EQ(lookup.status, 1);  // never called
  EXPECT_TRUE(loop.Shutdown().ok());
}

}  // namespace
}  // namespace luv::uv
