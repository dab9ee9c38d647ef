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

// Context: a TLS configuration (OpenSSL's SSL_CTX) that Sessions
// (session.h) are made from: role, certificate and key, trusted CAs,
// protocol versions, ciphers, ALPN, SNI certificates, and the cache of
// client sessions offered for resumption.
//
// Lua-free and libuv-free: luv/tls depends on OpenSSL and luv/base only.
// Certificates and keys are given as PEM text or as file names; files are
// read by luv and parsed like the text, so every bad input is reported as
// "<option>: <reason>" ("key_file: /x/y: No such file or directory",
// "cert_pem: no certificate found", "key does not match the certificate").
//
// Thread safety: a Context may be used by Sessions on several threads at
// once (OpenSSL 3's SSL_CTX is safe for that; the client session cache has
// its own mutex). AddServerName must be called before the first Session is
// made from the Context. Sessions share ownership of the Context's state,
// so a Context may be destroyed before its Sessions. Nothing here raises.
#ifndef LUV_TLS_CONTEXT_H_
#define LUV_TLS_CONTEXT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "luv/base/status.h"

namespace luv::tls {

namespace internal {
class ContextState;
}  // namespace internal

struct ContextOptions {
  bool server = false;
  // Certificate chain (leaf first) and private key: PEM text, or file names
  // (either form; text wins when both are given). Required for a server;
  // a client sends them when the server asks for a certificate.
  std::string cert_pem, key_pem, cert_file, key_file;
  // Trust: CA PEM text, a CA file, a CA directory (c_rehash'd); any mix.
  // When none is given, the system's default store.
  std::string ca_pem, ca_file, ca_dir;
  std::string min_version = "1.2";  // "1.2" or "1.3"
  std::string max_version;          // "" = no maximum, else "1.2"/"1.3"
  std::string ciphers;       // TLS 1.2 cipher list ("" = OpenSSL default)
  std::string ciphersuites;  // TLS 1.3 suites ("" = OpenSSL default)
  // Client: offered, in order. Server: accepted, in preference order (the
  // first of these the client offered wins; none: no ALPN, no failure).
  std::vector<std::string> alpn;
  // Client: verify the server's chain and host name. Server: verify client
  // certificates when they are sent (off: any client certificate is taken).
  bool verify = true;
  // Server only: ask for a client certificate; `require_client_cert` also
  // refuses clients that send none (and implies request_client_cert).
  bool request_client_cert = false, require_client_cert = false;
};

// A certificate chain and its key for AddServerName, PEM text or files as
// in ContextOptions.
struct CertificateKey {
  std::string cert_pem, key_pem, cert_file, key_file;
};

class Context {
 public:
  // Fails with kInvalidArgument naming the bad option.
  static StatusOr<std::unique_ptr<Context>> Create(
      const ContextOptions& options);

  // Server: `certificate` is presented to clients whose SNI names `name`:
  // an exact host name, or "*.example.com" for any one label in front of
  // example.com (case-insensitive). Other names, and clients that send no
  // SNI, get the default certificate. Everything else (trust, versions,
  // ALPN, client certificates) is the Context's. Before the first Session
  // only (kFailedPrecondition after); kInvalidArgument for a bad name,
  // certificate or key, or on a client Context.
  Status AddServerName(std::string_view name,
                       const CertificateKey& certificate);

  bool is_server() const;
  // Client sessions currently cached for resumption (at most
  // kMaxCachedSessions, the least recently stored dropped first).
  size_t cached_sessions() const;
  static constexpr size_t kMaxCachedSessions = 64;

  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

 private:
  friend class Session;
  explicit Context(std::shared_ptr<internal::ContextState> state);
  std::shared_ptr<internal::ContextState> state_;
};

}  // namespace luv::tls

#endif  // LUV_TLS_CONTEXT_H_
