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

// Scheduler: one per OS thread's Lua state. Owns the libuv loop, the ready
// queue of fibers, and the main state; runs fibers and the loop whenever the
// main state blocks (DESIGN.md, "Runtime semantics").
//
// Blocking protocol, as a binding uses it:
//   State* self = scheduler->StateOf(L);          // null: a plain coroutine
//   scheduler->Wait(&record->waiters, self);      // or BeginWait + own bookkeeping
//   fiber:      scheduler->WillYield(); return lua_yield(L, n);
//               (the scheduler resumes it with the wait's results; the n
//               yielded values, e.g. the handle waited on, stay on the
//               suspended coroutine's stack and so stay alive until then)
//   main state: scheduler->RunUntilWoken(L);  then push TakeResults(self)
// Wakers (libuv callbacks, other fibers) call Wake/WakeAll with a PushFn.
//
// Thread affinity: the thread that owns the Lua state; not thread-safe.
// RunUntilWoken and RunOnce resume fibers but never raise.
#ifndef LUV_SCHED_SCHEDULER_H_
#define LUV_SCHED_SCHEDULER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include "luv/luacompat/luacompat.h"

#include "luv/base/status.h"
#include "luv/sched/fiber.h"
#include "luv/sched/sleep_heap.h"
#include "luv/sched/state.h"
#include "luv/sched/wait_list.h"
#include "luv/uv/loop.h"
#include "luv/uv/mailbox.h"

namespace luv::sched {

class SleepAlarm;

class Scheduler {
 public:
  // `main` is the main thread of the Lua state this scheduler serves, or
  // null when it is not known yet (luv required from a coroutine).
  explicit Scheduler(lua_State* main);
  // Closes every handle still open and the loop. Fibers are not resumed.
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  const luv::Status& init_status() const { return loop_.init_status(); }
  uv_loop_t* loop() { return loop_.get(); }
  State* main_state() { return &main_; }
  // Records the main thread once it is first seen.
  void SetMainThread(lua_State* main) { main_.thread_ = main_.running_ = main; }

  // The fiber being resumed, or null while the main state runs.
  Fiber* current() const { return current_; }

  // The scheduler resuming fibers on this OS thread right now, if any: a
  // fiber's C functions find their scheduler here without touching Lua.
  static Scheduler* Running() { return running_; }

  // luv.fiber.yield() of the current fiber: requeues it at the back and
  // marks the coming lua_yield as luv's own. The caller then returns
  // lua_yield(L, 0).
  void YieldCurrent() {
    Enqueue(current_);
    luv_yield_ = true;
    plain_yield_ = true;
  }

  // A call of the current fiber finished at once, but it still lets the
  // other ready fibers run first: requeues the fiber at the back, to be
  // resumed with results from `push` (as a waker's Wake gives them), and
  // marks the coming lua_yield as luv's own. The caller then returns
  // lua_yield(L, n), yielding what `arg` needs kept alive until then.
  void YieldCurrentWithResults(PushFn push, void* arg) {
    Enqueue(current_);
    luv_yield_ = true;
    current_->results_ = push;
    current_->results_arg_ = arg;
  }

  // The state on whose behalf `L` runs, or null for a plain coroutine.
  State* StateOf(lua_State* L) const {
    if (current_ != nullptr) return L == current_->running() ? current_ : nullptr;
    return L == main_.running() ? const_cast<State*>(&main_) : nullptr;
  }

