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

#include "luv/uv/address.h"

#include <netinet/in.h>

#include <string>

#include "gtest/gtest.h"

namespace luv::uv {
namespace {

TEST(SocketAddressTest, ParsesIpv4) {
  luv::StatusOr<SocketAddress> address = SocketAddress::Parse("127.0.0.1", 8080);
  ASSERT_TRUE(address.ok()) << address.status();
  EXPECT_EQ(address->family(), AF_INET);
  EXPECT_EQ(address->port(), 8080);
  EXPECT_EQ(address->host(), "127.0.0.1");
  EXPECT_EQ(address->ToString(), "127.0.0.1:8080");
  char text[SocketAddress::kMaxTextLength];
  address->Format(text, sizeof(text));
  EXPECT_STREQ(text, "127.0.0.1:8080");
  address->Format(text, 5);
  EXPECT_STREQ(text, "127.");
  EXPECT_STREQ(SocketAddress::FamilyName(address->family()), "inet");
}

TEST(SocketAddressTest, ParsesIpv6WithAndWithoutBrackets) {
  for (const char* text : {"::1", "[::1]"}) {
    luv::StatusOr<SocketAddress> address = SocketAddress::Parse(text, 0);
    ASSERT_TRUE(address.ok()) << text << ": " << address.status();
    EXPECT_EQ(address->family(), AF_INET6);
    EXPECT_EQ(address->port(), 0);
    EXPECT_EQ(address->host(), "::1");
    EXPECT_EQ(address->ToString(), "[::1]:0");
    EXPECT_STREQ(SocketAddress::FamilyName(address->family()), "inet6");
  }
}

TEST(SocketAddressTest, RejectsNamesAndGarbageWithAClearMessage) {
  for (const char* text : {"localhost", "", "1.2.3", "256.1.1.1", "::g", "[1.2.3.4]",
                           "127.0.0.1 ", "[::1"}) {
    luv::StatusOr<SocketAddress> address = SocketAddress::Parse(text, 80);
    ASSERT_FALSE(address.ok()) << text;
    EXPECT_EQ(address.status().message().substr(0, 7), "EINVAL:") << text;
  }
  luv::StatusOr<SocketAddress> name = SocketAddress::Parse("example.com", 80);
  EXPECT_NE(name.status().message().find("'example.com'"), std::string::npos)
      << name.status();
  EXPECT_NE(name.status().message().find("getaddrinfo"), std::string::npos);
}

TEST(SocketAddressTest, BoundsAndSanitizesHostileText) {
  std::string long_host(100000, '1');
  luv::StatusOr<SocketAddress> address = SocketAddress::Parse(long_host, 80);
  ASSERT_FALSE(address.ok());
  EXPECT_LT(address.status().message().size(), 200u);
  std::string with_nul("127.0.0.1\0x", 11);
  address = SocketAddress::Parse(with_nul, 80);
  ASSERT_FALSE(address.ok());
  EXPECT_NE(address.status().message().find("127.0.0.1?x"), std::string::npos)
      << address.status();
}

TEST(SocketAddressTest, RejectsPortsOutOfRange) {
  EXPECT_FALSE(SocketAddress::Parse("127.0.0.1", -1).ok());
  EXPECT_FALSE(SocketAddress::Parse("127.0.0.1", 65536).ok());
  EXPECT_TRUE(SocketAddress::Parse("127.0.0.1", 65535).ok());
}

TEST(SocketAddressTest, CopiesKernelAddressesOfKnownFamilies) {
  sockaddr_in6 in6 = {};
  in6.sin6_family = AF_INET6;
  in6.sin6_port = htons(443);
  in6.sin6_addr = in6addr_loopback;
  luv::StatusOr<SocketAddress> address =
      SocketAddress::FromSockaddr(reinterpret_cast<sockaddr*>(&in6));
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->ToString(), "[::1]:443");

  sockaddr unix_address = {};
  unix_address.sa_family = AF_UNIX;
  address = SocketAddress::FromSockaddr(&unix_address);
  ASSERT_FALSE(address.ok());
  EXPECT_EQ(address.status().message().substr(0, 13), "EAFNOSUPPORT:");
}

TEST(SocketAddressTest, EmptyAddressIsUnspecified) {
  SocketAddress address;
  EXPECT_EQ(address.family(), AF_UNSPEC);
  EXPECT_EQ(address.port(), 0);
  EXPECT_EQ(address.host(), "");
  EXPECT_STREQ(SocketAddress::FamilyName(address.family()), "unspec");
}

}  // namespace
}  // namespace luv::uv
