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

#include "luv/uv/stream.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "luv/uv/address.h"
#include "luv/uv/loop.h"
#include "luv/uv/pipe.h"
#include "luv/uv/tcp.h"
#include "luv/uv/tty.h"

namespace luv::uv {
namespace {

// A stream that records what libuv reported.
class TestStream : public Stream {
 public:
  TestStream(uv_loop_t* loop, StreamInit init) : Stream(loop, init) {}
  ~TestStream() override {
    if (deleted != nullptr) *deleted = true;
  }

  int readable_calls = 0;
  std::vector<int> connections;
  bool* deleted = nullptr;
  std::function<void()> on_readable;

 protected:
  void OnReadable() override {
    ++readable_calls;
    if (on_readable) on_readable();
  }
  void OnConnection(int status) override { connections.push_back(status); }
};

// Records a request's result; `result` must outlive the request.
class ResultRequest : public StreamRequest {
 public:
  explicit ResultRequest(std::vector<int>* results) : results_(results) {}

 protected:
  void OnDone(int status) override { results_->push_back(status); }

 private:
  std::vector<int>* results_;
};

std::unique_ptr<StreamRequest> Recorder(std::vector<int>* results) {
  return std::make_unique<ResultRequest>(results);
}

// Runs the loop until `done()` holds; false if the loop ran dry first.
bool RunUntil(Loop* loop, const std::function<bool()>& done) {
  while (!done()) {
    if (uv_run(loop->get(), UV_RUN_ONCE) == 0 && !done()) return false;
  }
  return true;
}

// A listening server, a connected client and the accepted server side.
struct Connection {
  explicit Connection(Loop* loop) : loop(loop) {
    server = new TestStream(loop->get(), StreamInit::Tcp());
    client = new TestStream(loop->get(), StreamInit::Tcp());
    accepted = new TestStream(loop->get(), StreamInit::Tcp());
  }
  ~Connection() {
    server->Release();
    client->Release();
    accepted->Release();
  }

  void Open() {
    ASSERT_TRUE(TcpBind(server, *SocketAddress::Parse("127.0.0.1", 0)).ok());
    ASSERT_TRUE(server->Listen(16).ok());
    luv::StatusOr<SocketAddress> name = TcpSockName(server);
    ASSERT_TRUE(name.ok());
    ASSERT_NE(name->port(), 0);
    ASSERT_TRUE(TcpConnect(client, *name, Recorder(&connected)).ok());
    ASSERT_TRUE(RunUntil(
        loop, [&] { return !connected.empty() && server->connection_pending(); }));
    ASSERT_EQ(connected[0], 0);
    ASSERT_EQ(server->connections, std::vector<int>{0});
    ASSERT_TRUE(server->Accept(accepted).ok());
    EXPECT_FALSE(server->connection_pending());
  }

  Loop* loop;
  TestStream* server;
  TestStream* client;
  TestStream* accepted;
  std::vector<int> connected;
};

std::string Pattern(size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131) >> 3);
  return bytes;
}

// Writes all of `data` (TryWrite first, the rest queued) and records the
// queued part's result in `results` (nothing when TryWrite took it all).
void WriteAll(Stream* stream, const std::string& data, std::vector<int>* results) {
  luv::StatusOr<size_t> written = stream->TryWrite(data);
  ASSERT_TRUE(written.ok()) << written.status();
  if (*written == data.size()) return;
  ASSERT_TRUE(
      stream->Write(std::string_view(data).substr(*written), Recorder(results)).ok());
}

