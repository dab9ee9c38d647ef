// TTY calls on a Stream of type kTty: terminal mode and window size.
//
// Thread affinity: the loop's thread. Nothing blocks or raises.
#ifndef LUV_UV_TTY_H_
#define LUV_UV_TTY_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "luv/uv/stream.h"

namespace luv::uv {

// "normal", "raw" (no line editing or echo, signals off) or "io" (raw with
// output processing off too; cfmakeraw). EINVAL for another name.
absl::Status TtySetMode(Stream* tty, absl::string_view mode);

struct WindowSize {
  int width;
  int height;
};
absl::StatusOr<WindowSize> TtyWindowSize(Stream* tty);

}  // namespace luv::uv

#endif  // LUV_UV_TTY_H_
