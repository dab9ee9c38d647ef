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

#include "luv/lua/lua_request.h"

#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"

namespace luv::lua {
namespace {

constexpr char kRequestType[] = "luv.request";

int PushRequestResults(lua_State* L, void* request) {
  return static_cast<Request*>(request)->PushResults(L);
}

int LRequestGc(lua_State* L) {
  auto** slot = static_cast<Request**>(TestObject(L, 1, kRequestType));
  if (slot == nullptr) return 0;
  if (*slot != nullptr) ReleaseRequest(*slot);
  *slot = nullptr;
  return 0;
}

}  // namespace

// The box let go of the record: free it now, or leave it to the callback.
void ReleaseRequest(Request* request) {
  if (request->done_) {
    delete request;
  } else {
    request->orphaned_ = true;
  }
}

void Request::Complete() {
  done_ = true;
  if (orphaned_) {
    delete this;
    return;
  }
  scheduler_->WakeAll(&waiters_, PushRequestResults, this);
}

int Request::Await(lua_State* L, sched::State* self, int box, const char* call) {
  if (done_) return PushResults(L);
  scheduler_->Wait(&waiters_, self);
  return Block(L, scheduler_, self, call, box);
}

Request** PushRequestBox(lua_State* L) {
  auto** slot = static_cast<Request**>(lua_newuserdata(L, sizeof(Request*)));
  *slot = nullptr;
  luaL_getmetatable(L, kRequestType);
  lua_setmetatable(L, -2);
  return slot;
}

void OpenRequest(lua_State* L) {
  static const luaL_Reg kMeta[] = {{"__gc", LRequestGc}, {nullptr, nullptr}};
  static const luaL_Reg kNoMethods[] = {{nullptr, nullptr}};
  NewClass(L, kRequestType, kNoMethods, kMeta);
  lua_pop(L, 1);
}

}  // namespace luv::lua
