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

#include "luv/uv/loop.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "luv/uv/handle.h"
#include "luv/uv/status.h"

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#include <sanitizer/linux_syscall_hooks.h>
#define LUV_UV_TSAN 1
#endif
#endif

namespace luv::uv {
namespace {

// libuv closes its own descriptors with a raw close system call, which
// ThreadSanitizer does not see: when another thread's loop then gets the
// same number, it reports a race between the two creations. Telling it
// about the closes first (nothing else can take the numbers before the real
// closes) keeps those reports away.
void AnnounceLoopCloses(uv_loop_t* loop) {
#ifdef LUV_UV_TSAN
  int handles = 0;
  uv_walk(
      loop, [](uv_handle_t*, void* count) { ++*static_cast<int*>(count); }, &handles);
  if (handles != 0) return;  // uv_loop_close will refuse and keep them
  const int fds[] = {uv_backend_fd(loop),    loop->async_io_watcher.fd, loop->async_wfd,
                     loop->signal_pipefd[0], loop->signal_pipefd[1],    loop->inotify_fd};
  for (int fd : fds) {
    if (fd >= 0) __sanitizer_syscall_pre_close(fd);
  }
#else
  (void)loop;
#endif
}

}  // namespace

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

luv::Status Loop::Shutdown() {
  if (shut_down_ || !init_status_.ok()) return luv::OkStatus();
  shut_down_ = true;
  uv_walk(
      &loop_,
      [](uv_handle_t* handle, void*) {
        if (!uv_is_closing(handle)) HandleOwner::FromHandle(handle)->Close();
      },
      nullptr);
  // Close callbacks run here; requests already in libuv's thread pool finish.
  uv_run(&loop_, UV_RUN_DEFAULT);
  AnnounceLoopCloses(&loop_);
  return UvStatus(uv_loop_close(&loop_), "uv_loop_close");
}

}  // namespace luv::uv
