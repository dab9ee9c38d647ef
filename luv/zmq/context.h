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

// Context: a ØMQ context that the Lua states of one process share.
//
// Ownership: std::shared_ptr<Context>. Every Lua object standing for the
// context (one per state that has it), every open Socket made from it, and
// every luv.codec message that carries it (luv/codec/message.h) holds one
// reference;
// the context is destroyed when the last one goes, in whichever thread that
// happens. Destruction never blocks: zmq_ctx_term, which waits until every
// socket's lingering messages are sent (each socket's ZMQ_LINGER; libzmq's
// default is forever), runs on a short-lived thread of its own, so no loop
// waits for it. Process exit does: an atexit handler waits until every
// termination has finished, so messages queued before exit are delivered
// (or dropped when their linger runs out), as ØMQ defines it. Sockets keep
// their linger however they are closed (poller.h).
//
// Thread safety: every method may be called from any thread (libzmq's
// context calls are thread-safe). Nothing blocks or raises.
#ifndef LUV_ZMQ_CONTEXT_H_
#define LUV_ZMQ_CONTEXT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "luv/base/status.h"
#include "luv/zmq/options.h"

namespace luv::zmq {

class Context {
 public:
  // The most I/O threads a context may ask for.
  static constexpr int kMaxIoThreads = 64;

  // A new context with `io_threads` (0 to kMaxIoThreads) I/O threads.
  static luv::StatusOr<std::shared_ptr<Context>> Create(int io_threads);

  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  // libzmq's context, for zmq_socket.
  void* raw() const { return raw_; }
  // Unique in the process, never reused, below 2^53 (exact as a Lua
  // number): the key of a Lua state's table of the contexts it holds.
  uint64_t id() const { return id_; }

  // zmq_ctx_shutdown: from now on every operation on the context's sockets,
  // in every thread, fails with ETERM (and their waiting pollers hear of
  // it), and no new socket can be made. Idempotent.
  luv::Status Shutdown();
  bool shut_down() const { return shut_down_.load(std::memory_order_acquire); }

  // zmq_ctx_get / zmq_ctx_set of a context option (options.h).
  luv::StatusOr<int> Get(const Option& option) const;
  luv::Status Set(const Option& option, int value);

 private:
  Context(void* raw, uint64_t id) : raw_(raw), id_(id) {}

  void* const raw_;
  const uint64_t id_;
  std::atomic<bool> shut_down_{false};
};

// Waits until every context destroyed so far has been terminated (its
// zmq_ctx_term returned), for at most `timeout`. True if all have. For tests
// and for callers that want lingering messages flushed.
bool WaitForTerminations(std::chrono::milliseconds timeout);

}  // namespace luv::zmq

#endif  // LUV_ZMQ_CONTEXT_H_
