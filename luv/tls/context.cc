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

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "luv/tls/context_state.h"
#include "luv/tls/error.h"

namespace luv::tls {
namespace internal {
namespace {

// The same for every server SSL_CTX of luv, so that a session resumed
// after an SNI switch still matches.
constexpr unsigned char kSessionIdContext[] = "luv.tls";

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status Invalid(std::string_view option, std::string_view reason) {
  std::string message(option);
  message += ": ";
  message += reason;
  return Status(StatusCode::kInvalidArgument, message);
}

// The whole of `path`, or "<option>: <path>: <strerror>".
StatusOr<std::string> ReadFile(std::string_view option,
                               const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Invalid(option, path + ": " + std::strerror(errno));
  }
  std::string data;
  char buffer[8192];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    data.append(buffer, n);
  }
  bool failed = std::ferror(file) != 0;
  int error = errno;
  std::fclose(file);
  if (failed) return Invalid(option, path + ": " + std::strerror(error));
  return data;
}

// PEM text from the `pem` option, else the file named by `file`; "" when
// neither is set. `label` is the option name used in messages.
struct PemSource {
  std::string text;
  std::string label;  // "cert_pem" or "cert_file: /path"
};

StatusOr<PemSource> LoadPem(const std::string& pem, std::string_view pem_name,
                            const std::string& file,
                            std::string_view file_name) {
  if (!pem.empty()) return PemSource{pem, std::string(pem_name)};
  if (file.empty()) return PemSource{};
  StatusOr<std::string> text = ReadFile(file_name, file);
  if (!text.ok()) return text.status();
  return PemSource{std::move(*text), std::string(file_name) + ": " + file};
}

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

BioPtr MemoryBio(const std::string& text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

// "no <what> found" when the PEM had no block of the kind (OpenSSL says
// "no start line"), else OpenSSL's reason. Drains the queue.
Status PemError(const std::string& label, std::string_view what) {
  int reason = PeekErrorReason();
  if (reason == PEM_R_NO_START_LINE || reason == 0) {
    TakeErrorReason("");
    return Invalid(label, "no " + std::string(what) + " found");
  }
  return Status(StatusCode::kInvalidArgument,
                label + ": " + TakeErrorReason("unreadable PEM"));
}

// OpenSSL decodes a certificate's extensions into fields of the X509 on
// first use, under a lock but after an unlocked check of a flag, which
// ThreadSanitizer reports when sessions on two threads verify with the
// same shared certificate. Decoding them here, before any session exists,
// leaves only reads for later.
void CacheExtensions(X509* cert) { X509_check_purpose(cert, -1, 0); }

// The pass phrase callback: there is none, so an encrypted key fails
// instead of prompting on the terminal.
int NoPassphrase(char*, int, int, void*) { return -1; }

Status UseCertificateKey(SSL_CTX* ctx, const std::string& cert_pem,
                         const std::string& cert_file,
                         const std::string& key_pem,
                         const std::string& key_file) {
  ErrorScope scope;
  StatusOr<PemSource> cert = LoadPem(cert_pem, "cert_pem", cert_file,
                                     "cert_file");
  if (!cert.ok()) return cert.status();
  StatusOr<PemSource> key = LoadPem(key_pem, "key_pem", key_file, "key_file");
  if (!key.ok()) return key.status();
  if (cert->text.empty() && key->text.empty()) return OkStatus();
  if (cert->text.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  "key_pem/key_file given without cert_pem/cert_file");
  }
  if (key->text.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  "cert_pem/cert_file given without key_pem/key_file");
  }

