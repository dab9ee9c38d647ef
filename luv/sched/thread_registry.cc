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

#include "luv/sched/thread_registry.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <vector>

namespace luv::sched {
namespace {

struct Registry {
  std::mutex mutex;
  std::condition_variable all_ended;
  int live = 0;                                        // guarded by mutex
  uint64_t next_id = 1;                                // guarded by mutex
  std::map<uint64_t, uv::Mailbox::Address> mailboxes;  // guarded by mutex
};

// Never destroyed: luv threads may still use it while statics are torn down.
Registry& registry() {
  static Registry* registry = new Registry;
  return *registry;
}

std::atomic<bool> stopping{false};
thread_local bool luv_thread = false;

}  // namespace

void MarkLuvThread() { luv_thread = true; }

bool IsLuvThread() { return luv_thread; }

void ThreadStarting() {
  std::lock_guard<std::mutex> lock(registry().mutex);
  ++registry().live;
}

void ThreadEnded() {
  std::lock_guard<std::mutex> lock(registry().mutex);
  if (--registry().live == 0) registry().all_ended.notify_all();
}

bool Stopping() { return stopping.load(std::memory_order_acquire); }

uint64_t RegisterMailbox(const uv::Mailbox::Address& address) {
  std::lock_guard<std::mutex> lock(registry().mutex);
  uint64_t id = registry().next_id++;
  registry().mailboxes.emplace(id, address);
  return id;
}

void UnregisterMailbox(uint64_t id) {
  std::lock_guard<std::mutex> lock(registry().mutex);
  registry().mailboxes.erase(id);
}

void StopAndWaitForThreads() {
  std::unique_lock<std::mutex> lock(registry().mutex);
  if (registry().live == 0) return;
  stopping.store(true, std::memory_order_release);
  // Wake every loop so that its blocked state sees Stopping(). Threads that
  // start a new blocking call afterwards see the flag before they block.
  for (auto& [id, address] : registry().mailboxes) address.Post([] {});
  registry().all_ended.wait(lock, [] { return registry().live == 0; });
  stopping.store(false, std::memory_order_release);
}

}  // namespace luv::sched
