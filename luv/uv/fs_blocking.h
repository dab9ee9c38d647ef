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

// File system work that libuv has no request for, as blocking functions to
// run on libuv's thread pool (uv_queue_work).
//
// They block the calling thread on disk I/O: never call them on a loop's
// thread. Any thread otherwise; they touch no shared state. Results follow
// libuv: >= 0 on success, a negative libuv error code on failure.
#ifndef LUV_UV_FS_BLOCKING_H_
#define LUV_UV_FS_BLOCKING_H_

#include <uv.h>

#include <cstdint>

namespace luv::uv {

// Copies `length` bytes (-1: up to the end of `in`) from `in` at `in_offset`
// to `out` at `out_offset` (-1: at out's kernel position, for a descriptor
// that cannot seek or appends). Neither descriptor's kernel position moves
// otherwise. Uses copy_file_range where the kernel can, else reads and
// writes through a buffer. Returns the bytes copied, fewer than `length` if
// `in` ended first; an error after some bytes were copied returns the count.
int64_t CopyRange(uv_file in, int64_t in_offset, uv_file out, int64_t out_offset,
                  int64_t length);

// Flushes the file or directory at `path` to disk: open, fsync, close. A
// directory's fsync makes the entries created, renamed or removed in it
// durable.
int SyncPath(const char* path);

}  // namespace luv::uv

#endif  // LUV_UV_FS_BLOCKING_H_
