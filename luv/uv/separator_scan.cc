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

#include "luv/uv/separator_scan.h"

namespace luv::uv {

size_t FindSeparator(std::string_view data, std::string_view separator, size_t* from) {
  size_t start = *from <= data.size() ? *from : 0;
  size_t found = data.find(separator, start);
  if (found != std::string_view::npos) {
    *from = found;
    return found;
  }
  // A match may begin in the last separator.size() - 1 bytes and end in
  // bytes still to come.
  size_t keep = separator.size() - 1;
  size_t next = data.size() > keep ? data.size() - keep : 0;
  *from = next > start ? next : start;
  return std::string_view::npos;
}

}  // namespace luv::uv
