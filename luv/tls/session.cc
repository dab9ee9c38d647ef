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

#include "luv/tls/session.h"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <utility>

#include "luv/tls/context_state.h"
#include "luv/tls/error.h"

namespace luv::tls {
namespace {

// Drained buffers larger than this are given back rather than kept for
// reuse, so that a burst does not pin memory on an idle connection.
constexpr size_t kKeepCapacity = 8 * 1024;
// A partly consumed buffer is compacted once this much has been consumed.
constexpr size_t kCompactAfter = 64 * 1024;

void Drained(std::string* buffer, size_t* offset) {
  if (buffer->capacity() > kKeepCapacity) {
    std::string().swap(*buffer);
  } else {
    buffer->clear();
  }
  *offset = 0;
}

void Compact(std::string* buffer, size_t* offset) {
  if (*offset >= kCompactAfter && *offset * 2 >= buffer->size()) {
    buffer->erase(0, *offset);
    *offset = 0;
  }
}

bool IsIpLiteral(const std::string& name) {
  unsigned char address[16];
  return inet_pton(AF_INET, name.c_str(), address) == 1 ||
         inet_pton(AF_INET6, name.c_str(), address) == 1;
}

std::string Hex(const unsigned char* data, size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

std::string NameText(const X509_NAME* name) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) return "";
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);  // NOLINT(runtime/int)
  std::string text(data != nullptr && size > 0 ? data : "",
                   size > 0 ? static_cast<size_t>(size) : 0);
  BIO_free(bio);
  return text;
}

int64_t UnixTime(const ASN1_TIME* time) {
  struct tm parts;
  std::memset(&parts, 0, sizeof parts);
  if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) return 0;
  return static_cast<int64_t>(timegm(&parts));
}

// Verification failures reported by either side (our check, or the
// peer's alert about our certificate).
bool IsAuthenticationReason(int reason) {
  switch (reason) {
    case SSL_R_CERTIFICATE_VERIFY_FAILED:
    case SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE:
    case SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED:
    case SSL_R_SSLV3_ALERT_BAD_CERTIFICATE:
    case SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED:
    case SSL_R_SSLV3_ALERT_CERTIFICATE_REVOKED:
    case SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN:
    case SSL_R_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE:
    case SSL_R_TLSV1_ALERT_UNKNOWN_CA:
    case SSL_R_TLSV1_ALERT_ACCESS_DENIED:
      return true;
    default:
      return false;
  }
}

}  // namespace

// The BIO under every Session's SSL: reads from Session::input_, appends
// to Session::output_. It never blocks and never fails a write.
struct SessionBio {
  static Session* Of(BIO* bio) {
    return static_cast<Session*>(BIO_get_data(bio));
  }

  static int Write(BIO* bio, const char* data, int size) {
    BIO_clear_retry_flags(bio);
    if (size <= 0) return 0;
    Of(bio)->output_.append(data, static_cast<size_t>(size));
    return size;
  }

  static int Read(BIO* bio, char* out, int size) {
    BIO_clear_retry_flags(bio);
    Session* session = Of(bio);
    size_t available = session->input_.size() - session->input_offset_;
    if (available == 0) {
      BIO_set_retry_read(bio);  // "come back when more is fed"
      return -1;
    }
    if (size <= 0) return 0;
    size_t n = std::min(available, static_cast<size_t>(size));
    std::memcpy(out, session->input_.data() + session->input_offset_, n);
    session->input_offset_ += n;
    if (session->input_offset_ == session->input_.size()) {
      Drained(&session->input_, &session->input_offset_);
    }
    return static_cast<int>(n);
  }

  static long Control(BIO* bio, int command, long, void*) {  // NOLINT
    Session* session = Of(bio);
    switch (command) {
      case BIO_CTRL_FLUSH:
        return 1;
      case BIO_CTRL_PENDING:
        return static_cast<long>(session->buffered_input());  // NOLINT
      case BIO_CTRL_WPENDING:
        return static_cast<long>(  // NOLINT
            session->PendingOutput().size());
      default:
        return 0;
    }
  }

