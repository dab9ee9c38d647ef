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

// echo_load: a closed-loop load generator for TCP echo servers.
//
//   echo_load --port P [--host 127.0.0.1] [--connections N] [--size BYTES]
//             [--lines L] [--seconds S] [--warmup S]
//
// Opens N connections; each sends a message of BYTES bytes, waits until the
// whole echo came back, and sends the next one. With --lines L the message
// is L lines, each ending in "\n", of BYTES bytes in all (lines differ in
// length by one byte at most), sent in one write: for line-protocol servers,
// which must echo every line, byte for byte. After the warm-up, counts
// round trips and records each one's latency for S seconds, then prints one
// JSON object: round trips per second, p50 and p99 latency in microseconds,
// every round trip completed (warm-up included, for per-round-trip costs
// measured from outside), and errors (connections that failed or echoed
// wrong bytes). One thread,
// epoll; the server under test should have the other CPU.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Options {
  const char* host = "127.0.0.1";
  int port = 0;
  int connections = 1;
  size_t size = 64;
  size_t lines = 0;  // 0: one raw message, no line ends
  double seconds = 2;
  double warmup = 0.5;
};

struct Connection {
  int fd = -1;
  size_t received = 0;  // bytes of the current echo
  uint64_t sent_at = 0;
  bool failed = false;
};

uint64_t NowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + ts.tv_nsec;
}

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "echo_load: %s: %s\n", what, std::strerror(errno));
  std::exit(2);
}

bool ParseArgs(int argc, char** argv, Options* options) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--host") {
      options->host = value;
    } else if (flag == "--port") {
      options->port = std::atoi(value);
    } else if (flag == "--connections") {
      options->connections = std::atoi(value);
    } else if (flag == "--size") {
      options->size = static_cast<size_t>(std::atol(value));
    } else if (flag == "--lines") {
      long lines = std::atol(value);
      if (lines <= 0) return false;
      options->lines = static_cast<size_t>(lines);
    } else if (flag == "--seconds") {
      options->seconds = std::atof(value);
    } else if (flag == "--warmup") {
      options->warmup = std::atof(value);
    } else {
      return false;
    }
  }
  return options->port > 0 && options->port < 65536 && options->connections > 0 &&
         options->connections <= 10000 && options->size > 0 &&
         options->size <= (1 << 20) && options->lines <= options->size &&
         options->seconds > 0 && (argc % 2) == 1;
}

// Sends the whole message; the socket buffers always hold one message.
bool Send(Connection* c, const std::string& message) {
  size_t sent = 0;
  while (sent < message.size()) {
    ssize_t n = send(c->fd, message.data() + sent, message.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && errno == EAGAIN) {
      // Rare with small messages: wait for room.
      pollfd entry = {c->fd, POLLOUT, 0};
      poll(&entry, 1, 1000);
    } else {
      return false;
    }
  }
  c->sent_at = NowNs();
  c->received = 0;
  return true;
}

// The message: SIZE bytes of letters, or with LINES > 0, LINES lines of
// letters each ending in "\n", the first SIZE % LINES of them a byte longer.
std::string Message(size_t size, size_t lines) {
  std::string message(size, '\0');
  for (size_t i = 0; i < message.size(); ++i)
    message[i] = static_cast<char>('a' + i % 26);
  size_t end = 0;
  for (size_t line = 0; line < lines; ++line) {
    end += size / lines + (line < size % lines ? 1 : 0);
    message[end - 1] = '\n';
  }
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: echo_load --port P [--host H] [--connections N] [--size BYTES] "
                 "[--lines L] [--seconds S] [--warmup S]\n");
    return 2;
  }
  sockaddr_in address = {};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(options.port));
  if (inet_pton(AF_INET, options.host, &address.sin_addr) != 1) {
    std::fprintf(stderr, "echo_load: not an IPv4 address: %s\n", options.host);
    return 2;
  }

  const std::string message = Message(options.size, options.lines);
  std::vector<char> buffer(options.size + 65536);

  int epoll = epoll_create1(EPOLL_CLOEXEC);
  if (epoll < 0) Die("epoll_create1");
  std::vector<Connection> connections(options.connections);
  for (int i = 0; i < options.connections; ++i) {
    Connection& c = connections[i];
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c.fd < 0) Die("socket");
    // Blocking connect: the server accepts while we wait in the backlog.
    if (connect(c.fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      Die("connect");
    }
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    fcntl(c.fd, F_SETFL, fcntl(c.fd, F_GETFL) | O_NONBLOCK);
    epoll_event event = {};
    event.events = EPOLLIN;
    event.data.u32 = static_cast<uint32_t>(i);
    if (epoll_ctl(epoll, EPOLL_CTL_ADD, c.fd, &event) != 0) Die("epoll_ctl");
  }

  uint64_t start = NowNs();
  uint64_t measure_from = start + static_cast<uint64_t>(options.warmup * 1e9);
  uint64_t end = measure_from + static_cast<uint64_t>(options.seconds * 1e9);
  std::vector<uint32_t> latencies_ns;
  latencies_ns.reserve(1 << 22);
  uint64_t round_trips = 0;
  uint64_t all_round_trips = 0;
  int errors = 0;
  for (Connection& c : connections) {
    if (!Send(&c, message)) {
      c.failed = true;
      ++errors;
    }
  }

  std::vector<epoll_event> events(1024);
  uint64_t now = NowNs();
  while (now < end) {
    int n = epoll_wait(epoll, events.data(), static_cast<int>(events.size()), 100);
    if (n < 0 && errno != EINTR) Die("epoll_wait");
    now = NowNs();
    for (int k = 0; k < n; ++k) {
      Connection& c = connections[events[k].data.u32];
      if (c.failed) continue;
      ssize_t got = recv(c.fd, buffer.data(), buffer.size(), 0);
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (got <= 0 || std::memcmp(buffer.data(), message.data() + c.received,
                                  std::min<size_t>(static_cast<size_t>(got),
                                                   message.size() - c.received)) != 0) {
        c.failed = true;
        ++errors;
        epoll_ctl(epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        continue;
      }
      c.received += static_cast<size_t>(got);
      if (c.received < message.size()) continue;
      if (c.received > message.size()) {  // the server sent more than we asked
        c.failed = true;
        ++errors;
        continue;
      }
      ++all_round_trips;
      if (c.sent_at >= measure_from && now < end) {
        ++round_trips;
        uint64_t latency = now - c.sent_at;
        latencies_ns.push_back(
            static_cast<uint32_t>(std::min<uint64_t>(latency, UINT32_MAX)));
      }
      if (!Send(&c, message)) {
        c.failed = true;
        ++errors;
      }
    }
  }
  double measured = static_cast<double>(end - measure_from) / 1e9;
  for (Connection& c : connections) close(c.fd);
  close(epoll);

  std::sort(latencies_ns.begin(), latencies_ns.end());
  auto percentile = [&](double p) -> double {
    if (latencies_ns.empty()) return 0;
    size_t index = static_cast<size_t>(p * (latencies_ns.size() - 1));
    return latencies_ns[index] / 1000.0;
  };
  std::printf(
      "{\"connections\": %d, \"size\": %zu, \"lines\": %zu, \"round_trips_per_s\": %.0f, "
      "\"p50_us\": %.1f, \"p99_us\": %.1f, \"all_round_trips\": %llu, "
      "\"errors\": %d}\n",
      options.connections, options.size, options.lines, round_trips / measured, percentile(0.50),
      percentile(0.99), static_cast<unsigned long long>(all_round_trips), errors);
  return errors == 0 ? 0 : 1;
}
