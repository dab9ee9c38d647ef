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
