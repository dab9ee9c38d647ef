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

// luv.fs.readfile, writefile, mkdirp, walk and file:lines, in Lua over the
// calls above: each step is one of them, so each suspends only the calling
// fiber, and failures keep their shape and their path. Bad arguments raise
// at the program's line (level 2), naming the public function.
constexpr char kGlue[] = R"lua(
local fs, luv = ...
local type, tostring, error, pairs, concat, floor =
  type, tostring, error, pairs, table.concat, math.floor

-- What readfile asks for per read: 1 MiB.
local CHUNK = 1024 * 1024
local serial = 0

-- Raises at `level` above the caller (1: the function that calls argerror,
-- when the public function calls it itself; 2 from a check_ helper).
local function argerror(arg, name, message, level)
  error("bad argument #" .. arg .. " to '" .. name .. "' (" .. message .. ")",
        (level or 1) + 2)
end

local function check_path(name, path)
  if type(path) ~= "string" then
    argerror(1, name, "string expected, got " .. type(path), 2)
  end
  if path:find("\0", 1, true) then argerror(1, name, "path contains a NUL byte", 2) end
end

local function check_perm(name, arg, perm)
  if perm == nil then return end
  if type(perm) ~= "string" or not perm:find("^[0-7]+$") or #perm > 5
      or tonumber(perm, 8) > 4095 then
    argerror(arg, name, "permission string such as \"755\" expected, got " .. tostring(perm), 2)
  end
end

-- The directory holding `path`, and its last component.
local function split(path)
  local dir, base = path:match("^(.*)/([^/]*)$")
  if not dir then return ".", path end
  if dir == "" then dir = "/" end
  return dir, base
end

-- `path` without trailing slashes, then its parent ("/" and "." end it).
local function parent_of(path)
  path = path:gsub("/+$", "")
  local parent = path:match("^(.*[^/])/+[^/]+$")
  if parent then return parent end
  if path:sub(1, 1) == "/" then return "/" end
  return "."
end

local function readfile(path)
  check_path("readfile", path)
  local f, message, code = fs.open(path, "r")
  if not f then return nil, message, code end
  local parts, n = {}, 0
  while true do
    local got, data, failure = f:read(CHUNK)
    if not got then
      f:close()
      return nil, data, failure
    end
    if got == 0 then break end
    n = n + 1
    parts[n] = data
  end
  f:close()
  return concat(parts)
end

local function write_all(f, data)
  local done, size = 0, #data
  while done < size do
    local n, message, code = f:write(done == 0 and data or data:sub(done + 1))
    if not n then return nil, message, code end
    if n == 0 then return nil, "EIO: i/o error: short write", "EIO" end
    done = done + n
  end
  return true
end

local function writefile(path, data)
  check_path("writefile", path)
  local t = type(data)
  if t == "number" then
    data = tostring(data)
  elseif t ~= "string" then
    argerror(2, "writefile", "string expected, got " .. t)
  end
  local dir, base = split(path)
  -- The new file keeps the permissions of the one it replaces.
  local old = fs.stat(path)
  local perm = old and old.type == "file" and old.perm or nil
  local prefix = (dir == "/" and "" or dir) .. "/." .. base .. ".tmp-" .. luv.pid() .. "-"
  local f, tmp, message, code
  for _ = 1, 100 do
    serial = serial + 1
    tmp = prefix .. serial
    f, message, code = fs.open(tmp, "wx")
    if f or code ~= "EEXIST" then break end
  end
  if not f then return nil, message, code end
  local ok = true
  if perm then ok, message, code = f:chmod(perm) end
  if ok then ok, message, code = write_all(f, data) end
  if ok then ok, message, code = f:sync() end
  local closed, close_message, close_code = f:close()
  if ok and not closed then ok, message, code = nil, close_message, close_code end
  if ok then ok, message, code = fs.rename(tmp, path) end
  if not ok then
    fs.unlink(tmp)
    return nil, message, code
  end
  -- Makes the rename durable; the file is in place whatever this says.
  fs.fsync(dir)
  return true
end

local function mkdirp(path, perm)
  check_path("mkdirp", path)
  check_perm("mkdirp", 2, perm)
  -- Parents get the default permissions, as `mkdir -p -m` gives them.
  local function make(dir, mode, parents)
    local ok, message, code = fs.mkdir(dir, mode)
    if ok then return true end
    if code == "EEXIST" then
      local st = fs.stat(dir)
      if st and st.type == "directory" then return true end
    elseif code == "ENOENT" and parents then
      local parent = parent_of(dir)
      if parent ~= dir and parent ~= "." and parent ~= "/" then
        local pok, pmessage, pcode = make(parent, nil, true)
        if not pok then return nil, pmessage, pcode end
        return make(dir, mode, false)
      end
    end
    return nil, message, code
  end
  return make(path, perm, true)