  if (cert->text.find("-----BEGIN ") == std::string::npos) {
    return Invalid(cert->label, "no certificate found");
  }
  if (key->text.find("-----BEGIN ") == std::string::npos) {
    return Invalid(key->label, "no private key found");
  }
  BioPtr bio = MemoryBio(cert->text);
  X509* leaf = PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr);
  if (leaf == nullptr) return PemError(cert->label, "certificate");
  CacheExtensions(leaf);
  int used = SSL_CTX_use_certificate(ctx, leaf);
  X509_free(leaf);
  if (used != 1) {
    return ErrorFromQueue(StatusCode::kInvalidArgument, cert->label,
                          "certificate refused");
  }
  // The rest of the file is the chain, sent after the leaf.
  SSL_CTX_clear_chain_certs(ctx);
  while (X509* extra =
             PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr)) {
    CacheExtensions(extra);
    if (SSL_CTX_add0_chain_cert(ctx, extra) != 1) {
      X509_free(extra);
      return ErrorFromQueue(StatusCode::kInvalidArgument, cert->label,
                            "chain certificate refused");
    }
  }
  if (PeekErrorReason() != PEM_R_NO_START_LINE && PeekErrorReason() != 0) {
    return ErrorFromQueue(StatusCode::kInvalidArgument, cert->label,
                          "unreadable PEM");
  }
  ERR_clear_error();

  BioPtr key_bio = MemoryBio(key->text);
  EVP_PKEY* pkey =
      PEM_read_bio_PrivateKey(key_bio.get(), nullptr, NoPassphrase, nullptr);
  if (pkey == nullptr) return PemError(key->label, "private key");
  used = SSL_CTX_use_PrivateKey(ctx, pkey);
  EVP_PKEY_free(pkey);
  if (used != 1) {
    // OpenSSL checks the pair here already ("key values mismatch").
    int reason = PeekErrorReason();
    if (reason == X509_R_KEY_VALUES_MISMATCH ||
        reason == X509_R_KEY_TYPE_MISMATCH) {
      return Status(StatusCode::kInvalidArgument,
                    "key does not match the certificate");
    }
    return ErrorFromQueue(StatusCode::kInvalidArgument, key->label,
                          "private key refused");
  }
  if (SSL_CTX_check_private_key(ctx) != 1) {
    return Status(StatusCode::kInvalidArgument,
                  "key does not match the certificate");
  }
  return OkStatus();
}

Status UseTrust(SSL_CTX* ctx, const ContextOptions& options) {
  ErrorScope scope;
  if (options.ca_pem.empty() && options.ca_file.empty() &&
      options.ca_dir.empty()) {
    // A server that verifies no one needs no store (loading the system's
    // bundle costs milliseconds per context).
    if (options.server && !options.request_client_cert) return OkStatus();
    // Missing system paths are no error: verification then fails per peer.
    SSL_CTX_set_default_verify_paths(ctx);
    return OkStatus();
  }
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  for (int i = 0; i < 2; ++i) {
    StatusOr<PemSource> ca =
        i == 0 ? LoadPem(options.ca_pem, "ca_pem", "", "")
               : LoadPem("", "", options.ca_file, "ca_file");
    if (!ca.ok()) return ca.status();
    if (ca->text.empty()) continue;
    if (ca->text.find("-----BEGIN ") == std::string::npos) {
      return Invalid(ca->label, "no certificate found");
    }
    BioPtr bio = MemoryBio(ca->text);
    int count = 0;
    while (X509* cert =
               PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr)) {
      CacheExtensions(cert);
      int added = X509_STORE_add_cert(store, cert);
      X509_free(cert);
      if (added != 1) {
        return ErrorFromQueue(StatusCode::kInvalidArgument, ca->label,
                              "CA certificate refused");
      }
      ++count;
    }
    int reason = PeekErrorReason();
    if (count == 0 || (reason != 0 && reason != PEM_R_NO_START_LINE)) {
      return PemError(ca->label, "certificate");
    }
    ERR_clear_error();
  }
  if (!options.ca_dir.empty()) {
    struct stat info;
    if (stat(options.ca_dir.c_str(), &info) != 0) {
      return Invalid("ca_dir", options.ca_dir + ": " + std::strerror(errno));
    }
    if (!S_ISDIR(info.st_mode)) {
      return Invalid("ca_dir", options.ca_dir + ": not a directory");
    }
    if (SSL_CTX_load_verify_dir(ctx, options.ca_dir.c_str()) != 1) {
      return ErrorFromQueue(StatusCode::kInvalidArgument,
                            "ca_dir: " + options.ca_dir, "refused");
    }
  }
  return OkStatus();
}

StatusOr<int> ParseVersion(std::string_view option, const std::string& text) {
  if (text == "1.2") return TLS1_2_VERSION;
  if (text == "1.3") return TLS1_3_VERSION;
  return Invalid(option, "'" + text + "' is not a TLS version (\"1.2\" or \"1.3\")");
}

