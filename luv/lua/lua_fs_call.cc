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

// FsCall: pushing a failed operation's triple, the results of a call done
// at once, and the stat table.
#include "luv/lua/lua_fs_call.h"

#include "luv/lua/result.h"
#include "luv/uv/fs_stat.h"

namespace luv::lua {
namespace {

void SetNumber(lua_State* L, const char* key, lua_Number value) {
  lua_pushnumber(L, value);
  lua_setfield(L, -2, key);
}

void SetInteger(lua_State* L, const char* key, uint64_t value) {
  lua_pushinteger(L, static_cast<lua_Integer>(value));
  lua_setfield(L, -2, key);
}

void SetBoolean(lua_State* L, const char* key, bool value) {
  lua_pushboolean(L, value);
  lua_setfield(L, -2, key);
}

void SetString(lua_State* L, const char* key, const char* value) {
  lua_pushstring(L, value);
  lua_setfield(L, -2, key);
}

// The PushFn of a call that ended at once (YieldResults).
int PushCallResults(lua_State* L, void* call) {
  return static_cast<Request*>(call)->PushResults(L);
}

}  // namespace

int PushFsFailure(lua_State* L, const uv::FsOp& op) {
  Result result = op.status();  // the Status dies here
  return PushFail(L, result);
}

int YieldResults(lua_State* L, Request* call, sched::State* self, int box) {
  if (self->is_fiber()) {
    call->scheduler()->YieldCurrentWithResults(PushCallResults, call);
    lua_pushvalue(L, box);
    return lua_yield(L, 1);
  }
  call->scheduler()->RunOnce(L);
  return call->PushResults(L);
}

int PushStatResult(lua_State* L, FsCall<uv::StatOp>* call) {
  uv::FileStat stat = call->stat();
  lua_createtable(L, 0, 28);
  SetInteger(L, "dev", stat.dev);
  SetInteger(L, "ino", stat.ino);
  SetInteger(L, "mode", stat.mode);
  SetInteger(L, "nlink", stat.nlink);
  SetInteger(L, "uid", stat.uid);
  SetInteger(L, "gid", stat.gid);
  SetInteger(L, "rdev", stat.rdev);
  SetInteger(L, "size", stat.size);
  SetInteger(L, "blksize", stat.blksize);
  SetInteger(L, "blocks", stat.blocks);
  SetInteger(L, "flags", stat.flags);
  SetInteger(L, "gen", stat.gen);
  SetNumber(L, "atime", stat.atime);
  SetNumber(L, "mtime", stat.mtime);
  SetNumber(L, "ctime", stat.ctime);
  SetNumber(L, "birthtime", stat.birthtime);
  SetString(L, "type", stat.type);
  SetString(L, "perm", stat.perm.data());
  SetBoolean(L, "is_file", stat.is_file());
  SetBoolean(L, "is_directory", stat.is_directory());
  SetBoolean(L, "is_symbolic_link", stat.is_symbolic_link());
  SetBoolean(L, "is_fifo", stat.is_fifo());
  SetBoolean(L, "is_socket", stat.is_socket());
  SetBoolean(L, "is_character_device", stat.is_character_device());
  SetBoolean(L, "is_block_device", stat.is_block_device());
  return 1;
}

}  // namespace luv::lua