end

local function check_limit(options, key, default)
  local v = options[key]
  if v == nil then return default end
  if type(v) ~= "number" or v ~= floor(v) or v < 0 or v > 2147483647 then
    argerror(2, "walk", key .. " must be a whole number >= 0", 2)
  end
  return v
end

local function walk(path, options)
  check_path("walk", path)
  local max_depth, max_entries = 64, 100000
  if options ~= nil then
    if type(options) ~= "table" then
      argerror(2, "walk", "table expected, got " .. type(options))
    end
    for key in pairs(options) do
      if key ~= "max_depth" and key ~= "max_entries" then
        argerror(2, "walk", "unknown option " .. tostring(key))
      end
    end
    max_depth = check_limit(options, "max_depth", max_depth)
    max_entries = check_limit(options, "max_entries", max_entries)
  end
  local list, n = {}, 0
  local function visit(dir, depth)
    local entries, message, code = fs.scandir(dir)
    if not entries then return nil, message, code end
    if #entries > 0 and depth > max_depth then
      return nil, "E2BIG: deeper than max_depth (" .. max_depth .. "): " .. dir, "E2BIG"
    end
    local prefix = dir:sub(-1) == "/" and dir or dir .. "/"
    for i = 1, #entries do
      local entry = entries[i]
      local p = prefix .. entry.name
      local kind = entry.type
      if kind == "unknown" then
        local st = fs.lstat(p)
        if st then kind = st.type end
      end
      if n >= max_entries then
        return nil, "E2BIG: more than max_entries (" .. max_entries .. "): " .. path, "E2BIG"
      end
      n = n + 1
      list[n] = { path = p, type = kind, depth = depth }
      if kind == "directory" then
        local ok, m, c = visit(p, depth + 1)
        if not ok then return nil, m, c end
      end
    end
    return true
  end
  local ok, message, code = visit(path, 1)
  if not ok then return nil, message, code end
  return list
end

local function lines(f)
  if getmetatable(f) ~= "luv.file" then
    argerror(1, "lines", "luv.file expected, got " .. type(f))
  end
  local buffer, pos, done = "", 1, false
  return function()
    while true do
      local i = buffer:find("\n", pos, true)
      if i then
        local line = buffer:sub(pos, i - 1)
        pos = i + 1
        return line
      end
      if done then
        local rest = buffer:sub(pos)
        buffer, pos = "", 1
        if rest == "" then return nil end
        return rest
      end
      local n, data = f:read()
      if not n then error(data, 2) end
      if n == 0 then
        done = true
      else
        buffer, pos = buffer:sub(pos) .. data, 1
      end
    end
  end
end

return { readfile = readfile, writefile = writefile, mkdirp = mkdirp, walk = walk,
         lines = lines }
)lua";

}  // namespace

void OpenFs(lua_State* L, sched::Scheduler* scheduler) {
  OpenFile(L);
  lua_newtable(L);
  SetClosures(L, kFunctions, scheduler);
  OpenFsWatch(L, scheduler);
  LoadGlue(L, kGlue, sizeof(kGlue) - 1, "=luv.fs");
  lua_pushvalue(L, -2);  // luv.fs
  lua_pushvalue(L, -4);  // luv
  lua_call(L, 2, 1);
  for (const char* name : {"readfile", "writefile", "mkdirp", "walk"}) {
    lua_getfield(L, -1, name);
    lua_setfield(L, -3, name);
  }
  // file:lines() joins the file's methods.
  luaL_getmetatable(L, "luv.file");
  lua_getfield(L, -1, "__index");
  lua_getfield(L, -3, "lines");
  lua_setfield(L, -2, "lines");
  lua_pop(L, 3);
  // luv.cwd and luv.chdir are luv.fs.cwd and luv.fs.chdir themselves (the
  // same function values), beside the process's other facts.
  lua_getfield(L, -1, "cwd");
  lua_setfield(L, -3, "cwd");
  lua_getfield(L, -1, "chdir");
  lua_setfield(L, -3, "chdir");
  lua_setfield(L, -2, "fs");
}

}  // namespace luv::lua
