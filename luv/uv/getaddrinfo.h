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

// AddrInfoRequest: one asynchronous getaddrinfo, run on libuv's thread pool.
//
// The owner keeps the request alive until OnResolved ran (it is called
// exactly once from the loop after a successful Start, also when the loop
// shuts down first). Host and service are checked before they reach the
// resolver: bounded length, no NUL byte. Thread affinity: the loop's
// thread. Nothing blocks (the lookup runs on the pool) or raises.
#ifndef LUV_UV_GETADDRINFO_H_
#define LUV_UV_GETADDRINFO_H_

#include <netdb.h>
#include <uv.h>

#include <string>
#include <vector>

#include "luv/base/status.h"
#include <string_view>
#include "luv/uv/address.h"

namespace luv::uv {

struct AddrInfoHints {
  int family = AF_UNSPEC;  // AF_INET, AF_INET6 or AF_UNSPEC
  int socktype = 0;        // SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, or 0: any
  int protocol = 0;        // IPPROTO_TCP, IPPROTO_UDP, or 0: any
  int flags = 0;           // AI_PASSIVE, AI_CANONNAME, ...
};

struct ResolvedAddress {
  SocketAddress address;
  int socktype = 0;
  int protocol = 0;
  std::string canonical_name;  // only with AI_CANONNAME, on the first result
};

class AddrInfoRequest {
 public:
  // Longest host name and service accepted.
  static constexpr size_t kMaxHostLength = 255;
  static constexpr size_t kMaxServiceLength = 32;

  AddrInfoRequest() = default;
  AddrInfoRequest(const AddrInfoRequest&) = delete;
  AddrInfoRequest& operator=(const AddrInfoRequest&) = delete;
  virtual ~AddrInfoRequest() = default;

  // Starts resolving `host` (empty: none, e.g. for AI_PASSIVE) and
  // `service` (a port number or a service name; empty: none); at least one
  // must be given. EINVAL for bad text, without starting.
  luv::Status Start(uv_loop_t* loop, std::string_view host, std::string_view service,
                     const AddrInfoHints& hints);

  // "host" or "host:service", for messages.
  const std::string& target() const { return target_; }

 protected:
  // The lookup finished: `status` is 0 and `results` holds every address
  // (IPv4 and IPv6, in the resolver's order), or a libuv error code
  // (UV_EAI_NONAME, ...). The request may be deleted inside.
  virtual void OnResolved(int status, std::vector<ResolvedAddress> results) = 0;

 private:
  static void Callback(uv_getaddrinfo_t* req, int status, addrinfo* list);

  uv_getaddrinfo_t req_;
  std::string target_;
};

}  // namespace luv::uv

#endif  // LUV_UV_GETADDRINFO_H_
