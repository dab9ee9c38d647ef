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

// OS threads that run a Lua function in a Lua state of their own.
//
// Spawn starts the thread at once. The function and its arguments arrive as
// a luv.codec Message made by EncodeMessage in this process (functions,
// upvalues and luv's shareable objects included); the new state has the standard
// libraries and `require("luv")` (through package.preload, from the same
// luv.so), its own libuv loop and scheduler. The results (or the error, with
// the thread's traceback for string errors) go back as a Message that each
// join decodes again; what it pins lives as long as the ThreadShared.
//
// ThreadShared is what the thread and its joiners share; it is thread-safe.
// A thread whose ThreadShared nobody holds any more keeps running to the
// end; process exit waits for it (luv/sched/thread_registry.h). A thread
// that failed and was never joined prints its error (with its traceback) to
// stderr when the last reference goes, so the error does not vanish.
#ifndef LUV_THREAD_THREAD_H_
#define LUV_THREAD_THREAD_H_

#include "luv/luacompat/luacompat.h"
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "luv/base/status.h"
#include "luv/codec/message.h"
#include "luv/uv/mailbox.h"

namespace luv::thread {

class ThreadShared {
 public:
  ThreadShared() = default;
  // Prints the error of a failed thread nobody joined.
  ~ThreadShared();
  ThreadShared(const ThreadShared&) = delete;
  ThreadShared& operator=(const ThreadShared&) = delete;

  // Arranges for `task` to run on `address`'s loop thread once the thread
  // has finished. Returns false (and drops the task) if it already has.
  bool NotifyWhenFinished(const uv::Mailbox::Address& address, uv::Task task);

  bool finished() const;

  // After finished(): whether the function raised, and the message of its
  // results (or of its error). Immutable once finished.
  bool failed() const { return failed_; }
  const codec::Message& results() const { return results_; }

  // A join delivered the results (or the error) to Lua code.
  void MarkJoined() { joined_.store(true, std::memory_order_relaxed); }

  // Called once by the thread when its function has returned or raised.
  // `report` is, for a failed thread, what stderr gets if nobody joins it:
  // "thread (function at f.lua:3) failed and was never joined: <error and
  // traceback>".
  void Finish(bool failed, codec::Message results, std::string report);

 private:
  mutable std::mutex mutex_;
  bool finished_ = false;                                          // guarded by mutex_
  std::vector<std::pair<uv::Mailbox::Address, uv::Task>> notify_;  // guarded by mutex_
  // Written before finished_ is set under the mutex, read only after it was
  // seen set: the mutex orders the two.
  bool failed_ = false;
  codec::Message results_;
  std::string report_;
  std::atomic<bool> joined_{false};
};

// Starts a thread running the call encoded in `call` (EncodeMessage of the
// function followed by its arguments). `open_luv` is luaopen_luv, preloaded
// as "luv" in the new state. Fails only if the OS refuses the thread.
luv::StatusOr<std::shared_ptr<ThreadShared>> Spawn(codec::Message call,
                                                    lua_CFunction open_luv);

}  // namespace luv::thread

#endif  // LUV_THREAD_THREAD_H_
