#include "luv/uv/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "luv/uv/handle.h"
#include "luv/uv/status.h"

namespace luv::uv {

namespace {

// Opens /dev/null on whichever of descriptors 0, 1, 2 is closed. open()
// returns the lowest free number, so each call fills the gap it checks.
void OpenClosedStandardDescriptors() {
  for (int fd = 0; fd < 3; ++fd) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    int opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) close(opened);  // another thread took `fd`
  }
}

}  // namespace

Loop::Loop() {
  OpenClosedStandardDescriptors();
  init_status_ = UvStatus(uv_loop_init(&loop_), "uv_loop_init");
}

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
