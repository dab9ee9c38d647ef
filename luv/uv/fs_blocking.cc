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

#include "luv/uv/fs_blocking.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

namespace luv::uv {
namespace {

// One copy_file_range or buffer round at most: bounds a call on a huge or
// endless input and the size of the buffer.
constexpr int64_t kCopyChunk = int64_t{1} << 30;
constexpr size_t kBufferSize = 256 * 1024;

// copy_file_range refusing these means "not between these two files" (other
// file systems, an O_APPEND output, special files), not a failed copy.
bool KernelCannotCopy(int error) {
  return error == EXDEV || error == EINVAL || error == EOPNOTSUPP || error == ENOSYS ||
         error == EBADF || error == ETXTBSY || error == EPERM || error == ESPIPE;
}

// The rest of the copy through a user-space buffer. Returns the bytes it
// copied, or -errno if it failed before copying any.
int64_t CopyThroughBuffer(int in, int64_t* in_offset, int out, int64_t* out_offset,
                          int64_t length) {
  std::unique_ptr<char[]> buffer(new char[kBufferSize]);
  int64_t copied = 0;
  while (length < 0 || copied < length) {
    size_t want = kBufferSize;
    if (length >= 0) want = static_cast<size_t>(std::min<int64_t>(want, length - copied));
    ssize_t got = pread(in, buffer.get(), want, *in_offset);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return copied > 0 ? copied : -errno;
    if (got == 0) break;
    ssize_t put = 0;
    while (put < got) {
      ssize_t n = *out_offset >= 0
                      ? pwrite(out, buffer.get() + put, got - put, *out_offset + put)
                      : write(out, buffer.get() + put, got - put);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        int error = n < 0 ? errno : EIO;
        copied += put;
        return copied > 0 ? copied : -error;
      }
      put += n;
    }
    *in_offset += got;
    if (*out_offset >= 0) *out_offset += got;
    copied += got;
  }
  return copied;
}

}  // namespace

int64_t CopyRange(uv_file in, int64_t in_offset, uv_file out, int64_t out_offset,
                  int64_t length) {
  if (in_offset < 0) return UV_EINVAL;
  loff_t in_at = in_offset, out_at = out_offset;
  int64_t copied = 0;
  while (length < 0 || copied < length) {
    int64_t want = length < 0 ? kCopyChunk : std::min(kCopyChunk, length - copied);
    ssize_t n = copy_file_range(in, &in_at, out, out_offset >= 0 ? &out_at : nullptr,
                                static_cast<size_t>(want), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && KernelCannotCopy(errno)) {
      int64_t in_next = in_at, out_next = out_offset >= 0 ? out_at : -1;
      int64_t rest = CopyThroughBuffer(in, &in_next, out, &out_next,
                                       length < 0 ? -1 : length - copied);
      if (rest < 0) return copied > 0 ? copied : rest;
      return copied + rest;
    }
    if (n < 0) return copied > 0 ? copied : -errno;
    if (n == 0) break;
    copied += n;
  }
  return copied;
}

int SyncPath(const char* path) {
  int fd;
  do {
    fd = open(path, O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -errno;
  int result = fsync(fd) == 0 ? 0 : -errno;
  close(fd);
  return result;
}

}  // namespace luv::uv
