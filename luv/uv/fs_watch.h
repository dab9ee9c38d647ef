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

// FsWatch: a libuv file system event handle (inotify on Linux) that queues
// what it reports, for owners that take events one at a time.
//
// An event says that the watched file, or an entry of the watched
// directory, was renamed (created, deleted or moved: "rename") or changed
// ("change"), and names the entry when libuv knows it. A report carrying
// both becomes two events, "rename" first. The queue is bounded: when it is
// full, further events are dropped and one overflow event (UV_ENOBUFS)
// marks the gap.
//
// Lifetime as HandleOwner (handle.h). Thread affinity: the loop's thread.
// Nothing blocks or raises.
#ifndef LUV_UV_FS_WATCH_H_
#define LUV_UV_FS_WATCH_H_

#include <uv.h>

#include <cstddef>
#include <deque>
#include <string>

#include "luv/base/status.h"
#include "luv/uv/handle.h"

namespace luv::uv {

class FsWatch : public HandleOwner {
 public:
  // Events kept before the queue overflows.
  static constexpr size_t kMaxQueued = 1024;

  struct Event {
    // "rename" or "change"; null for a failure.
    const char* kind;
    // The entry's name; empty when libuv gave none.
    std::string name;
    // 0, or the libuv error code of a failure (UV_ENOBUFS: overflow).
    int code;
  };

  // Starts watching `path` (a file or a directory). Once only; EBADF after
  // Close().
  luv::Status Start(const char* path);

  const luv::Status& init_status() const { return init_status_; }
  const std::string& path() const { return path_; }

  bool empty() const { return events_.empty(); }
  size_t size() const { return events_.size(); }
  // The oldest queued event; the queue must not be empty.
  const Event& front() const { return events_.front(); }
  void pop() { events_.pop_front(); }

 protected:
  explicit FsWatch(uv_loop_t* loop);

  // Called from the loop after one report added events to the queue.
  virtual void OnEvents() = 0;

 private:
  static void Callback(uv_fs_event_t* handle, const char* name, int events, int status);
  void Queue(const char* kind, const char* name, int code);

  uv_fs_event_t handle_;
  luv::Status init_status_;
  std::string path_;
  std::deque<Event> events_;
};

}  // namespace luv::uv

#endif  // LUV_UV_FS_WATCH_H_
