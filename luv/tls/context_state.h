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

// ContextState: what a Context (context.h) owns, shared with the Sessions
// made from it so they may outlive the Context object (internal to
// luv/tls). Thread safety as Context: the SSL_CTXs are read-only once the
// first Session exists; the client session cache locks its own mutex.
// Nothing here raises.
#ifndef LUV_TLS_CONTEXT_STATE_H_
#define LUV_TLS_CONTEXT_STATE_H_

#include <openssl/ssl.h>

#include <atomic>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "luv/base/status.h"
#include "luv/tls/context.h"

namespace luv::tls::internal {

class ContextState {
 public:
  static StatusOr<std::shared_ptr<ContextState>> Create(
      const ContextOptions& options);
  ~ContextState();
  ContextState(const ContextState&) = delete;
  ContextState& operator=(const ContextState&) = delete;

  SSL_CTX* ssl_ctx() const { return ssl_ctx_; }
  const ContextOptions& options() const { return options_; }
  bool server() const { return options_.server; }

  Status AddServerName(std::string_view name,
                       const CertificateKey& certificate);
  // Called when a Session is made: AddServerName is refused from then on.
  void MarkUsed() { used_.store(true, std::memory_order_relaxed); }

  // Client session cache, keyed by the server name the client gave. It
  // holds copies (SSL_SESSION_dup) and hands out copies, so that no
  // SSL_SESSION is ever shared by SSLs on different threads (OpenSSL
  // updates a resumed session in place, and frees it through reference
  // counts ThreadSanitizer cannot see in the uninstrumented library).
  // TakeCachedSession returns a copy to SSL_SESSION_free, or null.
  SSL_SESSION* TakeCachedSession(const std::string& key);
  void StoreSession(const std::string& key, const SSL_SESSION* session);
  // Drops `key`'s session (its connection failed).
  void ForgetSession(const std::string& key);
  size_t cached_sessions() const;

  // The SSL_CTX to switch a server SSL to for SNI `name`, or null.
  SSL_CTX* FindServerName(std::string_view name) const;

 private:
  explicit ContextState(const ContextOptions& options);

  ContextOptions options_;
  SSL_CTX* ssl_ctx_ = nullptr;
  // SNI name (lower case, maybe "*.suffix") -> its SSL_CTX (owned).
  std::vector<std::pair<std::string, SSL_CTX*>> server_names_;
  std::atomic<bool> used_{false};

  mutable std::mutex cache_mutex_;
  // Most recently stored first; the map points into the list.
  std::list<std::pair<std::string, SSL_SESSION*>> cache_order_;
  std::unordered_map<std::string,
                     std::list<std::pair<std::string, SSL_SESSION*>>::iterator>
      cache_;
};

}  // namespace luv::tls::internal

#endif  // LUV_TLS_CONTEXT_STATE_H_
