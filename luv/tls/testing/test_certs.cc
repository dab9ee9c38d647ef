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

#include "luv/tls/testing/test_certs.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace luv::tls::testing {
namespace {

Status OpenSslFailure(std::string_view what) {
  unsigned long error = ERR_get_error();  // NOLINT(runtime/int)
  std::string message(what);
  if (error != 0) {
    char text[256];
    ERR_error_string_n(error, text, sizeof text);
    message += ": ";
    message += text;
  }
  ERR_clear_error();
  return InternalError(message);
}

std::string ToPem(int (*write)(BIO*, void*), void* object) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) return "";
  std::string text;
  if (write(bio, object) == 1) {
    char* data = nullptr;
    long size = BIO_get_mem_data(bio, &data);  // NOLINT(runtime/int)
    if (size > 0) text.assign(data, static_cast<size_t>(size));
  }
  BIO_free(bio);
  return text;
}

std::string CertPem(X509* cert) {
  return ToPem(
      [](BIO* bio, void* x) { return PEM_write_bio_X509(bio, static_cast<X509*>(x)); },
      cert);
}

std::string KeyPem(EVP_PKEY* key) {
  return ToPem(
      [](BIO* bio, void* k) {
        return PEM_write_bio_PrivateKey(bio, static_cast<EVP_PKEY*>(k),
                                        nullptr, nullptr, 0, nullptr, nullptr);
      },
      key);
}

Status AddExtension(X509* cert, X509V3_CTX* ctx, int nid,
                    const std::string& value) {
  X509_EXTENSION* extension =
      X509V3_EXT_conf_nid(nullptr, ctx, nid, value.c_str());
  if (extension == nullptr) return OpenSslFailure("extension " + value);
  int added = X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
  if (added != 1) return OpenSslFailure("X509_add_ext");
  return OkStatus();
}

// A certificate for `key` named `common_name`, signed by `issuer_key`
// (`issuer` null: self-signed). Returns null with the failure in *status.
X509* MakeCertificate(EVP_PKEY* key, const std::string& common_name,
                      X509* issuer, EVP_PKEY* issuer_key, int64_t not_before,
                      int64_t not_after,
                      const std::vector<std::pair<int, std::string>>& exts,
                      Status* status) {
  X509* cert = X509_new();
  if (cert == nullptr) {
    *status = OpenSslFailure("X509_new");
    return nullptr;
  }
  auto fail = [&](Status failure) -> X509* {
    X509_free(cert);
    *status = std::move(failure);
    return nullptr;
  };
  X509_set_version(cert, 2);  // v3
  unsigned char serial_bytes[16];
  if (RAND_bytes(serial_bytes, sizeof serial_bytes) != 1) {
    return fail(OpenSslFailure("RAND_bytes"));
  }
  serial_bytes[0] &= 0x7f;  // positive
  BIGNUM* serial = BN_bin2bn(serial_bytes, sizeof serial_bytes, nullptr);
  ASN1_INTEGER* asn1_serial =
      serial != nullptr ? BN_to_ASN1_INTEGER(serial, nullptr) : nullptr;
  BN_free(serial);
  if (asn1_serial == nullptr) return fail(OpenSslFailure("serial"));
  X509_set_serialNumber(cert, asn1_serial);
  ASN1_INTEGER_free(asn1_serial);

  X509_gmtime_adj(X509_getm_notBefore(cert), static_cast<long>(not_before));  // NOLINT
  X509_gmtime_adj(X509_getm_notAfter(cert), static_cast<long>(not_after));  // NOLINT
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(
      name, "CN", MBSTRING_UTF8,
      reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0);
  X509_NAME_add_entry_by_txt(
      name, "O", MBSTRING_UTF8,
      reinterpret_cast<const unsigned char*>("luv tests"), -1, -1, 0);
  X509_set_issuer_name(cert, issuer != nullptr ? X509_get_subject_name(issuer)
                                               : name);
  if (X509_set_pubkey(cert, key) != 1) return fail(OpenSslFailure("pubkey"));

  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer != nullptr ? issuer : cert, cert, nullptr,
                 nullptr, 0);
  for (const auto& [nid, value] : exts) {
    Status added = AddExtension(cert, &ctx, nid, value);
    if (!added.ok()) return fail(added);
  }
  if (X509_sign(cert, issuer_key, EVP_sha256()) == 0) {
    return fail(OpenSslFailure("X509_sign"));
  }
  return cert;
}

}  // namespace

