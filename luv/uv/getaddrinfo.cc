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

#include "luv/uv/getaddrinfo.h"

#include <cstring>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

luv::Status CheckText(std::string_view text, size_t max, const char* what) {
  if (text.find('\0') != std::string_view::npos) {
    return UvStatus(UV_EINVAL, luv::StrCat(what, " contains a NUL byte"));
  }
  if (text.size() > max) {
    return UvStatus(UV_EINVAL, luv::StrCat(what, " is longer than ", max, " bytes"));
  }
  return luv::OkStatus();
}

}  // namespace

luv::Status AddrInfoRequest::Start(uv_loop_t* loop, std::string_view host,
                                    std::string_view service,
                                    const AddrInfoHints& hints) {
  if (luv::Status status = CheckText(host, kMaxHostLength, "host"); !status.ok()) {
    return status;
  }
  if (luv::Status status = CheckText(service, kMaxServiceLength, "service");
      !status.ok()) {
    return status;
  }
  if (host.empty() && service.empty()) {
    return UvStatus(UV_EINVAL, "getaddrinfo needs a host or a service");
  }
  char host_text[kMaxHostLength + 1];
  char service_text[kMaxServiceLength + 1];
  std::memcpy(host_text, host.data(), host.size());
  host_text[host.size()] = '\0';
  std::memcpy(service_text, service.data(), service.size());
  service_text[service.size()] = '\0';
  target_ = service.empty() ? std::string(host) : luv::StrCat(host, ":", service);

  addrinfo uv_hints;
  std::memset(&uv_hints, 0, sizeof(uv_hints));
  uv_hints.ai_family = hints.family;
  uv_hints.ai_socktype = hints.socktype;
  uv_hints.ai_protocol = hints.protocol;
  uv_hints.ai_flags = hints.flags;
  req_.data = this;
  int rc = uv_getaddrinfo(loop, &req_, Callback, host.empty() ? nullptr : host_text,
                          service.empty() ? nullptr : service_text, &uv_hints);
  return UvStatus(rc, target_);
}

void AddrInfoRequest::Callback(uv_getaddrinfo_t* req, int status, addrinfo* list) {
  auto* self = static_cast<AddrInfoRequest*>(req->data);
  std::vector<ResolvedAddress> results;
  if (status == 0) {
    for (addrinfo* info = list; info != nullptr; info = info->ai_next) {
      if (info->ai_addr == nullptr) continue;
      luv::StatusOr<SocketAddress> address = SocketAddress::FromSockaddr(info->ai_addr);
      if (!address.ok()) continue;  // a family luv does not speak
      ResolvedAddress resolved;
      resolved.address = *address;
      resolved.socktype = info->ai_socktype;
      resolved.protocol = info->ai_protocol;
      if (info->ai_canonname != nullptr) resolved.canonical_name = info->ai_canonname;
      results.push_back(std::move(resolved));
    }
  }
  uv_freeaddrinfo(list);
  self->OnResolved(status, std::move(results));  // may delete `self`
}

}  // namespace luv::uv
