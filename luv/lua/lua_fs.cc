// The luv.fs functions. Each runs its libuv request (or a blocking job) on
// libuv's thread pool and suspends only the calling state; cwd and exepath
// read process state without I/O and return at once.
#include "luv/lua/lua_fs.h"

#include <uv.h>

#include <climits>

#include "luv/lua/lua_file.h"
#include "luv/lua/lua_fs_args.h"
#include "luv/lua/lua_fs_call.h"
#include "luv/lua/lua_fs_watch.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"
#include "luv/uv/fs_blocking.h"
#include "luv/uv/fs_stat.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

using uv::File;

// Check -> start -> block for a call on paths: `start` (no Lua API) makes
// the uv_fs_* call, or queues a job, and returns its code.
template <typename Start>
int RunPathCall(lua_State* L, const char* name, FsCall::Pusher push, Start start) {
  sched::Scheduler* scheduler = UpScheduler(L);
  sched::State* self = CheckBlockingState(L, scheduler, name);
  // Nothing may raise from here until the call has started.
  auto* call = NewRequest<FsCall>(L, scheduler, push);
  int index = lua_gettop(L);
  call->Started(start(call));
  return call->Await(L, self, index, name);
}

// --- Pushers -------------------------------------------------------------------

// An array of the entry names of a scandir request (sorted, without . and ..).
int PushNames(lua_State* L, FsCall* call) {
  uv_fs_t* req = call->fs();
  lua_createtable(L, static_cast<int>(call->result()), 0);
  uv_dirent_t entry;
  for (int i = 1; uv_fs_scandir_next(req, &entry) != UV_EOF; ++i) {
    lua_pushstring(L, entry.name);
    lua_rawseti(L, -2, i);
  }
  return 1;
}

// An array of {name = ..., type = ...} of a scandir request.
int PushEntries(lua_State* L, FsCall* call) {
  uv_fs_t* req = call->fs();
  lua_createtable(L, static_cast<int>(call->result()), 0);
  uv_dirent_t entry;
  for (int i = 1; uv_fs_scandir_next(req, &entry) != UV_EOF; ++i) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, entry.name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, uv::DirentTypeName(entry.type));
    lua_setfield(L, -2, "type");
    lua_rawseti(L, -2, i);
  }
  return 1;
}

// The string a readlink or realpath request produced.
int PushPtrString(lua_State* L, FsCall* call) {
  lua_pushstring(L, static_cast<const char*>(call->fs()->ptr));
  return 1;
}

// The path a mkdtemp request created.
int PushCreatedPath(lua_State* L, FsCall* call) {
  lua_pushstring(L, call->fs()->path);
  return 1;
}

// --- Jobs (thread pool) --------------------------------------------------------

int64_t ChdirJob(FsCall* call) { return uv_chdir(call->context().c_str()); }

int64_t SyncPathJob(FsCall* call) { return uv::SyncPath(call->context().c_str()); }

int64_t CopyJob(FsCall* call) {
  return uv::CopyRange(call->in_fd, call->offset, call->out_fd, call->target_offset,
                       call->length);
}

// sendfile's start, when the output file lets it begin: at out's position.
int BeginSendfile(FsCall* call, int64_t offset) {
  call->out_fd = call->file()->fd();
  call->target_offset = call->file()->append() ? -1 : offset;
  return call->QueueJob(CopyJob);
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
  return RunPathCall(L, "luv.fs.open()", PushOpenedFile, [=](FsCall* call) {
    call->ExpectOpen(flags);
    return uv_fs_open(call->loop(), call->fs(), path, flags, perm, FsCall::FsDone);
  });
}

// luv.fs.unlink(path) -> true
int LFsUnlink(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.unlink()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_unlink(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.mkdir(path[, mode]) -> true; `mode` an octal string, default "777"
// (less the umask).
int LFsMkdir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int mode = CheckPermissions(L, 2, "777");
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.mkdir()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_mkdir(call->loop(), call->fs(), path, mode, FsCall::FsDone);
  });
}

// luv.fs.rmdir(path) -> true
int LFsRmdir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.rmdir()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_rmdir(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.readdir(path) -> {name, ...}, sorted, without "." and "..".
int LFsReaddir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.readdir()", PushNames, [=](FsCall* call) {
    return uv_fs_scandir(call->loop(), call->fs(), path, 0, FsCall::FsDone);
  });
}

// luv.fs.scandir(path) -> {{name = ..., type = ...}, ...}, sorted by name.
int LFsScandir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.scandir()", PushEntries, [=](FsCall* call) {
    return uv_fs_scandir(call->loop(), call->fs(), path, 0, FsCall::FsDone);
  });
}

