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

#include "luv/lua/lua_stream_reads.h"

#include <cstring>
#include <string_view>

#include "luv/lua/result.h"
#include "luv/lua/support.h"
#include "luv/uv/separator_scan.h"

namespace luv::lua {
namespace {

// Default and largest bound of read_line and read_until, and the largest
// read_exactly: read()'s.
constexpr size_t kDefaultBound = kDefaultReadSize;
constexpr size_t kMaxBound = kMaxReadSize;

struct ReadCalls {
  const char* what;
  const char* read_line;
  const char* read_exactly;
  const char* read_until;
};

// Static strings, so that the hot paths format nothing.
constexpr ReadCalls kReadCalls[] = {
    {"tcp", "tcp:read_line()", "tcp:read_exactly()", "tcp:read_until()"},
    {"pipe", "pipe:read_line()", "pipe:read_exactly()", "pipe:read_until()"},
    {"stdin", "stdin:read_line()", "stdin:read_exactly()", "stdin:read_until()"},
    {"stdout", "stdout:read_line()", "stdout:read_exactly()", "stdout:read_until()"},
    {"stderr", "stderr:read_line()", "stderr:read_exactly()", "stderr:read_until()"},
    {"stream", "stream:read_line()", "stream:read_exactly()", "stream:read_until()"},
};

const ReadCalls* ReadCallsFor(const char* what) {
  for (const ReadCalls& calls : kReadCalls) {
    if (std::strcmp(calls.what, what) == 0) return &calls;
  }
  return &kReadCalls[sizeof(kReadCalls) / sizeof(kReadCalls[0]) - 1];
}

// The failure that ended reading, once the buffer holds nothing to return.
int PushReadEnd(lua_State* L, LuaStream* s) {
  if (s->read_error() != 0) return PushReadFailure(L, s);
  return PushLuvError(L, LuvError::kEof, nullptr);
}

bool FilterReady(LuaStream* s) {
  return s->filter() == nullptr || s->filter()->ready() || s->read_ended();
}
bool FilterReady(ReadAhead*) { return true; }

int PushReadEnd(lua_State* L, ReadAhead* s) {
  if (s->read_error() != 0) return PushUvFail(L, s->read_error());
  return PushLuvError(L, LuvError::kEof, nullptr);
}

// Gives back a read limit that `want` raised.
template <typename Source>
void RestoreLimit(Source* s, ReadWant* want) {
  if (want->raised_from != 0) {
    s->set_read_limit(want->raised_from);
    want->raised_from = 0;
  }
}

// An argument error of `name`: raised as luaL_argerror does for a method
// the program called directly, or as GlueArgError (support.h) for the C half
// of a glue function.
void ArgError(lua_State* L, bool from_glue, int arg, const char* name, const char* message) {
  if (from_glue) GlueArgError(L, arg, name, message);
  luaL_argerror(L, arg, message);
}

void TypeError(lua_State* L, bool from_glue, int arg, const char* name, const char* expected) {
  ArgError(L, from_glue, arg, name,
           lua_pushfstring(L, "%s expected, got %s", expected, luaL_typename(L, arg)));
}

size_t OptBound(lua_State* L, bool from_glue, int arg, const char* name) {
  if (lua_isnoneornil(L, arg)) return kDefaultBound;
  if (lua_type(L, arg) != LUA_TNUMBER) TypeError(L, from_glue, arg, name, "number");
  lua_Number max = lua_tonumber(L, arg);
  if (!(max >= 1 && max <= static_cast<lua_Number>(kMaxBound))) {
    ArgError(L, from_glue, arg, name, "max must be a number from 1 to 16777216");
  }
  return static_cast<size_t>(max);
}

bool OptKeep(lua_State* L, bool from_glue, int arg, const char* name, const char* what) {
  int type = lua_type(L, arg);
  if (type != LUA_TNONE && type != LUA_TNIL && type != LUA_TBOOLEAN) {
    ArgError(L, from_glue, arg, name, lua_pushfstring(L, "%s must be a boolean", what));
  }
  return lua_toboolean(L, arg) != 0;
}

LuaStream* Self(lua_State* L) { return CheckStream(L, 1); }

// stream:read_line([keep_eol[, max]]) -> line | nil, message, code
int LStreamReadLine(lua_State* L) {
  LuaStream* s = Self(L);
  ReadWant want;
  CheckReadLineArgs(L, s->what(), false, &want);
  return StreamReadWanted(L, s, &want);
}

// stream:read_until(separator[, keep_separator[, max]]) -> data |
// nil, message, code
int LStreamReadUntil(lua_State* L) {
  LuaStream* s = Self(L);
  ReadWant want;
  CheckReadUntilArgs(L, s->what(), false, &want);
  return StreamReadWanted(L, s, &want);
}

// stream:read_exactly(n) -> data | nil, message, code
int LStreamReadExactly(lua_State* L) {
  LuaStream* s = Self(L);
  ReadWant want;
  CheckReadExactlyArgs(L, s->what(), false, &want);
  return StreamReadWanted(L, s, &want);
}

// stream:read_buffered() -> data (possibly "") | nil, message, code
int LStreamReadBuffered(lua_State* L) {
  LuaStream* s = Self(L);
  ReadWant want;
  want.kind = ReadWant::Kind::kBuffered;
  return StreamReadWanted(L, s, &want);
}

// stream:lines([keep_eol]) -> iterator; upvalue 1 is read_line.
int LStreamLines(lua_State* L) {
  Self(L);
  PushLinesIterator(L, lua_upvalueindex(1), CheckKeepEol(L, 2, false));
  return 1;
}

// The iterator is Lua, so that it can suspend wherever the VM lets a for
// loop's iterator yield, and raise the failures a for loop cannot return.
// Compiled once per state and kept in the registry (key: kLinesGlue).
constexpr char kLinesGlue[] = R"lua(
return function(self, keep_eol, read_line)
  return function()
    local line, err, code = read_line(self, keep_eol)
    if line then return line end
    if code == "EOF" then return nil end
    error(err, 2)
  end
end
)lua";

}  // namespace

