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

// Signal: a libuv signal watcher (uv_signal_t) that counts the deliveries
// it caught until its owner takes them, and the process-wide bookkeeping of
// what each signal did before luv caught it.
//
// While a watcher of a signal is started, in any thread's loop, libuv's
// handler catches that signal for the whole process, and every started
// watcher of it, in every loop, gets each delivery (libuv's handler writes
// one message per watcher into its loop's signal pipe). libuv puts back
// SIG_DFL when the last of its watchers stops; Signal puts back instead
// what the signal did before the first luv watcher started (ignored, the
// default, a handler of the host program), or what the program set itself
// meanwhile (sigaction over libuv's handler), unless libuv still catches
// the signal for itself (its SIGCHLD watcher while child processes run). A
// delivery that comes in the instant between libuv's SIG_DFL and that
// restore gets the default action: libuv offers no way to close that gap.
//
// Lifetime as HandleOwner (handle.h); closing stops the watcher first, so
// the disposition is restored at Close(), not at the close callback.
// Thread affinity: a Signal belongs to its loop's thread; the free
// functions and the bookkeeping behind them are thread-safe. Nothing
// blocks or raises.
#ifndef LUV_UV_SIGNAL_H_
#define LUV_UV_SIGNAL_H_

#include <uv.h>

#include <cstdint>

#include "luv/base/status.h"
#include "luv/uv/handle.h"

namespace luv::uv {

// OK if a watcher may catch `signum`; otherwise EINVAL saying why: a number
// out of range, SIGKILL and SIGSTOP (they cannot be caught), the two
// numbers glibc reserves for its threads, and the signals that report
// faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL), since libuv's handler returns
// to the faulting instruction, which faults again, so a crash would become
// a hang.
luv::Status CheckCatchable(int signum);

// OK if IgnoreSignal and DefaultSignal may change `signum`: EINVAL as
// CheckCatchable, and for SIGCHLD, which libuv catches for itself while
// child processes run (ignored, the kernel would reap them first).
luv::Status CheckSettable(int signum);

// Makes `signum` ignored (SIG_IGN) or take its default action (SIG_DFL)
// whenever no luv watcher catches it: at once if none is started,
// otherwise when the last one stops. EINVAL as CheckSettable.
luv::Status IgnoreSignal(int signum);
luv::Status DefaultSignal(int signum);

// Sends `signum` to this process (kill(getpid(), signum)), as `kill` from
// a shell would; any thread may receive it. EINVAL for a number out of
// range.
luv::Status RaiseSignal(int signum);

class Signal : public HandleOwner {
 public:
  // Starts watching `signum` (CheckCatchable first). Starting again with
  // the same signal does nothing; with another, it switches. EBADF after
  // Close().
  luv::Status Start(int signum);
  // Stops watching; deliveries not taken stay counted. Idempotent.
  luv::Status Stop();
  bool active() const { return started_; }
  // The signal of the last Start (0 before any).
  int signum() const { return signum_; }

  // Deliveries caught and not taken yet.
  uint64_t pending() const { return pending_; }
  // Returns pending() and sets it to zero.
  uint64_t TakePending() {
    uint64_t taken = pending_;
    pending_ = 0;
    return taken;
  }

  const luv::Status& init_status() const { return init_status_; }

 protected:
  explicit Signal(uv_loop_t* loop);

  // Called from the loop for each delivery, after pending() counted it.
  virtual void OnSignal() = 0;

  // Stops the watcher (a derived class that overrides this calls it).
  void OnClose() override;

 private:
  void StopLocked();

  uv_signal_t signal_;
  luv::Status init_status_;
  bool started_ = false;
  int signum_ = 0;
  uint64_t pending_ = 0;
};

}  // namespace luv::uv

#endif  // LUV_UV_SIGNAL_H_
