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

#include "luv/luacompat/luacompat.h"
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "luv/protect/protect.h"
#include "luv/sched/yieldable.h"
#include "luv/uv/handle.h"
#include "luv/uv/timer.h"

namespace luv::sched {
namespace {

// A Lua state with a scheduler, and fibers made from Lua source.
class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    L = luaL_newstate();
    luaL_openlibs(L);
    protect::InstallProtect(L);
    InitYieldCheck(L);
    scheduler = std::make_unique<Scheduler>(L);
    ASSERT_TRUE(scheduler->init_status().ok());
    lua_pushlightuserdata(L, this);
    lua_pushcclosure(L, BlockOnList, 1);
    lua_setglobal(L, "block_on_list");
    lua_pushlightuserdata(L, this);
    lua_pushcclosure(L, FinishAtOnce, 1);
    lua_setglobal(L, "finish_at_once");
    Run("log = {}");
  }

  void TearDown() override {
    fibers.clear();
    scheduler.reset();
    lua_close(L);
  }

  void Run(const char* code) {
    ASSERT_EQ(luaL_dostring(L, code), 0) << lua_tostring(L, -1);
  }

  // A fiber running `body` (a Lua chunk); the coroutine stays referenced
  // from the registry for the test's duration.
  Fiber* NewFiber(const char* body) {
    lua_State* co = lua_newthread(L);
    luaL_ref(L, LUA_REGISTRYINDEX);
    EXPECT_EQ(luaL_loadstring(co, body), 0) << lua_tostring(co, -1);
    fibers.push_back(std::make_unique<Fiber>(scheduler.get(), co));
    return fibers.back().get();
  }

  std::string Log() {
    Run("result = table.concat(log, ' ')");
    lua_getglobal(L, "result");
    std::string log = lua_tostring(L, -1);
    lua_pop(L, 1);
    return log;
  }

  // Lua: block_on_list() suspends the calling fiber in `list`.
  static int BlockOnList(lua_State* co) {
    auto* test = static_cast<SchedulerTest*>(lua_touserdata(co, lua_upvalueindex(1)));
    State* self = test->scheduler->StateOf(co);
    if (self == nullptr) return luaL_error(co, "not a fiber");
    test->scheduler->Wait(&test->list, self);
    test->scheduler->WillYield();
    return lua_yield(co, 0);
  }

  // Lua: finish_at_once() -> 42, as a call whose result is there at once
  // but which lets the other ready fibers run first.
  static int FinishAtOnce(lua_State* co) {
    auto* test = static_cast<SchedulerTest*>(lua_touserdata(co, lua_upvalueindex(1)));
    static int answer = 42;
    test->scheduler->YieldCurrentWithResults(PushNumber, &answer);
    return lua_yield(co, 0);
  }

  static int PushNumber(lua_State* L, void* arg) {
    lua_pushnumber(L, *static_cast<int*>(arg));
    return 1;
  }

 public:
  lua_State* L = nullptr;
  std::unique_ptr<Scheduler> scheduler;
  std::vector<std::unique_ptr<Fiber>> fibers;
  WaitList list;
};

TEST_F(SchedulerTest, ReadyFibersRunInFifoOrder) {
  for (const char* body :
       {"log[#log+1] = 'a'", "log[#log+1] = 'b'", "log[#log+1] = 'c'"}) {
    scheduler->Ready(NewFiber(body));
  }
  EXPECT_EQ(scheduler->ready_count(), 3u);
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "a b c");
  for (const auto& fiber : fibers) EXPECT_EQ(fiber->status(), Status::kDead);
}

TEST_F(SchedulerTest, YieldingFibersTakeTurns) {
  scheduler->Ready(
      NewFiber("for i = 1, 3 do log[#log+1] = 'a'..i; coroutine.yield() end"));
  scheduler->Ready(
      NewFiber("for i = 1, 3 do log[#log+1] = 'b'..i; coroutine.yield() end"));
  // One pass runs each ready fiber once; a yielding fiber goes to the back.
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "a1 b1");
  scheduler->RunOnce(L);
  scheduler->RunOnce(L);
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "a1 b1 a2 b2 a3 b3");
  EXPECT_EQ(scheduler->ready_count(), 0u);
}

TEST_F(SchedulerTest, ACallFinishedAtOnceLetsOthersRunThenGetsItsResults) {
  scheduler->Ready(
      NewFiber("log[#log+1] = 'a1'; local v = finish_at_once(); log[#log+1] = 'a' .. v"));
  scheduler->Ready(NewFiber("log[#log+1] = 'b'"));
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "a1 b");
  EXPECT_EQ(fibers[0]->status(), Status::kReady);
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "a1 b a42");
  EXPECT_EQ(fibers[0]->status(), Status::kDead);
}