TEST(StreamTest, EchoesOverLoopback) {
  Loop loop;
  {
    Connection c(&loop);
    c.Open();
    std::vector<int> written;
    WriteAll(c.client, "hello", &written);
    ASSERT_TRUE(c.accepted->StartReading().ok());
    EXPECT_TRUE(c.accepted->reading());
    ASSERT_TRUE(RunUntil(&loop, [&] { return c.accepted->buffered() == 5; }));
    EXPECT_EQ(c.accepted->Peek(100), "hello");
    EXPECT_EQ(c.accepted->Peek(2), "he");
    c.accepted->Consume(5);
    EXPECT_EQ(c.accepted->buffered(), 0u);
    EXPECT_FALSE(c.accepted->eof());
    EXPECT_TRUE(c.accepted->is_writable());
    EXPECT_GE(c.accepted->fileno(), 0);
    luv::StatusOr<SocketAddress> peer = TcpPeerName(c.accepted);
    ASSERT_TRUE(peer.ok());
    EXPECT_EQ(peer->port(), TcpSockName(c.client)->port());
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, RemembersEofThatArrivedBeforeAnyRead) {
  Loop loop;
  {
    Connection c(&loop);
    c.Open();
    std::vector<int> done;
    WriteAll(c.client, "last words", &done);
    ASSERT_TRUE(c.client->Shutdown(Recorder(&done)).ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return !done.empty(); }));
    EXPECT_EQ(done, std::vector<int>{0});
    // Only now does the server side start reading: data first, then EOF.
    ASSERT_TRUE(c.accepted->StartReading().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return c.accepted->eof(); }));
    EXPECT_EQ(c.accepted->Peek(100), "last words");
    EXPECT_TRUE(c.accepted->read_ended());
    EXPECT_EQ(c.accepted->read_error(), 0);
    c.accepted->Consume(100);
    EXPECT_TRUE(c.accepted->eof());                // still remembered
    EXPECT_TRUE(c.accepted->StartReading().ok());  // nothing to do any more
    EXPECT_FALSE(c.client->is_writable());         // shut down
    luv::StatusOr<size_t> after = c.client->TryWrite("more");
    EXPECT_FALSE(after.ok());
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, PausesReadingAtTheLimitAndResumesAsItDrains) {
  Loop loop;
  {
    Connection c(&loop);
    c.Open();
    const size_t kLimit = 32 * 1024;
    c.accepted->set_read_limit(kLimit);
    std::string sent = Pattern(4 << 20);
    std::vector<int> written;
    WriteAll(c.client, sent, &written);
    ASSERT_TRUE(c.client->Shutdown(Recorder(&written)).ok());
    ASSERT_TRUE(c.accepted->StartReading().ok());
    std::string received;
    size_t most_buffered = 0;
    while (!c.accepted->eof()) {
      ASSERT_TRUE(RunUntil(
          &loop, [&] { return c.accepted->buffered() >= kLimit || c.accepted->eof(); }));
      most_buffered = std::max(most_buffered, c.accepted->buffered());
      std::string_view chunk = c.accepted->Peek(c.accepted->buffered());
      received.append(chunk.data(), chunk.size());
      c.accepted->Consume(chunk.size());
    }
    EXPECT_EQ(received.size(), sent.size());
    EXPECT_TRUE(received == sent);
    // One read callback can add at most libuv's 64 KiB read on top.
    EXPECT_LE(most_buffered, kLimit + 64 * 1024);
    ASSERT_TRUE(RunUntil(&loop, [&] { return written.size() >= 1; }));
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, QueuedWritesKeepTheirOwnCopyAndStayInOrder) {
  Loop loop;
  {
    Connection c(&loop);
    c.Open();
    std::string expected;
    std::vector<int> written;
    for (int i = 0; i < 8; ++i) {
      std::string chunk = Pattern(512 * 1024 + i);
      chunk[0] = static_cast<char>('a' + i);
      expected += chunk;
      WriteAll(c.client, chunk, &written);
      // `chunk` dies here while libuv may still be writing the queued part.
    }
    EXPECT_GT(c.client->write_queue_size(), 0u);  // the kernel took only part
    ASSERT_TRUE(c.accepted->StartReading().ok());
    std::string received;
    c.accepted->on_readable = [&] {
      std::string_view chunk = c.accepted->Peek(c.accepted->buffered());
      received.append(chunk.data(), chunk.size());
      c.accepted->Consume(chunk.size());
    };
    ASSERT_TRUE(RunUntil(&loop, [&] { return received.size() == expected.size(); }));
    EXPECT_TRUE(received == expected);
    for (int status : written) EXPECT_EQ(status, 0);
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, ClosingCancelsQueuedWritesAndFreesTheRecordAfterRelease) {
  Loop loop;
  bool deleted = false;
  std::vector<int> written;
  {
    Connection c(&loop);
    c.Open();
    c.client->deleted = &deleted;
    WriteAll(c.client, Pattern(8 << 20), &written);  // far more than the kernel takes
    ASSERT_EQ(written.size(), 0u);
    c.client->Close();
    EXPECT_FALSE(c.client->TryWrite("x").ok());
    EXPECT_FALSE(c.client->StartReading().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return !written.empty(); }));
    EXPECT_EQ(written, std::vector<int>{UV_ECANCELED});
    EXPECT_FALSE(deleted);  // still owned
  }
  EXPECT_TRUE(deleted);
  EXPECT_TRUE(loop.Shutdown().ok());
}

