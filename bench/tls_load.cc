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

// tls_load: a closed-loop load generator for TLS servers (OpenSSL client).
//
//   tls_load --port P --ca CAFILE [--mode echo|handshake] [--connections N]
//            [--size BYTES] [--seconds S] [--warmup S]
//
// --mode echo (the default): opens N TLS connections to 127.0.0.1:P (server
// name "localhost", verified against CAFILE) and completes their
// handshakes; then each connection sends a message of BYTES bytes, waits
// until the whole echo came back, and sends the next one.
//
// --mode handshake: keeps N connections in flight; each one connects, does
// a full handshake (the client keeps no sessions and asks for no tickets,
// so nothing is ever resumed), sends one byte, waits for its echo (so the
// server has finished its side too), sends close_notify and closes; a new
// connection takes its place.
//
// After the warm-up, counts what completes in S seconds (round trips or
// handshakes) and records each one's latency, then prints one JSON object:
// the rate per second, p50 and p99 latency in microseconds, everything
// completed (warm-up included, for per-item costs measured from outside)
// and errors (connections that failed or echoed wrong bytes). One thread,
// epoll, non-blocking sockets; the server under test should have the other
// CPU.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
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
  int port = 0;
  const char* ca = nullptr;
  bool handshake = false;
  int connections = 1;
  size_t size = 64;
  double seconds = 2;
  double warmup = 0.5;
};

enum class State { kIdle, kConnecting, kHandshake, kRunning };

struct Connection {
  int fd = -1;
  SSL* ssl = nullptr;
  State state = State::kIdle;
  size_t received = 0;  // bytes of the current echo
  bool writing = false;  // an SSL_write to retry (the same arguments)
  uint32_t events = 0;  // what epoll waits for
  uint64_t started_at = 0;  // of the current round trip or connection
};

uint64_t NowNs() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + ts.tv_nsec;
}

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "tls_load: %s: %s\n", what, std::strerror(errno));
  std::exit(2);
}

bool ParseArgs(int argc, char** argv, Options* options) {
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--port") {
      options->port = std::atoi(value);
    } else if (flag == "--ca") {
      options->ca = value;
    } else if (flag == "--mode") {
      if (std::string(value) != "echo" && std::string(value) != "handshake") return false;
      options->handshake = std::string(value) == "handshake";
    } else if (flag == "--connections") {
      options->connections = std::atoi(value);
    } else if (flag == "--size") {
      options->size = static_cast<size_t>(std::atol(value));
    } else if (flag == "--seconds") {
      options->seconds = std::atof(value);
    } else if (flag == "--warmup") {
      options->warmup = std::atof(value);
    } else {
      return false;
    }
  }
  return options->port > 0 && options->port < 65536 && options->ca != nullptr &&
         options->connections > 0 && options->connections <= 10000 && options->size > 0 &&
         options->size <= (1 << 20) && options->seconds > 0 && (argc % 2) == 1;
}

