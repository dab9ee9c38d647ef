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

// SocketAddress: an IPv4 or IPv6 address and port, parsed from numeric text
// and formatted back, as luv's TCP and UDP calls take and report them.
//
// A value type; any thread. Nothing blocks. Parsing never resolves names:
// luv.net.getaddrinfo does that (getaddrinfo.h).
#ifndef LUV_UV_ADDRESS_H_
#define LUV_UV_ADDRESS_H_

#include <sys/socket.h>
#include <uv.h>

#include <string>

#include "luv/base/status.h"
#include <string_view>

namespace luv::uv {

class SocketAddress {
 public:
  // Longest host text Parse accepts: an IPv6 address with a scope id.
  static constexpr size_t kMaxHostLength = 64;
  // Room for ToString() of any address: "[" host "]:" port.
  static constexpr size_t kMaxTextLength = kMaxHostLength + 8;

  // An empty address (family AF_UNSPEC).
  SocketAddress();

  // Parses a numeric IPv4 ("127.0.0.1") or IPv6 ("::1", "[::1]",
  // "fe80::1%lo") address; `port` must be 0..65535. EINVAL with the text in
  // the message for anything else (names included).
  static luv::StatusOr<SocketAddress> Parse(std::string_view host, int port);

  // Copies an address libuv or the kernel produced; EAFNOSUPPORT for a
  // family other than AF_INET and AF_INET6.
  static luv::StatusOr<SocketAddress> FromSockaddr(const sockaddr* address);

  int family() const { return storage_.ss_family; }
  int port() const;
  // The printable address without port ("::1").
  std::string host() const;
  // The same into `out` (NUL-terminated, cut to `size`), without allocating.
  void FormatHost(char* out, size_t size) const;
  // "127.0.0.1:80" or "[::1]:80".
  std::string ToString() const;
  // The same into `out` (NUL-terminated, cut to `size`), without allocating.
  void Format(char* out, size_t size) const;

  const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage_); }

  // "inet", "inet6", or "unspec".
  static const char* FamilyName(int family);

 private:
  sockaddr_storage storage_;
};

}  // namespace luv::uv

#endif  // LUV_UV_ADDRESS_H_
