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

// NameInfoRequest: one asynchronous getnameinfo (reverse lookup of an
// address and port), run on libuv's thread pool.
//
// The owner keeps the request alive until OnResolved ran (exactly once,
// from the loop, after a successful Start). Thread affinity: the loop's
// thread. Nothing blocks or raises.
#ifndef LUV_UV_GETNAMEINFO_H_
#define LUV_UV_GETNAMEINFO_H_

#include <uv.h>

#include <string>

#include "luv/base/status.h"
#include "luv/uv/address.h"

namespace luv::uv {

class NameInfoRequest {
 public:
  NameInfoRequest() = default;
  NameInfoRequest(const NameInfoRequest&) = delete;
  NameInfoRequest& operator=(const NameInfoRequest&) = delete;
  virtual ~NameInfoRequest() = default;

  // Starts the lookup of `address`; `flags` are getnameinfo's NI_* flags.
  luv::Status Start(uv_loop_t* loop, const SocketAddress& address, int flags);

  // The address looked up ("127.0.0.1:80"), for messages.
  const std::string& target() const { return target_; }

 protected:
  // `status` is 0 with the host name and the service (a name, or the port
  // number as text), or a libuv error code (UV_EAI_NONAME, ...). The
  // request may be deleted inside.
  virtual void OnResolved(int status, std::string host, std::string service) = 0;

 private:
  static void Callback(uv_getnameinfo_t* req, int status, const char* host,
                       const char* service);

  uv_getnameinfo_t req_;
  std::string target_;
};

}  // namespace luv::uv

#endif  // LUV_UV_GETNAMEINFO_H_