TEST_F(SchedulerTest, ArgumentsReachTheFunctionAndResultsStay) {
  Fiber* fiber = NewFiber("local a, b = ...; return a + b, nil, 'x'");
  lua_pushnumber(fiber->thread(), 2);
  lua_pushnumber(fiber->thread(), 40);
  scheduler->Ready(fiber);
  scheduler->RunOnce(L);
  ASSERT_EQ(fiber->status(), Status::kDead);
  EXPECT_FALSE(fiber->failed());
  // Joining twice gives the same values: true, 42, nil, "x".
  for (int round = 0; round < 2; ++round) {
    int top = lua_gettop(L);
    ASSERT_EQ(Fiber::PushJoinResults(L, fiber), 4);
    EXPECT_TRUE(lua_toboolean(L, top + 1));
    EXPECT_EQ(lua_tonumber(L, top + 2), 42);
    EXPECT_TRUE(lua_isnil(L, top + 3));
    EXPECT_STREQ(lua_tostring(L, top + 4), "x");
    lua_settop(L, top);
  }
}

TEST_F(SchedulerTest, FailedFiberKeepsItsErrorWithTraceback) {
  Fiber* fiber = NewFiber("local function inner() error('boom') end inner()");
  scheduler->Ready(fiber);
  testing::internal::CaptureStderr();
  scheduler->RunOnce(L);
  std::string printed = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(fiber->failed());
  EXPECT_NE(printed.find("nobody joined"), std::string::npos) << printed;
  ASSERT_EQ(Fiber::PushJoinResults(L, fiber), 2);
  std::string error = lua_tostring(L, -1);
  EXPECT_NE(error.find("boom"), std::string::npos) << error;
  EXPECT_NE(error.find("stack traceback:"), std::string::npos) << error;
  EXPECT_NE(error.find("inner"), std::string::npos) << error;
  lua_pop(L, 2);
}

TEST_F(SchedulerTest, JoinedFailureIsNotPrinted) {
  Fiber* fiber = NewFiber("error('quiet')");
  Fiber* joiner = NewFiber("block_on_list()");
  scheduler->Ready(joiner);
  scheduler->RunOnce(L);
  // Make the joiner wait on the fiber's joiners instead of `list`.
  scheduler->Wait(&fiber->joiners, joiner);
  EXPECT_EQ(joiner->status(), Status::kWaiting);
  scheduler->Ready(fiber);
  testing::internal::CaptureStderr();
  scheduler->RunOnce(L);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(joiner->status(), Status::kReady);  // woken by the failure
}

TEST_F(SchedulerTest, WakeAllDeliversResultsToEveryWaiter) {
  for (const char* body : {"local v = block_on_list(); log[#log+1] = 'a'..v",
                           "local v = block_on_list(); log[#log+1] = 'b'..v"}) {
    scheduler->Ready(NewFiber(body));
  }
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "");
  for (const auto& fiber : fibers) EXPECT_EQ(fiber->status(), Status::kWaiting);
  int value = 7;
  scheduler->WakeAll(&list, PushNumber, &value);
  EXPECT_TRUE(list.empty());
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "a7 b7");
}

TEST_F(SchedulerTest, WakingAStateThatIsNotWaitingDoesNothing) {
  Fiber* fiber = NewFiber("log[#log+1] = 'ran'");
  int value = 1;
  scheduler->Wake(fiber, PushNumber, &value);  // new, not waiting
  EXPECT_EQ(scheduler->ready_count(), 0u);
  scheduler->Ready(fiber);
  scheduler->Ready(fiber);  // queued once
  EXPECT_EQ(scheduler->ready_count(), 1u);
  scheduler->RunOnce(L);
  scheduler->Wake(fiber, PushNumber, &value);  // dead
  EXPECT_EQ(scheduler->ready_count(), 0u);
  EXPECT_EQ(Log(), "ran");
}

TEST_F(SchedulerTest, MainStateSleepsWhileFibersRun) {
  scheduler->Ready(NewFiber("for i = 1, 3 do log[#log+1] = i; coroutine.yield() end"));
  State* main = scheduler->main_state();
  uint64_t start = uv_hrtime();
  scheduler->Sleep(main, 20);
  EXPECT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  EXPECT_GE(uv_hrtime() - start, 19u * 1000 * 1000);
  EXPECT_EQ(Log(), "1 2 3");
  EXPECT_EQ(main->status(), Status::kRunning);
}

