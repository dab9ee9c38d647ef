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

#include <errno.h>
#include <signal.h>

#include <mutex>

#include "luv/base/strings.h"
#include "luv/uv/signal_name.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// What luv knows of each signal's disposition, for every thread at once.
// The mutex is held around every start and stop of a luv watcher and the
// sigaction calls that go with it, so that two threads cannot interleave
// "the last watcher stopped, put back the old action" with "the first
// watcher starts, remember the old action".
struct Bookkeeping {
  std::mutex mutex;
  // Started luv watchers of each signal, in every loop.
  int watchers[NSIG] = {};
  // What each signal did before its first luv watcher started; put back
  // when the last one stops. luv.signal.ignore/default change it while
  // watchers are started.
  struct sigaction before[NSIG] = {};
  // libuv's handler, once seen. A `before` that is libuv's handler (it was
  // catching the signal for itself) is libuv's to manage: never put back.
  void (*libuv_handler)(int) = nullptr;
};

// Never destroyed: threads may stop watchers while the process exits.
Bookkeeping& bookkeeping() {
  static Bookkeeping* book = new Bookkeeping;
  return *book;
}

luv::Status Invalid(std::string_view text) {
  return NamedError(luv::StatusCode::kInvalidArgument, "EINVAL", text);
}

luv::Status CheckRange(int signum) {
  if (signum >= 1 && signum <= MaxSignal()) return luv::OkStatus();
  return Invalid(luv::StrCat("signal numbers go from 1 to ", MaxSignal()));
}

// Sets `signum`'s action to `handler` (SIG_IGN or SIG_DFL) for whenever no
// luv watcher catches it.
luv::Status SetWhenUnwatched(int signum, void (*handler)(int)) {
  luv::Status settable = CheckSettable(signum);
  if (!settable.ok()) return settable;
  struct sigaction wanted = {};
  sigemptyset(&wanted.sa_mask);
  wanted.sa_handler = handler;
  Bookkeeping& book = bookkeeping();
  std::lock_guard<std::mutex> lock(book.mutex);
  if (book.watchers[signum] > 0) {
    book.before[signum] = wanted;
    return luv::OkStatus();
  }
  if (sigaction(signum, &wanted, nullptr) != 0) {
    return UvStatus(-errno, NameOfSignal(signum));
  }
  return luv::OkStatus();
}

}  // namespace

luv::Status CheckCatchable(int signum) {
  luv::Status range = CheckRange(signum);
  if (!range.ok()) return range;
  if (signum == SIGKILL || signum == SIGSTOP) {
    return Invalid(luv::StrCat(NameOfSignal(signum), " cannot be caught"));
  }
  if (signum == SIGSEGV || signum == SIGBUS || signum == SIGFPE || signum == SIGILL) {
    return Invalid(
        luv::StrCat(NameOfSignal(signum),
                    " reports faults: a watcher would turn a crash into a hang"));
  }
  if (NameOfSignal(signum).empty()) {
    return Invalid(
        luv::StrCat("signal ", signum, " is reserved by the C library's threads"));
  }
  return luv::OkStatus();
}

luv::Status CheckSettable(int signum) {
  luv::Status catchable = CheckCatchable(signum);
  if (!catchable.ok()) return catchable;
  if (signum == SIGCHLD) {
    // libuv's own watcher reaps luv.process's children with it; with the
    // signal ignored the kernel would reap them first, and with SIG_DFL
    // put over libuv's handler nobody would.
    return Invalid("SIGCHLD is libuv's: it reaps child processes with it");
  }
  return luv::OkStatus();
}

luv::Status IgnoreSignal(int signum) { return SetWhenUnwatched(signum, SIG_IGN); }

luv::Status DefaultSignal(int signum) { return SetWhenUnwatched(signum, SIG_DFL); }

luv::Status RaiseSignal(int signum) {
  luv::Status range = CheckRange(signum);
  if (!range.ok()) return range;
  return UvStatus(uv_kill(uv_os_getpid(), signum), NameOfSignal(signum));
}

Signal::Signal(uv_loop_t* loop) {
  init_status_ = UvStatus(uv_signal_init(loop, &signal_), "signal");
  if (init_status_.ok()) Attach(reinterpret_cast<uv_handle_t*>(&signal_));
}

luv::Status Signal::Start(int signum) {
  if (closing()) return UvStatus(UV_EBADF, "signal watcher is closed");
  luv::Status catchable = CheckCatchable(signum);
  if (!catchable.ok()) return catchable;
  Bookkeeping& book = bookkeeping();
  std::lock_guard<std::mutex> lock(book.mutex);
  if (started_) {
    if (signum == signum_) return luv::OkStatus();
    StopLocked();
  }
  if (book.watchers[signum] == 0) sigaction(signum, nullptr, &book.before[signum]);
  int code = uv_signal_start(
      &signal_,
      [](uv_signal_t* handle, int) {
        auto* self = static_cast<Signal*>(
            HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(handle)));
        ++self->pending_;
        self->OnSignal();
      },
      signum);
  if (code != 0) return UvStatus(code, NameOfSignal(signum));
  if (book.libuv_handler == nullptr) {
    struct sigaction now;
    if (sigaction(signum, nullptr, &now) == 0) book.libuv_handler = now.sa_handler;
  }
  ++book.watchers[signum];
  started_ = true;
  signum_ = signum;
  return luv::OkStatus();
}

luv::Status Signal::Stop() {
  if (closing()) return UvStatus(UV_EBADF, "signal watcher is closed");
  std::lock_guard<std::mutex> lock(bookkeeping().mutex);
  StopLocked();
  return luv::OkStatus();
}

void Signal::OnClose() {
  std::lock_guard<std::mutex> lock(bookkeeping().mutex);
  StopLocked();
}

void Signal::StopLocked() {
  if (!started_) return;
  started_ = false;
  Bookkeeping& book = bookkeeping();
  // A program that set the action itself while luv watched (lua.c puts
  // SIG_DFL on SIGINT once the script returns, before luv's handles close)
  // has the last word: its action is put back, not the one from before.
  struct sigaction current;
  bool taken_over =
      sigaction(signum_, nullptr, &current) == 0 &&
      ((current.sa_flags & SA_SIGINFO) != 0 || current.sa_handler != book.libuv_handler);
  uv_signal_stop(&signal_);
  if (--book.watchers[signum_] > 0) return;
  // libuv has put back SIG_DFL if none of its watchers is left; if it
  // still catches the signal (its SIGCHLD watcher), the action stays its.
  struct sigaction now;
  if (sigaction(signum_, nullptr, &now) != 0) return;
  if ((now.sa_flags & SA_SIGINFO) != 0 || now.sa_handler != SIG_DFL) return;
  const struct sigaction& restore = taken_over ? current : book.before[signum_];
  bool plain = (restore.sa_flags & SA_SIGINFO) == 0;
  if (plain &&
      (restore.sa_handler == SIG_DFL || restore.sa_handler == book.libuv_handler)) {
    return;
  }
  sigaction(signum_, &restore, nullptr);
}

}  // namespace luv::uv
