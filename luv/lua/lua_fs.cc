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

// The luv.fs functions: thin adapters that check their arguments, start the
// operation from luv/uv/fs_path_ops.h or file_ops.h and wait for it
// (lua_fs_call.h), suspending only the calling state. cwd and exepath read
// process state without I/O and return at once.
#include "luv/lua/lua_fs.h"

#include <uv.h>

#include "luv/lua/lua_file.h"
#include "luv/lua/lua_fs_args.h"
#include "luv/lua/lua_fs_call.h"
#include "luv/lua/lua_fs_watch.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"
#include "luv/uv/file_ops.h"
#include "luv/uv/fs_path_ops.h"

namespace luv::lua {
namespace {

using uv::File;
using uv::PathOp;

// A call whose result is `true`, on the calling function's scheduler.
template <typename Start>
int RunPathOp(lua_State* L, const char* name, Start start) {
  return RunFsCall<PathOp>(L, UpScheduler(L), name, PushTrueResult<PathOp>, start);
}

// --- Pushers -------------------------------------------------------------------

// An array of the entry names (sorted, without . and ..).
int PushNames(lua_State* L, FsCall<uv::ScandirOp>* call) {
  lua_createtable(L, static_cast<int>(call->size()), 0);
  uv::DirEntry entry;
  for (int i = 1; call->Next(&entry); ++i) {
    lua_pushstring(L, entry.name);
    lua_rawseti(L, -2, i);
  }
  return 1;
}

// An array of {name = ..., type = ...}.
int PushEntries(lua_State* L, FsCall<uv::ScandirOp>* call) {
  lua_createtable(L, static_cast<int>(call->size()), 0);
  uv::DirEntry entry;
  for (int i = 1; call->Next(&entry); ++i) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, entry.name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, entry.type);
    lua_setfield(L, -2, "type");
    lua_rawseti(L, -2, i);
  }
  return 1;
}

// The path a readlink, realpath or mkdtemp produced.
int PushText(lua_State* L, FsCall<uv::PathTextOp>* call) {
  lua_pushstring(L, call->text());
  return 1;
}

// --- Functions -----------------------------------------------------------------

// luv.fs.open(path[, mode[, perm]]) -> file. `mode` is "r" (default), "r+",
// "w", "w+", "a" or "a+"; `perm` an octal string, default "666" (less the
// umask), used when the file is created.
int LFsOpen(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int flags = CheckOpenMode(L, 2, "r");
  int perm = CheckPermissions(L, 3, "666");
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::OpenOp>(
      L, UpScheduler(L), "luv.fs.open()", PushOpenedFile,
      [=](uv::OpenOp* op, uv_loop_t* loop) { op->Start(loop, path, flags, perm); });
}

// luv.fs.unlink(path) -> true
int LFsUnlink(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.unlink()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Unlink(loop, path); });
}

// luv.fs.mkdir(path[, mode]) -> true; `mode` an octal string, default "777"
// (less the umask).
int LFsMkdir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int mode = CheckPermissions(L, 2, "777");
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.mkdir()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Mkdir(loop, path, mode); });
}

// luv.fs.rmdir(path) -> true
int LFsRmdir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.rmdir()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Rmdir(loop, path); });
}

// luv.fs.readdir(path) -> {name, ...}, sorted, without "." and "..".
int LFsReaddir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::ScandirOp>(
      L, UpScheduler(L), "luv.fs.readdir()", PushNames,
      [=](uv::ScandirOp* op, uv_loop_t* loop) { op->Start(loop, path); });
}

// luv.fs.scandir(path) -> {{name = ..., type = ...}, ...}, sorted by name.
int LFsScandir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::ScandirOp>(
      L, UpScheduler(L), "luv.fs.scandir()", PushEntries,
      [=](uv::ScandirOp* op, uv_loop_t* loop) { op->Start(loop, path); });
}

// luv.fs.stat(path) -> table (follows symbolic links)
int LFsStat(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::StatOp>(
      L, UpScheduler(L), "luv.fs.stat()", PushStatResult,
      [=](uv::StatOp* op, uv_loop_t* loop) { op->Stat(loop, path); });
}

// luv.fs.lstat(path) -> table (of the link itself)
int LFsLstat(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::StatOp>(
      L, UpScheduler(L), "luv.fs.lstat()", PushStatResult,
      [=](uv::StatOp* op, uv_loop_t* loop) { op->Lstat(loop, path); });
}

// luv.fs.rename(path, newpath) -> true
int LFsRename(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  const char* new_path = CheckPathArg(L, 2);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathOp(L, "luv.fs.rename()", [=](PathOp* op, uv_loop_t* loop) {
    op->Rename(loop, path, new_path);
  });
}

// luv.fs.link(path, newpath) -> true: a hard link.
int LFsLink(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  const char* new_path = CheckPathArg(L, 2);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathOp(L, "luv.fs.link()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Link(loop, path, new_path); });
}

// luv.fs.symlink(target, path[, mode]) -> true. The reference's `mode` (an
// open mode string) is checked and has no effect: links have no mode here.
int LFsSymlink(lua_State* L) {
  const char* target = CheckPathArg(L, 1);
  const char* path = CheckPathArg(L, 2);
  if (!lua_isnoneornil(L, 3)) CheckOpenMode(L, 3, nullptr);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathOp(L, "luv.fs.symlink()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Symlink(loop, target, path); });
}

// luv.fs.readlink(path) -> the link's target
int LFsReadlink(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::PathTextOp>(
      L, UpScheduler(L), "luv.fs.readlink()", PushText,
      [=](uv::PathTextOp* op, uv_loop_t* loop) { op->Readlink(loop, path); });
}

// luv.fs.realpath(path) -> the absolute path, links resolved
int LFsRealpath(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::PathTextOp>(
      L, UpScheduler(L), "luv.fs.realpath()", PushText,
      [=](uv::PathTextOp* op, uv_loop_t* loop) { op->Realpath(loop, path); });
}

// luv.fs.chmod(path, mode) -> true; `mode` an octal string such as "644".
int LFsChmod(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int mode = CheckPermissions(L, 2, nullptr);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.chmod()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Chmod(loop, path, mode); });
}

