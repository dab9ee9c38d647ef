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

// Small string helpers luv needs everywhere: concatenation with numbers
// (StrCat, StrAppend) and ASCII comparisons. Pure functions; any thread.
#ifndef LUV_BASE_STRINGS_H_
#define LUV_BASE_STRINGS_H_

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace luv {

// One piece of a StrCat: text as it is, integers in decimal, floating point
// numbers as the shortest text that reads back to the same value, booleans
// as 1 or 0 (as abseil's StrCat did, which these calls replace).
class StrPiece {
 public:
  StrPiece(std::string_view text) : text_(text) {}
  StrPiece(const char* text) : text_(text) {}
  StrPiece(const std::string& text) : text_(text) {}
  template <typename Number,
            typename = std::enable_if_t<std::is_arithmetic_v<Number> &&
                                        !std::is_same_v<Number, char>>>
  StrPiece(Number number) {
    std::to_chars_result end;
    if constexpr (std::is_same_v<Number, bool>) {
      end = std::to_chars(digits_, digits_ + sizeof digits_, number ? 1 : 0);
    } else {
      end = std::to_chars(digits_, digits_ + sizeof digits_, number);
    }
    text_ = std::string_view(digits_, static_cast<size_t>(end.ptr - digits_));
  }
  // Plain enums (libuv's error codes) as their number.
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>, typename = void>
  StrPiece(Enum value) : StrPiece(static_cast<std::underlying_type_t<Enum>>(value)) {}
  StrPiece(const StrPiece&) = delete;
  StrPiece& operator=(const StrPiece&) = delete;

  std::string_view view() const { return text_; }

 private:
  char digits_[32];  // any 64-bit integer or shortest double
  std::string_view text_;
};

namespace strings_internal {
void Append(std::string* out, std::initializer_list<std::string_view> pieces);
}  // namespace strings_internal

template <typename... Pieces>
std::string StrCat(const Pieces&... pieces) {
  std::string out;
  strings_internal::Append(&out, {StrPiece(pieces).view()...});
  return out;
}

template <typename... Pieces>
void StrAppend(std::string* out, const Pieces&... pieces) {
  strings_internal::Append(out, {StrPiece(pieces).view()...});
}

inline bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiToUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
std::string AsciiStrToUpper(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
inline bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// A decimal integer, all of `text`, in range; false otherwise.
template <typename Integer>
bool SimpleAtoi(std::string_view text, Integer* value) {
  static_assert(std::is_integral_v<Integer>, "SimpleAtoi reads integers");
  const char* end = text.data() + text.size();
  std::from_chars_result parsed = std::from_chars(text.data(), end, *value);
  return !text.empty() && parsed.ec == std::errc() && parsed.ptr == end;
}

// `text` with C escapes for quotes, backslashes and bytes that are not
// printable ASCII (\n, \t, \x1b), for quoting untrusted text in messages.
std::string CHexEscape(std::string_view text);

}  // namespace luv

#endif  // LUV_BASE_STRINGS_H_
