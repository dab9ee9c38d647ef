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

#include "fuzz/fuzz_state.h"

#include <cstring>

#include "luv/lua/lua_codec.h"

namespace luv::fuzz {

void* FuzzState::Allocate(void* ud, void* p, size_t old_size, size_t new_size) {
  FuzzState* self = static_cast<FuzzState*>(ud);
  if (new_size == 0) {
    if (p != nullptr) self->live_ -= old_size;
    std::free(p);
    return nullptr;
  }
  void* q = std::realloc(p, new_size);
  if (q == nullptr) return nullptr;
  self->live_ += new_size - (p != nullptr ? old_size : 0);
  if (self->live_ > self->peak_) self->peak_ = self->live_;
  return q;
}

FuzzState::FuzzState() {
  L_ = lua_newstate(Allocate, this);
  if (L_ == nullptr) {
    counting_ = false;
    L_ = luaL_newstate();
  }
  FUZZ_CHECK(L_ != nullptr, "no Lua state");
  luaL_openlibs(L_);
  // A module table with just the codec: what luv's identity paths need.
  lua_newtable(L_);
  luv::lua::OpenCodec(L_);
  lua_setglobal(L_, "luv");
}

FuzzState::~FuzzState() {
  lua_close(L_);
  if (counting_) FUZZ_CHECK(live_ == 0, "Lua leaked %zu bytes", live_);
}

void FuzzState::Run(const char* chunk, int nresults) {
  FUZZ_CHECK(luaL_loadbuffer(L_, chunk, std::strlen(chunk), "=fuzz") == 0, "load: %s",
             lua_tostring(L_, -1));
  FUZZ_CHECK(lua_pcall(L_, 0, nresults, 0) == 0, "run: %s", lua_tostring(L_, -1));
}

}  // namespace luv::fuzz
