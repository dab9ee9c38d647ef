// Status values for libuv results: the one place where a libuv error code
// becomes an absl::Status.
//
// Every failure luv reports carries a message that starts with libuv's error
// name ("ENOENT: no such file or directory: /tmp/x"), so that the Lua layer can
// return `nil, message, "ENOENT"` without a second lookup. Pure functions;
// any thread.
#ifndef LUV_UV_STATUS_H_
#define LUV_UV_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace luv::uv {

// Converts a libuv result (0 or a negative errno-style code) into a Status.
// A non-empty `context` (a path, an address) is appended to the message.
absl::Status UvStatus(int code, absl::string_view context = {});

// Builds a failure whose message starts with `name` ("ECODEC: ...") for errors
// that do not come from libuv.
absl::Status NamedError(absl::StatusCode code, absl::string_view name,
                        absl::string_view text);

// The error name a failed status starts with ("ENOENT"), or "EUNKNOWN" when
// the message has no name prefix. Empty for an OK status. The view points
// into `status`'s message or at a static string.
absl::string_view ErrorName(const absl::Status& status);

}  // namespace luv::uv

#endif  // LUV_UV_STATUS_H_