// luv.fs.chown(path, uid, gid) -> true; -1 leaves an id unchanged.
int LFsChown(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  auto uid = static_cast<uv_uid_t>(CheckOwnerId(L, 2));
  auto gid = static_cast<uv_gid_t>(CheckOwnerId(L, 3));
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.chown()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Chown(loop, path, uid, gid); });
}

// luv.fs.utime(path, atime, mtime) -> true; times in seconds since the epoch.
int LFsUtime(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  double atime = CheckTime(L, 2), mtime = CheckTime(L, 3);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.utime()", [=](PathOp* op, uv_loop_t* loop) {
    op->Utime(loop, path, atime, mtime);
  });
}

// luv.fs.access(path[, mode]) -> true when the caller may read ("r"), write
// ("w") or execute ("x") the path; "" (default): when it exists.
int LFsAccess(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int mode = CheckAccessMode(L, 2);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.access()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Access(loop, path, mode); });
}

// luv.fs.copyfile(path, newpath[, flags]) -> true; flags: a table of
// booleans `excl`, `ficlone`, `ficlone_force`.
int LFsCopyfile(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  const char* new_path = CheckPathArg(L, 2);
  int flags = CheckCopyFlags(L, 3);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathOp(L, "luv.fs.copyfile()", [=](PathOp* op, uv_loop_t* loop) {
    op->Copyfile(loop, path, new_path, flags);
  });
}

// luv.fs.mkdtemp(template) -> the path of a new directory; the template ends
// in "XXXXXX", which becomes unique characters.
int LFsMkdtemp(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunFsCall<uv::PathTextOp>(
      L, UpScheduler(L), "luv.fs.mkdtemp()", PushText,
      [=](uv::PathTextOp* op, uv_loop_t* loop) { op->Mkdtemp(loop, path); });
}

// luv.fs.chdir(path) -> true: changes the process's working directory.
int LFsChdir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.chdir()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Chdir(loop, path); });
}

// luv.fs.fsync(path) -> true: flushes a file or directory to disk (after a
// rename, the directory's fsync makes the rename durable).
int LFsFsync(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathOp(L, "luv.fs.fsync()",
                   [=](PathOp* op, uv_loop_t* loop) { op->Fsync(loop, path); });
}

// luv.fs.sendfile(out, infile[, offset[, length]]) -> bytes copied. Copies
// `length` bytes (default: to the end) of `infile` from `offset` (default 0)
// to `out` at its position, which moves; infile's position does not.
int LFsSendfile(lua_State* L) {
  sched::Scheduler* scheduler;
  File* out = CheckFileArg(L, 1, &scheduler);
  File* in = CheckFileArg(L, 2, nullptr);
  int64_t offset = OptSize(L, 3, 0);
  int64_t length = OptSize(L, 4, -1);
  if (out->closed()) return PushFileClosed(L, out);
  if (in->closed()) return PushFileClosed(L, in);
  return RunFsCall<uv::SendfileOp>(
      L, scheduler, "luv.fs.sendfile()", PushIntegerResult<uv::SendfileOp>,
      [=](uv::SendfileOp* op, uv_loop_t*) { op->Start(out, in, offset, length); });
}

// luv.fs.cwd() -> the working directory. Does not suspend.
int LFsCwd(lua_State* L) {
  uv::PathBuffer path;
  Result result = uv::Cwd(&path);
  if (!result.ok()) return PushFail(L, result);
  lua_pushlstring(L, path.data, path.size);
  return 1;
}

// luv.fs.exepath() -> the path of the running executable. Does not suspend.
int LFsExepath(lua_State* L) {
  uv::PathBuffer path;
  Result result = uv::Exepath(&path);
  if (!result.ok()) return PushFail(L, result);
  lua_pushlstring(L, path.data, path.size);
  return 1;
}

constexpr luaL_Reg kFunctions[] = {
    {"open", LFsOpen},         {"unlink", LFsUnlink},   {"mkdir", LFsMkdir},
    {"rmdir", LFsRmdir},       {"readdir", LFsReaddir}, {"scandir", LFsScandir},
    {"stat", LFsStat},         {"lstat", LFsLstat},     {"rename", LFsRename},
    {"link", LFsLink},         {"symlink", LFsSymlink}, {"readlink", LFsReadlink},
    {"realpath", LFsRealpath}, {"chmod", LFsChmod},     {"chown", LFsChown},
    {"utime", LFsUtime},       {"access", LFsAccess},   {"copyfile", LFsCopyfile},
    {"mkdtemp", LFsMkdtemp},   {"chdir", LFsChdir},     {"fsync", LFsFsync},
    {"sendfile", LFsSendfile}, {"cwd", LFsCwd},         {"exepath", LFsExepath},
    {nullptr, nullptr},
};

}  // namespace

void OpenFs(lua_State* L, sched::Scheduler* scheduler) {
  OpenFile(L);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  OpenFsWatch(L, scheduler);
  // luv.cwd and luv.chdir are luv.fs.cwd and luv.fs.chdir themselves (the
  // same function values), beside the process's other facts.
  lua_getfield(L, -1, "cwd");
  lua_setfield(L, -3, "cwd");
  lua_getfield(L, -1, "chdir");
  lua_setfield(L, -3, "chdir");
  lua_setfield(L, -2, "fs");
}

}  // namespace luv::lua