TEST_F(SchedulerTest, MainStateWaitingForNothingIsADeadlock) {
  State* main = scheduler->main_state();
  scheduler->Wait(&list, main);
  EXPECT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kDeadlock);
  EXPECT_EQ(main->status(), Status::kRunning);
  EXPECT_TRUE(list.empty());
}

TEST_F(SchedulerTest, MainStateWokenByAFiber) {
  lua_pushlightuserdata(L, this);
  lua_pushcclosure(
      L,
      [](lua_State* co) {
        auto* test = static_cast<SchedulerTest*>(lua_touserdata(co, lua_upvalueindex(1)));
        int value = 5;
        test->scheduler->WakeAll(&test->list, PushNumber, &value);
        return 0;
      },
      1);
  lua_setglobal(L, "wake_main");
  scheduler->Ready(NewFiber("coroutine.yield(); wake_main()"));
  State* main = scheduler->main_state();
  scheduler->Wait(&list, main);
  ASSERT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  void* arg = nullptr;
  PushFn push = scheduler->TakeResults(main, &arg);
  EXPECT_EQ(push, PushNumber);
}

TEST_F(SchedulerTest, WaitUntilEndsWithTheTimeoutResultsAtTheDeadline) {
  State* main = scheduler->main_state();
  int value = 9;
  uint64_t start = uv_hrtime();
  scheduler->WaitUntil(&list, main, scheduler->Now() + 20, PushNumber, &value);
  ASSERT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  EXPECT_GE(uv_hrtime() - start, 19u * 1000 * 1000);
  EXPECT_TRUE(list.empty());
  void* arg = nullptr;
  EXPECT_EQ(scheduler->TakeResults(main, &arg), PushNumber);
  EXPECT_EQ(arg, &value);
}

TEST_F(SchedulerTest, WaitUntilWokenEarlyLeavesNoTimeoutBehind) {
  Fiber* fiber = NewFiber("log[#log+1] = block_on_list()");
  scheduler->Ready(fiber);
  scheduler->RunOnce(L);
  ASSERT_EQ(fiber->status(), Status::kWaiting);
  // Turn the fiber's wait into one with a deadline, then wake it first.
  int timeout = 1, woken = 2;
  scheduler->WaitUntil(&list, fiber, scheduler->Now() + 10, PushNumber, &timeout);
  scheduler->WakeAll(&list, PushNumber, &woken);
  scheduler->RunOnce(L);
  EXPECT_EQ(Log(), "2");
  // The main state sleeps past the old deadline: nothing else happens.
  scheduler->Sleep(scheduler->main_state(), 30);
  EXPECT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  void* arg = nullptr;
  EXPECT_EQ(scheduler->TakeResults(scheduler->main_state(), &arg), nullptr);
  EXPECT_EQ(Log(), "2");
}

// What the interrupt hooks below saw.
struct InterruptLog {
  int calls = 0;
  bool finished = false;  // the hook says the call finished after all
};

PushFn RecordInterrupt(State* state, void* arg) {
  auto* log = static_cast<InterruptLog*>(arg);
  ++log->calls;
  state->set_failure_detail("; the widget is closed");
  return log->finished ? [](lua_State* L, void*) {
    lua_pushliteral(L, "finished");
    return 1;
  } : nullptr;
}

TEST_F(SchedulerTest, ADeadlineRunsTheInterruptHookWhichMayAddToTheMessage) {
  State* main = scheduler->main_state();
  InterruptLog log;
  uint64_t previous = scheduler->PushDeadline(main, 10);
  scheduler->Wait(&list, main);
  scheduler->OnInterrupt(main, RecordInterrupt, &log);
  main->set_waiting_in("widget:wait()");
  ASSERT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  scheduler->RestoreDeadline(main, previous);
  EXPECT_EQ(log.calls, 1);
  void* arg = nullptr;
  PushFn push = scheduler->TakeResults(main, &arg);
  ASSERT_EQ(push, Scheduler::PushTimedOut);
  ASSERT_EQ(push(L, arg), 3);
  EXPECT_STREQ(lua_tostring(L, -2), "ETIMEDOUT: widget:wait() timed out; the widget is closed");
  lua_settop(L, 0);
}

TEST_F(SchedulerTest, AnInterruptHookCanSayTheCallFinished) {
  Fiber* fiber = NewFiber("log[#log+1] = block_on_list()");
  scheduler->Ready(fiber);
  scheduler->RunOnce(L);
  ASSERT_EQ(fiber->status(), Status::kWaiting);
  InterruptLog log;
  log.finished = true;
  scheduler->OnInterrupt(fiber, RecordInterrupt, &log);
  EXPECT_TRUE(scheduler->Cancel(L, fiber, "test"));
  scheduler->RunOnce(L);
  EXPECT_EQ(log.calls, 1);
  EXPECT_EQ(Log(), "finished");
}

