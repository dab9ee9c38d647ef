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

// How every binding reports what happened: its results, or Lua's "fail",
//
//   nil, "ENAME: text[: object]", "ENAME"
//
// as io.open, luvit's luv and LuaSocket do (DESIGN.md, "Errors"). This is the
// one place that builds that triple. Failures from libuv, ØMQ and OpenSSL
// arrive as an luv::Status (luv/uv/status.h words them); the failures luv
// makes itself are worded once, in the table of LuvError below.
//
// Lua 5.1 raises with longjmp, which skips C++ destructors, so a Status (it
// may own a heap message) must be gone before anything can raise. A Result
// copies it into a trivially destructible value, made in a statement of its
// own:
//
//   Result result = s->Listen(backlog);  // the Status dies here
//   return ReturnTrue(L, result);        // true, or the failure triple
//
// The functions below take a Result by non-const reference, so a temporary
// (and the Status inside the same expression) cannot be passed by mistake.
// They may raise (out of memory) and run on the thread that owns `L`.
#ifndef LUV_LUA_RESULT_H_
#define LUV_LUA_RESULT_H_

#include "luv/luacompat/luacompat.h"

#include <cstddef>

#include "luv/base/status.h"

namespace luv::lua {

class Result {
 public:
  // Implicit, so that `Result r = Work();` reads naturally.
  Result(const luv::Status& status);  // NOLINT(google-explicit-constructor)

  bool ok() const { return ok_; }
  // "ENOENT"; empty when ok.
  const char* name() const { return name_; }
  // "ENOENT: no such file or directory: /tmp/x"; empty when ok. Messages
  // longer than the buffer end in "...".
  const char* message() const { return message_; }
  size_t message_size() const { return message_size_; }

 private:
  bool ok_;
  char name_[32];
  char message_[1024];
  size_t message_size_;
};

// Pushes the failure triple of a failed result; returns 3.
int PushFail(lua_State* L, Result& result);

// `true`, or the failure triple.
int ReturnTrue(lua_State* L, Result& result);

// luv's own failures, worded once: `object` names what failed ("tcp",
// "the channel", a path).
enum class LuvError {
  kClosed,           // EBADF: <object> is closed
  kClosedMeanwhile,  // ECANCELED: <object> was closed
  kEof,              // EOF: end of file
  kChannelClosed,    // EPIPE: <object> is closed (puts fail, gets drained)
  kWouldBlock,       // EAGAIN: resource temporarily unavailable: <object>
};

// Pushes `nil, "<NAME>: <text>", "<NAME>"` for `error`; returns 3.
int PushLuvError(lua_State* L, LuvError error, const char* object);

// Pushes the failure triple for a libuv error code (negative), with
// `context` (a path, an address; may be null) after libuv's text; returns 3.
// For the hot paths that hold a code rather than a Status.
int PushUvFail(lua_State* L, int code, const char* context = nullptr);

// Pushes `nil, "<name>: <formatted>", "<name>"` for a failure worded at its
// call site (lua_pushfstring's formats); returns 3. For messages that carry
// details no table entry has.
int PushFailf(lua_State* L, const char* name, const char* format, ...);

}  // namespace luv::lua

#endif  // LUV_LUA_RESULT_H_
