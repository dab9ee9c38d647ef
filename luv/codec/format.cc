#include "luv/codec/format.h"

#include <cstdarg>
#include <cstdio>

namespace luv::codec {

bool Reader::Fail(const char* format, ...) {
  if (failed()) return false;
  va_list args;
  va_start(args, format);
  std::vsnprintf(error_, sizeof(error_), format, args);
  va_end(args);
  if (error_[0] == '\0') std::snprintf(error_, sizeof(error_), "malformed blob");
  p_ = end_;  // nothing more can be read
  return false;
}

}  // namespace luv::codec
