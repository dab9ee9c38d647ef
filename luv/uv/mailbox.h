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

// Mailbox: tasks posted from any thread, run on one loop's thread.
//
// The loop's owner creates a Mailbox (a HandleOwner around a uv_async_t) and
// hands out Addresses. Any thread may Post a task to an Address; the loop's
// thread runs every posted task from its async callback, in posting order.
// libuv may merge several uv_async_send calls into one callback; the queue
// is what carries each wake-up, so none is lost. Once the mailbox is closed,
// Post returns false and drops the task: posting never touches a freed
// handle. Tasks still queued when it closes are dropped.
//
// By default a mailbox does not keep its loop alive. Hold()/Drop() count
// outstanding cross-thread waits (a join of a running thread, say): while
// the count is above zero the loop stays alive, so a state waiting for
// another thread is not taken for deadlocked.
//
// Thread affinity: Post is thread-safe; everything else is for the loop's
// thread.
#ifndef LUV_UV_MAILBOX_H_
#define LUV_UV_MAILBOX_H_

#include <uv.h>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "luv/base/status.h"
#include "luv/uv/handle.h"

namespace luv::uv {

using Task = std::function<void()>;

class Mailbox : public HandleOwner {
 public:
  // Where other threads post to. Copyable, outlives the mailbox safely.
  class Address {
   public:
    Address() = default;
    // Queues `task` for the mailbox's loop thread; false once it is closed.
    bool Post(Task task) const;
    bool valid() const { return shared_ != nullptr; }

   private:
    friend class Mailbox;
    struct Shared;
    explicit Address(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}
    std::shared_ptr<Shared> shared_;
  };

  explicit Mailbox(uv_loop_t* loop);

  const luv::Status& init_status() const { return init_status_; }
  Address address() const { return address_; }

  // Keep the loop alive while cross-thread waits are outstanding.
  void Hold();
  void Drop();

 protected:
  void OnClose() override;

 private:
  static void OnAsync(uv_async_t* async);
  void RunTasks();

  uv_async_t async_;
  luv::Status init_status_;
  Address address_;
  int holds_ = 0;
};

// The state shared between a mailbox and its addresses.
struct Mailbox::Address::Shared {
  std::mutex mutex;
  uv_async_t* async = nullptr;  // null once closed; guarded by mutex
  std::vector<Task> tasks;      // guarded by mutex
};

}  // namespace luv::uv

#endif  // LUV_UV_MAILBOX_H_
