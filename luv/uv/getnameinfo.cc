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

#include "luv/uv/getnameinfo.h"

#include "luv/uv/status.h"

namespace luv::uv {

luv::Status NameInfoRequest::Start(uv_loop_t* loop, const SocketAddress& address,
                                    int flags) {
  target_ = address.ToString();
  req_.data = this;
  return UvStatus(uv_getnameinfo(loop, &req_, Callback, address.get(), flags), target_);
}

void NameInfoRequest::Callback(uv_getnameinfo_t* req, int status, const char* host,
                               const char* service) {
  auto* self = static_cast<NameInfoRequest*>(req->data);
  self->OnResolved(status, status == 0 && host != nullptr ? host : "",
                   status == 0 && service != nullptr ? service : "");  // may delete self
}

}  // namespace luv::uv