TEST_F(SchedulerTest, AWakeBeforeTheDeadlineLeavesTheHookUncalled) {
  Fiber* fiber = NewFiber("log[#log+1] = block_on_list(); log[#log+1] = block_on_list()");
  scheduler->Ready(fiber);
  scheduler->RunOnce(L);
  InterruptLog log;
  scheduler->OnInterrupt(fiber, RecordInterrupt, &log);
  int value = 3;
  scheduler->WakeAll(&list, PushNumber, &value);
  scheduler->RunOnce(L);  // waits again, without a hook
  EXPECT_TRUE(scheduler->Cancel(L, fiber, "test"));
  scheduler->RunOnce(L);
  EXPECT_EQ(log.calls, 0);
}

TEST_F(SchedulerTest, ShutdownWithSleepersAndQueuedFibers) {
  scheduler->Sleep(scheduler->main_state(), 100000);
  scheduler->Ready(NewFiber("log[#log+1] = 'never'"));
  scheduler.reset();  // closes the loop without resuming anything
  EXPECT_EQ(Log(), "");
}

// An active handle with no timer: the loop's poll would block for it.
class Listener : public uv::HandleOwner {
 public:
  explicit Listener(uv_loop_t* loop) {
    uv_tcp_init(loop, &tcp_);
    Attach(reinterpret_cast<uv_handle_t*>(&tcp_));
    sockaddr_in address;
    uv_ip4_addr("127.0.0.1", 0, &address);
    uv_tcp_bind(&tcp_, reinterpret_cast<sockaddr*>(&address), 0);
    uv_listen(reinterpret_cast<uv_stream_t*>(&tcp_), 1, [](uv_stream_t*, int) {});
  }

 private:
  uv_tcp_t tcp_;
};

TEST_F(SchedulerTest, MainStateWokenBeforeThePollDoesNotWaitInIt) {
  auto* listener = new Listener(scheduler->loop());
  // The fiber runs longer than the sleep: the alarm is due as soon as the
  // loop runs again, and fires before its poll.
  scheduler->Ready(NewFiber(
      "local t = os.clock() while os.clock() - t < 0.03 do end log[#log+1] = 'busy'"));
  State* main = scheduler->main_state();
  scheduler->Sleep(main, 5);
  // Nothing else would end a poll that blocks: a watchdog, so that the bug
  // shows as a slow return rather than a hang.
  class Watchdog : public uv::Timer {
   public:
    explicit Watchdog(uv_loop_t* loop) : Timer(loop) {}

   protected:
    void OnTimer() override {}
  };
  auto* watchdog = new Watchdog(scheduler->loop());
  ASSERT_TRUE(watchdog->Start(3000, 0).ok());
  uint64_t start = uv_hrtime();
  EXPECT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  EXPECT_LT(uv_hrtime() - start, 1000u * 1000 * 1000);
  EXPECT_EQ(Log(), "busy");
  watchdog->Release();
  listener->Release();
}

TEST_F(SchedulerTest, MainStateWokenOutsideThePollLeavesTheLoopRunnable) {
  lua_pushlightuserdata(L, this);
  lua_pushcclosure(
      L,
      [](lua_State* co) {
        auto* test = static_cast<SchedulerTest*>(lua_touserdata(co, lua_upvalueindex(1)));
        test->scheduler->WakeAll(&test->list, nullptr, nullptr);
        return 0;
      },
      1);
  lua_setglobal(L, "wake_main");
  scheduler->Ready(NewFiber("wake_main()"));  // woken from a fiber, not a callback
  scheduler->Wait(&list, scheduler->main_state());
  ASSERT_EQ(scheduler->RunUntilWoken(L), Scheduler::WakeResult::kWoken);
  // The next poll runs normally: a due timer fires in it.
  class Counter : public uv::Timer {
   public:
    explicit Counter(uv_loop_t* loop) : Timer(loop) {}
    int fired = 0;

   protected:
    void OnTimer() override { ++fired; }
  };
  auto* timer = new Counter(scheduler->loop());
  ASSERT_TRUE(timer->Start(0, 0).ok());
  scheduler->RunOnce(L);
  EXPECT_EQ(timer->fired, 1);
  timer->Release();
}

}  // namespace
}  // namespace luv::sched
