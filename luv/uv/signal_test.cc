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

#include "luv/uv/signal.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "gtest/gtest.h"
#include "luv/uv/loop.h"

namespace luv::uv {
namespace {

// Only SIGUSR1, SIGUSR2 and SIGHUP are raised here; every test leaves them
// at their default action.

class CountingSignal : public Signal {
 public:
  explicit CountingSignal(uv_loop_t* loop) : Signal(loop) {}
  int calls = 0;

 protected:
  void OnSignal() override { ++calls; }
};

// libuv's handler writes to the loop's pipe when the signal arrives, which
// for a signal this process sends itself is before kill() returns or soon
// after, in whichever thread takes it; the loop reads the pipe on its next
// poll. Polls until `watcher` counted `n` deliveries; the deadline only
// turns a lost delivery into a failure instead of a hang.
bool PollUntil(uv_loop_t* loop, const Signal& watcher, uint64_t n) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (watcher.pending() < n) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    uv_run(loop, UV_RUN_NOWAIT);
  }
  return true;
}

// What `signum` does now: "default", "ignore" or "handler".
std::string Disposition(int signum) {
  struct sigaction now;
  if (sigaction(signum, nullptr, &now) != 0) return "error";
  if ((now.sa_flags & SA_SIGINFO) == 0) {
    if (now.sa_handler == SIG_DFL) return "default";
    if (now.sa_handler == SIG_IGN) return "ignore";
  }
  return "handler";
}

void Set(int signum, void (*handler)(int)) {
  struct sigaction action = {};
  sigemptyset(&action.sa_mask);
  action.sa_handler = handler;
  sigaction(signum, &action, nullptr);
}

std::string Message(const luv::Status& status) { return std::string(status.message()); }

