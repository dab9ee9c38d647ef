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

// The one retry protocol, for the C halves of calls that wait and then try
// again (channel put and get, ØMQ send and receive): a wake-up is a hint,
// and another state may have taken what the call was woken for. Lua 5.1
// cannot resume a C function where it yielded, so one Lua loop (the glue
// PushRetrying makes) calls the half until it returns something other than
// the retry marker:
//
//   half(args...) -> its results | marker, the next attempt's arguments...
//
// A half that must wait arranges its stack to hold exactly the next
// attempt's arguments and returns BlockForRetry(...); a waker that wants it
// to try again wakes it with PushRetry. A half may also return
// ReturnRetry(L) at once (it changed an argument: a deadline, progress).
// Argument errors of a half name the public function (support.h's Glue*).
//
// Thread affinity: the thread that owns the Lua state.
#ifndef LUV_LUA_RETRY_H_
#define LUV_LUA_RETRY_H_

#include "luv/luacompat/luacompat.h"

#include "luv/sched/scheduler.h"

namespace luv::lua {

// Wraps the C function on top of the stack (the half) in the retry loop;
// the loop replaces it on the stack. May raise.
void PushRetrying(lua_State* L);

// Whether the value at `index` is the retry marker (luv.pcall's nested
// coroutines on Lua 5.1 pass it on to the half that waits inside them).
bool IsRetryMarker(lua_State* L, int index);

// A PushFn that makes the woken half run again.
int PushRetry(lua_State* L, void* unused);

// Returns the marker and the whole stack (the next attempt's arguments).
int ReturnRetry(lua_State* L);

// Suspends `self` (registered as a waiter already); when it is woken with
// PushRetry the half runs again with the arguments on its stack now, else
// the waker's results are the call's. `call` names it in messages.
int BlockForRetry(lua_State* L, sched::Scheduler* scheduler, sched::State* self,
                  const char* call);

}  // namespace luv::lua

#endif  // LUV_LUA_RETRY_H_
