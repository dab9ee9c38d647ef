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

// State: an execution context that can block, a fiber or a thread's main
// state (DESIGN.md, "Runtime semantics").
//
// A blocking call registers its state as a waiter (WaitNode) and suspends
// it; whoever ends the wait (a libuv callback, another fiber) calls
// Scheduler::Wake with a PushFn that produces the call's results when the
// state resumes. Results are pushed by the scheduler, in protected mode, on
// the thread that runs the scheduler, never from inside a libuv callback.
//
// Thread affinity: the scheduler's thread.
#ifndef LUV_SCHED_STATE_H_
#define LUV_SCHED_STATE_H_

#include <cstdint>

#include "luv/luacompat/luacompat.h"

#include "luv/sched/wait_list.h"

namespace luv::sched {

class Scheduler;
class WaitGroup;

// Pushes a finished wait's results onto `L` (a running thread, in protected
// mode: it may raise) and returns how many. `arg` is what the waker passed.
using PushFn = int (*)(lua_State* L, void* arg);

class State;

// Called when a wait is about to end by the state's deadline (luv.timeout)
// or by fiber:cancel rather than by its waker, so that the call can undo
// what it started (a write closes its stream). Runs inside the scheduler:
// it must not call Lua. It may describe what it did with
// State::set_failure_detail. Returns null to let the interruption stand, or
// the PushFn (called with the same `arg`) of a call that, as it turns out,
// finished: the state is then woken with those results instead.
using InterruptFn = PushFn (*)(State* state, void* arg);

enum class Status : uint8_t {
  kNew,      // a fiber not yet readied
  kReady,    // in the ready queue (fiber) or woken (main state)
  kRunning,  // running, or suspended in a plain coroutine.yield
  kWaiting,  // suspended in a blocking call
  kDead,     // a fiber that returned or raised
};

class State {
 public:
  State(Scheduler* scheduler, lua_State* thread, bool is_fiber)
      : scheduler_(scheduler), thread_(thread), running_(thread), is_fiber_(is_fiber) {}
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() = default;

  Scheduler* scheduler() const { return scheduler_; }
  bool is_fiber() const { return is_fiber_; }
  Status status() const { return status_; }

  // The state's own Lua thread: the fiber's coroutine, or the main thread.
  lua_State* thread() const { return thread_; }

  // The innermost coroutine running on the state's behalf: thread(), or
  // the coroutine of a luv.pcall inside a fiber (Lua 5.1).
  lua_State* running() const { return running_; }
  void set_running(lua_State* L) { running_ = L; }

  // The deadline (loop milliseconds, 0: none) after which every blocking
  // call of this state fails with ETIMEDOUT (luv.timeout).
  uint64_t deadline() const { return deadline_; }
  void set_deadline(uint64_t deadline) { deadline_ = deadline; }

  // What the state blocks in ("timer:wait()"), for timeout messages; a
  // static string, set by the binding that blocks.
  const char* waiting_in() const { return waiting_in_; }
  void set_waiting_in(const char* call) { waiting_in_ = call; }

  // Text appended to the ETIMEDOUT or ECANCELED message of the wait being
  // interrupted (" after 10 of 20 bytes; the tcp is closed"); truncated to
  // fit. Cleared once the message is pushed.
  void set_failure_detail(const char* detail);

 private:
  friend class Scheduler;
  friend class SleepHeap;

  Scheduler* const scheduler_;
  lua_State* thread_;  // set once; null for a main state not yet seen
  lua_State* running_;

  // Links the state into what it waits for.
  WaitNode wait_node_{this};
  // Results of the wait that ended; consumed when the state resumes.
  PushFn results_ = nullptr;
  void* results_arg_ = nullptr;
  // Intrusive ready queue link.
  State* next_ready_ = nullptr;
  // Index in the scheduler's SleepHeap while a sleep or a deadline runs.
  int32_t sleep_slot_ = -1;
  uint8_t sleep_kind_ = 0;  // a SleepHeap::Kind, while in the heap
  const bool is_fiber_;
  Status status_ = Status::kRunning;
  // fiber:cancel() came while the fiber was not waiting: its next blocking
  // call fails at once.
  bool cancel_pending_ = false;
  uint64_t deadline_ = 0;
  const char* waiting_in_ = "a blocking call";
  // The group of a luv.select in progress, whose nodes the scheduler
  // unlinks when the wait ends.
  WaitGroup* group_ = nullptr;
  // Results of a wait with its own deadline (WaitUntil) when that deadline
  // comes first.
  PushFn timeout_ = nullptr;
  void* timeout_arg_ = nullptr;
  // While a fiber waits to try a call again (luv/lua/retry.h): the marker
  // its results start with when it should, and then get back what it
  // yielded (the call's arguments). Null otherwise.
  const void* retry_marker_ = nullptr;
  // The current wait's InterruptFn (Scheduler::OnInterrupt).
  InterruptFn on_interrupt_ = nullptr;
  void* interrupt_arg_ = nullptr;
 protected:
  void set_status(Status status) { status_ = status; }
};

}  // namespace luv::sched

#endif  // LUV_SCHED_STATE_H_
