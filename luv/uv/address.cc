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

#include "luv/uv/address.h"

#include <netinet/in.h>

#include <cstdio>
#include <cstring>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

luv::Status BadAddress(std::string_view host, std::string_view why) {
  // The host may be hostile input: quote a bounded prefix only.
  std::string_view shown = host.substr(0, SocketAddress::kMaxHostLength);
  std::string printable;
  for (char c : shown) printable.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  return NamedError(
      luv::StatusCode::kInvalidArgument, "EINVAL",
      luv::StrCat(why, ": '", printable, host.size() > shown.size() ? "...'" : "'"));
}

}  // namespace

SocketAddress::SocketAddress() { std::memset(&storage_, 0, sizeof(storage_)); }

luv::StatusOr<SocketAddress> SocketAddress::Parse(std::string_view host, int port) {
  if (port < 0 || port > 65535) {
    return NamedError(luv::StatusCode::kInvalidArgument, "EINVAL",
                      luv::StrCat("port out of range 0..65535: ", port));
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    if (host.find(':') == std::string_view::npos) {
      return BadAddress(host, "not an IPv6 address in brackets");
    }
  }
  if (host.empty() || host.size() > kMaxHostLength ||
      host.find('\0') != std::string_view::npos) {
    return BadAddress(host, "not a numeric IPv4 or IPv6 address");
  }
  char text[kMaxHostLength + 1];
  std::memcpy(text, host.data(), host.size());
  text[host.size()] = '\0';
  SocketAddress address;
  int rc;
  if (host.find(':') == std::string_view::npos) {
    rc = uv_ip4_addr(text, port, reinterpret_cast<sockaddr_in*>(&address.storage_));
  } else {
    rc = uv_ip6_addr(text, port, reinterpret_cast<sockaddr_in6*>(&address.storage_));
  }
  if (rc != 0) {
    return BadAddress(host,
                      "not a numeric IPv4 or IPv6 address (resolve names with "
                      "luv.net.getaddrinfo)");
  }
  return address;
}

luv::StatusOr<SocketAddress> SocketAddress::FromSockaddr(const sockaddr* source) {
  SocketAddress address;
  switch (source->sa_family) {
    case AF_INET:
      std::memcpy(&address.storage_, source, sizeof(sockaddr_in));
      return address;
    case AF_INET6:
      std::memcpy(&address.storage_, source, sizeof(sockaddr_in6));
      return address;
    default:
      return UvStatus(UV_EAFNOSUPPORT,
                      luv::StrCat("address family ", source->sa_family));
  }
}

int SocketAddress::port() const {
  switch (family()) {
    case AF_INET:
      return ntohs(reinterpret_cast<const sockaddr_in*>(&storage_)->sin_port);
    case AF_INET6:
      return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage_)->sin6_port);
    default:
      return 0;
  }
}

void SocketAddress::FormatHost(char* out, size_t size) const {
  if (size == 0) return;
  out[0] = '\0';
  switch (family()) {
    case AF_INET:
      uv_ip4_name(reinterpret_cast<const sockaddr_in*>(&storage_), out, size);
      break;
    case AF_INET6:
      uv_ip6_name(reinterpret_cast<const sockaddr_in6*>(&storage_), out, size);
      break;
    default:
      break;
  }
}

std::string SocketAddress::host() const {
  char text[INET6_ADDRSTRLEN];
  FormatHost(text, sizeof(text));
  return text;
}

void SocketAddress::Format(char* out, size_t size) const {
  if (size == 0) return;
  char text[INET6_ADDRSTRLEN];
  FormatHost(text, sizeof(text));
  if (family() == AF_INET6) {
    std::snprintf(out, size, "[%s]:%d", text, port());
  } else {
    std::snprintf(out, size, "%s:%d", text, port());
  }
}

std::string SocketAddress::ToString() const {
  char text[kMaxTextLength];
  Format(text, sizeof(text));
  return text;
}

const char* SocketAddress::FamilyName(int family) {
  switch (family) {
    case AF_INET:
      return "inet";
    case AF_INET6:
      return "inet6";
    default:
      return "unspec";
  }
}

}  // namespace luv::uv
