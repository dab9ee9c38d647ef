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

// FindSeparator: an incremental search for a separator in bytes that only
// grow at the end (a stream's read buffer while a reader waits for a line),
// so that each arriving chunk is searched once, not the whole buffer again.
// Plain functions over caller-owned memory: nothing allocates, blocks or
// raises; any thread.
#ifndef LUV_UV_SEPARATOR_SCAN_H_
#define LUV_UV_SEPARATOR_SCAN_H_

#include <cstddef>
#include <string_view>

namespace luv::uv {

// The offset of the first `separator` (not empty) in `data`, or npos.
// `*from` is where the search starts: 0 the first time, then whatever the
// previous call over a prefix of the same bytes left there. When found,
// `*from` is set to the match (searching again finds it at once); when not,
// to the first offset where a match could still begin once more bytes
// arrive. A `*from` beyond `data` (the bytes were consumed meanwhile) starts
// over at 0.
size_t FindSeparator(std::string_view data, std::string_view separator, size_t* from);

}  // namespace luv::uv

#endif  // LUV_UV_SEPARATOR_SCAN_H_