TEST(SignalTest, CountsDeliveriesUntilTaken) {
  Loop loop;
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->init_status().ok());
  EXPECT_FALSE(watcher->active());
  EXPECT_EQ(watcher->signum(), 0);
  ASSERT_TRUE(watcher->Start(SIGUSR1).ok());
  EXPECT_TRUE(watcher->active());
  EXPECT_EQ(watcher->signum(), SIGUSR1);
  EXPECT_EQ(Disposition(SIGUSR1), "handler");

  ASSERT_TRUE(RaiseSignal(SIGUSR1).ok());
  ASSERT_TRUE(PollUntil(loop.get(), *watcher, 1));
  ASSERT_TRUE(RaiseSignal(SIGUSR1).ok());
  ASSERT_TRUE(PollUntil(loop.get(), *watcher, 2));
  EXPECT_EQ(watcher->calls, 2);
  EXPECT_EQ(watcher->TakePending(), 2u);
  EXPECT_EQ(watcher->pending(), 0u);

  watcher->Release();
  EXPECT_EQ(Disposition(SIGUSR1), "default");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, StartingAgainKeepsTheWatcherAndAnotherSignalSwitches) {
  Loop loop;
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->Start(SIGUSR1).ok());
  ASSERT_TRUE(watcher->Start(SIGUSR1).ok());
  ASSERT_TRUE(watcher->Start(SIGUSR2).ok());
  EXPECT_EQ(watcher->signum(), SIGUSR2);
  EXPECT_EQ(Disposition(SIGUSR1), "default");
  EXPECT_EQ(Disposition(SIGUSR2), "handler");
  ASSERT_TRUE(RaiseSignal(SIGUSR2).ok());
  EXPECT_TRUE(PollUntil(loop.get(), *watcher, 1));
  watcher->Close();
  EXPECT_EQ(Disposition(SIGUSR2), "default");
  watcher->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, EveryWatcherInEveryThreadGetsEachDelivery) {
  Loop loop;
  auto* first = new CountingSignal(loop.get());
  auto* second = new CountingSignal(loop.get());
  ASSERT_TRUE(first->Start(SIGUSR2).ok());
  ASSERT_TRUE(second->Start(SIGUSR2).ok());

  std::promise<void> started;
  std::promise<void> raised;
  std::shared_future<void> raised_future = raised.get_future().share();
  std::atomic<bool> there_started{false};
  std::atomic<bool> there_got_it{false};
  std::atomic<int> there_calls{0};
  std::thread other([&] {
    Loop other_loop;
    auto* there = new CountingSignal(other_loop.get());
    there_started = there->Start(SIGUSR2).ok();
    started.set_value();
    raised_future.wait();
    there_got_it = PollUntil(other_loop.get(), *there, 1);
    there_calls = there->calls;
    there->Release();
    other_loop.Shutdown().IgnoreError();
  });
  started.get_future().wait();
  luv::Status sent = RaiseSignal(SIGUSR2);
  raised.set_value();
  EXPECT_TRUE(PollUntil(loop.get(), *first, 1));
  EXPECT_TRUE(PollUntil(loop.get(), *second, 1));
  other.join();
  EXPECT_TRUE(sent.ok()) << sent;
  EXPECT_TRUE(there_started);
  EXPECT_TRUE(there_got_it);
  EXPECT_EQ(there_calls, 1);
  EXPECT_EQ(first->calls, 1);
  EXPECT_EQ(second->calls, 1);
  // The other thread's last watcher is gone; these two still catch it.
  EXPECT_EQ(Disposition(SIGUSR2), "handler");
  first->Release();
  EXPECT_EQ(Disposition(SIGUSR2), "handler");
  second->Release();
  EXPECT_EQ(Disposition(SIGUSR2), "default");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, AStoppedWatcherCountsNothingAndKeepsWhatItHad) {
  Loop loop;
  auto* stopped = new CountingSignal(loop.get());
  auto* running = new CountingSignal(loop.get());
  ASSERT_TRUE(stopped->Start(SIGUSR1).ok());
  ASSERT_TRUE(running->Start(SIGUSR1).ok());
  ASSERT_TRUE(RaiseSignal(SIGUSR1).ok());
  ASSERT_TRUE(PollUntil(loop.get(), *stopped, 1));
  ASSERT_TRUE(stopped->Stop().ok());
  ASSERT_TRUE(stopped->Stop().ok());  // idempotent
  EXPECT_FALSE(stopped->active());
  ASSERT_TRUE(RaiseSignal(SIGUSR1).ok());
  ASSERT_TRUE(PollUntil(loop.get(), *running, 2));
  uv_run(loop.get(), UV_RUN_NOWAIT);
  EXPECT_EQ(stopped->pending(), 1u);
  EXPECT_EQ(stopped->calls, 1);
  // Started again, it counts again.
  ASSERT_TRUE(stopped->Start(SIGUSR1).ok());
  ASSERT_TRUE(RaiseSignal(SIGUSR1).ok());
  EXPECT_TRUE(PollUntil(loop.get(), *stopped, 2));
  stopped->Release();
  running->Release();
  EXPECT_EQ(Disposition(SIGUSR1), "default");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, TheLastWatcherPutsBackWhatTheSignalDidBefore) {
  Loop loop;
  Set(SIGHUP, SIG_IGN);
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->Start(SIGHUP).ok());
  EXPECT_EQ(Disposition(SIGHUP), "handler");
  ASSERT_TRUE(RaiseSignal(SIGHUP).ok());
  EXPECT_TRUE(PollUntil(loop.get(), *watcher, 1));
  ASSERT_TRUE(watcher->Stop().ok());
  EXPECT_EQ(Disposition(SIGHUP), "ignore");  // libuv alone would leave SIG_DFL
  ASSERT_TRUE(watcher->Start(SIGHUP).ok());
  watcher->Close();  // closing restores at once, before the close callback
  EXPECT_EQ(Disposition(SIGHUP), "ignore");
  watcher->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
  Set(SIGHUP, SIG_DFL);
}

