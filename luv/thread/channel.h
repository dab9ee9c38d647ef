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

// Channel: a queue of messages (codec blobs with the live objects they name)
// shared by the Lua states of one process, with the bookkeeping for states
// that wait on it. A message dropped undecoded (the channel destroyed with
// messages queued) releases what it pins.
//
// Every Lua state that holds the channel has an Endpoint of its own (the
// Lua binding implements it). The core never touches a state: it records,
// in FIFO order, which endpoint has a getter (or putter) waiting, and when a
// message (or free space) arrives it picks the first such entry and asks
// that endpoint, on the endpoint's own thread (directly when the caller is
// on it, else through the endpoint's mailbox), to wake one local waiter.
// A woken waiter retries; if the endpoint finds nobody waiting any more (the
// waiter timed out or was cancelled) it passes the notification on, so no
// wake-up is lost. Mailboxes queue tasks, so merged async signals lose
// nothing either.
//
// Thread-safe. Endpoint callbacks run without the core's lock held.
#ifndef LUV_THREAD_CHANNEL_H_
#define LUV_THREAD_CHANNEL_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "luv/codec/message.h"
#include "luv/uv/mailbox.h"

namespace luv::thread {

class ChannelCore;

// One Lua state's view of a channel. Methods run on that state's thread.
class ChannelEndpoint {
 public:
  virtual ~ChannelEndpoint() = default;
  // Wake one waiting getter (putter); if there is none, call
  // core.PassOn(kind, ...) so that another waiter is woken instead.
  virtual void WakeGetter() = 0;
  virtual void WakePutter() = 0;
  // The channel was closed: wake every local waiter.
  virtual void WakeAll() = 0;
};

class ChannelCore {
 public:
  // `capacity`: 0 for unbounded, else the most messages queued at once.
  explicit ChannelCore(size_t capacity) : capacity_(capacity) {}

  size_t capacity() const { return capacity_; }

  // An endpoint joins. `thread_tag` identifies the thread it lives on (its
  // scheduler): callers on the same tag are served directly.
  uint64_t Attach(std::weak_ptr<ChannelEndpoint> endpoint, uv::Mailbox::Address address,
                  const void* thread_tag);
  void Detach(uint64_t endpoint_id);

  enum class Result { kDone, kWouldBlock, kClosed };

  // Queues `message` (moved from on success). kWouldBlock when full: the
  // caller's endpoint is recorded as having a putter waiting, and the
  // caller then waits on its endpoint until woken, then retries.
  Result Put(codec::Message* message, uint64_t endpoint_id, const void* caller_tag);

  // Takes the oldest message. kWouldBlock when empty (the getter is
  // recorded, as above); kClosed once closed and drained.
  Result Get(codec::Message* message, uint64_t endpoint_id, const void* caller_tag);

  // Takes the oldest message if there is one, without recording a waiter
  // (for a woken getter taking its message when it resumes).
  Result TryGet(codec::Message* message, const void* caller_tag);

  // For luv.select: true if a message is queued or the channel is closed;
  // else records the endpoint as having a getter waiting (like Get).
  bool WatchForMessage(uint64_t endpoint_id);

  // Closes the channel (idempotent): puts fail, gets drain what is queued,
  // and every waiter is woken to see it.
  void Close(const void* caller_tag);
  bool closed() const;
  size_t size() const;

  enum class Kind { kGetter, kPutter };
  // An endpoint that was asked to wake a waiter found none: wake the next.
  void PassOn(Kind kind, const void* caller_tag);

 private:
  struct Attached {
    std::weak_ptr<ChannelEndpoint> endpoint;
    uv::Mailbox::Address address;
    const void* thread_tag;
  };

  // Picks the first waiting entry of `kind` (under the lock) and returns
  // what to notify; false if nobody waits.
  bool PickLocked(Kind kind, Attached* out);
  // Notifies outside the lock: directly or through the mailbox.
  static void Notify(const Attached& target, Kind kind, const void* caller_tag);

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<codec::Message> messages_;     // guarded by mutex_
  std::deque<uint64_t> waiting_getters_;    // endpoint ids; guarded by mutex_
  std::deque<uint64_t> waiting_putters_;    // endpoint ids; guarded by mutex_
  std::map<uint64_t, Attached> endpoints_;  // guarded by mutex_
  uint64_t next_endpoint_id_ = 1;           // guarded by mutex_
  bool closed_ = false;                     // guarded by mutex_
};

}  // namespace luv::thread

#endif  // LUV_THREAD_CHANNEL_H_
