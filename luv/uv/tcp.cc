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

#include "luv/uv/tcp.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "luv/uv/status.h"

namespace luv::uv {
namespace {

luv::Status CheckTcp(Stream* tcp) {
  if (tcp->type() != StreamType::kTcp) return UvStatus(UV_EINVAL, "not a tcp stream");
  if (tcp->closing()) return UvStatus(UV_EBADF, "tcp is closed");
  return luv::OkStatus();
}

luv::StatusOr<SocketAddress> Name(Stream* tcp, bool peer) {
  if (luv::Status status = CheckTcp(tcp); !status.ok()) return status;
  if (tcp->fileno() < 0) {
    // No socket yet: never bound nor connected.
    return UvStatus(peer ? UV_ENOTCONN : UV_EINVAL,
                    peer ? "tcp is not connected" : "tcp is not bound");
  }
  sockaddr_storage storage;
  int length = sizeof(storage);
  auto* address = reinterpret_cast<sockaddr*>(&storage);
  int rc = peer ? uv_tcp_getpeername(tcp->tcp(), address, &length)
                : uv_tcp_getsockname(tcp->tcp(), address, &length);
  if (rc != 0) return UvStatus(rc, peer ? "getpeername" : "getsockname");
  return SocketAddress::FromSockaddr(address);
}

}  // namespace

luv::Status TcpBind(Stream* tcp, const SocketAddress& address, bool ipv6_only) {
  if (luv::Status status = CheckTcp(tcp); !status.ok()) return status;
  unsigned flags = ipv6_only ? UV_TCP_IPV6ONLY : 0;
  int rc = uv_tcp_bind(tcp->tcp(), address.get(), flags);
  if (rc == 0 && tcp->tcp()->delayed_error != 0) {
    // libuv keeps a busy address (EADDRINUSE) for listen or connect to
    // report; bind says it at once, naming the address.
    rc = tcp->tcp()->delayed_error;
    tcp->tcp()->delayed_error = 0;
  }
  return UvStatus(rc, address.ToString());
}

luv::Status TcpConnect(Stream* tcp, const SocketAddress& address,
                        std::unique_ptr<StreamRequest> request) {
  if (luv::Status status = CheckTcp(tcp); !status.ok()) return status;
  int rc = uv_tcp_connect(StreamRequestAccess::Connect(request.get()), tcp->tcp(),
                          address.get(), StreamRequestAccess::ConnectDone);
  if (rc != 0) return UvStatus(rc, address.ToString());
  request.release();  // libuv's until the callback
  return luv::OkStatus();
}

luv::Status TcpAdopt(Stream* into, Stream* from) {
  if (luv::Status status = CheckTcp(into); !status.ok()) return status;
  if (luv::Status status = CheckTcp(from); !status.ok()) return status;
  if (into->fileno() >= 0) return UvStatus(UV_EBUSY, "tcp has a socket already");
  int fd = from->fileno();
  if (fd < 0) return UvStatus(UV_ENOTCONN, "tcp is not connected");
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return UvStatus(-errno, "tcp");
  int rc = uv_tcp_open(into->tcp(), copy);
  if (rc != 0) close(copy);
  return UvStatus(rc, "tcp");
}

luv::StatusOr<SocketAddress> TcpSockName(Stream* tcp) { return Name(tcp, false); }

luv::StatusOr<SocketAddress> TcpPeerName(Stream* tcp) { return Name(tcp, true); }

luv::Status TcpNoDelay(Stream* tcp, bool enable) {
  if (luv::Status status = CheckTcp(tcp); !status.ok()) return status;
  return UvStatus(uv_tcp_nodelay(tcp->tcp(), enable ? 1 : 0), "nodelay");
}

luv::Status TcpKeepAlive(Stream* tcp, bool enable, unsigned delay_seconds) {
  if (luv::Status status = CheckTcp(tcp); !status.ok()) return status;
  if (enable && delay_seconds == 0) {
    return UvStatus(UV_EINVAL, "keepalive delay must be at least 1 second");
  }
  return UvStatus(uv_tcp_keepalive(tcp->tcp(), enable ? 1 : 0, delay_seconds),
                  "keepalive");
}

}  // namespace luv::uv