  static int Create(BIO* bio) {
    BIO_set_init(bio, 1);
    return 1;
  }

  static const BIO_METHOD* Method() {
    // Made once, kept for the process (OpenSSL needs it while any BIO of
    // its kind lives).
    static BIO_METHOD* method = [] {
      BIO_METHOD* made = BIO_meth_new(
          BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "luv.tls session");
      if (made == nullptr) return made;
      BIO_meth_set_write(made, Write);
      BIO_meth_set_read(made, Read);
      BIO_meth_set_ctrl(made, Control);
      BIO_meth_set_create(made, Create);
      return made;
    }();
    return method;
  }
};

Session::Session(std::shared_ptr<internal::ContextState> context, bool server)
    : context_(std::move(context)), server_(server) {}

Session::~Session() {
  if (ssl_ != nullptr) {
    internal::ErrorScope scope;
    // OpenSSL drops the session of an SSL freed without close_notify from
    // both caches, so that a truncated connection cannot be resumed. Peers
    // that just close the socket are the norm, so a session that did not
    // fail is kept: a quiet shutdown (SSL_set_shutdown(3)).
    if (failure_.ok() && handshake_done_) {
      SSL_set_shutdown(ssl_, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    } else if (!failure_.ok() && !cache_key_.empty()) {
      // As OpenSSL would: a failed connection's session is not resumed.
      context_->ForgetSession(cache_key_);
    }
    SSL_free(ssl_);  // frees the BIO too
  }
}

Status Session::Init(std::string_view server_name) {
  internal::ErrorScope scope;
  context_->MarkUsed();
  ssl_ = SSL_new(context_->ssl_ctx());
  const BIO_METHOD* method = SessionBio::Method();
  BIO* bio = method != nullptr ? BIO_new(method) : nullptr;
  if (ssl_ == nullptr || bio == nullptr) {
    BIO_free(bio);
    return internal::ErrorFromQueue(StatusCode::kResourceExhausted, "",
                                    "out of memory");
  }
  BIO_set_data(bio, this);
  SSL_set_bio(ssl_, bio, bio);  // one reference, used both ways
  SSL_set_app_data(ssl_, &cache_key_);
  if (server_) {
    SSL_set_accept_state(ssl_);
    return OkStatus();
  }

  bool verify = context_->options().verify;
  if (server_name.empty()) {
    if (verify) {
      return Status(StatusCode::kInvalidArgument,
                    "verification needs a host name");
    }
  } else {
    std::string name(server_name);
    if (name.find('\0') != std::string::npos) {
      return Status(StatusCode::kInvalidArgument, "server name has a NUL");
    }
    bool ip = IsIpLiteral(name);
    // RFC 6066: SNI carries host names only, never addresses.
    if (!ip && SSL_set_tlsext_host_name(ssl_, name.c_str()) != 1) {
      return internal::ErrorFromQueue(StatusCode::kInvalidArgument,
                                      "server name", "refused");
    }
    if (verify) {
      X509_VERIFY_PARAM* param = SSL_get0_param(ssl_);
      X509_VERIFY_PARAM_set_hostflags(param,
                                      X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
      int set = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str())
                   : X509_VERIFY_PARAM_set1_host(param, name.c_str(), 0);
      if (set != 1) {
        return internal::ErrorFromQueue(StatusCode::kInvalidArgument,
                                        "server name", "refused");
      }
    }
    cache_key_ = std::move(name);
    if (SSL_SESSION* cached = context_->TakeCachedSession(cache_key_)) {
      SSL_set_session(ssl_, cached);  // takes its own reference
      SSL_SESSION_free(cached);
    }
  }
  SSL_set_connect_state(ssl_);
  return OkStatus();
}

StatusOr<std::unique_ptr<Session>> Session::Client(
    const Context& context, std::string_view server_name) {
  if (context.is_server()) {
    return Status(StatusCode::kInvalidArgument,
                  "a client session needs a client context");
  }
  std::unique_ptr<Session> session(new Session(context.state_, false));
  Status status = session->Init(server_name);
  if (!status.ok()) return status;
  return session;
}

StatusOr<std::unique_ptr<Session>> Session::Server(const Context& context) {
  if (!context.is_server()) {
    return Status(StatusCode::kInvalidArgument,
                  "a server session needs a server context");
  }
  std::unique_ptr<Session> session(new Session(context.state_, true));
  Status status = session->Init("");
  if (!status.ok()) return status;
  return session;
}

void Session::Feed(std::string_view ciphertext) {
  if (ciphertext.empty()) return;
  Compact(&input_, &input_offset_);
  input_.append(ciphertext.data(), ciphertext.size());
}

void Session::TakeOutput(std::string* out) {
  if (out->empty() && output_offset_ == 0) {
    out->swap(output_);
    Drained(&output_, &output_offset_);  // what `out` held: empty, maybe big
    return;
  }
  out->append(output_, output_offset_, std::string::npos);
  Drained(&output_, &output_offset_);
}

void Session::ConsumeOutput(size_t n) {
  output_offset_ += std::min(n, output_.size() - output_offset_);
  if (output_offset_ == output_.size()) {
    Drained(&output_, &output_offset_);
  } else {
    Compact(&output_, &output_offset_);
  }
}

Status Session::Fail(int error) {
  int reason = 0;
  unsigned long first = ERR_peek_error();  // NOLINT(runtime/int)
  if (first != 0 && ERR_GET_LIB(first) == ERR_LIB_SSL) {
    reason = ERR_GET_REASON(first);
  }
  std::string fallback = "TLS failure (SSL_get_error " +
                         std::to_string(error) + ")";
  if (error == SSL_ERROR_SYSCALL) fallback = "unexpected eof while reading";
  std::string message = internal::TakeErrorReason(fallback);
  long verify = SSL_get_verify_result(ssl_);  // NOLINT(runtime/int)
  StatusCode code = StatusCode::kUnavailable;
  if (reason == SSL_R_CERTIFICATE_VERIFY_FAILED && verify != X509_V_OK) {
    message += ": ";
    message += X509_verify_cert_error_string(verify);
  }
  if (IsAuthenticationReason(reason)) code = StatusCode::kUnauthenticated;
  failure_ = Status(code, message);
  return failure_;
}

StatusOr<bool> Session::Handshake() {
  if (!failure_.ok()) return failure_;
  if (handshake_done_) return true;
  internal::ErrorScope scope;
  int result = SSL_do_handshake(ssl_);
  if (result == 1) {
    handshake_done_ = true;
    return true;
  }
  int error = SSL_get_error(ssl_, result);
  if (error == SSL_ERROR_WANT_READ) return false;
  return Fail(error);
}

StatusOr<size_t> Session::Read(char* out, size_t cap, bool* closed) {
  bool ignored;
  if (closed == nullptr) closed = &ignored;
  *closed = false;
  if (!failure_.ok()) return failure_;
  if (peer_closed_) {
    *closed = true;
    return size_t{0};
  }
  if (cap == 0) return size_t{0};
  internal::ErrorScope scope;
  size_t got = 0;
  int result = SSL_read_ex(ssl_, out, cap, &got);
  if (!handshake_done_ && SSL_is_init_finished(ssl_)) handshake_done_ = true;
  if (result == 1) return got;
  int error = SSL_get_error(ssl_, result);
  if (error == SSL_ERROR_WANT_READ) return size_t{0};
  if (error == SSL_ERROR_ZERO_RETURN) {
    peer_closed_ = true;
    *closed = true;
    return size_t{0};
  }
  return Fail(error);
}

size_t Session::pending_plaintext() const {
  int pending = SSL_pending(ssl_);
  return pending > 0 ? static_cast<size_t>(pending) : 0;
}

Status Session::Write(std::string_view plaintext) {
  if (!failure_.ok()) return failure_;
  if (close_sent_) {
    return Status(StatusCode::kFailedPrecondition, "session is closed");
  }
  if (!handshake_done_) {
    return Status(StatusCode::kFailedPrecondition,
                  "handshake not complete");
  }
  internal::ErrorScope scope;
  while (!plaintext.empty()) {
    size_t written = 0;
    int result =
        SSL_write_ex(ssl_, plaintext.data(), plaintext.size(), &written);
    if (result != 1) return Fail(SSL_get_error(ssl_, result));
    plaintext.remove_prefix(written);
  }
  return OkStatus();
}

void Session::Close() {
  if (close_sent_) return;
  close_sent_ = true;
  if (!failure_.ok() || !handshake_done_) return;
  internal::ErrorScope scope;
  SSL_shutdown(ssl_);  // 0: sent, not yet received; that is all we want
}

SessionInfo Session::info() const {
  SessionInfo info;
  if (handshake_done_) {
    info.version = SSL_get_version(ssl_);
    const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl_);
    if (cipher != nullptr) info.cipher = SSL_CIPHER_get_name(cipher);
    const unsigned char* alpn = nullptr;
    unsigned int alpn_length = 0;
    SSL_get0_alpn_selected(ssl_, &alpn, &alpn_length);
    if (alpn != nullptr) {
      info.alpn.assign(reinterpret_cast<const char*>(alpn), alpn_length);
    }
    info.resumed = SSL_session_reused(ssl_) == 1;
  }
  const char* name = SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name);
  if (name != nullptr) info.server_name = name;
  return info;
}

