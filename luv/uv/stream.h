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

// Stream: a libuv stream (a TCP socket, a pipe or a TTY) with what a
// blocking-style API needs on top of libuv's callbacks:
//  - received bytes are buffered until consumed; reading pauses while the
//    buffer holds read_limit() bytes or more, so a peer that sends faster
//    than the program reads is held back by flow control, and resumes as
//    the buffer drains;
//  - EOF and read errors are remembered, also when they arrive before
//    anyone reads, and reported after the buffered bytes;
//  - a write first tries the socket directly; what the kernel does not take
//    is copied into a StreamRequest that keeps it alive until libuv wrote it.
//    libuv is given one write at a time (it cannot take a write back once
//    given): later writes wait in the stream's own queue, where a write
//    whose caller gave up can still be dropped unsent (AbandonWrite);
//  - a connection a listening stream received is recorded until accepted;
//  - a StreamFilter (TLS) may sit between the buffer and the wire
//    (stream_filter.h).
//
// The derived record learns about events through OnReadable and
// OnConnection, called from libuv callbacks (they must not call back into
// Lua). Type-specific calls are in tcp.h, pipe.h and tty.h. Lifetime as
// HandleOwner (handle.h). Thread affinity: the loop's thread. Nothing here
// blocks or raises.
#ifndef LUV_UV_STREAM_H_
#define LUV_UV_STREAM_H_

#include <uv.h>

#include <cstddef>
#include <memory>
#include <string>

#include "luv/base/status.h"
#include <string_view>
#include "luv/uv/handle.h"
#include "luv/uv/read_buffer.h"
#include "luv/uv/stream_filter.h"

namespace luv::uv {

enum class StreamType { kTcp, kPipe, kTty };

// "tcp", "pipe" or "tty".
const char* StreamTypeName(StreamType type);

// How a Stream's handle is initialized.
struct StreamInit {
  static StreamInit Tcp() { return {StreamType::kTcp, false, -1}; }
  // `ipc`: the pipe can carry handles (libuv's ipc flag).
  static StreamInit Pipe(bool ipc) { return {StreamType::kPipe, ipc, -1}; }
  // A TTY on `fd`, which libuv may reopen (see uv_tty_init).
  static StreamInit Tty(int fd) { return {StreamType::kTty, false, fd}; }

  StreamType type;
  bool ipc;
  int fd;
};

// A write, shutdown or connect that a Stream runs. The stream calls OnDone
// exactly once from the loop — with 0, or a libuv error code (UV_ECANCELED
// when the stream was closed first, or the write was dropped by
// AbandonWrite) — and deletes the request right after.
class StreamRequest {
 public:
  StreamRequest() = default;
  StreamRequest(const StreamRequest&) = delete;
  StreamRequest& operator=(const StreamRequest&) = delete;
  virtual ~StreamRequest() = default;

 protected:
  virtual void OnDone(int status) = 0;

 private:
  friend class Stream;
  friend struct StreamRequestAccess;

  union {
    uv_write_t write;
    uv_shutdown_t shutdown;
    uv_connect_t connect;
  } req_;
  std::string data_;  // a write's own copy of its bytes
  // Links in the stream's queue of requests not yet given to libuv.
  StreamRequest* queue_prev_ = nullptr;
  StreamRequest* queue_next_ = nullptr;
  bool is_shutdown_ = false;  // a shutdown waiting behind queued writes
  bool encoded_ = false;      // data_ holds wire bytes (a filter's) already
};

// For stream.cc, tcp.cc and pipe.cc: the connect request inside a
// StreamRequest, and completing a request (OnDone, then delete).
struct StreamRequestAccess {
  static uv_connect_t* Connect(StreamRequest* request) {
    request->req_.connect.data = request;
    return &request->req_.connect;
  }
  static void ConnectDone(uv_connect_t* req, int status);
  static void Done(void* request, int status);
};

class Stream : public HandleOwner {
 public:
  // Default bound of the read buffer.
  static constexpr size_t kDefaultReadLimit = 256 * 1024;

