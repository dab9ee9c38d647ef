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