// A server with verification off still asks for client certificates when
// told to, and takes whatever comes.
int AcceptAnyCertificate(int, X509_STORE_CTX*) { return 1; }

int SelectAlpn(SSL*, const unsigned char** out, unsigned char* out_length,
               const unsigned char* in, unsigned int in_length, void* arg) {
  const auto* state = static_cast<const ContextState*>(arg);
  for (const std::string& ours : state->options().alpn) {
    // `in` is the client's list: length-prefixed names.
    for (unsigned int at = 0; at < in_length;) {
      unsigned int length = in[at];
      if (at + 1 + length > in_length) break;  // malformed: stop
      if (length == ours.size() &&
          std::memcmp(in + at + 1, ours.data(), length) == 0) {
        *out = in + at + 1;
        *out_length = static_cast<unsigned char>(length);
        return SSL_TLSEXT_ERR_OK;
      }
      at += 1 + length;
    }
  }
  return SSL_TLSEXT_ERR_NOACK;  // no match: carry on without ALPN
}

int SelectServerName(SSL* ssl, int*, void* arg) {
  const auto* state = static_cast<const ContextState*>(arg);
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (name == nullptr) return SSL_TLSEXT_ERR_OK;
  SSL_CTX* chosen = state->FindServerName(name);
  if (chosen != nullptr) SSL_set_SSL_CTX(ssl, chosen);
  return SSL_TLSEXT_ERR_OK;
}

// A client received a session (after the handshake in TLS 1.2, in a
// ticket after it in TLS 1.3): cache it under the name the Session gave.
int NewClientSession(SSL* ssl, SSL_SESSION* session) {
  const auto* key = static_cast<const std::string*>(SSL_get_app_data(ssl));
  auto* state =
      static_cast<ContextState*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
  if (key == nullptr || key->empty() || state == nullptr) return 0;
  if (!SSL_SESSION_is_resumable(session)) return 0;
  state->StoreSession(*key, session);
  return 0;  // the cache keeps a copy, not OpenSSL's reference
}

