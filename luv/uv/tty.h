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

// TTY calls on a Stream of type kTty: terminal mode and window size.
//
// Thread affinity: the loop's thread. Nothing blocks or raises.
#ifndef LUV_UV_TTY_H_
#define LUV_UV_TTY_H_

#include "luv/base/status.h"
#include <string_view>
#include "luv/uv/stream.h"

namespace luv::uv {

// "normal", "raw" (no line editing or echo, signals off) or "io" (raw with
// output processing off too; cfmakeraw). EINVAL for another name.
luv::Status TtySetMode(Stream* tty, std::string_view mode);

struct WindowSize {
  int width;
  int height;
};
luv::StatusOr<WindowSize> TtyWindowSize(Stream* tty);

}  // namespace luv::uv

#endif  // LUV_UV_TTY_H_