std::optional<PeerCertificate> Session::peer_certificate() const {
  if (!handshake_done_) return std::nullopt;
  X509* cert = SSL_get0_peer_certificate(ssl_);
  if (cert == nullptr) return std::nullopt;
  internal::ErrorScope scope;
  PeerCertificate peer;
  peer.subject = NameText(X509_get_subject_name(cert));
  peer.issuer = NameText(X509_get_issuer_name(cert));
  peer.not_before = UnixTime(X509_get0_notBefore(cert));
  peer.not_after = UnixTime(X509_get0_notAfter(cert));

  auto* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names != nullptr) {
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
      const GENERAL_NAME* entry = sk_GENERAL_NAME_value(names, i);
      if (entry->type == GEN_DNS) {
        const ASN1_STRING* text = entry->d.dNSName;
        peer.dns_names.emplace_back(
            reinterpret_cast<const char*>(ASN1_STRING_get0_data(text)),
            static_cast<size_t>(ASN1_STRING_length(text)));
      } else if (entry->type == GEN_IPADD) {
        const ASN1_OCTET_STRING* bytes = entry->d.iPAddress;
        int length = ASN1_STRING_length(bytes);
        char printed[INET6_ADDRSTRLEN] = "";
        int family = length == 4 ? AF_INET : length == 16 ? AF_INET6 : 0;
        if (family != 0 &&
            inet_ntop(family, ASN1_STRING_get0_data(bytes), printed,
                      sizeof printed) != nullptr) {
          peer.ip_addresses.emplace_back(printed);
        }
      }
    }
    GENERAL_NAMES_free(names);
  }

  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (X509_digest(cert, EVP_sha256(), digest, &digest_length) == 1) {
    peer.sha256_fingerprint = Hex(digest, digest_length);
  }
  BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  if (serial != nullptr) {
    char* hex = BN_bn2hex(serial);
    if (hex != nullptr) {
      peer.serial = hex;
      for (char& c : peer.serial) {
        if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
      }
      OPENSSL_free(hex);
    }
    BN_free(serial);
  }
  return peer;
}

}  // namespace luv::tls
