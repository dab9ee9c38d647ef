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
