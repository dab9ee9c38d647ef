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

// Bounds encode and decode calls nested inside one another on one thread (a
// __codec hook that encodes, a constructor that decodes, without end). Each
// nesting level can take a walk of kMaxDepth C frames, and LuaJIT does not
// check the C stack between them: without this bound it overflows.
//
// Per OS thread: a fiber cannot switch in the middle of an encode or a
// decode (the hook runs under a C call), so the calls of one thread nest
// strictly.
#ifndef LUV_CODEC_NESTING_H_
#define LUV_CODEC_NESTING_H_

#include "luv/codec/format.h"

namespace luv::codec {

// Lives for one encode or decode call, in a frame no Lua error jumps over.
class NestedCall {
 public:
  NestedCall() : ok_(++depth_ <= kMaxNestedCalls) {}
  ~NestedCall() { --depth_; }
  NestedCall(const NestedCall&) = delete;
  NestedCall& operator=(const NestedCall&) = delete;

  // False when this call is nested deeper than kMaxNestedCalls.
  bool ok() const { return ok_; }

 private:
  static inline thread_local int depth_ = 0;
  bool ok_;
};

}  // namespace luv::codec

#endif  // LUV_CODEC_NESTING_H_