// An SSL_CTX configured by `options`, with `certificate` instead of the
// options' own certificate when given (SNI contexts).
StatusOr<SSL_CTX*> BuildSslCtx(const ContextOptions& options,
                               const CertificateKey* certificate,
                               ContextState* state) {
  ErrorScope scope;
  SSL_CTX* ctx =
      SSL_CTX_new(options.server ? TLS_server_method() : TLS_client_method());
  if (ctx == nullptr) {
    return ErrorFromQueue(StatusCode::kInternal, "SSL_CTX_new", "failed");
  }
  auto fail = [ctx](Status status) -> StatusOr<SSL_CTX*> {
    SSL_CTX_free(ctx);
    return status;
  };

  StatusOr<int> min = ParseVersion("min_version", options.min_version);
  if (!min.ok()) return fail(min.status());
  int max = 0;
  if (!options.max_version.empty()) {
    StatusOr<int> parsed = ParseVersion("max_version", options.max_version);
    if (!parsed.ok()) return fail(parsed.status());
    max = *parsed;
    if (max < *min) {
      return fail(Status(StatusCode::kInvalidArgument,
                         "max_version is below min_version"));
    }
  }
  for (const std::string& name : options.alpn) {
    if (name.empty() || name.size() > 255) {
      return fail(Invalid("alpn", "protocol names are 1 to 255 bytes"));
    }
  }
  SSL_CTX_set_min_proto_version(ctx, *min);
  SSL_CTX_set_max_proto_version(ctx, max);

  // Whole writes only (Session::Write encrypts everything it is given).
  // Record buffers stay with their connection (about 34 KiB): releasing
  // them when idle cost a free, an allocation and zeroing on every record.
  SSL_CTX_clear_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE);
  // TLS 1.2 renegotiation: a DoS lever with no use for luv's peers.
  SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);

  if (!options.ciphers.empty() &&
      SSL_CTX_set_cipher_list(ctx, options.ciphers.c_str()) != 1) {
    return fail(ErrorFromQueue(StatusCode::kInvalidArgument, "ciphers",
                               "no cipher match"));
  }
  if (!options.ciphersuites.empty() &&
      SSL_CTX_set_ciphersuites(ctx, options.ciphersuites.c_str()) != 1) {
    return fail(ErrorFromQueue(StatusCode::kInvalidArgument, "ciphersuites",
                               "no cipher match"));
  }

  const CertificateKey own{options.cert_pem, options.key_pem,
                           options.cert_file, options.key_file};
  const CertificateKey& use = certificate != nullptr ? *certificate : own;
  if (options.server && use.cert_pem.empty() && use.cert_file.empty()) {
    return fail(Status(StatusCode::kInvalidArgument,
                       "a server needs cert_pem or cert_file"));
  }
  Status status = UseCertificateKey(ctx, use.cert_pem, use.cert_file,
                                    use.key_pem, use.key_file);
  if (!status.ok()) return fail(status);
  status = UseTrust(ctx, options);
  if (!status.ok()) return fail(status);

  if (options.server) {
    int mode = SSL_VERIFY_NONE;
    if (options.request_client_cert || options.require_client_cert) {
      mode = SSL_VERIFY_PEER;
      if (options.require_client_cert) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    }
    SSL_CTX_set_verify(ctx, mode,
                       options.verify ? nullptr : AcceptAnyCertificate);
    // Server-side cache (TLS 1.2 session ids) beside the tickets OpenSSL
    // issues by default; the id context is required once peers are
    // verified, or resumption fails.
    SSL_CTX_set_session_id_context(ctx, kSessionIdContext,
                                   sizeof kSessionIdContext - 1);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_SERVER);
    if (!options.alpn.empty()) {
      SSL_CTX_set_alpn_select_cb(ctx, SelectAlpn, state);
    }
  } else {
    SSL_CTX_set_verify(ctx, options.verify ? SSL_VERIFY_PEER : SSL_VERIFY_NONE,
                       nullptr);
    if (!options.alpn.empty()) {
      std::string wire;  // length-prefixed names
      for (const std::string& name : options.alpn) {
        wire += static_cast<char>(name.size());
        wire += name;
      }
      // Returns 0 on success, unlike the rest of the API.
      if (SSL_CTX_set_alpn_protos(
              ctx, reinterpret_cast<const unsigned char*>(wire.data()),
              static_cast<unsigned int>(wire.size())) != 0) {
        return fail(ErrorFromQueue(StatusCode::kInvalidArgument, "alpn",
                                   "refused"));
      }
    }
    SSL_CTX_set_session_cache_mode(
        ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
    SSL_CTX_sess_set_new_cb(ctx, NewClientSession);
  }
  SSL_CTX_set_app_data(ctx, state);
  return ctx;
}

// "*.example.com" matches "a.example.com", not "example.com" or
// "a.b.example.com"; both sides lower case.
bool NameMatches(const std::string& pattern, const std::string& host) {
  if (pattern.size() > 2 && pattern[0] == '*' && pattern[1] == '.') {
    std::string_view suffix(pattern);
    suffix.remove_prefix(1);  // ".example.com"
    if (host.size() <= suffix.size()) return false;
    if (host.compare(host.size() - suffix.size(), suffix.size(), suffix) != 0) {
      return false;
    }
    return host.find('.') == host.size() - suffix.size();
  }
  return pattern == host;
}

}  // namespace

ContextState::ContextState(const ContextOptions& options) : options_(options) {
  if (options_.require_client_cert) options_.request_client_cert = true;
}

StatusOr<std::shared_ptr<ContextState>> ContextState::Create(
    const ContextOptions& options) {
  std::shared_ptr<ContextState> state(new ContextState(options));
  StatusOr<SSL_CTX*> ctx = BuildSslCtx(state->options_, nullptr, state.get());
  if (!ctx.ok()) return ctx.status();
  state->ssl_ctx_ = *ctx;
  if (options.server) {
    SSL_CTX_set_tlsext_servername_callback(state->ssl_ctx_, SelectServerName);
    SSL_CTX_set_tlsext_servername_arg(state->ssl_ctx_, state.get());
  }
  return state;
}