  StreamType type() const { return type_; }
  const luv::Status& init_status() const { return init_status_; }
  uv_stream_t* stream() { return &handle_.stream; }
  uv_tcp_t* tcp() { return &handle_.tcp; }     // type() == kTcp only
  uv_pipe_t* pipe() { return &handle_.pipe; }  // type() == kPipe only
  uv_tty_t* tty() { return &handle_.tty; }     // type() == kTty only
  // The OS descriptor, or -1 when there is none (yet, or any more).
  int fileno() const;

  // --- Reading ------------------------------------------------------------
  // Starts reading into the buffer (idempotent). ENOTCONN for a stream that
  // is not connected or not readable; OK (and nothing to do) once reading
  // ended with EOF or an error.
  luv::Status StartReading();
  // Stops reading until the next StartReading; buffered bytes stay.
  void StopReading();
  bool reading() const { return wants_reading_; }
  size_t buffered() const { return buffer_.size(); }
  // The first min(max, buffered()) bytes; valid until the next Consume or
  // read callback.
  std::string_view Peek(size_t max) const { return buffer_.Peek(max); }
  // Drops the first `n` buffered bytes; reading resumes if it was paused.
  void Consume(size_t n);
  bool eof() const { return eof_; }
  // The libuv code of the error that ended reading (not EOF), or 0.
  int read_error() const { return read_error_; }
  // No bytes will arrive beyond those buffered.
  bool read_ended() const { return eof_ || read_error_ != 0; }
  size_t read_limit() const { return read_limit_; }
  void set_read_limit(size_t limit);

  // --- Writing ------------------------------------------------------------
  // Writes as much of `data` as the kernel takes now without blocking and
  // returns how much that was: 0 when earlier writes are still queued (they
  // go first) or the socket is full. With a filter, all of `data` is
  // encoded at once and counts as written; wire bytes the kernel did not
  // take wait in the stream's queue (write_queue_size counts them).
  luv::StatusOr<size_t> TryWrite(std::string_view data);
  // Queues a copy of `data` behind earlier writes; `request` completes when
  // the kernel has taken all of it. The oldest unfinished write is given to
  // libuv, the others wait in the stream's queue for their turn. On failure
  // the request is dropped unused. EPIPE after Shutdown.
  luv::Status Write(std::string_view data, std::unique_ptr<StreamRequest> request);

  // What became of a write given up with AbandonWrite.
  enum class Abandoned {
    // It was waiting its turn: removed and completed at once with
    // UV_ECANCELED (the request is gone); none of its bytes was sent.
    kDropped,
    // libuv has it and has handed all of its bytes to the kernel; it
    // completes normally (with 0) when its callback runs.
    kFinished,
    // libuv has it and may send the rest at any time; it cannot be taken
    // back. Only closing the stream stops it (it then completes with
    // UV_ECANCELED).
    kStarted,
  };
  // Gives up on `request`, a write queued by Write that has not completed.
  // Sets `*sent` to how many of the request's bytes the kernel has taken.
  Abandoned AbandonWrite(StreamRequest* request, size_t* sent);

  // Shuts down the write side once queued writes are done (the peer reads
  // EOF); `request` completes then. Later writes fail with EPIPE.
  luv::Status Shutdown(std::unique_ptr<StreamRequest> request);
  // Bytes written by neither the kernel nor libuv yet: libuv's and the
  // stream's queue.
  size_t write_queue_size() const {
    return handle_.stream.write_queue_size + queued_bytes_;
  }
  bool is_readable() const;
  bool is_writable() const;

  // --- Filtering ----------------------------------------------------------
  // Puts `filter` between the program and the wire for the rest of the
  // stream's life: bytes buffered already are wire bytes to it, the buffer
  // holds decoded bytes from now on, and writes are encoded. EBUSY when a
  // filter is installed or writes are queued; EBADF for a closed stream.
  luv::Status SetFilter(std::unique_ptr<StreamFilter> filter);
  StreamFilter* filter() const { return filter_.get(); }
  // The filter's failure that ended reading (read_error() is UV_EPROTO
  // then), or OK.
  const luv::Status& filter_failure() const { return filter_failure_; }

