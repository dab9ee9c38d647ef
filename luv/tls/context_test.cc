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

#include "luv/tls/context.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "gtest/gtest.h"
#include "luv/tls/testing/test_certs.h"

namespace luv::tls {
namespace {

using testing::SharedTestPki;

ContextOptions ServerOptions() {
  ContextOptions options;
  options.server = true;
  options.cert_pem = SharedTestPki().server.cert_pem;
  options.key_pem = SharedTestPki().server.key_pem;
  return options;
}

Status CreateStatus(const ContextOptions& options) {
  return Context::Create(options).status();
}

std::string TempFile(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  EXPECT_NE(file, nullptr) << path;
  if (file != nullptr) {
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
  }
  return path;
}

TEST(ContextTest, MakesClientsAndServers) {
  StatusOr<std::unique_ptr<Context>> client = Context::Create({});
  ASSERT_TRUE(client.ok()) << client.status();
  EXPECT_FALSE((*client)->is_server());
  EXPECT_EQ((*client)->cached_sessions(), 0u);
  StatusOr<std::unique_ptr<Context>> server = Context::Create(ServerOptions());
  ASSERT_TRUE(server.ok()) << server.status();
  EXPECT_TRUE((*server)->is_server());
}

TEST(ContextTest, ReadsFiles) {
  ContextOptions options;
  options.server = true;
  options.cert_file = TempFile("server.pem", SharedTestPki().server.cert_pem);
  options.key_file = TempFile("server.key", SharedTestPki().server.key_pem);
  options.ca_file = TempFile("ca.pem", SharedTestPki().ca_pem);
  const char* dir = std::getenv("TEST_TMPDIR");
  options.ca_dir = dir != nullptr ? dir : "/tmp";
  Status status = CreateStatus(options);
  EXPECT_TRUE(status.ok()) << status;
}

TEST(ContextTest, NamesTheBadOption) {
  struct Case {
    void (*change)(ContextOptions*);
    const char* message;
  } cases[] = {
      {[](ContextOptions* o) { o->cert_pem = "not PEM"; },
       "cert_pem: no certificate found"},
      {[](ContextOptions* o) { o->key_pem = "not PEM"; },
       "key_pem: no private key found"},
      {[](ContextOptions* o) { o->key_pem = SharedTestPki().other.key_pem; },
       "key does not match the certificate"},
      {[](ContextOptions* o) {
         o->key_pem.clear();
         o->key_file = "/x/y";
       },
       "key_file: /x/y: No such file or directory"},
      {[](ContextOptions* o) {
         o->cert_pem.clear();
         o->cert_file = "/x/cert";
       },
       "cert_file: /x/cert: No such file or directory"},
      {[](ContextOptions* o) {
         o->cert_pem.clear();
         o->key_pem.clear();
       },
       "a server needs cert_pem or cert_file"},
      {[](ContextOptions* o) { o->key_pem.clear(); },
       "cert_pem/cert_file given without key_pem/key_file"},
      {[](ContextOptions* o) { o->ca_pem = "junk"; },
       "ca_pem: no certificate found"},
      {[](ContextOptions* o) { o->ca_file = "/nonexistent/ca.pem"; },
       "ca_file: /nonexistent/ca.pem: No such file or directory"},
      {[](ContextOptions* o) { o->ca_dir = "/nonexistent"; },
       "ca_dir: /nonexistent: No such file or directory"},
      {[](ContextOptions* o) { o->min_version = "1.1"; },
       "min_version: '1.1' is not a TLS version (\"1.2\" or \"1.3\")"},
      {[](ContextOptions* o) { o->max_version = "tls"; },
       "max_version: 'tls' is not a TLS version (\"1.2\" or \"1.3\")"},
      {[](ContextOptions* o) {
         o->min_version = "1.3";
         o->max_version = "1.2";
       },
       "max_version is below min_version"},
      {[](ContextOptions* o) { o->ciphers = "NO-SUCH-CIPHER"; },
       "ciphers: no cipher match"},
      {[](ContextOptions* o) { o->ciphersuites = "TLS_NOPE"; },
       "ciphersuites: no cipher match"},
      {[](ContextOptions* o) { o->alpn = {"h2", ""}; },
       "alpn: protocol names are 1 to 255 bytes"},
  };
  for (const Case& test : cases) {
    ContextOptions options = ServerOptions();
    test.change(&options);
    Status status = CreateStatus(options);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << test.message;
    EXPECT_EQ(status.message(), test.message);
  }
  ContextOptions client;
  client.alpn = {std::string(256, 'x')};
  EXPECT_EQ(CreateStatus(client).message(),
            "alpn: protocol names are 1 to 255 bytes");
}

TEST(ContextTest, AcceptsCipherSettings) {
  ContextOptions options = ServerOptions();
  options.ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256";
  options.ciphersuites = "TLS_CHACHA20_POLY1305_SHA256";
  options.min_version = "1.2";
  options.max_version = "1.3";
  Status status = CreateStatus(options);
  EXPECT_TRUE(status.ok()) << status;
}

TEST(ContextTest, AddServerName) {
  StatusOr<std::unique_ptr<Context>> server = Context::Create(ServerOptions());
  ASSERT_TRUE(server.ok());
  const testing::KeyPair& other = SharedTestPki().other;
  EXPECT_TRUE((*server)->AddServerName("other.test",
                                       {other.cert_pem, other.key_pem, "", ""})
                  .ok());
  Status status = (*server)->AddServerName(
      "bad.test", {other.cert_pem, SharedTestPki().server.key_pem, "", ""});
  EXPECT_EQ(status.message(), "key does not match the certificate");
  status = (*server)->AddServerName("a.*.test",
                                    {other.cert_pem, other.key_pem, "", ""});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  status = (*server)->AddServerName("x.test", {"", "", "", "/x/y"});
  EXPECT_EQ(status.message(), "a server needs cert_pem or cert_file");

  StatusOr<std::unique_ptr<Context>> client = Context::Create({});
  ASSERT_TRUE(client.ok());
  EXPECT_EQ((*client)
                ->AddServerName("other.test",
                                {other.cert_pem, other.key_pem, "", ""})
                .code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace luv::tls
