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

#include "luv/sched/wait_group.h"

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::sched {

WaitGroup::WaitGroup(State* state, size_t size) : state_(state) {
  nodes_.reserve(size);
  for (size_t i = 0; i < size; ++i) nodes_.push_back(std::make_unique<Node>(this, i));
}

void WaitGroup::UnlinkAll() {
  for (auto& node : nodes_) node->Unlink();
}

void WaitGroup::Fire(WaitNode* waiting, PushFn, void*) {
  auto* node = static_cast<Node*>(waiting);
  WaitGroup* group = node->group;
  if (group->fired_ != kNone) return;
  group->fired_ = node->index;
  // Ending the wait unlinks every other node of the group.
  group->state_->scheduler()->Wake(group->state_, PushFired, group);
}

int WaitGroup::PushFired(lua_State* L, void* group) {
  lua_pushnumber(L, static_cast<lua_Number>(static_cast<WaitGroup*>(group)->fired_ + 1));
  return 1;
}

}  // namespace luv::sched