void CheckReadLineArgs(lua_State* L, const char* what, bool from_glue, ReadWant* want) {
  want->kind = ReadWant::Kind::kUntil;
  want->line = true;
  want->keep_separator = OptKeep(L, from_glue, 2, "read_line", "keep_eol");
  want->max = OptBound(L, from_glue, 3, "read_line");
  want->call = ReadCallsFor(what)->read_line;
  want->separator[0] = '\n';
  want->separator_size = 1;
}

void CheckReadUntilArgs(lua_State* L, const char* what, bool from_glue, ReadWant* want) {
  size_t size = 0;
  const char* separator =
      lua_type(L, 2) == LUA_TSTRING || lua_type(L, 2) == LUA_TNUMBER
          ? lua_tolstring(L, 2, &size)
          : nullptr;
  if (separator == nullptr) TypeError(L, from_glue, 2, "read_until", "string");
  if (size < 1 || size > ReadWant::kMaxSeparator) {
    ArgError(L, from_glue, 2, "read_until", "separator must be a string of 1 to 64 bytes");
  }
  want->kind = ReadWant::Kind::kUntil;
  want->keep_separator = OptKeep(L, from_glue, 3, "read_until", "keep_separator");
  want->max = OptBound(L, from_glue, 4, "read_until");
  want->call = ReadCallsFor(what)->read_until;
  std::memcpy(want->separator, separator, size);
  want->separator_size = size;
}

void CheckReadExactlyArgs(lua_State* L, const char* what, bool from_glue, ReadWant* want) {
  if (lua_type(L, 2) != LUA_TNUMBER) TypeError(L, from_glue, 2, "read_exactly", "number");
  lua_Number n = lua_tonumber(L, 2);
  if (!(n >= 1 && n <= static_cast<lua_Number>(kMaxBound))) {
    ArgError(L, from_glue, 2, "read_exactly", "n must be a number from 1 to 16777216");
  }
  want->kind = ReadWant::Kind::kExactly;
  want->max = static_cast<size_t>(n);
  want->call = ReadCallsFor(what)->read_exactly;
}

bool CheckKeepEol(lua_State* L, int arg, bool from_glue) {
  return OptKeep(L, from_glue, arg, "lines", "keep_eol");
}

void PushLinesIterator(lua_State* L, int read_line_index, bool keep_eol) {
  luaL_checkstack(L, 5, "luv: lines()");
  lua_pushvalue(L, read_line_index);
  lua_pushlightuserdata(L, const_cast<char*>(kLinesGlue));
  lua_rawget(L, LUA_REGISTRYINDEX);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    LoadGlue(L, kLinesGlue, sizeof(kLinesGlue) - 1, "=luv.stream.lines");
    lua_call(L, 0, 1);
    lua_pushlightuserdata(L, const_cast<char*>(kLinesGlue));
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
  }
  lua_pushvalue(L, 1);
  lua_pushboolean(L, keep_eol);
  lua_pushvalue(L, -4);
  lua_call(L, 3, 1);
  lua_remove(L, -2);
}

