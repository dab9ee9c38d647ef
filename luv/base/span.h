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

// A view of a contiguous array (C++17 has no std::span). Value type.
#ifndef LUV_BASE_SPAN_H_
#define LUV_BASE_SPAN_H_

#include <cstddef>

namespace luv {

template <typename T>
class Span {
 public:
  template <size_t N>
  constexpr Span(T (&array)[N]) : data_(array), size_(N) {}
  constexpr Span(T* data, size_t size) : data_(data), size_(size) {}

  constexpr T* begin() const { return data_; }
  constexpr T* end() const { return data_ + size_; }
  constexpr size_t size() const { return size_; }
  constexpr T& operator[](size_t i) const { return data_[i]; }

 private:
  T* data_;
  size_t size_;
};

}  // namespace luv

#endif  // LUV_BASE_SPAN_H_