// Two ends of a socketpair as pipes, the left one able to hold only a few
// KiB in flight: a write of 1 MiB stays in progress until the right reads.
struct SmallPipe {
  explicit SmallPipe(Loop* loop) {
    int fds[2];
    EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    int size = 4096;
    EXPECT_EQ(setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &size, sizeof(size)), 0);
    left = new TestStream(loop->get(), StreamInit::Pipe(false));
    right = new TestStream(loop->get(), StreamInit::Pipe(false));
    EXPECT_TRUE(PipeOpen(left, fds[0]).ok());
    EXPECT_TRUE(PipeOpen(right, fds[1]).ok());
  }
  ~SmallPipe() {
    left->Release();
    right->Release();
  }
  // Reads everything on the right until `n` bytes arrived or EOF.
  std::string ReadRight(Loop* loop, size_t n) {
    std::string received;
    EXPECT_TRUE(right->StartReading().ok());
    right->on_readable = [&] {
      std::string_view chunk = right->Peek(right->buffered());
      received.append(chunk.data(), chunk.size());
      right->Consume(chunk.size());
    };
    EXPECT_TRUE(RunUntil(loop, [&] { return received.size() >= n || right->eof(); }));
    right->on_readable = nullptr;
    return received;
  }

  TestStream* left;
  TestStream* right;
};

