// The Lua side of a libuv handle: a userdata pointing at a heap record that
// embeds the handle (uv::HandleOwner) plus the states waiting on it.
//
// The record is freed by whichever runs last of libuv's close callback and
// the userdata's __gc (STYLE.md, model 1). close() wakes the waiters with
// `nil, "ECANCELED: <type> was closed", "ECANCELED"`; methods called
// after close fail cleanly. A handle that states wait on cannot be collected:
// each waiting state holds it on its stack, and the state itself is
// anchored.
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_LUA_HANDLE_H_
#define LUV_LUA_LUA_HANDLE_H_

#include <lua.hpp>

#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"
#include "luv/sched/scheduler.h"
#include "luv/sched/wait_list.h"

namespace luv::lua {

// Base of a handle record: `Base` is a luv/uv handle class (uv::Timer, ...).
template <typename Base>
class WaitableHandle : public Base {
 public:
  explicit WaitableHandle(sched::Scheduler* scheduler)
      : Base(scheduler->loop()), scheduler_(scheduler) {}

  sched::Scheduler* scheduler() const { return scheduler_; }
  sched::WaitList* waiters() { return &waiters_; }

  // Wakes every waiter with `true`.
  void WakeWaiters() { scheduler_->WakeAll(&waiters_, PushTrue, nullptr); }

 private:
  sched::Scheduler* const scheduler_;
  sched::WaitList waiters_;
};

// The userdata: only a pointer, so the record can outlive it.
template <typename Record>
struct HandleBox {
  Record* record;
};

// <type>.create(): pushes a new userdata of metatable `type` owning a new
// Record(scheduler), or the failure triple if libuv refused the handle.
// The userdata exists before the record, so no raise can leak the record.
template <typename Record>
int CreateHandle(lua_State* L, const char* type, sched::Scheduler* scheduler) {
  auto* box =
      static_cast<HandleBox<Record>*>(lua_newuserdata(L, sizeof(HandleBox<Record>)));
  box->record = nullptr;
  luaL_getmetatable(L, type);
  lua_setmetatable(L, -2);
  box->record = new Record(scheduler);
  if (box->record->init_status().ok()) return 1;
  int pushed = PushFailure(L, box->record->init_status());
  box->record->Release();
  box->record = nullptr;
  return pushed >= 0 ? pushed : lua_error(L);
}

// The record behind the userdata at `index` (checked against `type`).
template <typename Record>
Record* CheckHandle(lua_State* L, int index, const char* type) {
  Record* record =
      static_cast<HandleBox<Record>*>(luaL_checkudata(L, index, type))->record;
  if (record == nullptr) luaL_argerror(L, index, "handle failed to open");
  return record;
}

// __gc: lets go of the record (it closes the handle if still open).
template <typename Record, const char* kType>
int HandleGc(lua_State* L) {
  auto* box = static_cast<HandleBox<Record>*>(TestObject(L, 1, kType));
  if (box == nullptr) return 0;
  if (box->record != nullptr) box->record->Release();
  box->record = nullptr;
  return 0;
}

// handle:close() -> true. Wakes the waiters with ECANCELED; idempotent.
template <typename Record>
int HandleClose(lua_State* L, const char* type, const char* what) {
  Record* record = CheckHandle<Record>(L, 1, type);
  record->scheduler()->WakeAll(record->waiters(), PushClosed, const_cast<char*>(what));
  record->Close();
  lua_pushboolean(L, 1);
  return 1;
}

// handle:wait() -> true each time the handle fires; or the ECANCELED triple
// when it is closed meanwhile, or `nil, "EBADF: <what> is closed", "EBADF"`
// right away on a closed handle.
template <typename Record>
int HandleWait(lua_State* L, const char* type, const char* call, const char* what) {
  Record* record = CheckHandle<Record>(L, 1, type);
  if (record->closing()) return PushLuvError(L, LuvError::kClosed, what);
  sched::Scheduler* scheduler = record->scheduler();
  sched::State* self = CheckBlockingState(L, scheduler, call);
  scheduler->Wait(record->waiters(), self);
  return Block(L, scheduler, self, call, 1);
}

// luv.select support for handles whose waiters are woken by each event
// (timers, idle watchers): never ready before the next event, except when
// closed (a wait would fail at once).
template <typename Record, const char* kType>
bool HandleSelectReady(lua_State* L, int index) {
  return CheckHandle<Record>(L, index, kType)->closing();
}

template <typename Record, const char* kType>
bool HandleSelectAdd(lua_State* L, int index, sched::WaitNode* node) {
  CheckHandle<Record>(L, index, kType)->waiters()->Add(node);
  return false;
}

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_HANDLE_H_
