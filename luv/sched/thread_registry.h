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

// Process-wide bookkeeping for luv's OS threads, and what process exit means.
//
// Every luv thread (luv.thread.spawn) counts as live from just before it
// starts until its Lua state is closed. When a Lua state that is not a luv
// thread's (the interpreter's main state) closes its scheduler, luv stops
// and waits for the live threads: it raises an error at each thread's next
// blocking call ("the process is exiting") so their functions unwind, and
// returns once all have closed their states. Threads busy in Lua code that
// never blocks delay exit until they do. This keeps luv.so mapped until no
// thread runs its code.
//
// Every scheduler registers its mailbox here so that a stop request can wake
// it. All functions are thread-safe.
#ifndef LUV_SCHED_THREAD_REGISTRY_H_
#define LUV_SCHED_THREAD_REGISTRY_H_

#include <cstdint>

#include "luv/uv/mailbox.h"

namespace luv::sched {

// Marks the calling OS thread as a luv thread (first thing it does).
void MarkLuvThread();
bool IsLuvThread();

// Counts a luv thread as live: ThreadStarting before it is created (so a
// concurrent exit waits for it), ThreadEnded after its state closed.
void ThreadStarting();
void ThreadEnded();

// True once exit has begun: luv threads' blocking calls fail.
bool Stopping();

// Schedulers register their mailbox for the stop request's wake-up.
uint64_t RegisterMailbox(const uv::Mailbox::Address& address);
void UnregisterMailbox(uint64_t id);

// Exit: flags Stopping, wakes every registered mailbox, and waits until no
// luv thread is live. Called when a non-luv-thread state closes.
void StopAndWaitForThreads();

}  // namespace luv::sched

#endif  // LUV_SCHED_THREAD_REGISTRY_H_
