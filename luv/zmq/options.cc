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

#include "luv/zmq/options.h"

#include <zmq.h>

#include "luv/base/strings.h"

namespace luv::zmq {
namespace {

using T = OptionType;
constexpr uint8_t R = kRead;
constexpr uint8_t W = kWrite;
constexpr uint8_t RW = kReadWrite;

// Numbers of the DRAFT options, which zmq.h declares only for DRAFT builds.
constexpr int kZapEnforceDomain = 93;
constexpr int kMetadata = 95;
constexpr int kMulticastLoop = 96;
constexpr int kRouterNotify = 97;
constexpr int kXpubManualLastValue = 98;
constexpr int kSocksUsername = 99;
constexpr int kSocksPassword = 100;
constexpr int kInBatchSize = 101;
constexpr int kOutBatchSize = 102;
constexpr int kOnlyFirstSubscribe = 108;
constexpr int kReconnectStop = 109;
constexpr int kHelloMsg = 110;
constexpr int kDisconnectMsg = 111;
constexpr int kPriority = 112;
constexpr int kZeroCopyRecv = 10;

// Ordered by number; aliases follow the canonical entry, so a search by
// number finds the canonical name first.
constexpr Option kSocketOptions[] = {
    {"AFFINITY", ZMQ_AFFINITY, T::kUint64, RW, false},
    {"ROUTING_ID", ZMQ_ROUTING_ID, T::kBinary, RW, false},
    {"IDENTITY", ZMQ_IDENTITY, T::kBinary, RW, false},
    {"SUBSCRIBE", ZMQ_SUBSCRIBE, T::kBinary, W, false},
    {"UNSUBSCRIBE", ZMQ_UNSUBSCRIBE, T::kBinary, W, false},
    {"RATE", ZMQ_RATE, T::kInt, RW, false},
    {"RECOVERY_IVL", ZMQ_RECOVERY_IVL, T::kInt, RW, false},
    {"SNDBUF", ZMQ_SNDBUF, T::kInt, RW, false},
    {"RCVBUF", ZMQ_RCVBUF, T::kInt, RW, false},
    {"RCVMORE", ZMQ_RCVMORE, T::kBool, R, false},
    {"FD", ZMQ_FD, T::kInt, R, false},
    {"EVENTS", ZMQ_EVENTS, T::kInt, R, false},
    {"TYPE", ZMQ_TYPE, T::kInt, R, false},
    {"LINGER", ZMQ_LINGER, T::kInt, RW, false},
    {"RECONNECT_IVL", ZMQ_RECONNECT_IVL, T::kInt, RW, false},
    {"BACKLOG", ZMQ_BACKLOG, T::kInt, RW, false},
    {"RECONNECT_IVL_MAX", ZMQ_RECONNECT_IVL_MAX, T::kInt, RW, false},
    {"MAXMSGSIZE", ZMQ_MAXMSGSIZE, T::kInt64, RW, false},
    {"SNDHWM", ZMQ_SNDHWM, T::kInt, RW, false},
    {"RCVHWM", ZMQ_RCVHWM, T::kInt, RW, false},
    {"MULTICAST_HOPS", ZMQ_MULTICAST_HOPS, T::kInt, RW, false},
    {"RCVTIMEO", ZMQ_RCVTIMEO, T::kInt, RW, false},
    {"SNDTIMEO", ZMQ_SNDTIMEO, T::kInt, RW, false},
    {"IPV4ONLY", ZMQ_IPV4ONLY, T::kBool, RW, false},
    {"LAST_ENDPOINT", ZMQ_LAST_ENDPOINT, T::kString, R, false},
    {"ROUTER_MANDATORY", ZMQ_ROUTER_MANDATORY, T::kBool, W, false},
    {"TCP_KEEPALIVE", ZMQ_TCP_KEEPALIVE, T::kInt, RW, false},
    {"TCP_KEEPALIVE_CNT", ZMQ_TCP_KEEPALIVE_CNT, T::kInt, RW, false},
    {"TCP_KEEPALIVE_IDLE", ZMQ_TCP_KEEPALIVE_IDLE, T::kInt, RW, false},
    {"TCP_KEEPALIVE_INTVL", ZMQ_TCP_KEEPALIVE_INTVL, T::kInt, RW, false},
    {"TCP_ACCEPT_FILTER", ZMQ_TCP_ACCEPT_FILTER, T::kBinary, W, false},
    {"IMMEDIATE", ZMQ_IMMEDIATE, T::kBool, RW, false},
    {"XPUB_VERBOSE", ZMQ_XPUB_VERBOSE, T::kBool, W, false},
    {"ROUTER_RAW", ZMQ_ROUTER_RAW, T::kBool, W, false},
    {"IPV6", ZMQ_IPV6, T::kBool, RW, false},
    {"MECHANISM", ZMQ_MECHANISM, T::kInt, R, false},
    {"PLAIN_SERVER", ZMQ_PLAIN_SERVER, T::kBool, RW, false},
    {"PLAIN_USERNAME", ZMQ_PLAIN_USERNAME, T::kString, RW, false},
    {"PLAIN_PASSWORD", ZMQ_PLAIN_PASSWORD, T::kString, RW, false},
    {"CURVE_SERVER", ZMQ_CURVE_SERVER, T::kBool, RW, false},
    {"CURVE_PUBLICKEY", ZMQ_CURVE_PUBLICKEY, T::kKey, RW, false},
    {"CURVE_SECRETKEY", ZMQ_CURVE_SECRETKEY, T::kKey, RW, false},
    {"CURVE_SERVERKEY", ZMQ_CURVE_SERVERKEY, T::kKey, RW, false},
    {"PROBE_ROUTER", ZMQ_PROBE_ROUTER, T::kBool, W, false},
    {"REQ_CORRELATE", ZMQ_REQ_CORRELATE, T::kBool, W, false},
    {"REQ_RELAXED", ZMQ_REQ_RELAXED, T::kBool, W, false},
    {"CONFLATE", ZMQ_CONFLATE, T::kBool, RW, false},
    {"ZAP_DOMAIN", ZMQ_ZAP_DOMAIN, T::kString, RW, false},
    {"ROUTER_HANDOVER", ZMQ_ROUTER_HANDOVER, T::kBool, W, false},
    {"TOS", ZMQ_TOS, T::kInt, RW, false},
    {"IPC_FILTER_PID", ZMQ_IPC_FILTER_PID, T::kInt, W, false},
    {"IPC_FILTER_UID", ZMQ_IPC_FILTER_UID, T::kInt, W, false},
    {"IPC_FILTER_GID", ZMQ_IPC_FILTER_GID, T::kInt, W, false},
    {"CONNECT_ROUTING_ID", ZMQ_CONNECT_ROUTING_ID, T::kBinary, W, false},
    {"CONNECT_RID", ZMQ_CONNECT_RID, T::kBinary, W, false},
    {"GSSAPI_SERVER", ZMQ_GSSAPI_SERVER, T::kBool, RW, false},
    {"GSSAPI_PRINCIPAL", ZMQ_GSSAPI_PRINCIPAL, T::kString, RW, false},
    {"GSSAPI_SERVICE_PRINCIPAL", ZMQ_GSSAPI_SERVICE_PRINCIPAL, T::kString, RW, false},
    {"GSSAPI_PLAINTEXT", ZMQ_GSSAPI_PLAINTEXT, T::kBool, RW, false},
    {"HANDSHAKE_IVL", ZMQ_HANDSHAKE_IVL, T::kInt, RW, false},
    {"SOCKS_PROXY", ZMQ_SOCKS_PROXY, T::kString, RW, false},
    {"XPUB_NODROP", ZMQ_XPUB_NODROP, T::kBool, W, false},
    {"XPUB_MANUAL", ZMQ_XPUB_MANUAL, T::kBool, W, false},
    {"XPUB_WELCOME_MSG", ZMQ_XPUB_WELCOME_MSG, T::kBinary, W, false},
    {"STREAM_NOTIFY", ZMQ_STREAM_NOTIFY, T::kBool, W, false},
    {"INVERT_MATCHING", ZMQ_INVERT_MATCHING, T::kBool, RW, false},
    {"HEARTBEAT_IVL", ZMQ_HEARTBEAT_IVL, T::kInt, RW, false},
    {"HEARTBEAT_TTL", ZMQ_HEARTBEAT_TTL, T::kInt, RW, false},
    {"HEARTBEAT_TIMEOUT", ZMQ_HEARTBEAT_TIMEOUT, T::kInt, RW, false},
    {"XPUB_VERBOSER", ZMQ_XPUB_VERBOSER, T::kBool, W, false},
    {"CONNECT_TIMEOUT", ZMQ_CONNECT_TIMEOUT, T::kInt, RW, false},
    {"TCP_MAXRT", ZMQ_TCP_MAXRT, T::kInt, RW, false},
    {"THREAD_SAFE", ZMQ_THREAD_SAFE, T::kBool, R, false},
    {"MULTICAST_MAXTPDU", ZMQ_MULTICAST_MAXTPDU, T::kInt, RW, false},
    {"VMCI_BUFFER_SIZE", ZMQ_VMCI_BUFFER_SIZE, T::kUint64, RW, false},
    {"VMCI_BUFFER_MIN_SIZE", ZMQ_VMCI_BUFFER_MIN_SIZE, T::kUint64, RW, false},
    {"VMCI_BUFFER_MAX_SIZE", ZMQ_VMCI_BUFFER_MAX_SIZE, T::kUint64, RW, false},
    {"VMCI_CONNECT_TIMEOUT", ZMQ_VMCI_CONNECT_TIMEOUT, T::kInt, RW, false},
    {"USE_FD", ZMQ_USE_FD, T::kInt, RW, false},
    {"GSSAPI_PRINCIPAL_NAMETYPE", ZMQ_GSSAPI_PRINCIPAL_NAMETYPE, T::kInt, RW, false},
    {"GSSAPI_SERVICE_PRINCIPAL_NAMETYPE", ZMQ_GSSAPI_SERVICE_PRINCIPAL_NAMETYPE, T::kInt,
     RW, false},
    {"BINDTODEVICE", ZMQ_BINDTODEVICE, T::kString, RW, false},
    {"ZAP_ENFORCE_DOMAIN", kZapEnforceDomain, T::kBool, RW, true},
    {"METADATA", kMetadata, T::kString, W, true},
    {"MULTICAST_LOOP", kMulticastLoop, T::kBool, RW, true},
    {"ROUTER_NOTIFY", kRouterNotify, T::kInt, RW, true},
    {"XPUB_MANUAL_LAST_VALUE", kXpubManualLastValue, T::kBool, W, true},
    {"SOCKS_USERNAME", kSocksUsername, T::kString, RW, true},
    {"SOCKS_PASSWORD", kSocksPassword, T::kString, RW, true},
    {"IN_BATCH_SIZE", kInBatchSize, T::kInt, RW, true},
    {"OUT_BATCH_SIZE", kOutBatchSize, T::kInt, RW, true},
    {"ONLY_FIRST_SUBSCRIBE", kOnlyFirstSubscribe, T::kBool, W, true},
    {"RECONNECT_STOP", kReconnectStop, T::kInt, RW, true},
    {"HELLO_MSG", kHelloMsg, T::kBinary, W, true},
    {"DISCONNECT_MSG", kDisconnectMsg, T::kBinary, W, true},
    {"PRIORITY", kPriority, T::kInt, W, true},
};

// SOCKET_LIMIT (read) and THREAD_PRIORITY (write) share number 3.
constexpr Option kContextOptions[] = {
    {"IO_THREADS", ZMQ_IO_THREADS, T::kInt, RW, false},
    {"MAX_SOCKETS", ZMQ_MAX_SOCKETS, T::kInt, RW, false},
    {"SOCKET_LIMIT", ZMQ_SOCKET_LIMIT, T::kInt, R, false},
    {"THREAD_PRIORITY", ZMQ_THREAD_PRIORITY, T::kInt, W, false},
    {"THREAD_SCHED_POLICY", ZMQ_THREAD_SCHED_POLICY, T::kInt, RW, false},
    {"MAX_MSGSZ", ZMQ_MAX_MSGSZ, T::kInt, RW, false},
    {"MSG_T_SIZE", ZMQ_MSG_T_SIZE, T::kInt, R, false},
    {"THREAD_AFFINITY_CPU_ADD", ZMQ_THREAD_AFFINITY_CPU_ADD, T::kInt, W, false},
    {"THREAD_AFFINITY_CPU_REMOVE", ZMQ_THREAD_AFFINITY_CPU_REMOVE, T::kInt, W, false},
    {"THREAD_NAME_PREFIX", ZMQ_THREAD_NAME_PREFIX, T::kInt, RW, false},
    {"ZERO_COPY_RECV", kZeroCopyRecv, T::kBool, RW, true},
    {"IPV6", ZMQ_IPV6, T::kBool, RW, false},
    {"BLOCKY", ZMQ_BLOCKY, T::kBool, RW, false},
};

struct SocketType {
  const char* name;
  int type;
};

constexpr SocketType kSocketTypes[] = {
    {"PAIR", ZMQ_PAIR},     {"PUB", ZMQ_PUB},   {"SUB", ZMQ_SUB},
    {"REQ", ZMQ_REQ},       {"REP", ZMQ_REP},   {"DEALER", ZMQ_DEALER},
    {"ROUTER", ZMQ_ROUTER}, {"PULL", ZMQ_PULL}, {"PUSH", ZMQ_PUSH},
    {"XPUB", ZMQ_XPUB},     {"XSUB", ZMQ_XSUB}, {"STREAM", ZMQ_STREAM},
};

// "ZMQ_LINGER", "linger" -> "LINGER" comparisons, without copying.
std::string_view WithoutPrefix(std::string_view name) {
  if (name.size() > 4 && luv::StartsWithIgnoreCase(name, "ZMQ_")) name.remove_prefix(4);
  return name;
}

template <typename Entry, size_t N>
const Entry* FindByName(const Entry (&table)[N], std::string_view name) {
  name = WithoutPrefix(name);
  for (const Entry& entry : table) {
    if (luv::EqualsIgnoreCase(entry.name, name)) return &entry;
  }
  return nullptr;
}

}  // namespace

const Option* FindSocketOption(std::string_view name) {
  return FindByName(kSocketOptions, name);
}

const Option* FindSocketOption(int number) {
  for (const Option& option : kSocketOptions) {
    if (option.number == number) return &option;
  }
  return nullptr;
}

luv::Span<const Option> SocketOptions() { return kSocketOptions; }

const Option* FindContextOption(std::string_view name) {
  return FindByName(kContextOptions, name);
}

const Option* FindContextOption(int number, uint8_t access) {
  for (const Option& option : kContextOptions) {
    if (option.number == number && (option.access & access) != 0) return &option;
  }
  return nullptr;
}

luv::Span<const Option> ContextOptions() { return kContextOptions; }

int FindSocketType(std::string_view name) {
  const SocketType* type = FindByName(kSocketTypes, name);
  return type != nullptr ? type->type : -1;
}

const char* SocketTypeName(int type) {
  for (const SocketType& entry : kSocketTypes) {
    if (entry.type == type) return entry.name;
  }
  return nullptr;
}

}  // namespace luv::zmq