TEST(SignalTest, AnActionTheProgramSetWhileWatchedWins) {
  Loop loop;
  Set(SIGHUP, SIG_IGN);
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->Start(SIGHUP).ok());
  Set(SIGHUP, SIG_DFL);  // as lua.c does for SIGINT when the script ends
  watcher->Release();
  EXPECT_EQ(Disposition(SIGHUP), "default");
  auto* again = new CountingSignal(loop.get());
  ASSERT_TRUE(again->Start(SIGHUP).ok());
  Set(SIGHUP, SIG_IGN);
  again->Release();
  EXPECT_EQ(Disposition(SIGHUP), "ignore");
  Set(SIGHUP, SIG_DFL);
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, IgnoreAndDefaultWaitForTheLastWatcher) {
  Loop loop;
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->Start(SIGUSR2).ok());
  ASSERT_TRUE(IgnoreSignal(SIGUSR2).ok());
  EXPECT_EQ(Disposition(SIGUSR2), "handler");  // still caught
  ASSERT_TRUE(RaiseSignal(SIGUSR2).ok());
  EXPECT_TRUE(PollUntil(loop.get(), *watcher, 1));
  ASSERT_TRUE(watcher->Stop().ok());
  EXPECT_EQ(Disposition(SIGUSR2), "ignore");
  ASSERT_TRUE(RaiseSignal(SIGUSR2).ok());  // ignored: the test goes on
  ASSERT_TRUE(watcher->Start(SIGUSR2).ok());
  ASSERT_TRUE(DefaultSignal(SIGUSR2).ok());
  EXPECT_EQ(Disposition(SIGUSR2), "handler");
  watcher->Release();
  EXPECT_EQ(Disposition(SIGUSR2), "default");
  // With no watcher they apply at once.
  ASSERT_TRUE(IgnoreSignal(SIGUSR2).ok());
  EXPECT_EQ(Disposition(SIGUSR2), "ignore");
  ASSERT_TRUE(DefaultSignal(SIGUSR2).ok());
  EXPECT_EQ(Disposition(SIGUSR2), "default");
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, ASignalLibuvStillCatchesForItselfStaysCaught) {
  // A watcher of libuv's own making (as its SIGCHLD watcher for child
  // processes) starts after luv's, when the action luv remembered was
  // SIG_IGN: luv's last watcher stopping must not take the signal from it.
  Loop loop;
  Set(SIGUSR1, SIG_IGN);
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->Start(SIGUSR1).ok());
  uv_signal_t libuvs;
  ASSERT_EQ(uv_signal_init(loop.get(), &libuvs), 0);
  static int libuv_calls;
  libuv_calls = 0;
  ASSERT_EQ(uv_signal_start(
                &libuvs, [](uv_signal_t*, int) { ++libuv_calls; }, SIGUSR1),
            0);
  watcher->Release();
  EXPECT_EQ(Disposition(SIGUSR1), "handler");
  ASSERT_TRUE(RaiseSignal(SIGUSR1).ok());
  for (int i = 0; i < 100000 && libuv_calls == 0; ++i) uv_run(loop.get(), UV_RUN_NOWAIT);
  EXPECT_EQ(libuv_calls, 1);
  uv_close(reinterpret_cast<uv_handle_t*>(&libuvs), nullptr);
  uv_run(loop.get(), UV_RUN_NOWAIT);           // runs the close
  EXPECT_EQ(Disposition(SIGUSR1), "default");  // libuv's rule once it lets go
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, RefusesSignalsAWatcherCannotCatch) {
  EXPECT_EQ(Message(CheckCatchable(SIGKILL)), "EINVAL: SIGKILL cannot be caught");
  EXPECT_EQ(Message(CheckCatchable(SIGSTOP)), "EINVAL: SIGSTOP cannot be caught");
  EXPECT_EQ(Message(CheckCatchable(SIGSEGV)),
            "EINVAL: SIGSEGV reports faults: a watcher would turn a crash into a hang");
  EXPECT_FALSE(CheckCatchable(SIGBUS).ok());
  EXPECT_FALSE(CheckCatchable(SIGFPE).ok());
  EXPECT_FALSE(CheckCatchable(SIGILL).ok());
  EXPECT_EQ(Message(CheckCatchable(0)), "EINVAL: signal numbers go from 1 to 64");
  EXPECT_EQ(Message(CheckCatchable(65)), "EINVAL: signal numbers go from 1 to 64");
  EXPECT_EQ(Message(CheckCatchable(32)),
            "EINVAL: signal 32 is reserved by the C library's threads");
  EXPECT_TRUE(CheckCatchable(SIGTERM).ok());
  EXPECT_TRUE(CheckCatchable(SIGCHLD).ok());
  EXPECT_TRUE(CheckCatchable(SIGRTMIN).ok());
  EXPECT_TRUE(CheckCatchable(SIGRTMAX).ok());
  EXPECT_EQ(Message(IgnoreSignal(SIGCHLD)),
            "EINVAL: SIGCHLD is libuv's: it reaps child processes with it");
  EXPECT_FALSE(DefaultSignal(SIGKILL).ok());
  EXPECT_FALSE(RaiseSignal(0).ok());
  EXPECT_FALSE(RaiseSignal(65).ok());

  Loop loop;
  auto* watcher = new CountingSignal(loop.get());
  EXPECT_EQ(Message(watcher->Start(SIGKILL)), "EINVAL: SIGKILL cannot be caught");
  EXPECT_FALSE(watcher->active());
  watcher->Close();
  EXPECT_EQ(Message(watcher->Start(SIGUSR1)),
            "EBADF: bad file descriptor: signal watcher is closed");
  EXPECT_FALSE(watcher->Stop().ok());
  watcher->Release();
  EXPECT_TRUE(loop.Shutdown().ok());
}

TEST(SignalTest, ShutdownClosesWatchersLeftStarted) {
  Loop loop;
  auto* watcher = new CountingSignal(loop.get());
  ASSERT_TRUE(watcher->Start(SIGUSR2).ok());
  watcher->ReleaseKeepingOpen();
  EXPECT_TRUE(loop.Shutdown().ok());
  EXPECT_EQ(Disposition(SIGUSR2), "default");
}

}  // namespace
}  // namespace luv::uv
