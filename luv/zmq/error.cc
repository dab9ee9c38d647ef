#include "luv/zmq/error.h"

#include <uv.h>
#include <zmq.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace luv::zmq {
namespace {

struct Named {
  int error;
  const char* name;
  absl::StatusCode code;
};

// ØMQ's own numbers (above ZMQ_HAUSNUMERO): neither errno nor libuv knows
// them.
constexpr Named kZmqErrors[] = {
    {EFSM, "EFSM", absl::StatusCode::kFailedPrecondition},
    {ENOCOMPATPROTO, "ENOCOMPATPROTO", absl::StatusCode::kInvalidArgument},
    {ETERM, "ETERM", absl::StatusCode::kCancelled},
    {EMTHREAD, "EMTHREAD", absl::StatusCode::kResourceExhausted},
};

const Named* FindZmqError(int error) {
  for (const Named& named : kZmqErrors) {
    if (named.error == error) return &named;
  }
  return nullptr;
}

}  // namespace

absl::string_view ZmqErrorName(int error) {
  if (const Named* named = FindZmqError(error)) return named->name;
  // libuv's names are errno's (its codes are negated errno values); it
  // writes "Unknown system error" for numbers it does not know. The buffer
  // is static per thread so the view stays valid.
  thread_local char buffer[64];
  if (error > 0 && error < ZMQ_HAUSNUMERO) {
    uv_err_name_r(-error, buffer, sizeof(buffer));
    if (buffer[0] == 'E' && std::strchr(buffer, ' ') == nullptr) return buffer;
  }
  return "EUNKNOWN";
}

absl::Status ZmqStatus(int error, absl::string_view context) {
  if (error == 0) return absl::OkStatus();
  std::string message = absl::StrCat(ZmqErrorName(error), ": ", zmq_strerror(error));
  if (!context.empty()) absl::StrAppend(&message, ": ", context);
  const Named* named = FindZmqError(error);
  absl::StatusCode code = named != nullptr ? named->code
                          : error > 0 && error < ZMQ_HAUSNUMERO
                              ? absl::ErrnoToStatusCode(error)
                              : absl::StatusCode::kUnknown;
  if (code == absl::StatusCode::kOk) code = absl::StatusCode::kUnknown;
  return absl::Status(code, message);
}

absl::Status LastZmqError(absl::string_view context) {
  return ZmqStatus(zmq_errno(), context);
}

}  // namespace luv::zmq