ContextState::~ContextState() {
  for (auto& entry : cache_order_) SSL_SESSION_free(entry.second);
  for (auto& entry : server_names_) SSL_CTX_free(entry.second);
  SSL_CTX_free(ssl_ctx_);
}

Status ContextState::AddServerName(std::string_view name,
                                   const CertificateKey& certificate) {
  if (!options_.server) {
    return Status(StatusCode::kInvalidArgument,
                  "server names are for server contexts");
  }
  if (used_.load(std::memory_order_relaxed)) {
    return Status(StatusCode::kFailedPrecondition,
                  "server names must be added before the first session");
  }
  std::string lower = Lower(name);
  bool wildcard = lower.size() > 2 && lower[0] == '*' && lower[1] == '.';
  if (lower.empty() || lower.size() > 255 ||
      lower.find('*', wildcard ? 1 : 0) != std::string::npos) {
    return Invalid("server name",
                   "'" + std::string(name) +
                       "' is not a host name or *.suffix wildcard");
  }
  StatusOr<SSL_CTX*> ctx = BuildSslCtx(options_, &certificate, this);
  if (!ctx.ok()) return ctx.status();
  for (auto& entry : server_names_) {
    if (entry.first == lower) {  // a later certificate replaces the earlier
      SSL_CTX_free(entry.second);
      entry.second = *ctx;
      return OkStatus();
    }
  }
  server_names_.emplace_back(std::move(lower), *ctx);
  return OkStatus();
}

SSL_CTX* ContextState::FindServerName(std::string_view name) const {
  std::string host = Lower(name);
  // Exact names first, then wildcards, each in the order added.
  for (const auto& entry : server_names_) {
    if (entry.first == host) return entry.second;
  }
  for (const auto& entry : server_names_) {
    if (NameMatches(entry.first, host)) return entry.second;
  }
  return nullptr;
}

SSL_SESSION* ContextState::TakeCachedSession(const std::string& key) {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  auto found = cache_.find(key);
  if (found == cache_.end()) return nullptr;
  return SSL_SESSION_dup(found->second->second);
}

void ContextState::ForgetSession(const std::string& key) {
  SSL_SESSION* dropped = nullptr;
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto found = cache_.find(key);
    if (found == cache_.end()) return;
    dropped = found->second->second;
    cache_order_.erase(found->second);
    cache_.erase(found);
  }
  SSL_SESSION_free(dropped);
}

void ContextState::StoreSession(const std::string& key,
                                const SSL_SESSION* original) {
  SSL_SESSION* session = SSL_SESSION_dup(original);
  if (session == nullptr) return;  // out of memory: just not cached
  SSL_SESSION* dropped = nullptr;
  SSL_SESSION* evicted = nullptr;
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    auto found = cache_.find(key);
    if (found != cache_.end()) {
      dropped = found->second->second;
      cache_order_.erase(found->second);
      cache_.erase(found);
    }
    cache_order_.emplace_front(key, session);
    cache_[key] = cache_order_.begin();
    if (cache_order_.size() > Context::kMaxCachedSessions) {
      evicted = cache_order_.back().second;
      cache_.erase(cache_order_.back().first);
      cache_order_.pop_back();
    }
  }
  // Freed outside the lock: it may take OpenSSL's own locks.
  if (dropped != nullptr) SSL_SESSION_free(dropped);
  if (evicted != nullptr) SSL_SESSION_free(evicted);
}

size_t ContextState::cached_sessions() const {
  std::lock_guard<std::mutex> lock(cache_mutex_);
  return cache_order_.size();
}

}  // namespace internal

Context::Context(std::shared_ptr<internal::ContextState> state)
    : state_(std::move(state)) {}

Context::~Context() = default;

StatusOr<std::unique_ptr<Context>> Context::Create(
    const ContextOptions& options) {
  StatusOr<std::shared_ptr<internal::ContextState>> state =
      internal::ContextState::Create(options);
  if (!state.ok()) return state.status();
  return std::unique_ptr<Context>(new Context(std::move(*state)));
}

Status Context::AddServerName(std::string_view name,
                              const CertificateKey& certificate) {
  return state_->AddServerName(name, certificate);
}

bool Context::is_server() const { return state_->server(); }

size_t Context::cached_sessions() const { return state_->cached_sessions(); }

}  // namespace luv::tls
