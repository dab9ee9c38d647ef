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

// ReadBuffer: bytes received from a stream and not yet consumed, kept in one
// contiguous block so that a reader can take any prefix with one copy.
//
// The block grows as needed (the stream bounds how much it appends) and is
// given back once emptied if it grew beyond kKeptCapacity, so an idle
// connection holds at most that much. Not thread-safe; nothing blocks.
#ifndef LUV_UV_READ_BUFFER_H_
#define LUV_UV_READ_BUFFER_H_

#include <cstddef>

#include <string_view>

namespace luv::uv {

class ReadBuffer {
 public:
  // Capacity kept across empty periods.
  static constexpr size_t kKeptCapacity = 16 * 1024;

  ReadBuffer() = default;
  ~ReadBuffer();
  ReadBuffer(const ReadBuffer&) = delete;
  ReadBuffer& operator=(const ReadBuffer&) = delete;

  size_t size() const { return end_ - begin_; }
  bool empty() const { return end_ == begin_; }
  size_t capacity() const { return capacity_; }

  // The first min(max, size()) bytes; valid until the next Append/Consume.
  std::string_view Peek(size_t max) const {
    size_t n = size() < max ? size() : max;
    return std::string_view(data_ + begin_, n);
  }

  // Appends a copy of `data`.
  void Append(std::string_view data);

  // Drops the first `n` bytes (at most size()).
  void Consume(size_t n);

  // Drops everything and gives the block back.
  void Clear();

 private:
  char* data_ = nullptr;
  size_t capacity_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace luv::uv

#endif  // LUV_UV_READ_BUFFER_H_
