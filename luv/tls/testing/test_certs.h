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

// Certificates made at test time with OpenSSL (EC P-256 keys, SHA-256
// signatures), so that no private key is ever committed: a test CA, leaf
// certificates it signs with chosen names, validity and purpose, and
// TestPki, the fixed set the luv/tls tests and make_test_certs use.
// Test-only. Any thread. Nothing here raises.
#ifndef LUV_TLS_TESTING_TEST_CERTS_H_
#define LUV_TLS_TESTING_TEST_CERTS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "luv/base/status.h"

struct evp_pkey_st;
struct x509_st;

namespace luv::tls::testing {

// A certificate and its private key, PEM text.
struct KeyPair {
  std::string cert_pem, key_pem;
};

struct LeafSpec {
  std::string common_name;
  std::vector<std::string> dns_names;     // subjectAltName DNS entries
  std::vector<std::string> ip_addresses;  // subjectAltName IPs ("::1")
  // Validity, in seconds from now (negative: in the past; both negative
  // make an expired certificate).
  int64_t not_before = -3600;
  int64_t not_after = 30 * 24 * 3600;
  bool server_auth = true;   // extendedKeyUsage serverAuth
  bool client_auth = false;  // extendedKeyUsage clientAuth
};

class TestCa {
 public:
  // A self-signed CA valid from an hour ago for ten years.
  static StatusOr<std::unique_ptr<TestCa>> Create(
      std::string_view common_name);
  ~TestCa();
  TestCa(const TestCa&) = delete;
  TestCa& operator=(const TestCa&) = delete;

  const std::string& cert_pem() const { return pair_.cert_pem; }
  const std::string& key_pem() const { return pair_.key_pem; }
  // A new key and a certificate for it signed by this CA.
  StatusOr<KeyPair> Issue(const LeafSpec& spec) const;

 private:
  TestCa() = default;
  evp_pkey_st* key_ = nullptr;
  x509_st* cert_ = nullptr;
  KeyPair pair_;
};

// The certificates the tests use.
struct TestPki {
  std::string ca_pem;          // "luv test CA": trusted by the tests
  KeyPair server;              // CN localhost; localhost, 127.0.0.1, ::1
  KeyPair other;               // CN other.test; other.test (for SNI)
  KeyPair wildcard;            // CN *.wild.test; *.wild.test (for SNI)
  KeyPair expired;             // as server, expired yesterday
  KeyPair client;              // CN luv test client; clientAuth
  std::string unknown_ca_pem;  // "unknown CA": trusted by nobody
  KeyPair unknown_server;      // as server, signed by the unknown CA
};

StatusOr<TestPki> MakeTestPki();

// One TestPki per process, made on first use (aborts if that fails: a
// test cannot run without it).
const TestPki& SharedTestPki();

}  // namespace luv::tls::testing

#endif  // LUV_TLS_TESTING_TEST_CERTS_H_
