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

#include "luv/uv/stdio.h"

#include <fcntl.h>
#include <uv.h>

#include <cerrno>
#include <cstdio>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

// A duplicate of `fd` numbered 3 or above, close-on-exec.
int Duplicate(int fd) { return fcntl(fd, F_DUPFD_CLOEXEC, 3); }

// A new open file of the same pipe, or -1.
int Reopen(int fd) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return -1;
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
  // O_NONBLOCK: opening a FIFO must not wait for the other end.
  int reopened = open(path, (flags & O_ACCMODE) | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (reopened < 0) return -1;
  if (reopened < 3) {  // never hand out a standard descriptor number
    int moved = Duplicate(reopened);
    close(reopened);
    return moved;
  }
  return reopened;
}

}  // namespace

const char* StdioKindName(StdioKind kind) {
  switch (kind) {
    case StdioKind::kTty:
      return "tty";
    case StdioKind::kPipe:
      return "pipe";
    case StdioKind::kFile:
      return "file";
  }
  return "file";
}

luv::StatusOr<StdioDescriptor> OpenStdio(int fd) {
  if (fcntl(fd, F_GETFD) < 0)
    return UvStatus(UV_EBADF, luv::StrCat("fd ", fd, " is not open"));
  StdioKind kind;
  int own = -1;
  switch (uv_guess_handle(fd)) {
    case UV_TTY:
      kind = StdioKind::kTty;
      own = Duplicate(fd);
      break;
    case UV_NAMED_PIPE:
    case UV_TCP:
      kind = StdioKind::kPipe;
      own = Reopen(fd);
      if (own < 0) own = Duplicate(fd);
      break;
    default:  // files, character devices, datagram sockets, unknown
      kind = StdioKind::kFile;
      own = Duplicate(fd);
      break;
  }
  if (own < 0) return UvStatus(-errno, luv::StrCat("fd ", fd));
  return StdioDescriptor{kind, own};
}

}  // namespace luv::uv
