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

// luv.fs.watch(path) and fs_watch methods: wait, close.
#include "luv/lua/lua_fs_watch.h"

#include "luv/lua/lua_fs_args.h"
#include "luv/lua/lua_handle.h"
#include "luv/uv/fs_watch.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

constexpr char kWatchType[] = "luv.fs_watch";

int PushNextEvent(lua_State* L, void* watch);

// Hands each queued event to one waiting state. `promised` counts the
// events set aside for states that were woken but have not resumed yet:
// they take them (PushNextEvent) when they do.
class LuaWatch : public WaitableHandle<uv::FsWatch> {
 public:
  using WaitableHandle::WaitableHandle;

  size_t promised = 0;

  // True when an event is queued that no woken state will take.
  bool has_unpromised() const { return size() > promised; }

 protected:
  void OnEvents() override {
    while (has_unpromised()) {
      sched::WaitNode* node = waiters()->PopFront();
      if (node == nullptr) return;
      if (node->state->status() != sched::Status::kWaiting) continue;
      ++promised;
      scheduler()->Wake(node->state, PushNextEvent, this);
    }
  }
};

// Pushes the oldest event, promised to the caller: `kind, name` or a
// failure triple. The event leaves the queue once pushed.
int PushNextEvent(lua_State* L, void* arg) {
  auto* watch = static_cast<LuaWatch*>(arg);
  if (watch->promised > 0) --watch->promised;
  if (watch->empty()) {  // cannot happen: a promise always has its event
    return PushLuvError(L, LuvError::kWouldBlock, "no event");
  }
  const uv::FsWatch::Event& event = watch->front();
  int pushed;
  if (event.kind != nullptr) {
    lua_pushstring(L, event.kind);
    if (event.name.empty()) {
      lua_pushnil(L);
    } else {
      lua_pushlstring(L, event.name.data(), event.name.size());
    }
    pushed = 2;
  } else {
    const char* context =
        event.code == UV_ENOBUFS ? "events were dropped" : watch->path().c_str();
    pushed = PushFailure(L, uv::UvStatus(event.code, context));
    if (pushed < 0) return lua_error(L);
  }
  watch->pop();
  return pushed;
}

LuaWatch* CheckWatch(lua_State* L) { return CheckHandle<LuaWatch>(L, 1, kWatchType); }

// luv.fs.watch(path) -> fs_watch. Starts at once (inotify); does not
// suspend.
int LFsWatch(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  int pushed = CreateHandle<LuaWatch>(L, kWatchType, UpScheduler(L));
  if (pushed != 1) return pushed;
  LuaWatch* watch = CheckHandle<LuaWatch>(L, -1, kWatchType);
  Result result = watch->Start(path);
  if (result.ok()) return 1;
  watch->Close();
  return PushFail(L, result);
}

// fs_watch:wait() -> event, name: the next change, "rename" (an entry was
// created, deleted or moved) or "change" (contents or metadata), and the
// entry's name (nil when unknown).
int LWatchWait(lua_State* L) {
  LuaWatch* watch = CheckWatch(L);
  sched::Scheduler* scheduler = watch->scheduler();
  sched::State* self = CheckBlockingState(L, scheduler, "fs_watch:wait()");
  if (watch->closing()) return PushLuvError(L, LuvError::kClosed, "fs_watch");
  if (watch->has_unpromised() && watch->waiters()->empty()) {
    ++watch->promised;
    return PushNextEvent(L, watch);
  }
  scheduler->Wait(watch->waiters(), self);
  return Block(L, scheduler, self, "fs_watch:wait()", 1);
}

// fs_watch:close() -> true. Waiters get ECANCELED.
int LWatchClose(lua_State* L) { return HandleClose<LuaWatch>(L, kWatchType, "fs watch"); }

constexpr luaL_Reg kMethods[] = {
    {"wait", LWatchWait},
    {"close", LWatchClose},
    {nullptr, nullptr},
};

}  // namespace

void OpenFsWatch(lua_State* L, sched::Scheduler* scheduler) {
  NewObjectClass(L, kWatchType, kMethods);
  lua_pop(L, 1);
  lua_pushlightuserdata(L, scheduler);
  lua_pushcclosure(L, LFsWatch, 1);
  lua_setfield(L, -2, "watch");
}

}  // namespace luv::lua
