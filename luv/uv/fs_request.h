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

// FsRequest: one libuv file system request (uv_fs_t) and the memory libuv
// gives it.
//
// libuv copies the paths of a request with a callback and allocates its
// results (directory entries, link targets); FsRequest frees them with
// uv_fs_req_cleanup when destroyed or Reset(). The owner embeds an
// FsRequest, starts it with uv_fs_*(loop, get(), ..., callback) and finds
// itself again in the callback through owner(). An FsRequest must not be
// destroyed while libuv runs it.
//
// Thread affinity: the loop's thread. Nothing blocks.
#ifndef LUV_UV_FS_REQUEST_H_
#define LUV_UV_FS_REQUEST_H_

#include <uv.h>

#include <cstdint>
#include <string>

#include "luv/base/status.h"
#include <string_view>

namespace luv::uv {

class FsRequest {
 public:
  explicit FsRequest(void* owner = nullptr);
  ~FsRequest();
  FsRequest(const FsRequest&) = delete;
  FsRequest& operator=(const FsRequest&) = delete;

  uv_fs_t* get() { return &req_; }
  const uv_fs_t* get() const { return &req_; }

  // What the owner passed to the constructor, from the callback's request.
  static void* owner(uv_fs_t* req) { return req->data; }

  // Frees what a finished request holds, so it can be started again.
  void Reset();

  // libuv's result: >= 0 on success (a descriptor, a byte count, 0), or a
  // negative error code.
  int64_t result() const { return req_.result; }

  // OK, or the failure as a status: "ENOENT: no such file or directory:
  // <context>". The context is `context` when not empty, else paths().
  luv::Status status(std::string_view context = {}) const;

  // The paths the request was made with, for messages: "path", "old -> new"
  // (rename, link, symlink and copyfile), or "" for none.
  std::string paths() const;

 private:
  uv_fs_t req_;
};

}  // namespace luv::uv

#endif  // LUV_UV_FS_REQUEST_H_
