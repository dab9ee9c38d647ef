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

// Status and StatusOr: how every Lua-free layer of luv reports a failure.
//
// A failed Status carries a code (the broad kind, used by tests and by
// callers that branch on it) and a message that starts with the error's
// name ("ENOENT: no such file or directory: /tmp/x"; see luv/uv/status.h), so
// the Lua layer can return `nil, message, "ENOENT"`. luv has its own type
// rather than abseil's so that luv.so links no library without a stable ABI
// (docs/decisions.md, "Installing"). Value types; any thread.
#ifndef LUV_BASE_STATUS_H_
#define LUV_BASE_STATUS_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace luv {

// The kinds of failure (the canonical gRPC/abseil numbering, so logs read
// the same as in code that uses those libraries).
enum class StatusCode : int {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
};

// "INVALID_ARGUMENT" for kInvalidArgument.
std::string_view StatusCodeName(StatusCode code);

// The kind of failure an errno value (EINVAL, ENOENT, ...) stands for.
StatusCode ErrnoToStatusCode(int error);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string_view message);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // Empty for an OK status.
  std::string_view message() const { return message_; }
  // "INVALID_ARGUMENT: <message>", or "OK".
  std::string ToString() const;
  // Says, where a failure cannot be reported (a destructor), that it is
  // dropped on purpose.
  void IgnoreError() const {}

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }
  friend bool operator!=(const Status& a, const Status& b) { return !(a == b); }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// For test failure messages: the ToString() text.
std::ostream& operator<<(std::ostream& out, const Status& status);

inline Status OkStatus() { return Status(); }
Status CancelledError(std::string_view message);
Status InvalidArgumentError(std::string_view message);
Status NotFoundError(std::string_view message);
Status AlreadyExistsError(std::string_view message);
Status PermissionDeniedError(std::string_view message);
Status ResourceExhaustedError(std::string_view message);
Status FailedPreconditionError(std::string_view message);
Status InternalError(std::string_view message);

namespace status_internal {
[[noreturn]] void AbortOnFailedValue(const Status& status);
}  // namespace status_internal

// A value or the failure that prevented it. Built from a failed Status
// (an OK one becomes an internal error, as it carries no value) or from
// anything a T can be built from.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(const Status& status) : status_(status) { RefuseOk(); }
  StatusOr(Status&& status) : status_(std::move(status)) { RefuseOk(); }
  template <typename U = T,
            typename = std::enable_if_t<
                std::is_constructible_v<T, U&&> &&
                !std::is_same_v<std::decay_t<U>, Status> &&
                !std::is_same_v<std::decay_t<U>, StatusOr<T>>>>
  StatusOr(U&& value) : value_(std::in_place, std::forward<U>(value)) {}

  bool ok() const { return status_.ok(); }
  const Status& status() const& { return status_; }
  void IgnoreError() const {}
  Status status() && { return std::move(status_); }

  // Only on an OK StatusOr (checked: a failed one aborts with its message).
  T& value() & { CheckOk(); return *value_; }
  const T& value() const& { CheckOk(); return *value_; }
  T&& value() && { CheckOk(); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  template <typename... Args>
  T& emplace(Args&&... args) {
    status_ = OkStatus();
    return value_.emplace(std::forward<Args>(args)...);
  }

 private:
  void RefuseOk() {
    if (status_.ok()) status_ = InternalError("StatusOr built from an OK status");
  }
  void CheckOk() const {
    if (!status_.ok()) status_internal::AbortOnFailedValue(status_);
  }
  Status status_;
  std::optional<T> value_;
};

}  // namespace luv

#endif  // LUV_BASE_STATUS_H_
