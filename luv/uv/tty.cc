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

#include "luv/uv/tty.h"

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

luv::Status CheckTty(Stream* tty) {
  if (tty->type() != StreamType::kTty) return UvStatus(UV_EINVAL, "not a tty");
  if (tty->closing()) return UvStatus(UV_EBADF, "tty is closed");
  return luv::OkStatus();
}

}  // namespace

luv::Status TtySetMode(Stream* tty, std::string_view mode) {
  if (luv::Status status = CheckTty(tty); !status.ok()) return status;
  uv_tty_mode_t uv_mode;
  if (mode == "normal") {
    uv_mode = UV_TTY_MODE_NORMAL;
  } else if (mode == "raw") {
    uv_mode = UV_TTY_MODE_RAW;
  } else if (mode == "io") {
    uv_mode = UV_TTY_MODE_IO;
  } else {
    return UvStatus(UV_EINVAL, "tty mode must be \"normal\", \"raw\" or \"io\"");
  }
  return UvStatus(uv_tty_set_mode(tty->tty(), uv_mode), "tty mode");
}

luv::StatusOr<WindowSize> TtyWindowSize(Stream* tty) {
  if (luv::Status status = CheckTty(tty); !status.ok()) return status;
  WindowSize size;
  int rc = uv_tty_get_winsize(tty->tty(), &size.width, &size.height);
  if (rc != 0) return UvStatus(rc, "tty window size");
  return size;
}

}  // namespace luv::uv
