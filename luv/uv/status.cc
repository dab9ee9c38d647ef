#include "luv/uv/status.h"

#include <uv.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace luv::uv {

absl::Status UvStatus(int code, absl::string_view context) {
  if (code >= 0) return absl::OkStatus();
  std::string message = absl::StrCat(uv_err_name(code), ": ", uv_strerror(code));
  if (!context.empty()) absl::StrAppend(&message, ": ", context);
  // libuv codes are negated errno values on Unix.
  return absl::Status(absl::ErrnoToStatusCode(-code), message);
}

absl::Status NamedError(absl::StatusCode code, absl::string_view name,
                        absl::string_view text) {
  return absl::Status(code, absl::StrCat(name, ": ", text));
}

absl::string_view ErrorName(const absl::Status& status) {
  if (status.ok()) return "";
  absl::string_view message = status.message();
  size_t colon = message.find(':');
  absl::string_view name = message.substr(0, colon);
  bool looks_like_name =
      colon != absl::string_view::npos && name.size() > 1 && name[0] == 'E';
  for (char c : name) {
    if (!absl::ascii_isupper(c) && !absl::ascii_isdigit(c) && c != '_') {
      looks_like_name = false;
    }
  }
  return looks_like_name ? name : "EUNKNOWN";
}

}  // namespace luv::uv
