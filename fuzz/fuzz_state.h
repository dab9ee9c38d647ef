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

// Lua states for the codec fuzzers: luv.codec opened, every allocation counted so
// a fuzzer can check memory amplification and leaks. One state per input;
// single-threaded.
#ifndef FUZZ_FUZZ_STATE_H_
#define FUZZ_FUZZ_STATE_H_

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <lua.hpp>

namespace luv::fuzz {

// Aborts with a message: a finding.
#define FUZZ_CHECK(condition, ...)                                                       \
  do {                                                                                   \
    if (!(condition)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #condition); \
      std::fprintf(stderr, __VA_ARGS__);                                                 \
      std::fprintf(stderr, "\n");                                                        \
      std::abort();                                                                      \
    }                                                                                    \
  } while (0)

class FuzzState {
 public:
  // Opens the standard libraries and a luv module table holding luv.codec
  // (the global `luv`), registered for identity paths like luaopen_luv.
  FuzzState();
  // Closes the state and checks that Lua gave back every byte.
  ~FuzzState();
  FuzzState(const FuzzState&) = delete;
  FuzzState& operator=(const FuzzState&) = delete;

  lua_State* L() const { return L_; }
  // False under LuaJIT on x86-64, which refuses custom allocators.
  bool counting() const { return counting_; }
  size_t live() const { return live_; }
  size_t peak() const { return peak_; }
  void ResetPeak() { peak_ = live_; }

  // Loads and runs `chunk`; its results stay on the stack. Aborts on error.
  void Run(const char* chunk, int nresults);

 private:
  static void* Allocate(void* ud, void* p, size_t old_size, size_t new_size);

  lua_State* L_;
  bool counting_ = true;
  size_t live_ = 0;
  size_t peak_ = 0;
};

}  // namespace luv::fuzz

#endif  // FUZZ_FUZZ_STATE_H_