StatusOr<std::unique_ptr<TestCa>> TestCa::Create(
    std::string_view common_name) {
  std::unique_ptr<TestCa> ca(new TestCa());
  ca->key_ = EVP_EC_gen("P-256");
  if (ca->key_ == nullptr) return OpenSslFailure("EVP_EC_gen");
  Status status;
  ca->cert_ = MakeCertificate(
      ca->key_, std::string(common_name), nullptr, ca->key_, -3600,
      int64_t{10} * 365 * 24 * 3600,
      {{NID_basic_constraints, "critical,CA:TRUE"},
       {NID_key_usage, "critical,keyCertSign,cRLSign"},
       {NID_subject_key_identifier, "hash"}},
      &status);
  if (ca->cert_ == nullptr) return status;
  ca->pair_ = {CertPem(ca->cert_), KeyPem(ca->key_)};
  return ca;
}

TestCa::~TestCa() {
  X509_free(cert_);
  EVP_PKEY_free(key_);
}

StatusOr<KeyPair> TestCa::Issue(const LeafSpec& spec) const {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  if (key == nullptr) return OpenSslFailure("EVP_EC_gen");
  std::vector<std::pair<int, std::string>> exts = {
      {NID_basic_constraints, "critical,CA:FALSE"},
      {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
      {NID_subject_key_identifier, "hash"},
      {NID_authority_key_identifier, "keyid:always"},
  };
  std::string usage;
  if (spec.server_auth) usage = "serverAuth";
  if (spec.client_auth) usage += usage.empty() ? "clientAuth" : ",clientAuth";
  if (!usage.empty()) exts.emplace_back(NID_ext_key_usage, usage);
  std::string san;
  for (const std::string& dns : spec.dns_names) {
    san += (san.empty() ? "DNS:" : ",DNS:") + dns;
  }
  for (const std::string& ip : spec.ip_addresses) {
    san += (san.empty() ? "IP:" : ",IP:") + ip;
  }
  if (!san.empty()) exts.emplace_back(NID_subject_alt_name, san);
  Status status;
  X509* cert = MakeCertificate(key, spec.common_name, cert_, key_,
                               spec.not_before, spec.not_after, exts, &status);
  if (cert == nullptr) {
    EVP_PKEY_free(key);
    return status;
  }
  KeyPair pair{CertPem(cert), KeyPem(key)};
  X509_free(cert);
  EVP_PKEY_free(key);
  return pair;
}

StatusOr<TestPki> MakeTestPki() {
  StatusOr<std::unique_ptr<TestCa>> ca = TestCa::Create("luv test CA");
  if (!ca.ok()) return ca.status();
  StatusOr<std::unique_ptr<TestCa>> unknown = TestCa::Create("unknown CA");
  if (!unknown.ok()) return unknown.status();
  TestPki pki;
  pki.ca_pem = (*ca)->cert_pem();
  pki.unknown_ca_pem = (*unknown)->cert_pem();

  LeafSpec server;
  server.common_name = "localhost";
  server.dns_names = {"localhost"};
  server.ip_addresses = {"127.0.0.1", "::1"};
  LeafSpec other;
  other.common_name = "other.test";
  other.dns_names = {"other.test"};
  LeafSpec wildcard;
  wildcard.common_name = "*.wild.test";
  wildcard.dns_names = {"*.wild.test"};
  LeafSpec expired = server;
  expired.not_before = -10 * 24 * 3600;
  expired.not_after = -24 * 3600;
  LeafSpec client;
  client.common_name = "luv test client";
  client.server_auth = false;
  client.client_auth = true;

  struct Job {
    const TestCa* ca;
    const LeafSpec* spec;
    KeyPair* out;
  } jobs[] = {
      {ca->get(), &server, &pki.server},
      {ca->get(), &other, &pki.other},
      {ca->get(), &wildcard, &pki.wildcard},
      {ca->get(), &expired, &pki.expired},
      {ca->get(), &client, &pki.client},
      {unknown->get(), &server, &pki.unknown_server},
  };
  for (const Job& job : jobs) {
    StatusOr<KeyPair> pair = job.ca->Issue(*job.spec);
    if (!pair.ok()) return pair.status();
    *job.out = std::move(*pair);
  }
  return pki;
}

const TestPki& SharedTestPki() {
  static const TestPki* pki = [] {
    StatusOr<TestPki> made = MakeTestPki();
    if (!made.ok()) {
      std::fprintf(stderr, "MakeTestPki: %s\n",
                   made.status().ToString().c_str());
      std::abort();
    }
    return new TestPki(std::move(*made));
  }();
  return *pki;
}

}  // namespace luv::tls::testing
