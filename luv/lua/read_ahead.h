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

// ReadAhead: the bytes a buffered read took from a source that has no
// stream buffer of its own — a standard stream on a regular file or device,
// read through uv::FileStream — and not yet returned. It offers the calls
// lua_stream_reads.cc uses on a LuaStream (buffered, Peek, Consume,
// read_ended, read_error, read limits, what), so read_line and friends work
// alike on both; a later read() takes these bytes first.
//
// Shared (std::shared_ptr) between the Lua object and each read in flight:
// a read that completes after its fiber gave up (a deadline) still appends
// its bytes, so nothing is lost. Thread affinity: the state's thread.
#ifndef LUV_LUA_READ_AHEAD_H_
#define LUV_LUA_READ_AHEAD_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "luv/uv/read_buffer.h"

namespace luv::lua {

class ReadAhead {
 public:
  explicit ReadAhead(const char* what) : what_(what) {}

  const char* what() const { return what_; }
  size_t buffered() const { return bytes_.size(); }
  std::string_view Peek(size_t max) const { return bytes_.Peek(max); }
  void Consume(size_t n) { bytes_.Consume(n); }
  bool read_ended() const { return eof_ || error_ != 0; }
  int read_error() const { return error_; }
  // Reads fetch what a want needs whatever its size: no bound to raise.
  size_t read_limit() const { return SIZE_MAX; }
  void set_read_limit(size_t) {}

  // What a read of the source returned: bytes (> 0), 0 at EOF, or a libuv
  // error code.
  void Arrived(int64_t result, std::string_view data) {
    if (result > 0) {
      bytes_.Append(data);
    } else if (result == 0) {
      eof_ = true;
    } else {
      error_ = static_cast<int>(result);
    }
  }

 private:
  const char* const what_;
  uv::ReadBuffer bytes_;
  bool eof_ = false;
  int error_ = 0;
};

}  // namespace luv::lua

#endif  // LUV_LUA_READ_AHEAD_H_