  // --- The blocking protocol -------------------------------------------
  // Starts a wait for `state`: drops a stale registration and results.
  void BeginWait(State* state);
  // BeginWait, then registers `state` in `list`.
  void Wait(WaitList* list, State* state);
  // Wait, bounded: if nothing wakes `state` before `deadline` (the loop's
  // clock in milliseconds, see Now()), the wait ends then with the results
  // of `timeout` (null: none).
  void WaitUntil(WaitList* list, State* state, uint64_t deadline, PushFn timeout,
                 void* arg);
  // The loop's clock in milliseconds, brought up to date.
  uint64_t Now() {
    uv_update_time(loop());
    return uv_now(loop());
  }
  // Undoes a Wait that turned out unnecessary before the state suspended.
  void CancelWait(State* state);
  // For the wait `state` just began: `fn(state, arg)` runs if the wait ends
  // by the deadline or a cancellation instead of by its waker (see
  // InterruptFn). Cleared when the next wait begins.
  // For the wait `state` just began, by a fiber that yields the arguments
  // of its next attempt: if its results start with `marker`, they are
  // followed by those yielded values when it resumes (luv/lua/retry.h).
  void RetryWith(State* state, const void* marker) { state->retry_marker_ = marker; }
  void OnInterrupt(State* state, InterruptFn fn, void* arg) {
    state->on_interrupt_ = fn;
    state->interrupt_arg_ = arg;
  }
  // Starts a wait on several lists at once: BeginWait, deadline included;
  // the caller then adds the group's nodes to the lists.
  void WaitOnGroup(WaitGroup* group);

  // --- Deadlines and cancellation ---------------------------------------
  // A deadline `ms` from now for every blocking call of `state`, or none
  // (0); returns the previous one (to restore). Nested deadlines never
  // extend an earlier one.
  uint64_t PushDeadline(State* state, uint64_t ms);
  // Restores a deadline PushDeadline returned.
  void RestoreDeadline(State* state, uint64_t deadline) { state->deadline_ = deadline; }
  // fiber:cancel(reason): a waiting fiber is woken at once with ECANCELED;
  // a ready or running one fails its next blocking call; a new one never
  // runs and dies with the error "ECANCELED: ..." (pushed through `L`, the
  // caller's running thread; may raise). Returns false for a dead fiber.
  bool Cancel(lua_State* L, Fiber* fiber, const char* reason);
  // Whether a cancellation waits for `state`'s next blocking call; clears it.
  bool TakeCancel(State* state);
  // set_failure_detail's home (see State).
  void SetFailureDetail(State* state, const char* detail);
  // PushFns of the two failures: `nil, "ETIMEDOUT: <call> timed out",
  // "ETIMEDOUT"` and `nil, "ECANCELED: <call> was canceled", "ECANCELED"`
  // (`arg` is the State).
  static int PushTimedOut(lua_State* L, void* state);
  static int PushCanceled(lua_State* L, void* state);
  // Marks the coming lua_yield of the current fiber as luv's own, as
  // opposed to a plain coroutine.yield in the fiber.
  void WillYield() { luv_yield_ = true; }
  // Reads and clears the flag WillYield set (for nested resumes).
  bool TakeYieldFlag() {
    bool flag = luv_yield_;
    luv_yield_ = false;
    return flag;
  }
  // Main state: runs fibers and the loop until it is woken. `host` is the
  // main thread (the caller). kDeadlock: nothing can ever wake it (no fiber
  // ready, no active handle or request). kStopping: the process is exiting
  // and this is a luv thread (thread_registry.h).
  enum class WakeResult { kWoken, kDeadlock, kStopping };
  WakeResult RunUntilWoken(lua_State* host);
  // The results a woken main state should push (null: none).
  PushFn TakeResults(State* state, void** arg);

  // --- Waking ------------------------------------------------------------
  // Queues a new, running (yielding) or waiting fiber; wakes the main state.
  void Ready(State* state);
  // Ends the wait of `state` if it is waiting, with results from `push`
  // (null: none). A stale or finished state is ignored.
  void Wake(State* state, PushFn push, void* arg);
  // Wakes every state in `list` (states that wait again join a fresh list).
  void WakeAll(WaitList* list, PushFn push, void* arg);
  // Wakes the state behind `node` (a node popped from a list): Wake for a
  // state's own node, the group's rule for a luv.select node.
  void WakeNode(WaitNode* node, PushFn push, void* arg);