TEST(StreamTest, AWriteWaitingItsTurnIsDroppedUnsentWhenAbandoned) {
  Loop loop;
  {
    SmallPipe p(&loop);
    std::string first = Pattern(1 << 20);
    std::vector<int> results1, results2, results3;
    luv::StatusOr<size_t> at_once = p.left->TryWrite(first);
    ASSERT_TRUE(at_once.ok());
    ASSERT_LT(*at_once, first.size());
    auto* in_progress = new ResultRequest(&results1);
    ASSERT_TRUE(p.left
                    ->Write(std::string_view(first).substr(*at_once),
                            std::unique_ptr<StreamRequest>(in_progress))
                    .ok());
    // Later writes wait behind it, in the stream's queue.
    std::string second(1 << 20, 'x');
    EXPECT_EQ(*p.left->TryWrite(second), 0u);
    auto* waiting = new ResultRequest(&results2);
    ASSERT_TRUE(p.left->Write(second, std::unique_ptr<StreamRequest>(waiting)).ok());
    ASSERT_TRUE(p.left->Write("tail", Recorder(&results3)).ok());
    size_t unsent = first.size() - *at_once;
    EXPECT_EQ(p.left->write_queue_size(), unsent + second.size() + 4);
    uv_run(loop.get(), UV_RUN_NOWAIT);

    // Dropped: completed at once, none of it sent.
    size_t sent = 99;
    EXPECT_EQ(p.left->AbandonWrite(waiting, &sent), Stream::Abandoned::kDropped);
    EXPECT_EQ(sent, 0u);
    EXPECT_EQ(results2, std::vector<int>{UV_ECANCELED});
    EXPECT_EQ(p.left->write_queue_size(), unsent + 4);
    // The write in progress cannot be taken back; it says what the kernel took.
    EXPECT_EQ(p.left->AbandonWrite(in_progress, &sent), Stream::Abandoned::kStarted);
    EXPECT_LT(sent, unsent);
    EXPECT_EQ(sent, unsent - (p.left->write_queue_size() - 4));

    // It goes on (nothing closed it) and the rest follows: no byte of the
    // dropped write.
    std::string received = p.ReadRight(&loop, first.size() + 4);
    EXPECT_EQ(received.size(), first.size() + 4);
    EXPECT_TRUE(received == first + "tail");
    ASSERT_TRUE(RunUntil(&loop, [&] { return results3.size() == 1; }));
    EXPECT_EQ(results1, std::vector<int>{0});
    EXPECT_EQ(results3, std::vector<int>{0});
    EXPECT_EQ(p.left->write_queue_size(), 0u);
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, AWriteTheKernelTookWholeIsFinishedBeforeItsCallback) {
  Loop loop;
  {
    SmallPipe p(&loop);
    std::vector<int> results;
    auto* request = new ResultRequest(&results);
    // libuv writes at once what the kernel takes, and calls back later.
    ASSERT_TRUE(p.left->Write("abc", std::unique_ptr<StreamRequest>(request)).ok());
    size_t sent = 0;
    EXPECT_EQ(p.left->AbandonWrite(request, &sent), Stream::Abandoned::kFinished);
    EXPECT_EQ(sent, 3u);
    ASSERT_TRUE(RunUntil(&loop, [&] { return !results.empty(); }));
    EXPECT_EQ(results, std::vector<int>{0});
    EXPECT_EQ(p.ReadRight(&loop, 3), "abc");
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, ShutdownWaitsForQueuedWritesAndClosingCancelsThem) {
  Loop loop;
  {
    SmallPipe p(&loop);
    std::string first = Pattern(1 << 20);
    std::vector<int> written, shut;
    WriteAll(p.left, first, &written);
    ASSERT_TRUE(p.left->Write("second", Recorder(&written)).ok());
    ASSERT_TRUE(p.left->Shutdown(Recorder(&shut)).ok());
    EXPECT_FALSE(p.left->is_writable());
    luv::Status late = p.left->Write("late", Recorder(&written));
    EXPECT_EQ(late.message().substr(0, 6), "EPIPE:") << late;
    EXPECT_FALSE(p.left->TryWrite("late").ok());
    EXPECT_FALSE(p.left->Shutdown(Recorder(&shut)).ok());
    // Everything, then EOF.
    std::string received = p.ReadRight(&loop, first.size() + 7);
    ASSERT_TRUE(RunUntil(&loop, [&] { return p.right->eof(); }));
    EXPECT_TRUE(received == first + "second");
    EXPECT_EQ(written, (std::vector<int>{0, 0}));
    EXPECT_EQ(shut, std::vector<int>{0});
  }
  {
    SmallPipe p(&loop);
    std::vector<int> written;
    WriteAll(p.left, Pattern(1 << 20), &written);
    ASSERT_TRUE(p.left->Write("queued", Recorder(&written)).ok());
    p.left->Close();
    // The queued write at once, the one libuv had from its close.
    EXPECT_EQ(written, std::vector<int>{UV_ECANCELED});
    ASSERT_TRUE(RunUntil(&loop, [&] { return written.size() == 2; }));
    EXPECT_EQ(written, (std::vector<int>{UV_ECANCELED, UV_ECANCELED}));
    EXPECT_EQ(p.left->write_queue_size(), 0u);
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, ReportsAResetPeerAsAReadOrWriteError) {
  Loop loop;
  {
    Connection c(&loop);
    c.Open();
    // An abortive close (SO_LINGER 0) sends a reset.
    int fd = c.client->fileno();
    struct linger linger = {1, 0};
    ASSERT_EQ(setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, sizeof(linger)), 0);
    c.client->Close();
    ASSERT_TRUE(c.accepted->StartReading().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return c.accepted->read_ended(); }));
    EXPECT_EQ(c.accepted->read_error(), UV_ECONNRESET);
    EXPECT_FALSE(c.accepted->eof());
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, ConnectToAClosedPortIsRefused) {
  Loop loop;
  {
    // A port that was just free: bind, read the port, close.
    auto* probe = new TestStream(loop.get(), StreamInit::Tcp());
    ASSERT_TRUE(TcpBind(probe, *SocketAddress::Parse("127.0.0.1", 0)).ok());
    SocketAddress closed = *TcpSockName(probe);
    probe->Release();
    uv_run(loop.get(), UV_RUN_NOWAIT);  // closes it

    auto* client = new TestStream(loop.get(), StreamInit::Tcp());
    std::vector<int> connected;
    ASSERT_TRUE(TcpConnect(client, closed, Recorder(&connected)).ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return !connected.empty(); }));
    EXPECT_EQ(connected, std::vector<int>{UV_ECONNREFUSED});
    client->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, AcceptChecksItsClient) {
  Loop loop;
  {
    Connection c(&loop);
    c.Open();
    auto* pipe = new TestStream(loop.get(), StreamInit::Pipe(false));
    luv::Status status = c.server->Accept(pipe);
    EXPECT_EQ(status.message().substr(0, 7), "EINVAL:") << status;
    status = c.server->Accept(c.client);  // already connected
    EXPECT_EQ(status.message().substr(0, 6), "EBUSY:") << status;
    auto* fresh = new TestStream(loop.get(), StreamInit::Tcp());
    status = c.server->Accept(fresh);  // nothing pending
    EXPECT_EQ(status.message().substr(0, 7), "EAGAIN:") << status;
    pipe->Release();
    fresh->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, UnconnectedStreamsRefuseToRead) {
  Loop loop;
  auto* tcp = new TestStream(loop.get(), StreamInit::Tcp());
  luv::Status status = tcp->StartReading();
  EXPECT_EQ(status.message().substr(0, 9), "ENOTCONN:") << status;
  EXPECT_FALSE(tcp->reading());
  EXPECT_EQ(tcp->fileno(), -1);
  tcp->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, TcpOverIpv6Loopback) {
  Loop loop;
  {
    auto* server = new TestStream(loop.get(), StreamInit::Tcp());
    ASSERT_TRUE(TcpBind(server, *SocketAddress::Parse("::1", 0), true).ok());
    ASSERT_TRUE(server->Listen(4).ok());
    SocketAddress name = *TcpSockName(server);
    EXPECT_EQ(name.family(), AF_INET6);
    auto* client = new TestStream(loop.get(), StreamInit::Tcp());
    std::vector<int> connected;
    ASSERT_TRUE(TcpConnect(client, name, Recorder(&connected)).ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return !connected.empty(); }));
    EXPECT_EQ(connected, std::vector<int>{0});
    EXPECT_EQ(TcpPeerName(client)->host(), "::1");
    EXPECT_TRUE(TcpNoDelay(client, true).ok());
    EXPECT_TRUE(TcpKeepAlive(client, true, 30).ok());
    EXPECT_FALSE(TcpKeepAlive(client, true, 0).ok());
    EXPECT_TRUE(TcpKeepAlive(client, false, 0).ok());
    server->Release();
    client->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

std::string TempPath(const char* name) {
  const char* dir = getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

// Bazel's TEST_TMPDIR is longer than a Unix socket address holds; sockets
// go there by a path relative to it.
void EnterTempDir() {
  const char* dir = getenv("TEST_TMPDIR");
  ASSERT_EQ(chdir(dir != nullptr ? dir : "/tmp"), 0);
}

TEST(StreamTest, PipesBindConnectAndRejectPathsThatDoNotFit) {
  Loop loop;
  {
    EnterTempDir();
    std::string path = "stream_test.sock";
    unlink(path.c_str());
    auto* server = new TestStream(loop.get(), StreamInit::Pipe(false));
    luv::Status bound = PipeBind(server, path);
    ASSERT_TRUE(bound.ok()) << bound;
    ASSERT_TRUE(server->Listen(4).ok());
    EXPECT_EQ(*PipeSockName(server), path);
    auto* client = new TestStream(loop.get(), StreamInit::Pipe(false));
    std::vector<int> connected;
    ASSERT_TRUE(PipeConnect(client, path, Recorder(&connected)).ok());
    ASSERT_TRUE(RunUntil(
        &loop, [&] { return !connected.empty() && server->connection_pending(); }));
    EXPECT_EQ(connected, std::vector<int>{0});
    auto* accepted = new TestStream(loop.get(), StreamInit::Pipe(false));
    ASSERT_TRUE(server->Accept(accepted).ok());
    std::vector<int> written;
    WriteAll(accepted, "over a unix socket", &written);
    ASSERT_TRUE(client->StartReading().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return client->buffered() == 18; }));
    EXPECT_EQ(client->Peek(100), "over a unix socket");

    std::vector<int> missing;
    auto* lost = new TestStream(loop.get(), StreamInit::Pipe(false));
    ASSERT_TRUE(PipeConnect(lost, "no_such.sock", Recorder(&missing)).ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return !missing.empty(); }));
    EXPECT_EQ(missing, std::vector<int>{UV_ENOENT});

    luv::Status status = PipeBind(lost, TempPath("long") + std::string(200, 'p'));
    EXPECT_EQ(status.message().substr(0, 13), "ENAMETOOLONG:") << status;
    status = PipeConnect(lost, std::string("a\0b", 3), Recorder(&missing));
    EXPECT_EQ(status.message().substr(0, 7), "EINVAL:") << status;
    EXPECT_FALSE(CheckPipePath("").ok());
    EXPECT_TRUE(CheckPipePath(std::string(kMaxPipePathLength, 'x')).ok());
    EXPECT_FALSE(CheckPipePath(std::string(kMaxPipePathLength + 1, 'x')).ok());

    for (TestStream* s : {server, client, accepted, lost}) s->Release();
    unlink(path.c_str());
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, PipeOpenWrapsADescriptor) {
  Loop loop;
  {
    int fds[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    auto* left = new TestStream(loop.get(), StreamInit::Pipe(false));
    auto* right = new TestStream(loop.get(), StreamInit::Pipe(false));
    ASSERT_TRUE(PipeOpen(left, fds[0]).ok());
    ASSERT_TRUE(PipeOpen(right, fds[1]).ok());
    EXPECT_EQ(left->fileno(), fds[0]);
    EXPECT_FALSE(PipeOpen(left, -5).ok());
    std::vector<int> written;
    WriteAll(left, "ping", &written);
    ASSERT_TRUE(right->StartReading().ok());
    ASSERT_TRUE(RunUntil(&loop, [&] { return right->buffered() == 4; }));
    left->Release();  // closes fds[0]: the other side reads EOF
    ASSERT_TRUE(RunUntil(&loop, [&] { return right->eof(); }));
    EXPECT_EQ(right->Peek(10), "ping");
    right->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(StreamTest, TtyOnAPseudoTerminal) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(master, 0);
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave, 0);
  Loop loop;
  {
    auto* tty = new TestStream(loop.get(), StreamInit::Tty(slave));
    ASSERT_TRUE(tty->init_status().ok()) << tty->init_status();
    EXPECT_TRUE(TtyWindowSize(tty).ok());
    EXPECT_TRUE(TtySetMode(tty, "raw").ok());
    EXPECT_TRUE(TtySetMode(tty, "normal").ok());
    luv::Status bad = TtySetMode(tty, "cooked");
    EXPECT_EQ(bad.message().substr(0, 7), "EINVAL:");
    std::vector<int> written;
    WriteAll(tty, "to the terminal\n", &written);
    ASSERT_TRUE(RunUntil(&loop, [&] { return tty->write_queue_size() == 0; }));
    char buffer[64];
    ssize_t n = read(master, buffer, sizeof(buffer));
    EXPECT_GT(n, 0);
    EXPECT_EQ(std::string(buffer, n).substr(0, 15), "to the terminal");
    tty->Release();
  }
  EXPECT_TRUE(loop.Shutdown().ok());
  close(slave);
  close(master);
}

TEST(StreamTest, TtyRefusesARegularFile) {
  std::string path = TempPath("stream_test_file");
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  Loop loop;
  auto* tty = new TestStream(loop.get(), StreamInit::Tty(fd));
  EXPECT_FALSE(tty->init_status().ok());
  tty->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
  close(fd);
  unlink(path.c_str());
}

}  // namespace
}  // namespace luv::uv
