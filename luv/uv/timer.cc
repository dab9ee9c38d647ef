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

#include "luv/uv/timer.h"

#include "luv/uv/status.h"

namespace luv::uv {

Timer::Timer(uv_loop_t* loop) {
  init_status_ = UvStatus(uv_timer_init(loop, &timer_), "timer");
  if (init_status_.ok()) Attach(reinterpret_cast<uv_handle_t*>(&timer_));
}

luv::Status Timer::Start(uint64_t delay_ms, uint64_t repeat_ms) {
  if (closing()) return UvStatus(UV_EBADF, "timer is closed");
  // The loop's clock is cached per iteration and may be stale when a state
  // ran for a while without polling; the delay counts from now.
  uv_update_time(timer_.loop);
  return UvStatus(uv_timer_start(
                      &timer_,
                      [](uv_timer_t* handle) {
                        static_cast<Timer*>(HandleOwner::FromHandle(
                                                reinterpret_cast<uv_handle_t*>(handle)))
                            ->OnTimer();
                      },
                      delay_ms, repeat_ms),
                  "timer");
}

luv::Status Timer::Stop() {
  if (closing()) return UvStatus(UV_EBADF, "timer is closed");
  return UvStatus(uv_timer_stop(&timer_), "timer");
}

luv::Status Timer::Again() {
  if (closing()) return UvStatus(UV_EBADF, "timer is closed");
  uv_update_time(timer_.loop);
  return UvStatus(uv_timer_again(&timer_), "timer was never started");
}

bool Timer::active() const {
  return !closing() && uv_is_active(reinterpret_cast<const uv_handle_t*>(&timer_));
}

uint64_t Timer::repeat() const { return uv_timer_get_repeat(&timer_); }

}  // namespace luv::uv
