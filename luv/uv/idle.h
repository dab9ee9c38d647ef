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

// Idle: a libuv idle watcher whose every run calls a virtual OnIdle().
//
// While started, the loop does not block waiting for I/O. Lifetime as
// HandleOwner (handle.h). Thread affinity: the loop's thread.
#ifndef LUV_UV_IDLE_H_
#define LUV_UV_IDLE_H_

#include "luv/base/status.h"
#include "luv/uv/handle.h"

namespace luv::uv {

class Idle : public HandleOwner {
 public:
  luv::Status Start();
  luv::Status Stop();
  bool active() const;

  const luv::Status& init_status() const { return init_status_; }

 protected:
  explicit Idle(uv_loop_t* loop);

  // Called once per loop iteration while started.
  virtual void OnIdle() = 0;

 private:
  uv_idle_t idle_;
  luv::Status init_status_;
};

}  // namespace luv::uv

#endif  // LUV_UV_IDLE_H_
