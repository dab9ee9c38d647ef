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

// Pipe calls on a Stream of type kPipe: Unix domain sockets by path, and
// existing descriptors (pipes, socketpairs) by number.
//
// Paths are checked before libuv sees them: libuv 1.44 silently truncates a
// path longer than sockaddr_un can hold, which would bind or connect to a
// different file. Thread affinity: the loop's thread. Nothing blocks or
// raises; connect completes through its StreamRequest.
#ifndef LUV_UV_PIPE_H_
#define LUV_UV_PIPE_H_

#include <memory>
#include <string>

#include "luv/base/status.h"
#include <string_view>
#include "luv/uv/stream.h"

namespace luv::uv {

// Longest path a Unix domain socket address holds (sun_path less its NUL).
constexpr size_t kMaxPipePathLength = 107;

// OK for a path that fits sockaddr_un and has no NUL byte; ENAMETOOLONG or
// EINVAL otherwise.
luv::Status CheckPipePath(std::string_view path);

// Wraps the open descriptor `fd` (made non-blocking); the stream owns it
// from then on.
luv::Status PipeOpen(Stream* pipe, int fd);

// Creates the socket file `path` (it must not exist).
luv::Status PipeBind(Stream* pipe, std::string_view path);

// Connects to the socket file `path`; `request` completes with the result.
luv::Status PipeConnect(Stream* pipe, std::string_view path,
                         std::unique_ptr<StreamRequest> request);

// The bound path, and the peer's (often empty for a connecting client).
luv::StatusOr<std::string> PipeSockName(Stream* pipe);
luv::StatusOr<std::string> PipePeerName(Stream* pipe);

}  // namespace luv::uv

#endif  // LUV_UV_PIPE_H_
