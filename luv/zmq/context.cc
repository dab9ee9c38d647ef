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

#include "luv/zmq/context.h"

#include <pthread.h>
#include <zmq.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <mutex>

#include "luv/base/strings.h"
#include "luv/uv/status.h"
#include "luv/zmq/error.h"

namespace luv::zmq {
namespace {

// Terminations still running, for WaitForTerminations.
struct Terminations {
  std::mutex mutex;
  std::condition_variable done;
  int running = 0;  // guarded by mutex
};

// Never destroyed: a termination may still finish while statics are torn
// down at exit.
Terminations& TheTerminations() {
  static Terminations* terminations = new Terminations;
  return *terminations;
}

void* Terminate(void* raw) {
  // EINTR: interrupted by a signal; the call is to be repeated.
  while (zmq_ctx_term(raw) != 0 && zmq_errno() == EINTR) {
  }
  Terminations& terminations = TheTerminations();
  std::lock_guard<std::mutex> lock(terminations.mutex);
  if (--terminations.running == 0) terminations.done.notify_all();
  return nullptr;
}

// Runs zmq_ctx_term(raw) on a detached thread: it returns only once every
// socket's lingering messages are gone, which may be never.
void TerminateInBackground(void* raw) {
  Terminations& terminations = TheTerminations();
  {
    std::lock_guard<std::mutex> lock(terminations.mutex);
    ++terminations.running;
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, 256 << 10);
  pthread_t thread;
  int rc = pthread_create(&thread, &attr, Terminate, raw);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    // No thread to wait in: the context stays allocated (and its I/O
    // threads idle) until the process exits, rather than risk a hang here.
    std::lock_guard<std::mutex> lock(terminations.mutex);
    if (--terminations.running == 0) terminations.done.notify_all();
  }
}

// Process exit waits for every context being terminated: their sockets'
// queued messages go out first (each within its ZMQ_LINGER).
void WaitAtExit() {
  Terminations& terminations = TheTerminations();
  std::unique_lock<std::mutex> lock(terminations.mutex);
  terminations.done.wait(lock, [&] { return terminations.running == 0; });
}

// libzmq sets up process-wide state (OpenPGM's, through pgm_init) when a
// context is created and tears it down when the last one is terminated,
// without a lock between the two: a context terminated in the background
// while another is created would race. One context that is never
// terminated keeps that state set up for good. It starts no I/O thread
// (libzmq starts them with a context's first socket).
void KeepZmqInitialized() {
  static void* const anchor = zmq_ctx_new();
  (void)anchor;
  // Registered after libzmq was loaded, so it runs before libzmq's own
  // teardown at exit.
  static const bool waits_at_exit = std::atexit(WaitAtExit) == 0;
  (void)waits_at_exit;
}

luv::Status ContextOptionError(const Option& option, const char* what) {
  return uv::NamedError(
      luv::StatusCode::kInvalidArgument, "EINVAL",
      luv::StrCat("context option ", option.name, " cannot be ", what));
}

}  // namespace

luv::StatusOr<std::shared_ptr<Context>> Context::Create(int io_threads) {
  if (io_threads < 0 || io_threads > kMaxIoThreads) {
    return uv::NamedError(
        luv::StatusCode::kInvalidArgument, "EINVAL",
        luv::StrCat("I/O threads must be 0 to ", kMaxIoThreads, ", not ", io_threads));
  }
  KeepZmqInitialized();
  void* raw = zmq_ctx_new();
  if (raw == nullptr) return LastZmqError("zmq_ctx_new");
  if (zmq_ctx_set(raw, ZMQ_IO_THREADS, io_threads) != 0) {
    luv::Status status = LastZmqError("IO_THREADS");
    zmq_ctx_term(raw);  // no socket exists yet: returns at once
    return status;
  }
  static std::atomic<uint64_t> last_id{0};
  uint64_t id = last_id.fetch_add(1, std::memory_order_relaxed) + 1;
  return std::shared_ptr<Context>(new Context(raw, id));
}

Context::~Context() {
  TerminateInBackground(raw_);
}

luv::Status Context::Shutdown() {
  if (shut_down_.exchange(true, std::memory_order_acq_rel)) return luv::OkStatus();
  return zmq_ctx_shutdown(raw_) == 0 ? luv::OkStatus()
                                     : LastZmqError("zmq_ctx_shutdown");
}

luv::StatusOr<int> Context::Get(const Option& option) const {
  if ((option.access & kRead) == 0) return ContextOptionError(option, "read");
  // Some options are -1 by default, which is also zmq_ctx_get's failure.
  errno = 0;
  int value = zmq_ctx_get(raw_, option.number);
  if (value == -1 && errno != 0) return LastZmqError(option.name);
  return value;
}

luv::Status Context::Set(const Option& option, int value) {
  if ((option.access & kWrite) == 0) return ContextOptionError(option, "set");
  if (option.type == OptionType::kBool && value != 0 && value != 1) {
    return uv::NamedError(luv::StatusCode::kInvalidArgument, "EINVAL",
                          luv::StrCat("context option ", option.name, " is 0 or 1"));
  }
  return zmq_ctx_set(raw_, option.number, value) == 0 ? luv::OkStatus()
                                                      : LastZmqError(option.name);
}

bool WaitForTerminations(std::chrono::milliseconds timeout) {
  Terminations& terminations = TheTerminations();
  std::unique_lock<std::mutex> lock(terminations.mutex);
  return terminations.done.wait_for(lock, timeout,
                                    [&] { return terminations.running == 0; });
}

}  // namespace luv::zmq
