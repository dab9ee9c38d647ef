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

#include "luv/uv/mailbox.h"

#include <utility>

#include "luv/uv/status.h"

namespace luv::uv {

bool Mailbox::Address::Post(Task task) const {
  if (shared_ == nullptr) return false;
  std::lock_guard<std::mutex> lock(shared_->mutex);
  if (shared_->async == nullptr) return false;
  shared_->tasks.push_back(std::move(task));
  // Under the lock, so that closing cannot free the handle meanwhile.
  uv_async_send(shared_->async);
  return true;
}

Mailbox::Mailbox(uv_loop_t* loop) : address_(std::make_shared<Address::Shared>()) {
  init_status_ = UvStatus(uv_async_init(loop, &async_, OnAsync), "mailbox");
  if (!init_status_.ok()) return;
  Attach(reinterpret_cast<uv_handle_t*>(&async_));
  MarkInternal();
  uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
  std::lock_guard<std::mutex> lock(address_.shared_->mutex);
  address_.shared_->async = &async_;
}

void Mailbox::Hold() {
  if (holds_++ == 0 && !closing()) uv_ref(reinterpret_cast<uv_handle_t*>(&async_));
}

void Mailbox::Drop() {
  if (--holds_ == 0 && !closing()) uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
}

void Mailbox::OnAsync(uv_async_t* async) {
  static_cast<Mailbox*>(HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(async)))
      ->RunTasks();
}

void Mailbox::RunTasks() {
  std::vector<Task> tasks;
  {
    std::lock_guard<std::mutex> lock(address_.shared_->mutex);
    tasks.swap(address_.shared_->tasks);
  }
  for (Task& task : tasks) task();
}

void Mailbox::OnClose() {
  std::vector<Task> dropped;
  {
    std::lock_guard<std::mutex> lock(address_.shared_->mutex);
    address_.shared_->async = nullptr;
    dropped.swap(address_.shared_->tasks);
  }
  // Tasks still queued are dropped (destroyed here, outside the lock): the
  // loop they were for is going away.
}

}  // namespace luv::uv
