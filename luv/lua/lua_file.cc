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

// luv.file methods: read, write, close, stat, sync, datasync, utime, chmod,
// chown, truncate.
#include "luv/lua/lua_file.h"

#include <algorithm>

#include <string_view>
#include "luv/lua/lua_fs_args.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/object.h"
#include "luv/lua/support.h"
#include "luv/uv/file_ops.h"
#include "luv/uv/fs_args.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

using uv::File;

constexpr char kFileType[] = "luv.file";

// The record a luv.file owns: the File (which may outlive it while calls are
// in flight) and the scheduler its calls wait on.
class FileBox final : public LuaOwned {
 public:
  FileBox(File* file, sched::Scheduler* scheduler) : file(file), scheduler(scheduler) {}

  // The descriptor is closed in the background once no call is in flight.
  void ReleaseFromLua() override {
    file->Release();
    delete this;
  }

  File* const file;
  sched::Scheduler* const scheduler;
};

FileBox* CheckBox(lua_State* L) { return CheckObject<FileBox>(L, 1, kFileType); }

// Check -> start -> wait for a method of the file in `box` whose operation
// `start(Op*, File*)` (no Lua API) starts. Returns what the binding returns.
template <typename Op, typename Start>
int RunFileCall(lua_State* L, FileBox* box, const char* name,
                typename FsCall<Op>::Pusher push, Start start) {
  File* file = box->file;
  if (file->closed()) return PushFileClosed(L, file);
  return RunFsCall<Op>(L, box->scheduler, name, push,
                       [file, start](Op* op, uv_loop_t*) { start(op, file); });
}

// nbytes, data
int PushRead(lua_State* L, FsCall<uv::ReadOp>* call) {
  std::string_view data = call->data();
  lua_pushinteger(L, static_cast<lua_Integer>(data.size()));
  lua_pushlstring(L, data.data(), data.size());
  call->ReleaseBuffer();
  return 2;
}

// --- Methods -----------------------------------------------------------------

// What file:read() reads without a length: 64 KiB.
constexpr int64_t kDefaultFileRead = 64 * 1024;

// file:read([len[, offset]]) -> nbytes, data (0, "" at the end of the file).
// Without an offset reads at the file's position and moves it. At most
// uv::kMaxReadLength bytes per call. Reads of data the page cache holds are
// done at once (uv::ReadOp::cached); the caller still lets the other ready
// fibers run before it continues.
int LFileRead(lua_State* L) {
  FileBox* box = CheckBox(L);
  // Without a length, 64 KiB, as a stream's read.
  int64_t wanted = lua_isnoneornil(L, 2) ? kDefaultFileRead : CheckSize(L, 2);
  size_t length = static_cast<size_t>(
      std::min<int64_t>(wanted, static_cast<int64_t>(uv::kMaxReadLength)));
  int64_t offset = OptSize(L, 3, File::kAtPosition);
  File* file = box->file;
  if (file->closed()) return PushFileClosed(L, file);
  sched::State* self = CheckBlockingState(L, box->scheduler, "file:read()");
  // Nothing may raise from here until the read has started.
  auto* call = NewRequest<FsCall<uv::ReadOp>>(L, box->scheduler, PushRead);
  int index = lua_gettop(L);
  call->Start(file, length, offset);
  if (call->cached()) return YieldResults(L, call, self, index);
  return call->Await(L, self, index, "file:read()");
}

// file:write(data[, offset]) -> nbytes. Without an offset writes at the
// file's position and moves it, so successive writes follow each other. In
// append mode ("a", "a+") every write goes to the end of the file.
int LFileWrite(lua_State* L) {
  FileBox* box = CheckBox(L);
  size_t size;
  const char* data = luaL_checklstring(L, 2, &size);
  int64_t offset = OptSize(L, 3, File::kAtPosition);
  File* file = box->file;
  if (file->closed()) return PushFileClosed(L, file);
  sched::State* self = CheckBlockingState(L, box->scheduler, "file:write()");
  // The string must outlive the write: LuaJIT drops a yielding C
  // function's arguments.
  lua_pushvalue(L, 2);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  // Nothing may raise from here until the write has started.
  auto* call =
      NewRequest<FsCall<uv::WriteOp>>(L, box->scheduler, PushIntegerResult<uv::WriteOp>);
  int index = lua_gettop(L);
  call->Keep(ref);
  call->Start(file, data, size, offset);
  return call->Await(L, self, index, "file:write()");
}

// file:close() -> true, once the calls made before it have ended. Closing
// it again returns true, as for every handle.
int LFileClose(lua_State* L) {
  FileBox* box = CheckBox(L);
  if (box->file->closed()) {
    lua_pushboolean(L, 1);
    return 1;
  }
  return RunFileCall<uv::CloseOp>(L, box, "file:close()",
                                  PushTrueResult<uv::CloseOp>,
                                  [](uv::CloseOp* op, File* file) { op->Start(file); });
}