// luv.fs.stat(path) -> table (follows symbolic links)
int LFsStat(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.stat()", PushStatResult, [=](FsCall* call) {
    return uv_fs_stat(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.lstat(path) -> table (of the link itself)
int LFsLstat(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.lstat()", PushStatResult, [=](FsCall* call) {
    return uv_fs_lstat(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.rename(path, newpath) -> true
int LFsRename(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  const char* new_path = CheckPathArg(L, 2);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathCall(L, "luv.fs.rename()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_rename(call->loop(), call->fs(), path, new_path, FsCall::FsDone);
  });
}

// luv.fs.link(path, newpath) -> true: a hard link.
int LFsLink(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  const char* new_path = CheckPathArg(L, 2);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathCall(L, "luv.fs.link()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_link(call->loop(), call->fs(), path, new_path, FsCall::FsDone);
  });
}

// luv.fs.symlink(target, path[, mode]) -> true. The reference's `mode` (an
// open mode string) is checked and has no effect: links have no mode here.
int LFsSymlink(lua_State* L) {
  const char* target = CheckPathArg(L, 1);
  const char* path = CheckPathArg(L, 2);
  if (!lua_isnoneornil(L, 3)) CheckOpenMode(L, 3, nullptr);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathCall(L, "luv.fs.symlink()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_symlink(call->loop(), call->fs(), target, path, 0, FsCall::FsDone);
  });
}

// luv.fs.readlink(path) -> the link's target
int LFsReadlink(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.readlink()", PushPtrString, [=](FsCall* call) {
    return uv_fs_readlink(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.realpath(path) -> the absolute path, links resolved
int LFsRealpath(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.realpath()", PushPtrString, [=](FsCall* call) {
    return uv_fs_realpath(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.chmod(path, mode) -> true; `mode` an octal string such as "644".
int LFsChmod(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int mode = CheckPermissions(L, 2, nullptr);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.chmod()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_chmod(call->loop(), call->fs(), path, mode, FsCall::FsDone);
  });
}

// luv.fs.chown(path, uid, gid) -> true; -1 leaves an id unchanged.
int LFsChown(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  auto uid = static_cast<uv_uid_t>(CheckOwnerId(L, 2));
  auto gid = static_cast<uv_gid_t>(CheckOwnerId(L, 3));
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.chown()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_chown(call->loop(), call->fs(), path, uid, gid, FsCall::FsDone);
  });
}

// luv.fs.utime(path, atime, mtime) -> true; times in seconds since the epoch.
int LFsUtime(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  double atime = CheckTime(L, 2), mtime = CheckTime(L, 3);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.utime()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_utime(call->loop(), call->fs(), path, atime, mtime, FsCall::FsDone);
  });
}

// luv.fs.access(path[, mode]) -> true when the caller may read ("r"), write
// ("w") or execute ("x") the path; "" (default): when it exists.
int LFsAccess(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  int mode = CheckAccessMode(L, 2);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.access()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_access(call->loop(), call->fs(), path, mode, FsCall::FsDone);
  });
}

// luv.fs.copyfile(path, newpath[, flags]) -> true; flags: a table of
// booleans `excl`, `ficlone`, `ficlone_force`.
int LFsCopyfile(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  const char* new_path = CheckPathArg(L, 2);
  int flags = CheckCopyFlags(L, 3);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  if (int n = PushIfPathTooLong(L, 2)) return n;
  return RunPathCall(L, "luv.fs.copyfile()", PushTrueResult, [=](FsCall* call) {
    return uv_fs_copyfile(call->loop(), call->fs(), path, new_path, flags,
                          FsCall::FsDone);
  });
}

// luv.fs.mkdtemp(template) -> the path of a new directory; the template ends
// in "XXXXXX", which becomes unique characters.
int LFsMkdtemp(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.mkdtemp()", PushCreatedPath, [=](FsCall* call) {
    call->set_context(path);  // mkdtemp rewrites its copy of the template
    return uv_fs_mkdtemp(call->loop(), call->fs(), path, FsCall::FsDone);
  });
}

// luv.fs.chdir(path) -> true: changes the process's working directory.
int LFsChdir(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.chdir()", PushTrueResult, [=](FsCall* call) {
    call->set_context(path);
    return call->QueueJob(ChdirJob);
  });
}

// luv.fs.fsync(path) -> true: flushes a file or directory to disk (after a
// rename, the directory's fsync makes the rename durable).
int LFsFsync(lua_State* L) {
  const char* path = CheckPathArg(L, 1);
  if (int n = PushIfPathTooLong(L, 1)) return n;
  return RunPathCall(L, "luv.fs.fsync()", PushTrueResult, [=](FsCall* call) {
    call->set_context(path);
    return call->QueueJob(SyncPathJob);
  });
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
  sched::State* self = CheckBlockingState(L, scheduler, "luv.fs.sendfile()");
  // Nothing may raise from here until the call has started.
  auto* call = NewRequest<FsCall>(L, scheduler, PushIntegerResult);
  int index = lua_gettop(L);
  call->SetFile(out, BeginSendfile, !out->append());
  call->set_context(in->path() + " -> " + out->path());
  call->Pin(in);
  call->in_fd = in->fd();
  call->offset = offset;
  call->length = length;
  out->Submit(call, File::kAtPosition);
  return call->Await(L, self, index, "luv.fs.sendfile()");
}

// luv.fs.cwd() -> the working directory. Does not suspend.
int LFsCwd(lua_State* L) {
  char buffer[PATH_MAX + 1];
  size_t size = sizeof(buffer);
  int code = uv_cwd(buffer, &size);
  if (code < 0) {
    Result result = uv::UvStatus(code, "cwd");
    return ReturnTrue(L, result);
  }
  lua_pushlstring(L, buffer, size);
  return 1;
}

// luv.fs.exepath() -> the path of the running executable. Does not suspend.
int LFsExepath(lua_State* L) {
  char buffer[PATH_MAX + 1];
  size_t size = sizeof(buffer);
  int code = uv_exepath(buffer, &size);
  if (code < 0) {
    Result result = uv::UvStatus(code, "exepath");
    return ReturnTrue(L, result);
  }
  lua_pushlstring(L, buffer, size);
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
  lua_setfield(L, -2, "fs");
}

}  // namespace luv::lua
