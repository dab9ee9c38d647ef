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

#include "luv/sched/scheduler.h"

#include <cstdio>
#include <cstring>

#include "luv/luacompat/luacompat.h"
#include "luv/sched/thread_registry.h"
#include "luv/protect/protect.h"
#include "luv/sched/wait_group.h"
#include "luv/uv/timer.h"

namespace luv::sched {
namespace {

// While fibers stay ready, the loop is polled (without blocking) at most this
// often: a poll is a system call, and paying it after every pass would cap
// yield-heavy code at a few million switches per second. Timers and I/O are
// therefore seen at most this late while fibers keep the CPU busy.
constexpr uint64_t kPollIntervalNs = 200 * 1000;

int PushTraceback(lua_State* L, lua_State* co) {
  lua_getglobal(L, "debug");
  if (!lua_istable(L, -1)) return 0;
  lua_getfield(L, -1, "traceback");
  if (!lua_isfunction(L, -1)) return 0;
  lua_checkstack(co, 2);
  lua_pushthread(co);
  lua_pushvalue(co, -2);  // the error message
  lua_xmove(co, L, 2);
  lua_call(L, 2, 1);
  return lua_isstring(L, -1) ? 1 : 0;
}

}  // namespace

// The one timer behind luv.sleep: due at the earliest sleeper's deadline.
class SleepAlarm : public uv::Timer {
 public:
  explicit SleepAlarm(Scheduler* scheduler)
      : Timer(scheduler->loop()), scheduler_(scheduler) {}

 protected:
  void OnTimer() override { scheduler_->WakeSleepers(); }

