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

// TCP calls on a Stream of type kTcp: bind, connect, addresses and socket
// options. The socket is created by the first bind or connect, with the
// address's family.
//
// Thread affinity: the loop's thread. Nothing blocks or raises; connect
// completes through its StreamRequest.
#ifndef LUV_UV_TCP_H_
#define LUV_UV_TCP_H_

#include <memory>

#include "luv/base/status.h"
#include "luv/uv/address.h"
#include "luv/uv/stream.h"

namespace luv::uv {

// Binds to `address` (port 0: the kernel picks one). `ipv6_only` keeps an
// IPv6 socket from also taking IPv4 connections.
luv::Status TcpBind(Stream* tcp, const SocketAddress& address, bool ipv6_only = false);

// Connects to `address`; `request` completes with the result. Failures to
// start carry the address in the message ("...: 127.0.0.1:9").
luv::Status TcpConnect(Stream* tcp, const SocketAddress& address,
                        std::unique_ptr<StreamRequest> request);

// Moves the connected socket of `from` into `into`, a tcp that has no
// socket yet (a duplicate descriptor; the caller closes `from`). How a
// connect by name keeps the attempt that succeeded.
luv::Status TcpAdopt(Stream* into, Stream* from);

luv::StatusOr<SocketAddress> TcpSockName(Stream* tcp);
luv::StatusOr<SocketAddress> TcpPeerName(Stream* tcp);

luv::Status TcpNoDelay(Stream* tcp, bool enable);
// Keepalive probes after `delay_seconds` (>= 1) of idleness, or off.
luv::Status TcpKeepAlive(Stream* tcp, bool enable, unsigned delay_seconds);

}  // namespace luv::uv

#endif  // LUV_UV_TCP_H_
