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

// Opening the standard streams (fds 0, 1, 2) for fiber-friendly I/O without
// disturbing the descriptors the process and its relatives share.
//
// libuv makes the descriptors it watches non-blocking, which would also
// affect whoever shares the open file — the shell, a parent reading our
// output, and this process's own C stdio (print, io.write), which would
// start failing with EAGAIN. So luv works on a descriptor of its own:
//  - a terminal: a duplicate, which libuv's uv_tty_init reopens as a new
//    open file of the same terminal;
//  - a pipe or FIFO: /proc/self/fd/N reopened, a new open file of the same
//    pipe (a duplicate when that fails);
//  - a socket: a duplicate (sockets cannot be reopened; this one shares the
//    non-blocking flag with the original);
//  - anything else (a regular file, /dev/null): a duplicate, used through
//    FileStream on libuv's thread pool, since epoll cannot watch it.
// The returned descriptor is close-on-exec and belongs to the caller.
//
// Any thread. Does not block (a FIFO is reopened non-blocking).
#ifndef LUV_UV_STDIO_H_
#define LUV_UV_STDIO_H_

#include "luv/base/status.h"

namespace luv::uv {

enum class StdioKind { kTty, kPipe, kFile };

// "tty", "pipe" or "file".
const char* StdioKindName(StdioKind kind);

struct StdioDescriptor {
  StdioKind kind;
  int fd;  // the caller's own descriptor
};

// EBADF when `fd` is not open.
luv::StatusOr<StdioDescriptor> OpenStdio(int fd);

}  // namespace luv::uv

#endif  // LUV_UV_STDIO_H_
