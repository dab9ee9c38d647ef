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

#include "luv/uv/fs_request.h"

#include <cstring>
#include <string>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {

FsRequest::FsRequest(void* owner) {
  // A zeroed request is safe to clean up before it was ever started.
  std::memset(&req_, 0, sizeof(req_));
  req_.data = owner;
}

FsRequest::~FsRequest() { uv_fs_req_cleanup(&req_); }

void FsRequest::Reset() {
  void* owner = req_.data;
  uv_fs_req_cleanup(&req_);
  std::memset(&req_, 0, sizeof(req_));
  req_.data = owner;
}

luv::Status FsRequest::status(std::string_view context) const {
  if (req_.result >= 0) return luv::OkStatus();
  int code = static_cast<int>(req_.result);
  if (!context.empty()) return UvStatus(code, context);
  return UvStatus(code, paths());
}

std::string FsRequest::paths() const {
  if (req_.path == nullptr) return std::string();
  if (req_.new_path == nullptr) return req_.path;
  return luv::StrCat(req_.path, " -> ", req_.new_path);
}

}  // namespace luv::uv
