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
