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

// luv.channel([capacity]) and channel methods: put, get, close, size,
// capacity, closed. A channel crosses to other threads by identity (through
// luv.codec); each Lua state that holds it gets an endpoint of its own.
#include "luv/lua/lua_channel.h"

#include <memory>
#include <new>
#include <string>

#include "luv/codec/codec.h"
#include "luv/codec/identity.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/lua_select.h"
#include "luv/lua/retry.h"
#include "luv/lua/support.h"
#include "luv/thread/channel.h"

namespace luv::lua {
namespace {

using sched::Scheduler;
using sched::State;
using thread::ChannelCore;

constexpr char kChannelType[] = "luv.channel";

// This state's endpoint: its waiting fibers and main state, on this thread.
class LocalEnd : public thread::ChannelEndpoint {
 public:
  LocalEnd(std::shared_ptr<ChannelCore> core, Scheduler* scheduler)
      : core_(std::move(core)), scheduler_(scheduler) {}
  ~LocalEnd() override {
    core_->Detach(id_);
    if (holding_) scheduler_->mailbox()->Drop();
  }

  void Attach(const std::shared_ptr<LocalEnd>& self) {
    id_ = core_->Attach(self, scheduler_->mailbox()->address(), scheduler_);
  }

  // A channel shared with other threads keeps this loop alive, so that a
  // state waiting for another thread's message is not taken for
  // deadlocked.
  void HoldLoop() {
    if (holding_) return;
    holding_ = true;
    scheduler_->mailbox()->Hold();
  }

  void WakeGetter() override {
    WakeOne(&getters_, ChannelCore::Kind::kGetter, PushTaken);
  }
  void WakePutter() override {
    WakeOne(&putters_, ChannelCore::Kind::kPutter, PushRetry);
  }
  void WakeAll() override {
    scheduler_->WakeAll(&getters_, PushRetry, nullptr);
    scheduler_->WakeAll(&putters_, PushRetry, nullptr);
  }

  ChannelCore* core() const { return core_.get(); }
  const std::shared_ptr<ChannelCore>& shared_core() const { return core_; }
  Scheduler* scheduler() const { return scheduler_; }
  uint64_t id() const { return id_; }
  sched::WaitList* getters() { return &getters_; }
  sched::WaitList* putters() { return &putters_; }

 private:
  // PushFn of a woken getter: takes its message as it resumes (its
  // values), or retries (retry.h) if another getter was faster. The blob
  // waits in `taken_`, not in this frame, which a Lua error could skip.
  static int PushTaken(lua_State* L, void* arg) {
    auto* end = static_cast<LocalEnd*>(arg);
    if (end->core_->TryGet(&end->taken_, end->scheduler_) != ChannelCore::Result::kDone) {
      return PushRetry(L, nullptr);
    }
    int count = 0;
    bool decoded = codec::DecodeMessage(L, end->taken_, &count).ok();
    end->taken_ = codec::Message();  // releases what it pinned
    if (!decoded) luaL_error(L, "luv: a channel message could not be decoded");
    return count;
  }

  void WakeOne(sched::WaitList* list, ChannelCore::Kind kind, sched::PushFn push) {
    if (sched::WaitNode* node = list->PopFront()) {
      scheduler_->WakeNode(node, push, this);
    } else {
      core_->PassOn(kind, scheduler_);  // the waiter left: wake the next one
    }
  }