 private:
  Scheduler* scheduler_;
};

Scheduler::Scheduler(lua_State* main)
    : main_(this, main, /*is_fiber=*/false),
      alarm_(new SleepAlarm(this)),
      mailbox_(new uv::Mailbox(loop())) {
  alarm_->MarkInternal();
  if (mailbox_->init_status().ok()) mailbox_id_ = RegisterMailbox(mailbox_->address());
}

Scheduler::~Scheduler() {
  // The interpreter's own state ending is the process ending: luv threads
  // are asked to stop and waited for (thread_registry.h).
  if (!IsLuvThread()) StopAndWaitForThreads();
  if (mailbox_id_ != 0) UnregisterMailbox(mailbox_id_);
  mailbox_->Release();
  alarm_->Release();
  loop_.Shutdown().IgnoreError();
}

void Scheduler::DetachWait(State* state) {
  state->wait_node_.Unlink();
  sleepers_.Remove(state);
  if (state->group_ != nullptr) {
    state->group_->UnlinkAll();
    state->group_ = nullptr;
  }
}

void Scheduler::WaitOnGroup(WaitGroup* group) {
  State* state = group->state();
  BeginWait(state);
  state->group_ = group;
  if (state->deadline_ != 0) {
    sleepers_.Push(state, state->deadline_, SleepHeap::Kind::kDeadline);
    ArmAlarm();
  }
}

void Scheduler::WakeNode(WaitNode* node, PushFn push, void* arg) {
  if (node->fire != nullptr) {
    node->fire(node, push, arg);
  } else {
    Wake(node->state, push, arg);
  }
}

void Scheduler::BeginWait(State* state) {
  DetachWait(state);
  state->results_ = nullptr;
  state->results_arg_ = nullptr;
  state->timeout_ = nullptr;
  state->timeout_arg_ = nullptr;
  state->on_interrupt_ = nullptr;
  state->interrupt_arg_ = nullptr;
  state->retry_marker_ = nullptr;
  // A fiber counts as waiting only once its yield went through (Resume).
  if (!state->is_fiber()) state->status_ = Status::kWaiting;
}

void Scheduler::Wait(WaitList* list, State* state) {
  BeginWait(state);
  list->Add(&state->wait_node_);
  if (state->deadline_ != 0) {
    sleepers_.Push(state, state->deadline_, SleepHeap::Kind::kDeadline);
    ArmAlarm();
  }
}

uint64_t Scheduler::PushDeadline(State* state, uint64_t ms) {
  uint64_t previous = state->deadline_;
  uv_update_time(loop());
  uint64_t deadline = uv_now(loop()) + ms;
  if (previous == 0 || deadline < previous) state->deadline_ = deadline;
  return previous;
}

bool Scheduler::Cancel(lua_State* L, Fiber* fiber, const char* reason) {
  switch (fiber->status_) {
    case Status::kDead:
      return false;
    case Status::kNew: {
      // It never runs: it dies with the cancellation as its error.
      lua_State* co = fiber->thread();
      lua_pushfstring(L, "ECANCELED: the fiber was canceled before it started (%s)",
                      reason);
      lua_settop(co, 0);
      lua_xmove(L, co, 1);
      fiber->status_ = Status::kDead;
      fiber->started_ = true;
      fiber->failed_ = true;
      return true;
    }
    case Status::kWaiting:
      interruptions_[fiber].cancel_reason = reason;
      Interrupt(fiber, PushCanceled);
      return true;
    case Status::kReady:
    case Status::kRunning:
      interruptions_[fiber].cancel_reason = reason;
      fiber->cancel_pending_ = true;
      return true;
  }
  return false;
}

bool Scheduler::TakeCancel(State* state) {
  bool pending = state->cancel_pending_;
  state->cancel_pending_ = false;
  return pending;
}

void State::set_failure_detail(const char* detail) {
  scheduler_->SetFailureDetail(this, detail);
}

void Scheduler::SetFailureDetail(State* state, const char* detail) {
  constexpr size_t kLongest = 127;  // a clause, not a report
  interruptions_[state].failure_detail.assign(detail, strnlen(detail, kLongest));
}

Scheduler::Interruption* Scheduler::InterruptionOf(const State* state) {
  if (interruptions_.empty()) return nullptr;
  auto found = interruptions_.find(state);
  return found != interruptions_.end() ? &found->second : nullptr;
}

void Scheduler::Interrupt(State* state, PushFn push) {
  if (state->status_ != Status::kWaiting) return;
  if (InterruptFn fn = state->on_interrupt_) {
    state->on_interrupt_ = nullptr;
    void* arg = state->interrupt_arg_;
    if (PushFn finished = fn(state, arg)) {
      Wake(state, finished, arg);
      return;
    }
  }
  Wake(state, push, state);
}

int Scheduler::PushTimedOut(lua_State* L, void* arg) {
  auto* state = static_cast<State*>(arg);
  lua_pushnil(L);  // Lua's "fail", as luv/lua/result.h words failures
  Interruption* words = state->scheduler_->InterruptionOf(state);
  lua_pushfstring(L, "ETIMEDOUT: %s timed out%s", state->waiting_in_,
                  words != nullptr ? words->failure_detail.c_str() : "");
  if (words != nullptr) words->failure_detail.clear();  // for this message only
  lua_pushliteral(L, "ETIMEDOUT");
  return 3;
}

int Scheduler::PushCanceled(lua_State* L, void* arg) {
  auto* state = static_cast<State*>(arg);
  lua_pushnil(L);
  Interruption* words = state->scheduler_->InterruptionOf(state);
  lua_pushfstring(L, "ECANCELED: %s was canceled (%s)%s", state->waiting_in_,
                  words != nullptr ? words->cancel_reason.c_str() : "canceled",
                  words != nullptr ? words->failure_detail.c_str() : "");
  if (words != nullptr) words->failure_detail.clear();  // for this message only
  lua_pushliteral(L, "ECANCELED");
  return 3;
}

void Scheduler::WaitUntil(WaitList* list, State* state, uint64_t deadline, PushFn timeout,
                          void* arg) {
  Wait(list, state);
  state->timeout_ = timeout;
  state->timeout_arg_ = arg;
  // An earlier luv.timeout deadline, filed by Wait, comes first.
  if (state->deadline_ != 0 && state->deadline_ <= deadline) return;
  sleepers_.Remove(state);
  sleepers_.Push(state, deadline, SleepHeap::Kind::kCallDeadline);
  ArmAlarm();
}

void Scheduler::CancelWait(State* state) {
  DetachWait(state);
  if (!state->is_fiber()) state->status_ = Status::kRunning;
}

PushFn Scheduler::TakeResults(State* state, void** arg) {
  PushFn push = state->results_;
  *arg = state->results_arg_;
  state->results_ = nullptr;
  state->results_arg_ = nullptr;
  return push;
}

State* Scheduler::Dequeue() {
  State* state = ready_head_;
  if (state == nullptr) return nullptr;
  ready_head_ = state->next_ready_;
  if (ready_head_ == nullptr) ready_tail_ = nullptr;
  --ready_count_;
  return state;
}

void Scheduler::Ready(State* state) {
  if (!state->is_fiber()) {
    if (state->status_ == Status::kWaiting) {
      state->status_ = Status::kReady;
      // Interrupts the loop: woken from a libuv callback that runs before the
      // poll (a timer that came due while fibers ran), uv_run would otherwise
      // go on to block in the poll with nothing left to wake it. Only inside
      // the scheduler's uv_run: a stop flag left set would cut short the next
      // uv_run, such as the one that closes the loop.
      if (polling_) uv_stop(loop());
    }
    return;
  }
  switch (state->status_) {
    case Status::kNew:
      ++unfinished_fibers_;  // until Finish
      Enqueue(state);
      break;
    case Status::kRunning:
    case Status::kWaiting:
      Enqueue(state);
      break;
    case Status::kReady:
    case Status::kDead:
      break;
  }
}

void Scheduler::Wake(State* state, PushFn push, void* arg) {
  if (state->status_ != Status::kWaiting) return;
  DetachWait(state);
  state->results_ = push;
  state->results_arg_ = arg;
  Ready(state);
}

void Scheduler::WakeAll(WaitList* list, PushFn push, void* arg) {
  WaitList waking;
  waking.Splice(list);
  while (WaitNode* node = waking.PopFront()) WakeNode(node, push, arg);
}

__thread Scheduler* Scheduler::running_ = nullptr;

void Scheduler::RunPass() {
  Scheduler* outer = running_;
  running_ = this;
  State* last = ready_tail_;
  while (State* state = Dequeue()) {
    Resume(static_cast<Fiber*>(state));
    ++resumes_since_clock_;
    if (state == last) break;
  }
  running_ = outer;
}

bool Scheduler::Poll(uv_run_mode mode) {
  polling_ = true;
  bool alive = uv_run(loop(), mode) != 0;
  polling_ = false;
  return alive;
}

void Scheduler::PollIfDue() {
  // Even reading the clock shows when two fibers just yield to each other.
  if (resumes_since_clock_ < 64) return;
  resumes_since_clock_ = 0;
  uint64_t now = uv_hrtime();
  if (now - last_poll_ns_ < kPollIntervalNs) return;
  last_poll_ns_ = now;
  Poll(UV_RUN_NOWAIT);
}

Scheduler::WakeResult Scheduler::RunUntilWoken(lua_State* host) {
  host_ = host;
  WakeResult result = WakeResult::kWoken;
  const bool luv_thread = IsLuvThread();
  while (main_.status_ == Status::kWaiting) {
    if (luv_thread && Stopping()) {
      result = WakeResult::kStopping;
      break;
    }
    if (ready_head_ != nullptr) {
      RunPass();
      if (ready_head_ != nullptr && main_.status_ == Status::kWaiting) PollIfDue();
      continue;
    }
    bool alive = Poll(UV_RUN_ONCE);
    last_poll_ns_ = uv_hrtime();
    if (!alive && ready_head_ == nullptr && main_.status_ == Status::kWaiting) {
      result = WakeResult::kDeadlock;
      break;
    }
  }
  if (result != WakeResult::kWoken) DetachWait(&main_);
  main_.status_ = Status::kRunning;
  return result;
}

void Scheduler::RunOnce(lua_State* host) {
  host_ = host;
  RunPass();
  last_poll_ns_ = uv_hrtime();
  Poll(UV_RUN_NOWAIT);
}

int Scheduler::HandOverResults(Fiber* fiber, lua_State* co) {
  // The wait's results are made on the host first: what the fiber yielded
  // (the object it waited on, which the results may be read from) stays
  // on its stack meanwhile, out of the collector's reach.
  int top = lua_gettop(host_);
  PushFn push = fiber->results_;
  void* arg = fiber->results_arg_;
  fiber->results_ = nullptr;
  int nargs = protect::PushProtected(host_, [push, arg](lua_State* L) { return push(L, arg); });
  if (nargs < 0) {  // deliver `false, error` instead
    lua_pushboolean(host_, 0);
    lua_insert(host_, -2);
    nargs = 2;
  }
  // A call that tries again (luv/lua/retry.h) gets the marker and then
  // what it yielded, its arguments; otherwise only the results may be on
  // the stack of a coroutine being resumed.
  const void* marker = fiber->retry_marker_;
  fiber->retry_marker_ = nullptr;
  bool again = marker != nullptr && nargs >= 1 &&
               lua_type(host_, -nargs) == LUA_TLIGHTUSERDATA &&
               lua_touserdata(host_, -nargs) == marker;
  int kept = again ? lua_gettop(co) : 0;
  if (!again) lua_settop(co, 0);
  if (!lua_checkstack(co, nargs + 1)) {
    lua_settop(host_, top);
    lua_settop(co, 0);
    return 0;
  }
  lua_xmove(host_, co, nargs);
  for (int i = 0; i < kept; ++i) {  // the yielded values go after the results
    lua_pushvalue(co, 1);
    lua_remove(co, 1);
  }
  return nargs + kept;
}

void Scheduler::Resume(Fiber* fiber) {
  lua_State* co = fiber->thread();
  int nargs = 0;
  if (!fiber->started_) {
    // The first resume calls the function with the arguments from create().
    fiber->started_ = true;
    nargs = lua_gettop(co) - 1;
  } else if (fiber->results_ == nullptr) {
    // The path of every plain switch (luv.fiber.yield, a sleep): nothing
    // to hand over, and only the results may be on a resumed stack.
    fiber->retry_marker_ = nullptr;
    if (!fiber->stack_empty_) lua_settop(co, 0);
  } else {
    nargs = HandOverResults(fiber, co);
  }
  fiber->status_ = Status::kRunning;
  current_ = fiber;
  luv_yield_ = false;
  plain_yield_ = false;
  int status = compat::Resume(co, host_, nargs);
  current_ = nullptr;
  fiber->stack_empty_ = status == LUA_YIELD && plain_yield_;
  if (status == LUA_YIELD) {
    if (!luv_yield_ && lua_gettop(co) > 0) {
      // coroutine.yield(values) in a fiber: nothing would ever receive the
      // values, so the fiber fails instead of dropping them silently.
      lua_settop(co, 0);
      lua_pushliteral(co,
                      "luv: coroutine.yield() with values in a fiber: nothing receives "
                      "them (pass values through a channel; luv.fiber.yield() or a "
                      "bare coroutine.yield() lets other fibers run)");
      luv_yield_ = false;
      Finish(fiber, LUA_ERRRUN);
      return;
    }
    if (!luv_yield_) {
      // A bare coroutine.yield() in a fiber: treated as luv.fiber.yield().
      Enqueue(fiber);
    } else if (fiber->status_ == Status::kRunning) {
      fiber->status_ = Status::kWaiting;
    }
    luv_yield_ = false;
    return;
  }
  Finish(fiber, status);
}

namespace {

// "fiber 0x... (function at file.lua:12)": which fiber failed, named by its
// body's definition, read from the bottom frame of its stopped coroutine
// (free until something fails, unlike recording where each fiber was made).
void DescribeFiber(lua_State* co, const void* fiber, char* out, size_t size) {
  lua_Debug ar;
  lua_Debug bottom;
  bool found = false;
  for (int level = 0; lua_getstack(co, level, &ar); ++level) {
    bottom = ar;
    found = true;
  }
  if (found && lua_getinfo(co, "S", &bottom) && bottom.linedefined > 0) {
    std::snprintf(out, size, "fiber %p (function at %s:%d)", fiber, bottom.short_src,
                  bottom.linedefined);
  } else {
    std::snprintf(out, size, "fiber %p", fiber);
  }
}

}  // namespace

void Scheduler::Finish(Fiber* fiber, int status) {
  lua_State* co = fiber->thread();
  fiber->status_ = Status::kDead;
  --unfinished_fibers_;
  DetachWait(fiber);
  if (!interruptions_.empty()) interruptions_.erase(fiber);
  if (status != 0) {
    fiber->failed_ = true;
    if (lua_type(co, -1) == LUA_TSTRING) {
      int top = lua_gettop(host_);
      int pushed =
          protect::PushProtected(host_, [co](lua_State* L) { return PushTraceback(L, co); });
      if (pushed == 1 && lua_checkstack(co, 1)) {
        lua_xmove(host_, co, 1);  // the traceback replaces the message as the error
      }
      lua_settop(host_, top);
    }
    if (fiber->joiners.empty()) {
      const char* error = lua_tostring(co, -1);
      char where[160];
      DescribeFiber(co, fiber, where, sizeof(where));
      std::fprintf(stderr, "luv: error in %s that nobody joined: %s\n", where,
                   error != nullptr ? error : luaL_typename(co, -1));
      std::fflush(stderr);
    }
  }
  WakeAll(&fiber->joiners, Fiber::PushJoinResults, fiber);
  if (fiber->anchor != LUA_NOREF) {
    luaL_unref(host_, LUA_REGISTRYINDEX, fiber->anchor);
    fiber->anchor = LUA_NOREF;
  }
}

void Scheduler::Sleep(State* state, uint64_t ms) {
  BeginWait(state);
  uv_update_time(loop());
  uint64_t wake = uv_now(loop()) + ms;
  if (state->deadline_ != 0 && state->deadline_ < wake) {
    sleepers_.Push(state, state->deadline_, SleepHeap::Kind::kDeadline);
  } else {
    sleepers_.Push(state, wake, SleepHeap::Kind::kSleep);
  }
  ArmAlarm();
}

void Scheduler::ArmAlarm() {
  if (sleepers_.empty()) {
    if (alarm_armed_) alarm_->Stop().IgnoreError();
    alarm_armed_ = false;
    return;
  }
  uint64_t deadline = sleepers_.next_deadline();
  if (alarm_armed_ && deadline == alarm_deadline_) return;
  uint64_t now = uv_now(loop());
  alarm_->Start(deadline > now ? deadline - now : 0, 0).IgnoreError();
  alarm_deadline_ = deadline;
  alarm_armed_ = true;
}

void Scheduler::WakeSleepers() {
  alarm_armed_ = false;
  uint64_t now = uv_now(loop());
  SleepHeap::Kind kind;
  while (State* state = sleepers_.PopDue(now, &kind)) {
    switch (kind) {
      case SleepHeap::Kind::kSleep:
        Wake(state, nullptr, nullptr);
        break;
      case SleepHeap::Kind::kDeadline:
        Interrupt(state, PushTimedOut);
        break;
      case SleepHeap::Kind::kCallDeadline:
        Wake(state, state->timeout_, state->timeout_arg_);
        break;
    }
  }
  ArmAlarm();
}

}  // namespace luv::sched
