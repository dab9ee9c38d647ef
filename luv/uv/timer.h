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

// Timer: a libuv timer whose expiry calls a virtual OnTimer().
//
// Lifetime as HandleOwner (handle.h). Times are in milliseconds, on the
// loop's clock. Thread affinity: the loop's thread. Nothing blocks or raises.
#ifndef LUV_UV_TIMER_H_
#define LUV_UV_TIMER_H_

#include <cstdint>

#include "luv/base/status.h"
#include "luv/uv/handle.h"

namespace luv::uv {

class Timer : public HandleOwner {
 public:
  // Fires after `delay_ms`, then every `repeat_ms` if that is not zero.
  luv::Status Start(uint64_t delay_ms, uint64_t repeat_ms);
  luv::Status Stop();
  // Restarts a repeating timer with its repeat interval (uv_timer_again):
  // EINVAL if it was never started.
  luv::Status Again();
  bool active() const;
  uint64_t repeat() const;

  const luv::Status& init_status() const { return init_status_; }

 protected:
  explicit Timer(uv_loop_t* loop);

  // Called from the loop each time the timer expires.
  virtual void OnTimer() = 0;

 private:
  uv_timer_t timer_;
  luv::Status init_status_;
};

}  // namespace luv::uv

#endif  // LUV_UV_TIMER_H_
