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