  // --- Accepting ----------------------------------------------------------
  luv::Status Listen(int backlog);
  bool listening() const { return listening_; }
  // A connection arrived and waits for Accept.
  bool connection_pending() const { return connection_pending_; }
  // Accepts the pending connection into `client`, a fresh stream of the same
  // type on the same loop. EAGAIN when none is pending, EBUSY when `client`
  // is open already, EINVAL for a client of another type, EBADF for a closed
  // stream; libuv closes the connection when `client` cannot take it.
  luv::Status Accept(Stream* client);
  // The same with the bare libuv code (0 or negative), for callers that
  // hand the result on.
  int AcceptCode(Stream* client);

 protected:
  Stream(uv_loop_t* loop, StreamInit init);
  ~Stream() override = default;

  // Completes the writes still waiting in the stream's queue with
  // UV_ECANCELED (libuv cancels the one it has). A derived class that
  // overrides OnClose calls this one.
  void OnClose() override;

  // Bytes, EOF or a read error arrived.
  virtual void OnReadable() {}
  // A write completed (write_queue_size() went down).
  virtual void OnWritten() {}
  // A listening stream received a connection (status 0: connection_pending()
  // is now true) or failed to accept one (a libuv error code).
  virtual void OnConnection(int status) {}

 private:
  static void AllocCallback(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void ReadCallback(uv_stream_t* handle, ssize_t nread, const uv_buf_t* buf);
  static void ConnectionCallback(uv_stream_t* server, int status);
  static void WriteCallback(uv_write_t* req, int status);
  // Starts or stops libuv's reading to match what is wanted.
  int UpdateReading();
  luv::Status ClosedStatus() const;
  luv::Status ShutStatus() const;  // for writes after Shutdown
  // Gives `request` (a write) to libuv; 0 or a libuv error code.
  int StartWrite(StreamRequest* request);
  // Starts the shutdown in `request`; 0 or a libuv error code.
  int StartShutdown(StreamRequest* request);
  // Gives libuv the oldest queued request once it has no write of ours.
  void StartQueued();
  // TryWrite through the filter.
  luv::StatusOr<size_t> TryWriteFiltered(std::string_view data);
  // Reading ended with `error`, a libuv code (UV_EOF: the peer's end, which
  // a filter may call a failure).
  void EndReading(int error);
  // The filter refused the peer's bytes: reading ends with `failure`.
  void FilterFailed(luv::Status failure);
  // Passes wire bytes through the filter into the buffer; ends reading on
  // its failure or the peer's clean close, and sends what it produced.
  void Filter(std::string_view wire);
  // Sends the filter's own output now, or queues a write that will.
  void SendFilterOutput();
  void Enqueue(StreamRequest* request);
  void Unqueue(StreamRequest* request);

  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_tcp_t tcp;
    uv_pipe_t pipe;
    uv_tty_t tty;
  } handle_;
  const StreamType type_;
  luv::Status init_status_;
  ReadBuffer buffer_;
  size_t read_limit_ = kDefaultReadLimit;
  int read_error_ = 0;
  bool eof_ = false;
  bool wants_reading_ = false;  // between StartReading and StopReading
  bool uv_reading_ = false;     // libuv is reading
  bool listening_ = false;
  bool connection_pending_ = false;
  // The write libuv has (at most one), and the requests waiting for their
  // turn, oldest first, with the bytes of their writes.
  StreamRequest* writing_ = nullptr;
  StreamRequest* queue_head_ = nullptr;
  StreamRequest* queue_tail_ = nullptr;
  size_t queued_bytes_ = 0;
  bool shut_ = false;  // Shutdown was called
  std::unique_ptr<StreamFilter> filter_;
  luv::Status filter_failure_;
};

}  // namespace luv::uv

#endif  // LUV_UV_STREAM_H_