class Load {
 public:
  Load(const Options& options, SSL_CTX* ctx)
      : options_(options), ctx_(ctx), connections_(options.connections) {
    message_.resize(options.handshake ? 1 : options.size);
    for (size_t i = 0; i < message_.size(); ++i) message_[i] = static_cast<char>('a' + i % 26);
    buffer_.resize(message_.size() + 65536);
    address_.sin_family = AF_INET;
    address_.sin_port = htons(static_cast<uint16_t>(options.port));
    address_.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) Die("epoll_create1");
    latencies_ns_.reserve(1 << 20);
  }

  int Run() {
    uint64_t start = NowNs();
    for (size_t i = 0; i < connections_.size(); ++i) Open(i);
    if (!options_.handshake) {
      // All handshakes first; the loop starts when every connection is up.
      while (up_ + errors_ < static_cast<int>(connections_.size()) && NowNs() - start < 10e9) {
        Poll(100);
      }
      if (errors_ > 0) return Report(0);
    }
    now_ = NowNs();
    measure_from_ = now_ + static_cast<uint64_t>(options_.warmup * 1e9);
    end_ = measure_from_ + static_cast<uint64_t>(options_.seconds * 1e9);
    if (!options_.handshake) {
      for (size_t i = 0; i < connections_.size(); ++i) Send(i);
    }
    while (now_ < end_ && errors_ < 100) Poll(100);
    return Report(static_cast<double>(end_ - measure_from_) / 1e9);
  }

 private:
  // Starts a connection in slot I: a non-blocking connect.
  void Open(size_t i) {
    Connection& c = connections_[i];
    c = Connection();
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (c.fd < 0) Die("socket");
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    c.started_at = NowNs();
    c.state = State::kConnecting;
    if (connect(c.fd, reinterpret_cast<sockaddr*>(&address_), sizeof(address_)) != 0 &&
        errno != EINPROGRESS) {
      Fail(i);
      return;
    }
    epoll_event event = {};
    event.events = c.events = EPOLLOUT;
    event.data.u32 = static_cast<uint32_t>(i);
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, c.fd, &event) != 0) Die("epoll_ctl");
  }

  void Watch(size_t i, uint32_t events) {
    Connection& c = connections_[i];
    if (c.events == events) return;
    epoll_event event = {};
    event.events = c.events = events;
    event.data.u32 = static_cast<uint32_t>(i);
    if (epoll_ctl(epoll_, EPOLL_CTL_MOD, c.fd, &event) != 0) Die("epoll_ctl");
  }

  void Close(size_t i) {
    Connection& c = connections_[i];
    if (c.ssl != nullptr) SSL_free(c.ssl);
    if (c.fd >= 0) close(c.fd);  // also leaves the epoll set
    c.ssl = nullptr;
    c.fd = -1;
    c.state = State::kIdle;
  }

  void Fail(size_t i) {
    ++errors_;
    if (errors_ <= 3) {
      unsigned long error = ERR_get_error();
      char text[256] = "";
      if (error != 0) ERR_error_string_n(error, text, sizeof(text));
      std::fprintf(stderr, "tls_load: connection %zu failed: %s\n", i,
                   error != 0 ? text : std::strerror(errno));
    }
    ERR_clear_error();
    Close(i);
    if (options_.handshake) Open(i);  // keep N in flight
  }

  // Waits for the next I/O op of slot I after an OpenSSL call returned RESULT.
  // False: the connection failed.
  bool Want(size_t i, int result) {
    switch (SSL_get_error(connections_[i].ssl, result)) {
      case SSL_ERROR_WANT_READ: Watch(i, EPOLLIN); return true;
      case SSL_ERROR_WANT_WRITE: Watch(i, EPOLLOUT); return true;
      default: return false;
    }
  }

  void Send(size_t i) {
    Connection& c = connections_[i];
    if (!c.writing) {
      c.received = 0;
      if (!options_.handshake) c.started_at = NowNs();
    }
    int n = SSL_write(c.ssl, message_.data(), static_cast<int>(message_.size()));
    if (n > 0) {
      c.writing = false;
      Watch(i, EPOLLIN);
      return;
    }
    c.writing = true;
    if (!Want(i, n)) Fail(i);
  }

  void Done(uint64_t started_at) {
    ++all_done_;
    now_ = NowNs();
    if (started_at >= measure_from_ && now_ < end_) {
      ++done_;
      latencies_ns_.push_back(
          static_cast<uint32_t>(std::min<uint64_t>(now_ - started_at, UINT32_MAX)));
    }
  }

  void Ready(size_t i) {
    Connection& c = connections_[i];
    if (c.state == State::kConnecting) {
      int error = 0;
      socklen_t length = sizeof(error);
      getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
      if (error != 0) {
        errno = error;
        Fail(i);
        return;
      }
      c.ssl = SSL_new(ctx_);
      SSL_set_fd(c.ssl, c.fd);
      SSL_set_tlsext_host_name(c.ssl, "localhost");
      SSL_set1_host(c.ssl, "localhost");
      SSL_set_connect_state(c.ssl);
      c.state = State::kHandshake;
    }
    if (c.state == State::kHandshake) {
      int result = SSL_do_handshake(c.ssl);
      if (result != 1) {
        if (!Want(i, result)) Fail(i);
        return;
      }
      c.state = State::kRunning;
      if (options_.handshake) {
        Send(i);
      } else {
        ++up_;
        Watch(i, EPOLLIN);
      }
      return;
    }
    if (c.writing) {
      Send(i);
      return;
    }
    // Everything OpenSSL can give now (it may hold decrypted bytes that
    // epoll cannot see).
    for (;;) {
      int n = SSL_read(c.ssl, buffer_.data(), static_cast<int>(buffer_.size()));
      if (n <= 0) {
        if (!Want(i, n)) Fail(i);
        return;
      }
      size_t got = static_cast<size_t>(n);
      if (c.received + got > message_.size() ||
          std::memcmp(buffer_.data(), message_.data() + c.received, got) != 0) {
        Fail(i);
        return;
      }
      c.received += got;
      if (c.received < message_.size()) continue;
      Done(c.started_at);
      if (options_.handshake) {
        SSL_shutdown(c.ssl);  // sends close_notify; we do not wait for the peer's
        Close(i);
        Open(i);
        return;
      }
      if (now_ >= end_) return;
      Send(i);
      if (c.state != State::kRunning || c.writing) return;
    }
  }

  void Poll(int timeout_ms) {
    epoll_event events[256];
    int n = epoll_wait(epoll_, events, 256, timeout_ms);
    if (n < 0 && errno != EINTR) Die("epoll_wait");
    now_ = NowNs();
    for (int k = 0; k < n; ++k) {
      size_t i = events[k].data.u32;
      if (connections_[i].state != State::kIdle) Ready(i);
    }
  }

  int Report(double measured) {
    std::sort(latencies_ns_.begin(), latencies_ns_.end());
    auto percentile = [&](double p) -> double {
      if (latencies_ns_.empty()) return 0;
      return latencies_ns_[static_cast<size_t>(p * (latencies_ns_.size() - 1))] / 1000.0;
    };
    std::printf(
        "{\"mode\": \"%s\", \"connections\": %d, \"size\": %zu, \"per_s\": %.0f, "
        "\"p50_us\": %.1f, \"p99_us\": %.1f, \"all_done\": %llu, \"errors\": %d}\n",
        options_.handshake ? "handshake" : "echo", options_.connections, message_.size(),
        measured > 0 ? done_ / measured : 0, percentile(0.50), percentile(0.99),
        static_cast<unsigned long long>(all_done_), errors_);
    for (size_t i = 0; i < connections_.size(); ++i) Close(i);
    return errors_ == 0 ? 0 : 1;
  }

  const Options options_;
  SSL_CTX* const ctx_;
  std::vector<Connection> connections_;
  std::string message_;
  std::vector<char> buffer_;
  sockaddr_in address_ = {};
  int epoll_ = -1;
  int up_ = 0;
  int errors_ = 0;
  uint64_t now_ = 0;
  uint64_t measure_from_ = UINT64_MAX;
  uint64_t end_ = UINT64_MAX;
  uint64_t done_ = 0;
  uint64_t all_done_ = 0;
  std::vector<uint32_t> latencies_ns_;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, &options)) {
    std::fprintf(stderr,
                 "usage: tls_load --port P --ca CAFILE [--mode echo|handshake] "
                 "[--connections N] [--size BYTES] [--seconds S] [--warmup S]\n");
    return 2;
  }
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  if (ctx == nullptr || SSL_CTX_load_verify_locations(ctx, options.ca, nullptr) != 1) {
    std::fprintf(stderr, "tls_load: cannot load %s\n", options.ca);
    return 2;
  }
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  // Every handshake a full one: no session cache, no tickets asked for.
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  return Load(options, ctx).Run();
}
