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

// Loop: one libuv event loop, owned by one OS thread's scheduler.
//
// Construction initializes the loop; Shutdown() closes every handle still
// open (through its HandleOwner) and runs the loop until all close
// callbacks have run, so that uv_loop_close succeeds. Thread affinity: the
// owning thread only.
//
// Construction first makes sure descriptors 0, 1 and 2 are open, opening
// /dev/null on any that is closed (as Node.js does at startup): otherwise
// the loop's own descriptors would take those numbers, and libuv aborts when
// it closes a descriptor below 3.
#ifndef LUV_UV_LOOP_H_
#define LUV_UV_LOOP_H_

#include <uv.h>

#include "luv/base/status.h"

namespace luv::uv {

class Loop {
 public:
  Loop();
  ~Loop();
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  // The result of uv_loop_init; a loop that failed to start must not be used.
  const luv::Status& init_status() const { return init_status_; }

  uv_loop_t* get() { return &loop_; }

  // Closes all handles (every handle on this loop must belong to a
  // HandleOwner), waits for their close callbacks and outstanding requests,
  // and closes the loop. Idempotent; returns the uv_loop_close result.
  luv::Status Shutdown();

 private:
  uv_loop_t loop_;
  luv::Status init_status_;
  bool shut_down_ = false;
};

}  // namespace luv::uv

#endif  // LUV_UV_LOOP_H_
