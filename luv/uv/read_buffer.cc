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

#include "luv/uv/read_buffer.h"

#include <cstdlib>
#include <cstring>

namespace luv::uv {

ReadBuffer::~ReadBuffer() { std::free(data_); }

void ReadBuffer::Append(std::string_view data) {
  if (data.empty()) return;
  size_t used = size();
  if (capacity_ - end_ < data.size()) {
    if (capacity_ - used >= data.size()) {
      // Enough room once the unread bytes move to the front.
      std::memmove(data_, data_ + begin_, used);
    } else {
      size_t capacity = capacity_ < 4096 ? 4096 : capacity_;
      while (capacity - used < data.size()) capacity *= 2;
      char* block = static_cast<char*>(std::malloc(capacity));
      if (block == nullptr) std::abort();  // out of memory: nothing sane to do
      if (used != 0) std::memcpy(block, data_ + begin_, used);
      std::free(data_);
      data_ = block;
      capacity_ = capacity;
    }
    begin_ = 0;
    end_ = used;
  }
  std::memcpy(data_ + end_, data.data(), data.size());
  end_ += data.size();
}

void ReadBuffer::Consume(size_t n) {
  if (n >= size()) {
    begin_ = end_ = 0;
    if (capacity_ > kKeptCapacity) Clear();
    return;
  }
  begin_ += n;
}

void ReadBuffer::Clear() {
  std::free(data_);
  data_ = nullptr;
  capacity_ = begin_ = end_ = 0;
}

}  // namespace luv::uv
