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

#include "luv/thread/channel.h"

#include <utility>
#include <vector>

namespace luv::thread {

uint64_t ChannelCore::Attach(std::weak_ptr<ChannelEndpoint> endpoint,
                             uv::Mailbox::Address address, const void* thread_tag) {
  std::lock_guard<std::mutex> lock(mutex_);
  uint64_t id = next_endpoint_id_++;
  endpoints_.emplace(id, Attached{std::move(endpoint), std::move(address), thread_tag});
  return id;
}

void ChannelCore::Detach(uint64_t endpoint_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  endpoints_.erase(endpoint_id);
  // Its waiting entries stay in the queues; PickLocked skips them.
}

bool ChannelCore::closed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

size_t ChannelCore::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return messages_.size();
}

bool ChannelCore::PickLocked(Kind kind, Attached* out) {
  std::deque<uint64_t>& queue =
      kind == Kind::kGetter ? waiting_getters_ : waiting_putters_;
  while (!queue.empty()) {
    uint64_t id = queue.front();
    queue.pop_front();
    auto found = endpoints_.find(id);
    if (found == endpoints_.end()) continue;  // that endpoint is gone
    *out = found->second;
    return true;
  }
  return false;
}

void ChannelCore::Notify(const Attached& target, Kind kind, const void* caller_tag) {
  if (target.thread_tag == caller_tag) {
    // The caller runs on the endpoint's thread.
    if (std::shared_ptr<ChannelEndpoint> endpoint = target.endpoint.lock()) {
      kind == Kind::kGetter ? endpoint->WakeGetter() : endpoint->WakePutter();
    }
    return;
  }
  std::weak_ptr<ChannelEndpoint> weak = target.endpoint;
  target.address.Post([weak, kind] {
    if (std::shared_ptr<ChannelEndpoint> endpoint = weak.lock()) {
      kind == Kind::kGetter ? endpoint->WakeGetter() : endpoint->WakePutter();
    }
  });
}

void ChannelCore::PassOn(Kind kind, const void* caller_tag) {
  Attached target;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // Only worth passing on if what the waiter was woken for is still
    // there: a message for a getter, room (or closing) for a putter.
    bool worth = kind == Kind::kGetter ? !messages_.empty()
                                       : capacity_ == 0 || messages_.size() < capacity_;
    if (!worth || !PickLocked(kind, &target)) return;
  }
  Notify(target, kind, caller_tag);
}

ChannelCore::Result ChannelCore::Put(codec::Message* message, uint64_t endpoint_id,
                                     const void* caller_tag) {
  Attached target;
  bool notify;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return Result::kClosed;
    if (capacity_ != 0 && messages_.size() >= capacity_) {
      waiting_putters_.push_back(endpoint_id);
      return Result::kWouldBlock;
    }
    messages_.push_back(std::move(*message));
    notify = PickLocked(Kind::kGetter, &target);
  }
  if (notify) Notify(target, Kind::kGetter, caller_tag);
  return Result::kDone;
}

ChannelCore::Result ChannelCore::Get(codec::Message* message, uint64_t endpoint_id,
                                     const void* caller_tag) {
  Attached target;
  bool notify = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (messages_.empty()) {
      if (closed_) return Result::kClosed;
      waiting_getters_.push_back(endpoint_id);
      return Result::kWouldBlock;
    }
    *message = std::move(messages_.front());
    messages_.pop_front();
    if (capacity_ != 0) notify = PickLocked(Kind::kPutter, &target);
  }
  if (notify) Notify(target, Kind::kPutter, caller_tag);
  return Result::kDone;
}

ChannelCore::Result ChannelCore::TryGet(codec::Message* message, const void* caller_tag) {
  Attached target;
  bool notify = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (messages_.empty()) return closed_ ? Result::kClosed : Result::kWouldBlock;
    *message = std::move(messages_.front());
    messages_.pop_front();
    if (capacity_ != 0) notify = PickLocked(Kind::kPutter, &target);
  }
  if (notify) Notify(target, Kind::kPutter, caller_tag);
  return Result::kDone;
}

bool ChannelCore::WatchForMessage(uint64_t endpoint_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!messages_.empty() || closed_) return true;
  waiting_getters_.push_back(endpoint_id);
  return false;
}

void ChannelCore::Close(const void* caller_tag) {
  std::vector<Attached> everyone;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return;
    closed_ = true;
    waiting_getters_.clear();
    waiting_putters_.clear();
    for (auto& [id, attached] : endpoints_) everyone.push_back(attached);
  }
  for (const Attached& target : everyone) {
    if (target.thread_tag == caller_tag) {
      if (auto endpoint = target.endpoint.lock()) endpoint->WakeAll();
      continue;
    }
    std::weak_ptr<ChannelEndpoint> weak = target.endpoint;
    target.address.Post([weak] {
      if (auto endpoint = weak.lock()) endpoint->WakeAll();
    });
  }
}

}  // namespace luv::thread
