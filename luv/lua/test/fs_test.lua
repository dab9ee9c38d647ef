-- Copyright 2026 The luv Authors
--
-- Licensed under the Apache License, Version 2.0 (the "License");
-- you may not use this file except in compliance with the License.
-- You may obtain a copy of the License at
--
--     http://www.apache.org/licenses/LICENSE-2.0
--
-- Unless required by applicable law or agreed to in writing, software
-- distributed under the License is distributed on an "AS IS" BASIS,
-- WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
-- See the License for the specific language governing permissions and
-- limitations under the License.

-- luv.fs functions: every call, its failures, argument checks, fibers.
local T = require("luvtest")
local luv = require("luv")
local fs = luv.fs

local base = assert(os.getenv("TEST_TMPDIR"), "TEST_TMPDIR is not set")
local dir = assert(fs.mkdtemp(base .. "/fs_XXXXXX"))
local serial = 0

local function path(name)
  serial = serial + 1
  return string.format("%s/%d_%s", dir, serial, name or "p")
end

-- A file with `content`, written with plain io (not the code under test).
local function make(content, name)
  local p = path(name)
  local f = assert(io.open(p, "wb"))
  f:write(content or "")
  f:close()
  return p
end

local function slurp(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("*a")
  f:close()
  return s
end

-- Asserts a failure triple with `code`; returns the message.
local function failure(code, ok, message, name, extra)
  T.eq(ok, nil, "ok")
  T.eq(name, code, "code")
  T.match(message, "^" .. code .. ": ", "message")
  T.eq(extra, nil, "nothing after the code")
  return message
end

T.case("open: each mode reads, writes, creates and truncates as fopen does", function()
  local p = path()
  failure("ENOENT", fs.open(p))  -- "r" is the default and does not create
  failure("ENOENT", fs.open(p, "r+"))
  local f = assert(fs.open(p, "w"))
  T.eq(f:write("abc"), 3)
  failure("EBADF", f:read(1))  -- "w" is write-only
  f:close()
  T.eq(slurp(p), "abc")
  f = assert(fs.open(p, "w+"))  -- truncates, reads and writes
  T.eq(f:read(10), 0)
  f:write("xyz")
  T.eq(select(2, f:read(10, 0)), "xyz")
  f:close()
  f = assert(fs.open(p, "r"))
  failure("EBADF", f:write("no"))
  T.eq(select(2, f:read(10)), "xyz")
  f:close()
  f = assert(fs.open(p, "r+"))  -- no truncation
  f:write("X")
  f:close()
  T.eq(slurp(p), "Xyz")
  f = assert(fs.open(p, "a"))
  f:write("!")
  failure("EBADF", f:read(1))
  f:close()
  f = assert(fs.open(p, "a+"))
  f:write("?")
  T.eq(select(2, f:read(10)), "Xyz!?")
  f:close()
  local q = path()
  f = assert(fs.open(q, "a"))  -- "a" creates
  f:close()
  T.eq(slurp(q), "")
  failure("EEXIST", fs.open(q, "wx"))  -- exclusive
  T.ok(fs.open(path(), "w+x"), "exclusive create of a new file")
  T.ok(fs.open(p, "rb"), "\"b\" is accepted and means nothing")
end)

T.case("open: permissions apply to new files (less the umask)", function()
  local p = path()
  assert(fs.open(p, "w", "600")):close()
  T.eq(fs.stat(p).perm, "600")
  local q = path()
  assert(fs.open(q, "w", "0640")):close()
  T.eq(fs.stat(q).perm, "640")
  local r = path()
  assert(fs.open(r, "w")):close()  -- default "666" less the umask
  T.eq(fs.stat(r).mode % 8 % 2, 0, "no execute bit by default")
end)

T.case("open: failures", function()
  local m = failure("ENOENT", fs.open(dir .. "/missing/x", "w"))
  T.eq(m, "ENOENT: no such file or directory: " .. dir .. "/missing/x")
  failure("EISDIR", fs.open(dir, "w"))
  failure("ENOTDIR", fs.open(make("x") .. "/below"))
end)

T.case("wrong mode and permission strings raise", function()
  local p = path()
  for _, mode in ipairs({ "rw", "", "x", "r++", "R", "ra", "write", "ax", "rbb", " r" }) do
    T.raises("bad argument #2 .*invalid open mode", fs.open, p, mode)
  end
  T.raises("bad argument #2 .*open mode string expected, got number", fs.open, p, 1)
  T.raises("bad argument #2 .*open mode string expected, got table", fs.open, p, {})
  T.raises("invalid open mode \"r\\x00\"", fs.open, p, "r\0")
  for _, perm in ipairs({ "999", "abc", "", "-1", "1777777", "0x1ff", "6 4" }) do
    T.raises("bad argument #3 .*invalid permissions", fs.open, p, "w", perm)
  end
  T.raises("bad argument #3 .*octal permission string expected, got number", fs.open, p,
    "w", 644)
  T.eq(fs.stat(p), nil, "nothing was created")
  local long = string.rep("q", 1000)
  local err = T.raises("invalid open mode", fs.open, p, long)
  T.le(#err, 300, "a huge mode string makes a short message")
end)

T.case("paths: wrong types and NUL bytes raise; too long fails", function()
  T.raises("bad argument #1 .*string expected, got no value", fs.stat)
  T.raises("bad argument #1 .*string expected, got table", fs.stat, {})
  T.raises("bad argument #1 .*string expected, got nil", fs.open, nil)
  T.raises("bad argument #1 .*path contains a NUL byte", fs.stat, dir .. "\0/etc/passwd")
  T.raises("bad argument #2 .*path contains a NUL byte", fs.rename, dir, "a\0b")
  local m = failure("ENAMETOOLONG", fs.stat(string.rep("a", 5000)))
  T.le(#m, 200, "message length")
  T.match(m, "%(5000 bytes%)")
  failure("ENAMETOOLONG", fs.open("/" .. string.rep("b", 4096), "w"))
end)

T.case("unlink", function()
  local p = make("x")
  T.eq(fs.unlink(p), true)
  T.eq(slurp(p), nil)
  failure("ENOENT", fs.unlink(p))
  failure("EISDIR", fs.unlink(dir))
end)

T.case("mkdir and rmdir", function()
  local d = path()
  T.eq(fs.mkdir(d), true)
  T.eq(fs.stat(d).is_directory, true)
  failure("EEXIST", fs.mkdir(d))
  failure("ENOENT", fs.mkdir(d .. "/a/b"))
  local e = path()
  T.eq(fs.mkdir(e, "700"), true)
  T.eq(fs.stat(e).perm, "700")
  T.raises("bad argument #2 .*invalid permissions", fs.mkdir, path(), "rwx")
  assert(fs.open(d .. "/child", "w")):close()
  failure("ENOTEMPTY", fs.rmdir(d))
  fs.unlink(d .. "/child")
  T.eq(fs.rmdir(d), true)
  failure("ENOENT", fs.rmdir(d))
  failure("ENOTDIR", fs.rmdir(make("x")))
end)

T.case("readdir lists names; scandir names and types", function()
  local d = path()
  fs.mkdir(d)
  T.eq(#fs.readdir(d), 0, "an empty directory")
  for _, name in ipairs({ "c", "a", "b" }) do assert(fs.open(d .. "/" .. name, "w")):close() end
  fs.mkdir(d .. "/sub")
  fs.symlink("a", d .. "/link")
  T.eq(table.concat(fs.readdir(d), " "), "a b c link sub", "sorted, without . and ..")
  local types = {}
  for _, entry in ipairs(fs.scandir(d)) do types[#types + 1] = entry.name .. "=" .. entry.type end
  T.eq(table.concat(types, " "), "a=file b=file c=file link=link sub=directory")
  failure("ENOENT", fs.readdir(d .. "/missing"))
  failure("ENOTDIR", fs.readdir(d .. "/a"))
  failure("ENOENT", fs.scandir(d .. "/missing"))
  failure("ENOTDIR", fs.scandir(d .. "/a"))
end)

T.case("stat and lstat give the reference's fields and type booleans", function()
  local p = make("12345")
  local st = fs.stat(p)
  for _, key in ipairs({ "dev", "ino", "mode", "nlink", "uid", "gid", "rdev", "size",
                         "blksize", "blocks", "atime", "mtime", "ctime", "birthtime" }) do
    T.eq(type(st[key]), "number", key)
  end
  T.eq(st.size, 5)
  T.eq(st.nlink, 1)
  T.eq(st.is_file, true) T.eq(st.is_directory, false) T.eq(st.is_symbolic_link, false)
  T.eq(st.is_fifo, false) T.eq(st.is_socket, false)
  T.eq(st.is_character_device, false) T.eq(st.is_block_device, false)
  T.eq(st.type, "file")
  T.le(math.abs(st.mtime - os.time()), 60, "mtime is now, in seconds")
  local d = fs.stat(dir)
  T.eq(d.is_directory, true) T.eq(d.type, "directory")
  local null = fs.stat("/dev/null")
  T.eq(null.is_character_device, true) T.eq(null.type, "char")
  local link = path()
  fs.symlink(p, link)
  T.eq(fs.stat(link).is_file, true, "stat follows links")
  T.eq(fs.stat(link).ino, st.ino)
  local l = fs.lstat(link)
  T.eq(l.is_symbolic_link, true, "lstat does not") T.eq(l.type, "link")
  T.eq(fs.lstat(p).ino, st.ino, "lstat of a file is its stat")
  failure("ENOENT", fs.stat(p .. ".missing"))
  failure("ENOENT", fs.lstat(p .. ".missing"))
  failure("ENOTDIR", fs.stat(p .. "/x"))
end)

T.case("rename", function()
  local a, b = make("A"), path()
  T.eq(fs.rename(a, b), true)
  T.eq(slurp(b), "A") T.eq(slurp(a), nil)
  local m = failure("ENOENT", fs.rename(a, b))
  T.eq(m, "ENOENT: no such file or directory: " .. a .. " -> " .. b, "both paths named")
  local full, empty = path(), path()
  fs.mkdir(full)
  fs.mkdir(empty)
  assert(fs.open(full .. "/x", "w")):close()
  failure("ENOTEMPTY", fs.rename(empty, full))
  failure("ENOTDIR", fs.rename(empty, make("file")))
end)

T.case("link, symlink, readlink, realpath", function()
  local p = make("linked")
  local hard = path()
  T.eq(fs.link(p, hard), true)
  T.eq(fs.stat(p).nlink, 2)
  T.eq(slurp(hard), "linked")
  failure("EEXIST", fs.link(p, hard))
  failure("ENOENT", fs.link(p .. ".missing", path()))
  local soft = path()
  T.eq(fs.symlink(p, soft), true)
  T.eq(fs.readlink(soft), p)
  failure("EEXIST", fs.symlink(p, soft))
  T.eq(fs.symlink("dangling", path(), "r"), true, "the reference's mode argument")
  T.raises("bad argument #3 .*invalid open mode", fs.symlink, p, path(), "q")
  failure("EINVAL", fs.readlink(p))  -- not a link
  failure("ENOENT", fs.readlink(p .. ".missing"))
  T.eq(fs.realpath(soft), fs.realpath(p))
  T.eq(fs.realpath(dir .. "/./"), fs.realpath(dir))
  T.eq(fs.realpath(dir):sub(1, 1), "/")
  failure("ENOENT", fs.realpath(p .. ".missing"))
end)

T.case("chmod, chown, utime", function()
  local p = make("x")
  T.eq(fs.chmod(p, "751"), true)
  T.eq(fs.stat(p).perm, "751")
  T.eq(fs.chmod(p, "4755"), true)
  T.eq(fs.stat(p).perm, "4755")
  T.raises("octal permission string expected", fs.chmod, p, 644)
  T.raises("bad argument #2", fs.chmod, p)
  failure("ENOENT", fs.chmod(p .. ".missing", "644"))
  local uid = fs.stat(p).uid
  T.eq(fs.chown(p, -1, -1), true)
  if uid == 0 then
    T.eq(fs.chown(p, 4321, 8765), true)
    T.eq(fs.stat(p).uid, 4321) T.eq(fs.stat(p).gid, 8765)
  else
    failure("EPERM", fs.chown(p, 0, 0))
  end
  failure("ENOENT", fs.chown(p .. ".missing", -1, -1))
  T.raises("bad argument #2", fs.chown, p, "root", 0)
  T.eq(fs.utime(p, 86400, 172800.75), true)
  T.eq(fs.stat(p).atime, 86400) T.eq(fs.stat(p).mtime, 172800.75)
  failure("ENOENT", fs.utime(p .. ".missing", 1, 1))
  T.raises("bad argument #3", fs.utime, p, 1)
end)

T.case("permission denied, as far as root can be denied", function()
  -- Tests run as root, which passes the usual permission checks. These are
  -- refusals root gets too, each from the kernel, not from luv.
  local p = make("#!/bin/sh\n")
  fs.chmod(p, "644")
  -- access(2): root may execute only files with an execute bit.
  local m = failure("EACCES", fs.access(p, "x"))
  T.eq(m, "EACCES: permission denied: " .. p)
  T.eq(fs.access(p, "rw"), true)
  fs.chmod(p, "744")
  T.eq(fs.access(p, "x"), true)
  -- A sysfs attribute without a store method cannot be opened for writing.
  if fs.stat("/sys/kernel/uevent_seqnum") then
    failure("EACCES", fs.open("/sys/kernel/uevent_seqnum", "w"))
  end
  -- procfs refuses to unlink its files: EPERM.
  failure("EPERM", fs.unlink("/proc/version"))
end)

T.case("access", function()
  local p = make("x")
  T.eq(fs.access(p), true, "exists")
  T.eq(fs.access(p, ""), true)
  T.eq(fs.access(p, "r"), true)
  T.eq(fs.access(dir, "rwx"), true)
  failure("ENOENT", fs.access(p .. ".missing"))
  T.raises("bad argument #2 .*invalid access mode", fs.access, p, "rr")
  T.raises("bad argument #2 .*invalid access mode", fs.access, p, "q")
  T.raises("bad argument #2 .*access mode string expected", fs.access, p, 4)
end)

T.case("copyfile", function()
  local src, dst = make("copied"), path()
  T.eq(fs.copyfile(src, dst), true)
  T.eq(slurp(dst), "copied")
  T.eq(fs.copyfile(src, dst), true, "replaces by default")
  failure("EEXIST", fs.copyfile(src, dst, { excl = true }))
  T.eq(fs.copyfile(src, path(), { excl = true, ficlone = true }), true,
    "ficlone falls back to a copy")
  failure("ENOENT", fs.copyfile(src .. ".missing", path()))
  T.raises("bad argument #3", fs.copyfile, src, path(), { exclusive = true })
  T.raises("bad argument #3", fs.copyfile, src, path(), { excl = 1 })
  T.raises("bad argument #3", fs.copyfile, src, path(), "excl")
end)

T.case("mkdtemp", function()
  local a = fs.mkdtemp(dir .. "/tmpXXXXXX")
  local b = fs.mkdtemp(dir .. "/tmpXXXXXX")
  T.match(a, "^" .. dir:gsub("%p", "%%%0") .. "/tmp......$")
  T.ok(a ~= b, "unique")
  T.eq(fs.stat(a).perm, "700")
  local m = failure("EINVAL", fs.mkdtemp(dir .. "/no-template"))
  T.eq(m, "EINVAL: invalid argument: " .. dir .. "/no-template")
  failure("ENOENT", fs.mkdtemp(dir .. "/missing/tmpXXXXXX"))
end)

T.case("fsync of files and directories", function()
  local p = make("durable")
  T.eq(fs.fsync(p), true)
  T.eq(fs.fsync(dir), true)
  failure("ENOENT", fs.fsync(p .. ".missing"))
end)

T.case("cwd, chdir, exepath", function()
  local start = fs.cwd()
  T.eq(start:sub(1, 1), "/")
  local d = path()
  fs.mkdir(d)
  T.eq(fs.chdir(d), true)
  T.eq(fs.cwd(), fs.realpath(d))
  T.eq(fs.stat(".").ino, fs.stat(d).ino)
  failure("ENOENT", fs.chdir(d .. "/missing"))
  failure("ENOTDIR", fs.chdir(make("x")))
  -- getcwd(3) fails once the working directory is removed.
  fs.rmdir(d)
  failure("ENOENT", fs.cwd())
  T.eq(fs.chdir(start), true)
  T.eq(fs.cwd(), start)
  local exe = fs.exepath()
  T.eq(exe:sub(1, 1), "/")
  T.eq(fs.stat(exe).is_file, true)
  T.eq(fs.access(exe, "x"), true, "exepath is executable")
end)

T.case("sendfile copies between file objects", function()
  local src = make("0123456789")
  local out_path = path()
  local input = assert(fs.open(src))
  local out = assert(fs.open(out_path, "w"))
  T.eq(fs.sendfile(out, input), 10, "the whole input by default")
  T.eq(fs.sendfile(out, input, 3, 4), 4, "a range")
  T.eq(fs.sendfile(out, input, 8, 100), 2, "stops at the end")
  T.eq(fs.sendfile(out, input, 50), 0, "past the end")
  T.eq(out:write("!"), 1, "the output's position moved")
  T.eq(select(2, input:read(3)), "012", "the input's position did not")
  out:close()
  T.eq(slurp(out_path), "01234567893456" .. "89!")
  -- Into an append-mode file.
  local log = make("log:")
  local appender = assert(fs.open(log, "a"))
  T.eq(fs.sendfile(appender, input, 0, 3), 3)
  appender:close()
  T.eq(slurp(log), "log:012")
  -- Failures.
  local readonly = assert(fs.open(src))
  failure("EBADF", fs.sendfile(readonly, input))  -- output not writable
  local writeonly = assert(fs.open(path(), "w"))
  local m = failure("EBADF", fs.sendfile(writeonly, writeonly))  -- input not readable
  T.match(m, " %-> ", "names both files")
  input:close()
  failure("EBADF", fs.sendfile(writeonly, input))  -- closed
  T.raises("bad argument #2", fs.sendfile, writeonly, "path")
  T.raises("bad argument #1", fs.sendfile, nil, writeonly)
  T.raises("bad argument #3", fs.sendfile, writeonly, readonly, -1)
  T.raises("bad argument #4", fs.sendfile, writeonly, readonly, 0, 0.5)
  readonly:close()
  writeonly:close()
end)

T.case("from the main state, ready fibers run while a call waits", function()
  local ran = false
  luv.fiber.create(function() ran = true end):ready()
  T.ok(fs.stat(dir))
  T.eq(ran, true)
end)

T.case("a call suspends only its fiber", function()
  local log = {}
  local a = luv.fiber.create(function()
    log[#log + 1] = "a1"
    fs.stat(dir)
    log[#log + 1] = "a2"
  end):ready()
  local b = luv.fiber.create(function() log[#log + 1] = "b" end):ready()
  a:join() b:join()
  T.eq(table.concat(log, " "), "a1 b a2")
end)

T.case("a call from a plain coroutine or from pcall in a fiber raises clearly", function()
  local co = coroutine.wrap(function() return fs.stat(dir) end)
  T.raises("would block in a plain coroutine", co)
  local ok, err = luv.fiber.create(function()
    return pcall(fs.stat, dir)
  end):join()
  if T.yields_across_pcall then
    T.eq(ok, true, "the VM yields across pcall")
  else
    T.eq(ok, false)
    T.match(err, "luv.pcall")
  end
  T.eq(luv.fiber.create(function()
    return select(2, luv.pcall(fs.stat, dir)).is_directory
  end):join(), true)
end)

T.case("50 fibers doing fs work at once", function()
  local root = path("many")
  fs.mkdir(root)
  local shared = assert(fs.open(root .. "/shared.log", "w+"))
  local fibers = {}
  for i = 1, 50 do
    fibers[i] = luv.fiber.create(function()
      local d = string.format("%s/d%02d", root, i)
      assert(fs.mkdir(d))
      local f = assert(fs.open(d .. "/data", "w+"))
      local piece = string.rep(string.char(64 + i % 26), 1000 + i)
      for _ = 1, 8 do assert(f:write(piece) == #piece) end
      shared:write(string.format("<%02d>", i))
      local n, back = f:read(100000, 0)
      assert(n == 8 * #piece and back == string.rep(piece, 8), "read back")
      assert(f:stat().size == n)
      assert(f:close())
      assert(fs.rename(d .. "/data", d .. "/renamed"))
      local names = fs.readdir(d)
      assert(#names == 1 and names[1] == "renamed")
      local size = fs.stat(d .. "/renamed").size
      assert(fs.unlink(d .. "/renamed"))
      assert(fs.rmdir(d))
      return size
    end):ready()
  end
  for i = 1, 50 do T.eq(fibers[i]:join(), 8 * (1000 + i), "fiber " .. i) end
  T.eq(#fs.readdir(root), 1, "only the shared log is left")
  -- Each fiber's write to the shared file at its position landed whole,
  -- once.
  local text = select(2, shared:read(1000, 0))
  T.eq(#text, 200)
  local tags = {}
  for i = 1, 50 do tags[i] = string.format("<%02d>", i) end
  local got = {}
  for tag in text:gmatch("<%d%d>") do got[#got + 1] = tag end
  table.sort(got)
  T.eq(table.concat(got), table.concat(tags))
  shared:close()
end)

T.case("the program ends cleanly with fs calls still in flight", function()
  -- The main chunk ends while a write runs, 19 wait for the position, a
  -- watch and a stat wait: lua_close collects them all, the loop finishes
  -- the requests, and (under ASan) nothing leaks.
  local d = path("end")
  fs.mkdir(d)
  local code, output = T.run_lua(string.format([[
    local luv = require("luv")
    local dir = %q
    local f = assert(luv.fs.open(dir .. "/inflight", "w+"))
    for i = 1, 20 do
      luv.fiber.create(function() f:write(string.rep("x", 1048576)) end):ready()
    end
    local w = assert(luv.fs.watch(dir))
    luv.fiber.create(function() w:wait() end):ready()
    luv.fiber.create(function() luv.fs.stat(dir) end):ready()
    luv.fiber.create(function() luv.fs.open(dir .. "/inflight"):read(1048576) end):ready()
    luv.fiber.yield()
    print("ending")
  ]], d))
  T.eq(code, 0, "exit code (output: " .. output .. ")")
  T.match(output, "^ending\n$")
  -- Writes made before the end still ran, in order, before the close.
  T.eq(fs.stat(d .. "/inflight").size, 20 * 1048576)
end)

T.run()
