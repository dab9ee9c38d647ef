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
