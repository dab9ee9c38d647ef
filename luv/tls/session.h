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

// Session: one TLS connection's protocol engine (an OpenSSL SSL) that
// moves no bytes itself: the caller feeds it the ciphertext it received
// (Feed), takes the ciphertext to send (PendingOutput/ConsumeOutput), and
// in between runs the handshake, decrypts (Read) and encrypts (Write). The
// transport (a libuv stream, a test's memory pipe) is the caller's.
//
// Both directions are buffered in std::strings the Session owns (a custom
// BIO), so PendingOutput is a view, never a copy; drained buffers larger
// than 8 KiB are given back, and OpenSSL's own record buffers are released
// while idle
// (SSL_MODE_RELEASE_BUFFERS), so thousands of idle sessions stay small.
//
// Failures are Status with OpenSSL's reason as the message, without the
// "ETLS:" prefix the Lua layer adds:
//  - kUnauthenticated: certificate verification failed, on either side
//    ("certificate verify failed: hostname mismatch", "tlsv13 alert
//    certificate required", "sslv3 alert bad certificate", ...). A TLS
//    1.2 server refusing a client without a certificate sends only the
//    generic "sslv3 alert handshake failure", kUnavailable at the client;
//  - kUnavailable: any other handshake or protocol failure, e.g. a peer
//    that does not speak TLS ("wrong version number", "packet length too
//    long", "http request"), no common version or cipher, a bad record;
//  - kInvalidArgument: bad arguments to Client/Server;
//  - kFailedPrecondition: Write before the handshake or after Close.
// After a failure the session is dead (every later call returns the same
// failure), but PendingOutput may still hold the alert to send the peer.
// Send PendingOutput after every call: the handshake, Read (TLS 1.3 key
// updates) and Close all produce ciphertext.
//
// Thread affinity: one thread at a time (any thread; the Context may be
// shared with sessions on other threads). Nothing here raises.
#ifndef LUV_TLS_SESSION_H_
#define LUV_TLS_SESSION_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "luv/base/status.h"
#include "luv/tls/context.h"

struct ssl_st;

namespace luv::tls {

struct PeerCertificate {
  std::string subject, issuer;  // one-line RFC 2253 ("CN=x,O=y")
  std::vector<std::string> dns_names;     // subjectAltName DNS entries
  std::vector<std::string> ip_addresses;  // subjectAltName IPs, printed
  int64_t not_before = 0, not_after = 0;  // Unix seconds
  std::string sha256_fingerprint;  // lower-case hex, no colons, of the DER
  std::string serial;              // lower-case hex ("-" first if negative)
};

struct SessionInfo {
  std::string version;      // "TLSv1.3"
  std::string cipher;       // "TLS_AES_256_GCM_SHA384"
  std::string alpn;         // "" when none was agreed
  std::string server_name;  // SNI sent (client) or received (server), or ""
  bool resumed = false;
};

class Session {
 public:
  // `server_name`: sent as SNI and, when the context verifies, checked
  // against the server's certificate; an IP literal (127.0.0.1, ::1,
  // without brackets) is checked as an IP address and not sent as SNI. Empty: no SNI, and with
  // verification on, kInvalidArgument "verification needs a host name".
  // Also the key of the context's session cache: a session the server gave
  // an earlier Client with the same name is offered for resumption.
  static StatusOr<std::unique_ptr<Session>> Client(
      const Context& context, std::string_view server_name);
  static StatusOr<std::unique_ptr<Session>> Server(const Context& context);

  // Sends nothing. The TLS session stays resumable unless this one failed
  // (then it is dropped from the context's cache): peers that close the
  // socket without close_notify are common and not a reason to forget it.
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  bool is_server() const { return server_; }

  // Ciphertext received from the peer (copied; the caller bounds how much
  // it feeds before reading).
  void Feed(std::string_view ciphertext);
  // Ciphertext fed but not yet consumed by OpenSSL.
  size_t buffered_input() const { return input_.size() - input_offset_; }

  // Advances the handshake with what was fed: true when it is complete,
  // false when it needs more ciphertext from the peer (send PendingOutput
  // first), or the failure.
  StatusOr<bool> Handshake();
  bool handshake_done() const { return handshake_done_; }

  // Decrypts into out[0, cap): the bytes written (> 0), or 0 when more
  // ciphertext is needed. After the peer's close_notify: 0 and *closed =
  // true (also on every later call). Runs the handshake first if it is not
  // done. Post-handshake messages (TLS 1.3 tickets, key updates) are
  // handled here and may leave PendingOutput.
  StatusOr<size_t> Read(char* out, size_t cap, bool* closed);
  // Decrypted bytes OpenSSL holds that Read has not returned yet
  // (SSL_pending): when > 0, call Read again without feeding.
  size_t pending_plaintext() const;

  // Encrypts all of `plaintext` (records of up to 16 KiB) into
  // PendingOutput. kFailedPrecondition before the handshake is done or
  // after Close; after a failure, that failure.
  Status Write(std::string_view plaintext);

  // Ciphertext to send to the peer, in order; valid until the next
  // non-const call. ConsumeOutput drops the first n bytes (those sent).
  std::string_view PendingOutput() const {
    return std::string_view(output_).substr(output_offset_);
  }
  void ConsumeOutput(size_t n);
  // Appends all of PendingOutput to `out` and consumes it; when `out` is
  // empty the buffers are swapped instead of copied.
  void TakeOutput(std::string* out);

  // Queues close_notify (once; later calls do nothing): PendingOutput then
  // holds it. Writing is refused afterwards; reading goes on until the
  // peer's close_notify. Before the handshake is done, or after a
  // failure, nothing is queued (there is no connection to close).
  void Close();
  bool closed() const { return close_sent_; }
  // The peer's close_notify arrived.
  bool peer_closed() const { return peer_closed_; }

  // Empty fields before the handshake is done (server_name excepted).
  SessionInfo info() const;
  // The peer's leaf certificate (a server's always, a client's if it sent
  // one), nullopt before the handshake or when there was none.
  std::optional<PeerCertificate> peer_certificate() const;

 private:
  friend struct SessionBio;
  Session(std::shared_ptr<internal::ContextState> context, bool server);
  Status Init(std::string_view server_name);
  // The failure for an SSL_* call that returned `result`; kills the session.
  Status Fail(int result);

  std::shared_ptr<internal::ContextState> context_;
  bool server_;
  ssl_st* ssl_ = nullptr;
  std::string cache_key_;  // the client's server name ("" = not cached)
  std::string input_;
  size_t input_offset_ = 0;
  std::string output_;
  size_t output_offset_ = 0;
  bool handshake_done_ = false;
  bool close_sent_ = false;
  bool peer_closed_ = false;
  Status failure_;  // set once the session is dead
};

}  // namespace luv::tls

#endif  // LUV_TLS_SESSION_H_