  std::shared_ptr<ChannelCore> core_;
  Scheduler* scheduler_;
  uint64_t id_ = 0;
  bool holding_ = false;
  codec::Message taken_;
  sched::WaitList getters_;
  sched::WaitList putters_;
};

using ChannelBox = std::shared_ptr<LocalEnd>;

LocalEnd* CheckChannel(lua_State* L, int index) {
  return static_cast<ChannelBox*>(luaL_checkudata(L, index, kChannelType))->get();
}

// CheckChannel for the hot calls (put and get), whose upvalue 1 is the
// channel metatable: comparing with it spares luaL_checkudata's registry
// lookup by name on every message.
LocalEnd* CheckChannelFast(lua_State* L, const char* name) {
  void* box = lua_touserdata(L, 1);
  if (box != nullptr && lua_getmetatable(L, 1)) {
    bool ours = lua_rawequal(L, -1, lua_upvalueindex(1));
    lua_pop(L, 1);
    if (ours) return static_cast<ChannelBox*>(box)->get();
  }
  GlueTypeError(L, 1, name, kChannelType);  // put and get are wrapped in glue
  return nullptr;
}

int LChannelGc(lua_State* L) {
  if (auto* box = static_cast<ChannelBox*>(TestObject(L, 1, kChannelType))) {
    box->reset();  // idempotent; an empty shared_ptr owns nothing
  }
  return 0;
}

// Pushes a userdata with a new endpoint of `core` for this state.
// Pushes an empty channel userdata. Comes before any C++ object is made:
// it may raise (out of memory).
ChannelBox* PushChannelBox(lua_State* L) {
  auto* box = new (lua_newuserdata(L, sizeof(ChannelBox))) ChannelBox();
  luaL_getmetatable(L, kChannelType);
  lua_setmetatable(L, -2);
  return box;
}

// Fills `box` with a new endpoint of `core` for this state. No Lua calls.
LocalEnd* Attach(ChannelBox* box, std::shared_ptr<ChannelCore> core,
                 Scheduler* scheduler) {
  *box = std::make_shared<LocalEnd>(std::move(core), scheduler);
  (*box)->Attach(*box);
  return box->get();
}

// --- Crossing threads by identity (luv/codec/identity.h) ----------------
// A message that carries the channel pins its core; each state that decodes
// it gets an endpoint of its own.

bool LendChannel(lua_State* L, int index, std::shared_ptr<void>* object) {
  LocalEnd* end = CheckChannel(L, index);
  end->HoldLoop();
  *object = end->shared_core();
  return true;
}

int PushLentChannel(lua_State* L, const std::shared_ptr<void>& object) {
  Scheduler* scheduler = GetScheduler(L);
  if (scheduler == nullptr) return 0;
  ChannelBox* box = PushChannelBox(L);
  Attach(box, std::static_pointer_cast<ChannelCore>(object), scheduler)->HoldLoop();
  return 1;
}

// --- Bindings ---------------------------------------------------------------

// luv.channel([capacity]) -> channel. Without a capacity it is unbounded.
int LChannelCreate(lua_State* L) {
  Scheduler* scheduler = UpScheduler(L);
  lua_Integer capacity = luaL_optinteger(L, 1, 0);
  if (capacity < 0 || capacity > (1 << 30)) {
    return luaL_argerror(L, 1, "capacity must be between 1 and 2^30 (or absent)");
  }
  if (lua_gettop(L) >= 1 && !lua_isnil(L, 1) && capacity == 0) {
    return luaL_argerror(L, 1,
                         "capacity must be at least 1 (leave it out for unbounded)");
  }
  ChannelBox* box = PushChannelBox(L);
  Attach(box, std::make_shared<ChannelCore>(static_cast<size_t>(capacity)), scheduler);
  return 1;
}

int PushClosedFailure(lua_State* L) {
  return PushLuvError(L, LuvError::kChannelClosed, "channel");
}

// The C half of channel:put(...) (retry.h): true; nil, message, code; or it
// tries again after a wait for room.
int LChannelPutRaw(lua_State* L) {
  LocalEnd* end = CheckChannelFast(L, "put");
  int count = lua_gettop(L) - 1;
  // The encoder takes copies: the arguments stay for another attempt.
  luaL_checkstack(L, count, "channel:put()");
  for (int i = 2; i <= count + 1; ++i) lua_pushvalue(L, i);
  ChannelCore::Result result;
  int failed = 0;
  {
    codec::Message message;
    luv::Status encoded = codec::EncodeMessage(L, count, &message);
    if (!encoded.ok()) {
      std::string_view text = encoded.message();
      failed = PushProtected(L, [text](lua_State* L) {
        lua_pushliteral(L, "channel:put: ");
        lua_pushlstring(L, text.data(), text.size());
        lua_concat(L, 2);
        return 1;
      });
      result = ChannelCore::Result::kDone;
    } else {
      result = end->core()->Put(&message, end->id(), end->scheduler());
    }
  }
  if (failed != 0) return lua_error(L);  // a value that cannot be carried
  switch (result) {
    case ChannelCore::Result::kDone:
      lua_pushboolean(L, 1);
      return 1;
    case ChannelCore::Result::kClosed:
      return PushClosedFailure(L);
    case ChannelCore::Result::kWouldBlock:
      break;
  }
  Scheduler* scheduler = end->scheduler();
  State* self = CheckBlockingState(L, scheduler, "channel:put()");
  scheduler->Wait(end->putters(), self);
  return BlockForRetry(L, scheduler, self, "channel:put()");
}

// The C half of channel:get() (retry.h): the values; nil, message, code; or
// it tries again after a wait for a message.
int LChannelGetRaw(lua_State* L) {
  LocalEnd* end = CheckChannelFast(L, "get");
  lua_settop(L, 1);
  ChannelCore::Result result;
  int pushed = 0;
  {
    codec::Message message;
    result = end->core()->Get(&message, end->id(), end->scheduler());
    if (result == ChannelCore::Result::kDone) {
      int count = 0;
      luv::Status decoded = codec::DecodeMessage(L, message, &count);
      pushed = decoded.ok() ? count : -1;
    }
  }
  switch (result) {
    case ChannelCore::Result::kDone:
      if (pushed < 0) return luaL_error(L, "luv: a channel message could not be decoded");
      return pushed;
    case ChannelCore::Result::kClosed:
      return PushClosedFailure(L);
    case ChannelCore::Result::kWouldBlock:
      break;
  }
  Scheduler* scheduler = end->scheduler();
  State* self = CheckBlockingState(L, scheduler, "channel:get()");
  scheduler->Wait(end->getters(), self);
  return BlockForRetry(L, scheduler, self, "channel:get()");
}

// luv.select: a channel is ready when a message is queued (or it is
// closed: a get would not wait either).
bool ChannelSelectReady(lua_State* L, int index) {
  ChannelCore* core = CheckChannel(L, index)->core();
  return core->size() > 0 || core->closed();
}

bool ChannelSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  LocalEnd* end = CheckChannel(L, index);
  if (end->core()->WatchForMessage(end->id())) return true;
  end->getters()->Add(node);
  return false;
}

// channel:close() -> true. Waiters wake; puts fail; gets drain the queue.
int LChannelClose(lua_State* L) {
  LocalEnd* end = CheckChannel(L, 1);
  end->core()->Close(end->scheduler());
  lua_pushboolean(L, 1);
  return 1;
}

// channel:size() -> messages queued now
int LChannelSize(lua_State* L) {
  lua_pushinteger(L, static_cast<lua_Integer>(CheckChannel(L, 1)->core()->size()));
  return 1;
}

// channel:capacity() -> the capacity, or nil when unbounded
int LChannelCapacity(lua_State* L) {
  size_t capacity = CheckChannel(L, 1)->core()->capacity();
  if (capacity == 0) {
    lua_pushnil(L);
  } else {
    lua_pushinteger(L, static_cast<lua_Integer>(capacity));
  }
  return 1;
}

// channel:closed() -> boolean
int LChannelClosed(lua_State* L) {
  lua_pushboolean(L, CheckChannel(L, 1)->core()->closed());
  return 1;
}


constexpr luaL_Reg kMethods[] = {
    {"close", LChannelClose},   {"size", LChannelSize}, {"capacity", LChannelCapacity},
    {"closed", LChannelClosed}, {nullptr, nullptr},
};

constexpr luaL_Reg kMeta[] = {
    {"__gc", LChannelGc},
    {nullptr, nullptr},
};

}  // namespace

void OpenChannel(lua_State* L, Scheduler* scheduler) {
  RegisterWaitable(kChannelType, {ChannelSelectReady, ChannelSelectAdd});
  NewClass(L, kChannelType, kMethods, kMeta);
  lua_getfield(L, -1, "__index");
  // put and get: their C halves (the metatable as upvalue, for
  // CheckChannelFast) in the retry loop.
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, LChannelPutRaw, 1);
  PushRetrying(L);
  lua_setfield(L, -2, "put");
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, LChannelGetRaw, 1);
  PushRetrying(L);
  lua_setfield(L, -2, "get");
  lua_pop(L, 2);

  luv::Status registered =
      codec::RegisterIdentityType({kChannelType, LendChannel, PushLentChannel});
  if (!registered.ok()) luaL_error(L, "luv: cannot register luv.channel with the codec");

  lua_pushlightuserdata(L, scheduler);
  lua_pushcclosure(L, LChannelCreate, 1);
  lua_setfield(L, -2, "channel");
}

}  // namespace luv::lua
