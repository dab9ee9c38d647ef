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

#include "luv/uv/fs_watch.h"

#include "luv/uv/status.h"

namespace luv::uv {

FsWatch::FsWatch(uv_loop_t* loop) {
  init_status_ = UvStatus(uv_fs_event_init(loop, &handle_), "fs watch");
  if (init_status_.ok()) Attach(reinterpret_cast<uv_handle_t*>(&handle_));
}

luv::Status FsWatch::Start(const char* path) {
  if (closing()) return UvStatus(UV_EBADF, "fs watch is closed");
  if (!path_.empty()) return UvStatus(UV_EALREADY, path_);
  int code = uv_fs_event_start(&handle_, Callback, path, 0);
  if (code < 0) return UvStatus(code, path);
  path_ = path;
  return luv::OkStatus();
}

void FsWatch::Callback(uv_fs_event_t* handle, const char* name, int events, int status) {
  auto* watch = static_cast<FsWatch*>(
      HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(handle)));
  if (status < 0) {
    watch->Queue(nullptr, nullptr, status);
  } else {
    if (events & UV_RENAME) watch->Queue("rename", name, 0);
    if (events & UV_CHANGE) watch->Queue("change", name, 0);
  }
  watch->OnEvents();
}

void FsWatch::Queue(const char* kind, const char* name, int code) {
  if (events_.size() >= kMaxQueued) {
    // One overflow marker past the limit; later events are dropped until
    // the owner has taken some.
    if (events_.back().code != UV_ENOBUFS) events_.push_back({nullptr, "", UV_ENOBUFS});
    return;
  }
  events_.push_back({kind, name != nullptr ? name : "", code});
}

}  // namespace luv::uv
