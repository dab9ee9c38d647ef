// luv.file methods: read, write, close, stat, sync, datasync, utime, chmod,
// chown, truncate.
#include "luv/lua/lua_file.h"

#include <algorithm>

#include "luv/lua/lua_fs_args.h"
#include "luv/lua/lua_sched.h"
#include "luv/lua/support.h"
#include "luv/uv/fs_args.h"
#include "luv/uv/status.h"

namespace luv::lua {
namespace {

using uv::File;

constexpr char kFileType[] = "luv.file";

// The userdata: the File may outlive it (calls in flight).
struct FileBox {
  File* file;
  sched::Scheduler* scheduler;
};

FileBox* CheckBox(lua_State* L) {
  auto* box = static_cast<FileBox*>(luaL_checkudata(L, 1, kFileType));
  if (box->file == nullptr) luaL_argerror(L, 1, "file was never opened");
  return box;
}

// Check -> start -> block for a method of the file at 1: submits a call that
// `begin` starts, at `offset` (or File::kAtPosition), once `setup` (no Lua
// API) filled in its arguments; `keep` (a stack index, or 0) is a string the
// call writes. Returns what the binding returns.
template <typename Setup>
int RunFileCall(lua_State* L, FileBox* box, const char* name, FsCall::Pusher push,
                FsCall::Starter begin, bool moves_position, int64_t offset, int keep,
                Setup setup) {
  File* file = box->file;
  if (file->closed()) return PushFileClosed(L, file);
  sched::State* self = CheckBlockingState(L, box->scheduler, name);
  int ref = LUA_NOREF;
  if (keep != 0) {
    lua_pushvalue(L, keep);
    ref = luaL_ref(L, LUA_REGISTRYINDEX);
  }
  // Nothing may raise from here until the call has started.
  auto* call = NewRequest<FsCall>(L, box->scheduler, push);
  int index = lua_gettop(L);
  if (keep != 0) {
    size_t size;
    const char* data = lua_tolstring(L, keep, &size);
    call->KeepString(ref, data, size);
  }
  call->SetFile(file, begin, moves_position);
  if (setup(call)) {
    file->Submit(call, offset);
  } else {
    call->Started(UV_ENOMEM);
  }
  return call->Await(L, self, index, name);
}

bool NoSetup(FsCall*) { return true; }

// --- Starters: the libuv request of each method (uv::FileOp::Begin) ------

int BeginRead(FsCall* call, int64_t offset) {
  uv_buf_t buf;
  buf.base = call->buffer();
  buf.len = call->buffer_size();
  return uv_fs_read(call->loop(), call->fs(), call->file()->fd(), &buf, 1, offset,
                    FsCall::FsDone);
}

int BeginWrite(FsCall* call, int64_t offset) {
  // O_APPEND writes go to the end whatever the offset: say so to libuv.
  if (call->file()->append()) offset = -1;
  uv_buf_t buf;
  buf.base = const_cast<char*>(call->data());  // libuv only reads it
  buf.len = call->data_size();
  return uv_fs_write(call->loop(), call->fs(), call->file()->fd(), &buf, 1, offset,
                     FsCall::FsDone);
}

int BeginClose(FsCall* call, int64_t) {
  return uv_fs_close(call->loop(), call->fs(), call->file()->fd(), FsCall::FsDone);
}

int BeginStat(FsCall* call, int64_t) {
  return uv_fs_fstat(call->loop(), call->fs(), call->file()->fd(), FsCall::FsDone);
}

int BeginSync(FsCall* call, int64_t) {
  return uv_fs_fsync(call->loop(), call->fs(), call->file()->fd(), FsCall::FsDone);
}

int BeginDatasync(FsCall* call, int64_t) {
  return uv_fs_fdatasync(call->loop(), call->fs(), call->file()->fd(), FsCall::FsDone);
}

int BeginUtime(FsCall* call, int64_t) {
  return uv_fs_futime(call->loop(), call->fs(), call->file()->fd(), call->atime,
                      call->mtime, FsCall::FsDone);
}

int BeginChmod(FsCall* call, int64_t) {
  return uv_fs_fchmod(call->loop(), call->fs(), call->file()->fd(), call->mode,
                      FsCall::FsDone);
}

int BeginChown(FsCall* call, int64_t) {
  return uv_fs_fchown(call->loop(), call->fs(), call->file()->fd(), call->uid, call->gid,
                      FsCall::FsDone);
}

int BeginTruncate(FsCall* call, int64_t) {
  return uv_fs_ftruncate(call->loop(), call->fs(), call->file()->fd(), call->length,
                         FsCall::FsDone);
}

// nbytes, data
int PushRead(lua_State* L, FsCall* call) {
  lua_pushnumber(L, static_cast<lua_Number>(call->result()));
  lua_pushlstring(L, call->buffer(), static_cast<size_t>(call->result()));
  call->FreeBuffer();
  return 2;
}

// --- Methods -----------------------------------------------------------------

// file:read(len[, offset]) -> nbytes, data (0, "" at the end of the file).
// Without an offset reads at the file's position and moves it. At most
// uv::kMaxReadLength bytes per call. Reads of data the page cache holds are
// done at once (File::TryReadCached); the caller still lets the other ready
// fibers run before it continues.
int LFileRead(lua_State* L) {
  FileBox* box = CheckBox(L);
  size_t length = static_cast<size_t>(
      std::min<int64_t>(CheckSize(L, 2), static_cast<int64_t>(uv::kMaxReadLength)));
  int64_t offset = OptSize(L, 3, File::kAtPosition);
  File* file = box->file;
  if (file->closed()) return PushFileClosed(L, file);
  sched::State* self = CheckBlockingState(L, box->scheduler, "file:read()");
  // Nothing may raise from here until the call has started.
  auto* call = NewRequest<FsCall>(L, box->scheduler, PushRead);
  int index = lua_gettop(L);
  call->SetFile(file, BeginRead, true);
  if (!call->AllocateBuffer(length)) {
    call->Started(UV_ENOMEM);
    return call->Await(L, self, index, "file:read()");
  }
  // Data in the page cache is read at once: that cannot wait for the disk.
  int64_t cached = file->TryReadCached(call->buffer(), length, offset);
  if (cached != UV_EAGAIN) {
    call->CompleteNow(cached);
    return call->YieldResults(L, self, index);
  }
  file->Submit(call, offset);
  return call->Await(L, self, index, "file:read()");
}

// file:write(data[, offset]) -> nbytes. Without an offset writes at the
// file's position and moves it, so successive writes follow each other. In
// append mode ("a", "a+") every write goes to the end of the file.
int LFileWrite(lua_State* L) {
  FileBox* box = CheckBox(L);
  luaL_checkstring(L, 2);
  int64_t offset = OptSize(L, 3, File::kAtPosition);
  bool moves = !box->file->append();
  return RunFileCall(L, box, "file:write()", PushIntegerResult, BeginWrite, moves, offset,
                     2, NoSetup);
}

// file:close() -> true, once the calls made before it have ended.
int LFileClose(lua_State* L) {
  FileBox* box = CheckBox(L);
  File* file = box->file;
  if (file->closed()) return PushFileClosed(L, file);
  sched::State* self = CheckBlockingState(L, box->scheduler, "file:close()");
  auto* call = NewRequest<FsCall>(L, box->scheduler, PushTrueResult);
  int index = lua_gettop(L);
  call->SetCloser(file, BeginClose);
  file->Close(call);
  return call->Await(L, self, index, "file:close()");
}

// file:stat() -> the table luv.fs.stat returns
int LFileStat(lua_State* L) {
  return RunFileCall(L, CheckBox(L), "file:stat()", PushStatResult, BeginStat, false, 0,
                     0, NoSetup);
}

// file:sync() -> true: data and metadata reach the disk (fsync).
int LFileSync(lua_State* L) {
  return RunFileCall(L, CheckBox(L), "file:sync()", PushTrueResult, BeginSync, false, 0,
                     0, NoSetup);
}

// file:datasync() -> true: the data reaches the disk (fdatasync).
int LFileDatasync(lua_State* L) {
  return RunFileCall(L, CheckBox(L), "file:datasync()", PushTrueResult, BeginDatasync,
                     false, 0, 0, NoSetup);
}

// file:utime(atime, mtime) -> true
int LFileUtime(lua_State* L) {
  FileBox* box = CheckBox(L);
  double atime = CheckTime(L, 2), mtime = CheckTime(L, 3);
  return RunFileCall(L, box, "file:utime()", PushTrueResult, BeginUtime, false, 0, 0,
                     [atime, mtime](FsCall* call) {
                       call->atime = atime;
                       call->mtime = mtime;
                       return true;
                     });
}

// file:chmod(mode) -> true; `mode` is an octal string such as "644".
int LFileChmod(lua_State* L) {
  FileBox* box = CheckBox(L);
  int mode = CheckPermissions(L, 2, nullptr);
  return RunFileCall(L, box, "file:chmod()", PushTrueResult, BeginChmod, false, 0, 0,
                     [mode](FsCall* call) {
                       call->mode = mode;
                       return true;
                     });
}

// file:chown(uid, gid) -> true; -1 leaves an id unchanged.
int LFileChown(lua_State* L) {
  FileBox* box = CheckBox(L);
  int64_t uid = CheckOwnerId(L, 2), gid = CheckOwnerId(L, 3);
  return RunFileCall(L, box, "file:chown()", PushTrueResult, BeginChown, false, 0, 0,
                     [uid, gid](FsCall* call) {
                       call->uid = static_cast<uv_uid_t>(uid);
                       call->gid = static_cast<uv_gid_t>(gid);
                       return true;
                     });
}

// file:truncate([length]) -> true; `length` defaults to 0. The position
// does not move.
int LFileTruncate(lua_State* L) {
  FileBox* box = CheckBox(L);
  int64_t length = OptSize(L, 2, 0);
  return RunFileCall(L, box, "file:truncate()", PushTrueResult, BeginTruncate, false, 0,
                     0, [length](FsCall* call) {
                       call->length = length;
                       return true;
                     });
}

int LFileGc(lua_State* L) {
  auto* box = static_cast<FileBox*>(TestObject(L, 1, kFileType));
  if (box == nullptr) return 0;
  if (box->file != nullptr) box->file->Release();
  box->file = nullptr;
  return 0;
}

constexpr luaL_Reg kMethods[] = {
    {"read", LFileRead},         {"write", LFileWrite}, {"close", LFileClose},
    {"stat", LFileStat},         {"sync", LFileSync},   {"datasync", LFileDatasync},
    {"utime", LFileUtime},       {"chmod", LFileChmod}, {"chown", LFileChown},
    {"truncate", LFileTruncate}, {nullptr, nullptr},
};

constexpr luaL_Reg kMeta[] = {
    {"__gc", LFileGc},
    {nullptr, nullptr},
};

}  // namespace

void OpenFile(lua_State* L) {
  NewClass(L, kFileType, kMethods, kMeta);
  lua_pop(L, 1);
}

int PushOpenedFile(lua_State* L, FsCall* call) {
  auto* box = static_cast<FileBox*>(lua_newuserdata(L, sizeof(FileBox)));
  box->file = nullptr;
  box->scheduler = call->scheduler();
  luaL_getmetatable(L, kFileType);
  lua_setmetatable(L, -2);
  // Only now, when __gc will see it: a raise above leaves it to the call.
  box->file = call->TakeOpened();
  return 1;
}

uv::File* CheckFileArg(lua_State* L, int index, sched::Scheduler** scheduler) {
  auto* box = static_cast<FileBox*>(luaL_checkudata(L, index, kFileType));
  if (box->file == nullptr) luaL_argerror(L, index, "file was never opened");
  if (scheduler != nullptr) *scheduler = box->scheduler;
  return box->file;
}

int PushFileClosed(lua_State* L, uv::File* file) {
  // The path is copied into Lua before anything can raise.
  lua_pushfstring(L, "%s (closed)", file->path().c_str());
  size_t size;
  const char* context = lua_tolstring(L, -1, &size);
  int pushed = PushFailure(L, uv::UvStatus(UV_EBADF, absl::string_view(context, size)));
  if (pushed < 0) return lua_error(L);
  lua_remove(L, -4);
  return pushed;
}

}  // namespace luv::lua
