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

#include "luv/uv/idle.h"

#include "luv/uv/status.h"

namespace luv::uv {

Idle::Idle(uv_loop_t* loop) {
  init_status_ = UvStatus(uv_idle_init(loop, &idle_), "idle");
  if (init_status_.ok()) Attach(reinterpret_cast<uv_handle_t*>(&idle_));
}

luv::Status Idle::Start() {
  if (closing()) return UvStatus(UV_EBADF, "idle watcher is closed");
  return UvStatus(
      uv_idle_start(&idle_,
                    [](uv_idle_t* handle) {
                      static_cast<Idle*>(
                          HandleOwner::FromHandle(reinterpret_cast<uv_handle_t*>(handle)))
                          ->OnIdle();
                    }),
      "idle");
}

luv::Status Idle::Stop() {
  if (closing()) return UvStatus(UV_EBADF, "idle watcher is closed");
  return UvStatus(uv_idle_stop(&idle_), "idle");
}

bool Idle::active() const {
  return !closing() && uv_is_active(reinterpret_cast<const uv_handle_t*>(&idle_));
}

}  // namespace luv::uv
