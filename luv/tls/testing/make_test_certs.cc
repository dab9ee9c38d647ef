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

// make_test_certs DIR: writes a fresh set of test certificates (TestPki,
// test_certs.h) into DIR, which must exist, for the Lua tests and the
// benchmarks, which run it at test time (no key is ever committed):
//
//   ca.pem                        the CA every test trusts
//   server.pem   server.key       CN localhost; SAN localhost, 127.0.0.1, ::1
//   other.pem    other.key        CN other.test; SAN other.test (SNI tests)
//   wildcard.pem wildcard.key     CN *.wild.test; SAN *.wild.test
//   expired.pem  expired.key      as server, expired yesterday
//   client.pem   client.key       CN luv test client; clientAuth
//   unknown_ca.pem                a CA nobody trusts
//   unknown_server.pem unknown_server.key  as server, by the unknown CA
//
// Keys are unencrypted PKCS#8 PEM, mode 0600. In a Bazel test, list
// //luv/tls/testing:make_test_certs in data and run it on $TEST_TMPDIR.
// Prints nothing on success; exits 1 with a message otherwise.
#include <cstdio>
#include <string>
#include <sys/stat.h>

#include "luv/tls/testing/test_certs.h"

namespace {

bool WriteFile(const std::string& path, const std::string& text, bool key) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    std::perror(path.c_str());
    return false;
  }
  if (key) chmod(path.c_str(), 0600);
  bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  ok = std::fclose(file) == 0 && ok;
  if (!ok) std::perror(path.c_str());
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  luv::StatusOr<luv::tls::testing::TestPki> pki =
      luv::tls::testing::MakeTestPki();
  if (!pki.ok()) {
    std::fprintf(stderr, "make_test_certs: %s\n",
                 pki.status().ToString().c_str());
    return 1;
  }
  const std::string dir = std::string(argv[1]) + "/";
  struct Pair {
    const char* name;
    const luv::tls::testing::KeyPair& pair;
  } pairs[] = {
      {"server", pki->server},   {"other", pki->other},
      {"wildcard", pki->wildcard}, {"expired", pki->expired},
      {"client", pki->client},   {"unknown_server", pki->unknown_server},
  };
  bool ok = WriteFile(dir + "ca.pem", pki->ca_pem, false) &&
            WriteFile(dir + "unknown_ca.pem", pki->unknown_ca_pem, false);
  for (const Pair& pair : pairs) {
    ok = ok && WriteFile(dir + pair.name + ".pem", pair.pair.cert_pem, false) &&
         WriteFile(dir + pair.name + ".key", pair.pair.key_pem, true);
  }
  return ok ? 0 : 1;
}
