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

// Buffered reads on every stream: read_line, read_exactly, read_until,
// read_buffered and lines. They take their bytes from the stream's one read
// buffer (uv::Stream's), through the same queue of readers as read(), so
// mixing them with read() never loses or reorders bytes. A reader that has
// to wait queues a ReadOp carrying its ReadWant; it is woken only once its
// want can be answered (a whole line, n bytes, the end of the stream, or a
// full bound), and nothing is consumed until its results are pushed, so a
// deadline or cancellation in the middle of a line leaves the bytes for the
// next read.
//
// Thread affinity: the thread that owns the Lua state. WantReady never
// raises; PushWanted and the Lua methods may raise (argument errors, out of
// memory) and suspend.
#ifndef LUV_LUA_LUA_STREAM_READS_H_
#define LUV_LUA_LUA_STREAM_READS_H_

#include <cstddef>
#include <cstdint>

#include "luv/lua/lua_stream.h"
#include "luv/lua/read_ahead.h"
#include "luv/luacompat/luacompat.h"

namespace luv::lua {

// What a buffered read waits for. Trivially destructible: it lives in
// frames that Lua may longjmp out of, and is copied into a waiting ReadOp.
struct ReadWant {
  enum class Kind : uint8_t {
    kSome,      // read(): whatever is there (handled in lua_stream.cc)
    kExactly,   // read_exactly(max)
    kUntil,     // read_until / read_line: up to the separator, within max
    kBuffered,  // read_buffered(): what is there now, never waits
    // The stream's filter is ready (a TLS handshake completed) or reading
    // ended (it failed): answers true, or the failure.
    kFilterReady,
  };
  static constexpr size_t kMaxSeparator = 64;

  Kind kind = Kind::kSome;
  bool keep_separator = false;
  bool line = false;       // read_line: a "\r" before the "\n" goes too
  size_t max = 0;          // kExactly: the count; kUntil: the bound
  size_t scanned = 0;      // kUntil: where the separator search resumes
  size_t raised_from = 0;  // the read limit before this want raised it, or 0
  const char* call = "";   // "tcp:read_line()": a static string
  size_t separator_size = 0;
  char separator[kMaxSeparator] = {};
};

// Whether `want` can be answered from `source`'s buffer now. Raises the
// source's read limit to `want->max` if that is more, so that the bytes it
// needs can arrive. Never raises a Lua error. `Source` is LuaStream or
// ReadAhead (read_ahead.h).
template <typename Source>
bool WantReady(Source* source, ReadWant* want);

// Pushes the answer to `want` (WantReady was true) and consumes what it
// returns: the data, or the failure triple. Returns the number pushed.
template <typename Source>
int PushWanted(lua_State* L, Source* source, ReadWant* want);

// The argument checks of read_line, read_until and read_exactly, for an
// object named `what` ("tcp", "stdin"): they fill `want` from the arguments
// at index 2 on, and raise for bad ones — as luaL_argerror does, or, when
// `from_glue`, as GlueArgError (support.h) does for the C half of a glue
// function (retry.h).
void CheckReadLineArgs(lua_State* L, const char* what, bool from_glue, ReadWant* want);
void CheckReadUntilArgs(lua_State* L, const char* what, bool from_glue, ReadWant* want);
void CheckReadExactlyArgs(lua_State* L, const char* what, bool from_glue, ReadWant* want);
// keep_eol of lines([keep_eol]) at `arg`; raises for a non-boolean.
bool CheckKeepEol(lua_State* L, int arg, bool from_glue);

// Pushes lines' iterator for the object at index 1: `read_line` (the value
// at `read_line_index`, a function) called with (object, keep_eol) per
// step; the loop ends at EOF and raises any other failure. May raise.
void PushLinesIterator(lua_State* L, int read_line_index, bool keep_eol);

// Answers `want` at once if no earlier reader waits and it can be, else
// queues it behind the earlier readers and suspends. Defined in
// lua_stream.cc, which owns the queue of readers.
int StreamReadWanted(lua_State* L, LuaStream* stream, ReadWant* want);

// Sets read_line, read_exactly, read_until, read_buffered and lines in the
// table on top of the stack (a stream type's __index). May raise.
void SetBufferedReadMethods(lua_State* L);

}  // namespace luv::lua

#endif  // LUV_LUA_LUA_STREAM_READS_H_
