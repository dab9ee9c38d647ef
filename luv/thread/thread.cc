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

#include "luv/thread/thread.h"

#include <pthread.h>

#include <cstdio>
#include <cstring>

#include "luv/base/strings.h"
#include "luv/codec/codec.h"
#include "luv/sched/thread_registry.h"
#include "luv/protect/protect.h"

namespace luv::thread {
namespace {

// Error handler: a string error gets the thread's traceback; other error
// values travel as they are.
int Traceback(lua_State* L) {
  if (!lua_isstring(L, 1)) return 1;
  lua_getglobal(L, "debug");
  if (!lua_istable(L, -1)) return 1;
  lua_getfield(L, -1, "traceback");
  if (!lua_isfunction(L, -1)) return 1;
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 2);
  lua_call(L, 2, 1);
  return 1;
}

// Replaces the stack with the string `message`, in protected mode.
void SetMessage(lua_State* L, std::string_view message) {
  lua_settop(L, 0);
  if (protect::PushProtected(L, [message](lua_State* L) {
        lua_pushlstring(L, message.data(), message.size());
        return 1;
      }) < 0) {
    lua_settop(L, 0);  // out of memory: the joiner gets no value at all
  }
}

// "thread (function at file.lua:12)": the function's definition, read
// before the call (the function is at `index`).
std::string DescribeFunction(lua_State* L, int index) {
  lua_Debug ar;
  lua_pushvalue(L, index);
  if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0) {
    return luv::StrCat("thread (function at ", ar.short_src, ":", ar.linedefined, ")");
  }
  return "thread";
}

// The error at the top of the stack as text: strings (with the traceback
// Traceback added) as they are, other values by type.
std::string DescribeError(lua_State* L) {
  if (lua_gettop(L) == 0) return "(no error value)";
  if (lua_type(L, -1) == LUA_TSTRING) {
    size_t length = 0;
    const char* text = lua_tolstring(L, -1, &length);
    return std::string(text, length);
  }
  return luv::StrCat("(error object is a ", luaL_typename(L, -1), " value)");
}

// Runs the encoded call in `L`; sets `*failed` and fills `*out` with the
// message of the results or of the error, and, on failure, `*report` with
// the line printed if nobody joins the thread. Never raises.
void RunCall(lua_State* L, const codec::Message& call, bool* failed,
             codec::Message* out, std::string* report) {
  *report = "thread";
  int count = 0;
  luv::Status decoded = codec::DecodeMessage(L, call, &count);
  if (!decoded.ok() || count < 1 || !lua_isfunction(L, -count)) {
    *failed = true;
    SetMessage(L, decoded.ok() ? "luv: the thread's function did not arrive"
                               : decoded.message());
  } else {
    int base = lua_gettop(L) - count + 1;  // the function
    *report = DescribeFunction(L, base);
    lua_pushcfunction(L, Traceback);
    lua_insert(L, base);
    *failed = lua_pcall(L, count - 1, LUA_MULTRET, base) != 0;
    lua_remove(L, base);
  }
  if (*failed) luv::StrAppend(report, " failed and was never joined: ", DescribeError(L));
  luv::Status encoded = codec::EncodeMessage(L, lua_gettop(L), out);
  if (encoded.ok()) return;
  // The values cannot travel (a coroutine, say): the joiner gets an error
  // that says which.
  SetMessage(L, luv::StrCat("luv: the thread's ", *failed ? "error" : "results",
                             " cannot be sent back: ", encoded.message()));
  if (!*failed) luv::StrAppend(report, " failed and was never joined: ", DescribeError(L));
  *failed = true;
  if (!codec::EncodeMessage(L, lua_gettop(L), out).ok()) *out = codec::Message();
}

struct Start {
  std::shared_ptr<ThreadShared> shared;
  codec::Message call;
  lua_CFunction open_luv;
};

void* ThreadMain(void* arg) {
  std::unique_ptr<Start> start(static_cast<Start*>(arg));
  sched::MarkLuvThread();
  bool failed = true;
  codec::Message results;
  std::string report = "thread failed and was never joined: out of memory for its Lua state";
  if (lua_State* L = luaL_newstate()) {
    luaL_openlibs(L);
    protect::InstallProtect(L);
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "preload");
    lua_pushcfunction(L, start->open_luv);
    lua_setfield(L, -2, "luv");
    lua_settop(L, 0);
    // luv is preloaded, not loaded: a function that needs it requires it,
    // and decoding loads it when the call carries luv's own objects.
    RunCall(L, start->call, &failed, &results, &report);
    start->call = codec::Message();  // what the call pinned is decoded now
    // The state is closed before joiners hear of it: a joined thread has
    // let go of everything (its loop's descriptors included).
    lua_close(L);
  }
  start->shared->Finish(failed, std::move(results), std::move(report));
  start.reset();
  sched::ThreadEnded();
  return nullptr;
}

}  // namespace

bool ThreadShared::NotifyWhenFinished(const uv::Mailbox::Address& address,
                                      uv::Task task) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (finished_) return false;
  notify_.emplace_back(address, std::move(task));
  return true;
}

bool ThreadShared::finished() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return finished_;
}

ThreadShared::~ThreadShared() {
  // No lock: the last reference is going, nobody else can touch this.
  if (finished_ && failed_ && !joined_.load(std::memory_order_relaxed)) {
    std::fprintf(stderr, "luv: a %s\n", report_.c_str());
  }
}

void ThreadShared::Finish(bool failed, codec::Message results, std::string report) {
  std::vector<std::pair<uv::Mailbox::Address, uv::Task>> notify;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    failed_ = failed;
    results_ = std::move(results);
    report_ = std::move(report);
    finished_ = true;
    notify.swap(notify_);
  }
  for (auto& [address, task] : notify) address.Post(std::move(task));
}

luv::StatusOr<std::shared_ptr<ThreadShared>> Spawn(codec::Message call,
                                                    lua_CFunction open_luv) {
  auto shared = std::make_shared<ThreadShared>();
  auto* start = new Start{shared, std::move(call), open_luv};
  sched::ThreadStarting();
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  // Detached: nobody waits with pthread_join; process exit waits through the
  // live count instead. 8 MiB of stack, as a main thread has.
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, 8 << 20);
  pthread_t id;
  int rc = pthread_create(&id, &attr, ThreadMain, start);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    delete start;
    sched::ThreadEnded();
    return luv::ResourceExhaustedError(
        luv::StrCat("EAGAIN: cannot start a thread: ", std::strerror(rc)));
  }
  return shared;
}

}  // namespace luv::thread