template <typename Source>
bool WantReady(Source* s, ReadWant* want) {
  switch (want->kind) {
    case ReadWant::Kind::kSome:
      return s->buffered() > 0 || s->read_ended();
    case ReadWant::Kind::kBuffered:
      return true;
    case ReadWant::Kind::kFilterReady:
      return FilterReady(s);
    case ReadWant::Kind::kExactly:
    case ReadWant::Kind::kUntil:
      break;
  }
  if (want->max > s->read_limit()) {
    if (want->raised_from == 0) want->raised_from = s->read_limit();
    s->set_read_limit(want->max);
  }
  if (want->kind == ReadWant::Kind::kExactly) {
    return s->buffered() >= want->max || s->read_ended();
  }
  std::string_view data = s->Peek(want->max);
  std::string_view separator(want->separator, want->separator_size);
  if (uv::FindSeparator(data, separator, &want->scanned) != std::string_view::npos) {
    return true;
  }
  return data.size() >= want->max || s->read_ended();
}

template <typename Source>
int PushWanted(lua_State* L, Source* s, ReadWant* want) {
  switch (want->kind) {
    case ReadWant::Kind::kSome:
    case ReadWant::Kind::kBuffered: {
      std::string_view bytes = s->Peek(s->buffered());
      lua_pushlstring(L, bytes.data(), bytes.size());
      s->Consume(bytes.size());
      return 1;
    }
    case ReadWant::Kind::kExactly: {
      if (s->buffered() < want->max) return PushReadEnd(L, s);
      std::string_view bytes = s->Peek(want->max);
      lua_pushlstring(L, bytes.data(), bytes.size());
      s->Consume(bytes.size());
      RestoreLimit(s, want);
      return 1;
    }
    case ReadWant::Kind::kFilterReady:
      if (s->read_error() != 0) return PushReadEnd(L, s);
      lua_pushboolean(L, 1);
      return 1;
    case ReadWant::Kind::kUntil:
      break;
  }
  std::string_view data = s->Peek(want->max);
  std::string_view separator(want->separator, want->separator_size);
  size_t found = uv::FindSeparator(data, separator, &want->scanned);
  if (found != std::string_view::npos) {
    size_t end = found + separator.size();
    size_t size = want->keep_separator ? end : found;
    if (want->line && !want->keep_separator && size > 0 && data[size - 1] == '\r') {
      --size;
    }
    lua_pushlstring(L, data.data(), size);
    s->Consume(end);
    RestoreLimit(s, want);
    return 1;
  }
  if (data.size() >= want->max) {
    // The bytes stay buffered for a later read.
    return PushFailf(L, "ENOBUFS", "no %s within %d bytes: %s",
                     want->line ? "line end" : "separator", static_cast<int>(want->max),
                     s->what());
  }
  if (data.empty()) return PushReadEnd(L, s);
  // The end of the stream: the last, unterminated piece first.
  lua_pushlstring(L, data.data(), data.size());
  s->Consume(data.size());
  RestoreLimit(s, want);
  return 1;
}

template bool WantReady<LuaStream>(LuaStream*, ReadWant*);
template bool WantReady<ReadAhead>(ReadAhead*, ReadWant*);
template int PushWanted<LuaStream>(lua_State*, LuaStream*, ReadWant*);
template int PushWanted<ReadAhead>(lua_State*, ReadAhead*, ReadWant*);

void SetBufferedReadMethods(lua_State* L) {
  luaL_checkstack(L, 3, "opening luv");
  lua_pushcfunction(L, LStreamReadLine);
  lua_setfield(L, -2, "read_line");
  lua_pushcfunction(L, LStreamReadUntil);
  lua_setfield(L, -2, "read_until");
  lua_pushcfunction(L, LStreamReadExactly);
  lua_setfield(L, -2, "read_exactly");
  lua_pushcfunction(L, LStreamReadBuffered);
  lua_setfield(L, -2, "read_buffered");
  lua_pushcfunction(L, LStreamReadLine);
  lua_pushcclosure(L, LStreamLines, 1);
  lua_setfield(L, -2, "lines");
}

}  // namespace luv::lua