  // --- Services ------------------------------------------------------------
  // Main state: lets every ready fiber run once and polls the loop.
  void RunOnce(lua_State* host);
  // Starts a wait for `state` that ends (with no results) after `ms`
  // milliseconds, or with ETIMEDOUT at its deadline if that comes first.
  void Sleep(State* state, uint64_t ms);

  // Fibers currently queued; for tests and luv.fiber introspection.
  size_t ready_count() const { return ready_count_; }
  // Fibers readied and not finished yet (queued, running or waiting).
  size_t unfinished_fibers() const { return unfinished_fibers_; }

  // Where other threads post tasks for this scheduler's thread (joins of
  // threads, channels). Null only if the loop failed to start.
  uv::Mailbox* mailbox() { return mailbox_; }

 private:
  friend class SleepAlarm;

  void Enqueue(State* state) {
    state->status_ = Status::kReady;
    state->next_ready_ = nullptr;
    if (ready_tail_ != nullptr) {
      ready_tail_->next_ready_ = state;
    } else {
      ready_head_ = state;
    }
    ready_tail_ = state;
    ++ready_count_;
  }
  State* Dequeue();
  // Ends the wait of `state` by its deadline or a cancellation: runs its
  // InterruptFn, then wakes it with `push` (PushTimedOut, PushCanceled).
  void Interrupt(State* state, PushFn push);
  // Runs every fiber that was ready when the pass began.
  void RunPass();
  // After a pass with fibers still ready: polls the loop without blocking,
  // but not after every pass (see scheduler.cc).
  void PollIfDue();
  // uv_run(mode), noting that libuv callbacks may run; returns whether the
  // loop is still alive.
  bool Poll(uv_run_mode mode);
  void Resume(Fiber* fiber);
  // Moves the results of the fiber's finished wait onto its stack; returns
  // how many values it is resumed with.
  int HandOverResults(Fiber* fiber, lua_State* co);
  void Finish(Fiber* fiber, int status);
  // Drops every registration of a wait that is over or replaced: the
  // state's node, its sleep or deadline, a select group's nodes.
  void DetachWait(State* state);
  // Points the alarm at the earliest sleeper's deadline (or stops it).
  void ArmAlarm();
  // The alarm fired: wakes every sleeper whose deadline has come.
  void WakeSleepers();

  // __thread (no dynamic initialization, so no TLS wrapper call) and
  // initial-exec (a plain %fs-relative load, no __tls_get_addr): it is read
  // on every switch. Costs 8 bytes of glibc's static TLS reserve.
  static __thread Scheduler* running_ __attribute__((tls_model("initial-exec")));

  uv::Loop loop_;
  State main_;
  Fiber* current_ = nullptr;
  lua_State* host_ = nullptr;
  bool luv_yield_ = false;
  bool plain_yield_ = false;  // the coming yield is YieldCurrent's: nothing on the stack
  bool polling_ = false;  // inside Poll's uv_run

  State* ready_head_ = nullptr;
  State* ready_tail_ = nullptr;
  size_t ready_count_ = 0;
  size_t unfinished_fibers_ = 0;

  uint64_t last_poll_ns_ = 0;
  unsigned resumes_since_clock_ = 0;

  SleepHeap sleepers_;
  // The words of cancellations and timeouts (fiber:cancel's reason,
  // set_failure_detail), by state: kept here rather than in every State,
  // so that a fiber owns nothing the collector would have to finalize.
  // A fiber's entry goes when it finishes.
  struct Interruption {
    std::string cancel_reason;
    std::string failure_detail;
  };
  std::unordered_map<const State*, Interruption> interruptions_;
  // The words kept for `state`, or null.
  Interruption* InterruptionOf(const State* state);
  SleepAlarm* alarm_;     // owned; released in the destructor
  uv::Mailbox* mailbox_;  // owned; released in the destructor
  uint64_t mailbox_id_ = 0;
  uint64_t alarm_deadline_ = 0;
  bool alarm_armed_ = false;
};

}  // namespace luv::sched

#endif  // LUV_SCHED_SCHEDULER_H_
