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

#include "luv/base/status.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace luv {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kCancelled: return "CANCELLED";
    case StatusCode::kUnknown: return "UNKNOWN";
    case StatusCode::kInvalidArgument: return "INVALID_ARGUMENT";
    case StatusCode::kDeadlineExceeded: return "DEADLINE_EXCEEDED";
    case StatusCode::kNotFound: return "NOT_FOUND";
    case StatusCode::kAlreadyExists: return "ALREADY_EXISTS";
    case StatusCode::kPermissionDenied: return "PERMISSION_DENIED";
    case StatusCode::kResourceExhausted: return "RESOURCE_EXHAUSTED";
    case StatusCode::kFailedPrecondition: return "FAILED_PRECONDITION";
    case StatusCode::kAborted: return "ABORTED";
    case StatusCode::kOutOfRange: return "OUT_OF_RANGE";
    case StatusCode::kUnimplemented: return "UNIMPLEMENTED";
    case StatusCode::kInternal: return "INTERNAL";
    case StatusCode::kUnavailable: return "UNAVAILABLE";
    case StatusCode::kDataLoss: return "DATA_LOSS";
    case StatusCode::kUnauthenticated: return "UNAUTHENTICATED";
  }
  return "UNKNOWN";
}

StatusCode ErrnoToStatusCode(int error) {
  switch (error) {
    case 0: return StatusCode::kOk;
    case EINVAL: case ENAMETOOLONG: case E2BIG: case EDESTADDRREQ: case EDOM:
    case EFAULT: case EILSEQ: case ENOPROTOOPT: case ENOTSOCK: case ENOTTY:
    case EPROTOTYPE: case ESPIPE:
      return StatusCode::kInvalidArgument;
    case ETIMEDOUT: case ETIME:
      return StatusCode::kDeadlineExceeded;
    case ENODEV: case ENOENT: case ENXIO: case ESRCH:
      return StatusCode::kNotFound;
    case EEXIST: case EADDRNOTAVAIL: case EALREADY: case ENOTUNIQ:
      return StatusCode::kAlreadyExists;
    case EPERM: case EACCES: case ENOKEY: case EROFS:
      return StatusCode::kPermissionDenied;
    case ENOTEMPTY: case EISDIR: case ENOTDIR: case EADDRINUSE: case EBADF:
    case EBADFD: case EBUSY: case ECHILD: case EISCONN: case ENOTBLK:
    case ENOTCONN: case EPIPE: case ESHUTDOWN: case ETXTBSY: case EUNATCH:
      return StatusCode::kFailedPrecondition;
    case ENOSPC: case EDQUOT: case EMFILE: case EMLINK: case ENFILE:
    case ENOBUFS: case ENODATA: case ENOMEM: case ENOSR: case EUSERS:
      return StatusCode::kResourceExhausted;
    case ECHRNG: case EFBIG: case EOVERFLOW: case ERANGE:
      return StatusCode::kOutOfRange;
    case ENOPKG: case ENOSYS: case ENOTSUP: case EAFNOSUPPORT:
    case EPFNOSUPPORT: case EPROTONOSUPPORT: case ESOCKTNOSUPPORT: case EXDEV:
      return StatusCode::kUnimplemented;
    case EAGAIN: case ECOMM: case ECONNREFUSED: case ECONNABORTED:
    case ECONNRESET: case EINTR: case EHOSTDOWN: case EHOSTUNREACH:
    case ENETDOWN: case ENETRESET: case ENETUNREACH: case ENOLCK: case ENOLINK:
    case ENONET:
      return StatusCode::kUnavailable;
    case EDEADLK: case ESTALE:
      return StatusCode::kAborted;
    case ECANCELED:
      return StatusCode::kCancelled;
    default:
      return StatusCode::kUnknown;
  }
}

Status::Status(StatusCode code, std::string_view message) : code_(code) {
  if (code != StatusCode::kOk) message_.assign(message.data(), message.size());
}

std::string Status::ToString() const {
  std::string text(StatusCodeName(code_));
  if (!ok()) text.append(": ").append(message_);
  return text;
}

std::ostream& operator<<(std::ostream& out, const Status& status) {
  return out << status.ToString();
}

Status CancelledError(std::string_view m) { return Status(StatusCode::kCancelled, m); }
Status InvalidArgumentError(std::string_view m) { return Status(StatusCode::kInvalidArgument, m); }
Status NotFoundError(std::string_view m) { return Status(StatusCode::kNotFound, m); }
Status AlreadyExistsError(std::string_view m) { return Status(StatusCode::kAlreadyExists, m); }
Status PermissionDeniedError(std::string_view m) { return Status(StatusCode::kPermissionDenied, m); }
Status ResourceExhaustedError(std::string_view m) { return Status(StatusCode::kResourceExhausted, m); }
Status FailedPreconditionError(std::string_view m) { return Status(StatusCode::kFailedPrecondition, m); }
Status InternalError(std::string_view m) { return Status(StatusCode::kInternal, m); }

namespace status_internal {
void AbortOnFailedValue(const Status& status) {
  std::fprintf(stderr, "luv: value() of a failed StatusOr: %s\n", status.ToString().c_str());
  std::abort();
}
}  // namespace status_internal

}  // namespace luv
