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

#include "luv/uv/pipe.h"

#include <cstring>

#include "luv/base/strings.h"
#include "luv/uv/status.h"

namespace luv::uv {
namespace {

luv::Status CheckPipe(Stream* pipe) {
  if (pipe->type() != StreamType::kPipe) return UvStatus(UV_EINVAL, "not a pipe");
  if (pipe->closing()) return UvStatus(UV_EBADF, "pipe is closed");
  return luv::OkStatus();
}

// Copies a checked path into a NUL-terminated buffer of kMaxPipePathLength+1.
void CopyPath(std::string_view path, char* out) {
  std::memcpy(out, path.data(), path.size());
  out[path.size()] = '\0';
}

luv::StatusOr<std::string> Name(Stream* pipe, bool peer) {
  if (luv::Status status = CheckPipe(pipe); !status.ok()) return status;
  char buffer[kMaxPipePathLength + 2];
  size_t length = sizeof(buffer);
  int rc = peer ? uv_pipe_getpeername(pipe->pipe(), buffer, &length)
                : uv_pipe_getsockname(pipe->pipe(), buffer, &length);
  if (rc != 0) return UvStatus(rc, peer ? "getpeername" : "getsockname");
  return std::string(buffer, length);
}

}  // namespace

luv::Status CheckPipePath(std::string_view path) {
  if (path.empty()) return UvStatus(UV_EINVAL, "empty pipe path");
  if (path.find('\0') != std::string_view::npos) {
    return UvStatus(UV_EINVAL, "pipe path contains a NUL byte");
  }
  if (path.size() > kMaxPipePathLength) {
    return UvStatus(UV_ENAMETOOLONG,
                    luv::StrCat("pipe path has ", path.size(), " bytes, at most ",
                                 kMaxPipePathLength, " fit a Unix socket address"));
  }
  return luv::OkStatus();
}

luv::Status PipeOpen(Stream* pipe, int fd) {
  if (luv::Status status = CheckPipe(pipe); !status.ok()) return status;
  if (fd < 0) return UvStatus(UV_EBADF, luv::StrCat("fd ", fd));
  return UvStatus(uv_pipe_open(pipe->pipe(), fd), luv::StrCat("fd ", fd));
}

luv::Status PipeBind(Stream* pipe, std::string_view path) {
  if (luv::Status status = CheckPipe(pipe); !status.ok()) return status;
  if (luv::Status status = CheckPipePath(path); !status.ok()) return status;
  char text[kMaxPipePathLength + 1];
  CopyPath(path, text);
  return UvStatus(uv_pipe_bind(pipe->pipe(), text), path);
}

luv::Status PipeConnect(Stream* pipe, std::string_view path,
                         std::unique_ptr<StreamRequest> request) {
  if (luv::Status status = CheckPipe(pipe); !status.ok()) return status;
  if (luv::Status status = CheckPipePath(path); !status.ok()) return status;
  char text[kMaxPipePathLength + 1];
  CopyPath(path, text);
  // Failures (ENOENT, ECONNREFUSED) arrive through the callback.
  uv_pipe_connect(StreamRequestAccess::Connect(request.release()), pipe->pipe(), text,
                  StreamRequestAccess::ConnectDone);
  return luv::OkStatus();
}

luv::StatusOr<std::string> PipeSockName(Stream* pipe) { return Name(pipe, false); }

luv::StatusOr<std::string> PipePeerName(Stream* pipe) { return Name(pipe, true); }

}  // namespace luv::uv