// file:stat() -> the table luv.fs.stat returns
int LFileStat(lua_State* L) {
  return RunFileCall<uv::StatOp>(L, CheckBox(L), "file:stat()", PushStatResult,
                                 [](uv::StatOp* op, File* file) { op->Fstat(file); });
}

// file:sync() -> true: data and metadata reach the disk (fsync).
int LFileSync(lua_State* L) {
  return RunFileCall<uv::DescriptorOp>(
      L, CheckBox(L), "file:sync()", PushTrueResult<uv::DescriptorOp>,
      [](uv::DescriptorOp* op, File* file) { op->Sync(file); });
}

// file:datasync() -> true: the data reaches the disk (fdatasync).
int LFileDatasync(lua_State* L) {
  return RunFileCall<uv::DescriptorOp>(
      L, CheckBox(L), "file:datasync()", PushTrueResult<uv::DescriptorOp>,
      [](uv::DescriptorOp* op, File* file) { op->Datasync(file); });
}

// file:utime(atime, mtime) -> true
int LFileUtime(lua_State* L) {
  FileBox* box = CheckBox(L);
  double atime = CheckTime(L, 2), mtime = CheckTime(L, 3);
  return RunFileCall<uv::DescriptorOp>(L, box, "file:utime()",
                                       PushTrueResult<uv::DescriptorOp>,
                                       [atime, mtime](uv::DescriptorOp* op, File* file) {
                                         op->Utime(file, atime, mtime);
                                       });
}

// file:chmod(mode) -> true; `mode` is an octal string such as "644".
int LFileChmod(lua_State* L) {
  FileBox* box = CheckBox(L);
  int mode = CheckPermissions(L, 2, nullptr);
  return RunFileCall<uv::DescriptorOp>(
      L, box, "file:chmod()", PushTrueResult<uv::DescriptorOp>,
      [mode](uv::DescriptorOp* op, File* file) { op->Chmod(file, mode); });
}

// file:chown(uid, gid) -> true; -1 leaves an id unchanged.
int LFileChown(lua_State* L) {
  FileBox* box = CheckBox(L);
  auto uid = static_cast<uv_uid_t>(CheckOwnerId(L, 2));
  auto gid = static_cast<uv_gid_t>(CheckOwnerId(L, 3));
  return RunFileCall<uv::DescriptorOp>(
      L, box, "file:chown()", PushTrueResult<uv::DescriptorOp>,
      [uid, gid](uv::DescriptorOp* op, File* file) { op->Chown(file, uid, gid); });
}

// file:truncate([length]) -> true; `length` defaults to 0. The position
// does not move.
int LFileTruncate(lua_State* L) {
  FileBox* box = CheckBox(L);
  int64_t length = OptSize(L, 2, 0);
  return RunFileCall<uv::DescriptorOp>(
      L, box, "file:truncate()", PushTrueResult<uv::DescriptorOp>,
      [length](uv::DescriptorOp* op, File* file) { op->Truncate(file, length); });
}

constexpr luaL_Reg kMethods[] = {
    {"read", LFileRead},         {"write", LFileWrite}, {"close", LFileClose},
    {"stat", LFileStat},         {"sync", LFileSync},   {"datasync", LFileDatasync},
    {"utime", LFileUtime},       {"chmod", LFileChmod}, {"chown", LFileChown},
    {"truncate", LFileTruncate}, {nullptr, nullptr},
};

}  // namespace

void OpenFile(lua_State* L) {
  NewObjectClass(L, kFileType, kMethods);
  lua_pop(L, 1);
}

int PushOpenedFile(lua_State* L, FsCall<uv::OpenOp>* call) {
  ObjectBox* box = PushObjectBox(L, kFileType);
  // Only now, when __gc will see it: a raise above leaves the File to the call.
  box->owned = new FileBox(call->TakeFile(), call->scheduler());
  return 1;
}

uv::File* CheckFileArg(lua_State* L, int index, sched::Scheduler** scheduler) {
  FileBox* box = CheckObject<FileBox>(L, index, kFileType);
  if (scheduler != nullptr) *scheduler = box->scheduler;
  return box->file;
}

uv::File* TestFileArg(lua_State* L, int index) {
  ObjectBox* box = TestObjectBox(L, index, kFileType);
  if (box == nullptr || box->owned == nullptr) return nullptr;
  return static_cast<FileBox*>(box->owned)->file;
}

int PushFileClosed(lua_State* L, uv::File* file) {
  // The path is copied into Lua before anything can raise.
  lua_pushfstring(L, "%s (closed)", file->path().c_str());
  size_t size;
  const char* context = lua_tolstring(L, -1, &size);
  int pushed = PushFailure(L, uv::UvStatus(UV_EBADF, std::string_view(context, size)));
  if (pushed < 0) return lua_error(L);
  lua_remove(L, -4);
  return pushed;
}

}  // namespace luv::lua
