#include "luv/uv/loop.h"

#include "luv/uv/handle.h"
#include "luv/uv/status.h"

namespace luv::uv {

Loop::Loop() { init_status_ = UvStatus(uv_loop_init(&loop_), "uv_loop_init"); }

Loop::~Loop() { Shutdown().IgnoreError(); }

absl::Status Loop::Shutdown() {
  if (shut_down_ || !init_status_.ok()) return absl::OkStatus();
  shut_down_ = true;
  uv_walk(
      &loop_,
      [](uv_handle_t* handle, void*) {
        if (!uv_is_closing(handle)) HandleOwner::FromHandle(handle)->Close();
      },
      nullptr);
  // Close callbacks run here; requests already in libuv's thread pool finish.
  uv_run(&loop_, UV_RUN_DEFAULT);
  return UvStatus(uv_loop_close(&loop_), "uv_loop_close");
}

}  // namespace luv::uv
