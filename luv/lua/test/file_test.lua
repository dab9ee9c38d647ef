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

-- File objects: read, write, close, stat, sync, datasync, utime, chmod,
-- chown, truncate; the position; close and collection; fairness.
local T = require("luvtest")
local luv = require("luv")

local base = assert(os.getenv("TEST_TMPDIR"), "TEST_TMPDIR is not set")
local dir = assert(luv.fs.mkdtemp(base .. "/file_XXXXXX"))
local serial = 0

-- A fresh path in the test directory.
local function path(name)
  serial = serial + 1
  return string.format("%s/%d_%s", dir, serial, name or "f")
end

-- A file with `content`, written with plain io (not the code under test).
local function make(content, name)
  local p = path(name)
  local f = assert(io.open(p, "wb"))
  f:write(content)
  f:close()
  return p
end

-- Open descriptors of this process (Linux).
local function open_fds()
  return #assert(luv.fs.readdir("/proc/self/fd"))
end

T.case("read returns nbytes and data, then 0 and \"\" at the end", function()
  local f = assert(luv.fs.open(make("hello, world")))
  T.match(tostring(f), "^luv.file: ")
  local n, data = f:read(5)
  T.eq(n, 5) T.eq(data, "hello")
  n, data = f:read(100)
  T.eq(n, 7) T.eq(data, ", world")
  n, data = f:read(100)
  T.eq(n, 0) T.eq(data, "")
  n, data = f:read(0, 0)
  T.eq(n, 0) T.eq(data, "", "a zero-length read")
  T.eq(f:close(), true)
end)

T.case("read with an offset reads there and leaves the position alone", function()
  local f = assert(luv.fs.open(make("0123456789")))
  T.eq(select(2, f:read(3, 4)), "456")
  T.eq(select(2, f:read(3)), "012", "the position was still 0")
  T.eq(select(2, f:read(100, 8)), "89")
  T.eq(select(2, f:read(2)), "34")
  T.eq(f:read(5, 50), 0, "past the end")
  f:close()
end)

T.case("write without an offset writes at the position: successive writes append", function()
  local p = path()
  local f = assert(luv.fs.open(p, "w"))
  T.eq(f:write("one "), 4)
  T.eq(f:write("two "), 4)
  T.eq(f:write(3), 1, "numbers are written as strings, as io does")
  f:close()
  T.eq(T.slurp(p), "one two 3")
end)

T.case("write with an offset writes there and leaves the position alone", function()
  local p = path()
  local f = assert(luv.fs.open(p, "w+"))
  f:write("abcdef")
  T.eq(f:write("XY", 1), 2)
  T.eq(f:write("!"), 1, "still at the end of the first write")
  T.eq(f:write("Z", 10), 1, "past the end leaves a hole")
  T.eq(select(2, f:read(100, 0)), "aXYdef!\0\0\0Z")
  f:close()
end)

T.case("reads and writes share one position in \"r+\" and \"w+\"", function()
  local f = assert(luv.fs.open(make("abcdef"), "r+"))
  T.eq(select(2, f:read(2)), "ab")
  f:write("XY")
  T.eq(select(2, f:read(10)), "ef")
  T.eq(select(2, f:read(10, 0)), "abXYef")
  f:close()
end)

T.case("append modes write at the end whatever the offset; a+ reads from the start", function()
  local p = make("start;")
  local f = assert(luv.fs.open(p, "a"))
  f:write("one;")
  f:write("two;", 0)
  f:close()
  T.eq(T.slurp(p), "start;one;two;")
  f = assert(luv.fs.open(p, "a+"))
  T.eq(select(2, f:read(6)), "start;", "a+ reads from the start")
  f:write("end")
  T.eq(select(2, f:read(4)), "one;", "writes do not move the read position")
  f:close()
  T.eq(T.slurp(p), "start;one;two;end")
end)

T.case("calls at the position from many fibers run in call order", function()
  local p = path()
  local f = assert(luv.fs.open(p, "w+"))
  local fibers = {}
  for i = 1, 20 do
    fibers[i] = luv.fiber.create(function()
      for round = 1, 3 do f:write(string.format("[%02d.%d]", i, round)) end
    end):ready()
  end
  for i = 1, 20 do fibers[i]:join() end
  local text = select(2, f:read(1000, 0))
  T.eq(#text, 20 * 3 * 6, "every record landed once, none overwritten")
  -- Each fiber made its first write in the first pass, in ready order.
  local first = {}
  for i = 1, 20 do first[i] = string.format("[%02d.1]", i) end
  T.eq(text:sub(1, 120), table.concat(first))
  local seen = {}
  for record in text:gmatch("%[%d%d%.%d%]") do seen[record] = true end
  for i = 1, 20 do
    for round = 1, 3 do T.ok(seen[string.format("[%02d.%d]", i, round)], "record") end
  end
  -- Reads at the position from several fibers get consecutive chunks.
  local chunks = {}
  local readers = {}
  local g = assert(luv.fs.open(p))
  for i = 1, 10 do
    readers[i] = luv.fiber.create(function() chunks[i] = select(2, g:read(36)) end):ready()
  end
  for i = 1, 10 do readers[i]:join() end
  T.eq(table.concat(chunks), text:sub(1, 360))
  g:close()
  f:close()
end)

T.case("a large write and read round-trip through the thread pool", function()
  local p = path()
  local block = {}
  for i = 0, 255 do block[#block + 1] = string.char(i) end
  local data = string.rep(table.concat(block), 4 * 4096)  -- 4 MiB
  local f = assert(luv.fs.open(p, "w+", "600"))
  T.eq(f:write(data), #data)
  local n, back = f:read(#data + 10, 0)  -- over the cached-read size: the pool reads
  T.eq(n, #data)
  T.ok(back == data, "the data read back is the data written")
  f:close()
end)

T.case("read asks for at most 64 MiB at a time", function()
  local f = assert(luv.fs.open(path(), "w+"))
  T.eq(f:truncate(100 * 1024 * 1024), true)  -- sparse: reads zeros
  local n, data = f:read(1e9, 0)
  T.eq(n, 64 * 1024 * 1024)
  T.eq(#data, n)
  f:close()
end)

T.case("stat, sync, datasync, utime, chmod, chown and truncate", function()
  local p = make("0123456789")
  local f = assert(luv.fs.open(p, "r+"))
  local st = f:stat()
  T.eq(st.size, 10) T.eq(st.is_file, true) T.eq(st.type, "file")
  T.eq(f:sync(), true)
  T.eq(f:datasync(), true)
  T.eq(f:utime(1000000000.5, 1200000000.25), true)
  st = f:stat()
  T.eq(st.atime, 1000000000.5) T.eq(st.mtime, 1200000000.25)
  T.eq(f:chmod("640"), true)
  T.eq(f:stat().perm, "640")
  T.eq(f:stat().mode % 4096, 6 * 64 + 4 * 8)
  T.eq(f:chown(-1, -1), true, "-1 leaves both ids as they are")
  T.eq(f:stat().uid, st.uid)
  T.eq(f:truncate(4), true)
  T.eq(f:stat().size, 4)
  T.eq(select(2, f:read(100)), "0123")
  T.eq(f:truncate(), true)
  T.eq(f:stat().size, 0, "truncate() defaults to 0")
  f:close()
end)

T.case("chown changes owners as root; fails with EPERM otherwise", function()
  local f = assert(luv.fs.open(path(), "w"))
  local root = f:stat().uid == 0  -- a new file belongs to the effective user
  if root then
    T.eq(f:chown(1234, 5678), true)
    local st = f:stat()
    T.eq(st.uid, 1234) T.eq(st.gid, 5678)
  else
    T.failure("EPERM", f:chown(0, 0))
  end
  f:close()
end)

T.case("failures return false, message, code and name the file", function()
  local p = make("data")
  local readonly = assert(luv.fs.open(p, "r"))
  local message = T.failure("EBADF", readonly:write("x"))
  T.eq(message, "EBADF: bad file descriptor: " .. p, "a read-only file refuses writes")
  T.failure("EINVAL", readonly:truncate(1))
  readonly:close()
  local writeonly = assert(luv.fs.open(p, "a"))
  T.failure("EBADF", writeonly:read(10))
  writeonly:close()
  local d = assert(luv.fs.open(dir))  -- a directory opens for reading
  T.failure("EISDIR", d:read(10))
  T.eq(d:stat().is_directory, true)
  d:close()
end)

T.case("a closed file fails cleanly; closing it again is fine, as for any handle", function()
  local p = make("data")
  local f = assert(luv.fs.open(p))
  T.eq(f:close(), true)
  T.eq(f:close(), true, "a second close")
  local message = T.failure("EBADF", f:read(1))
  T.eq(message, "EBADF: bad file descriptor: " .. p .. " (closed)")
  T.failure("EBADF", f:write("x"))
  T.failure("EBADF", f:stat())
  T.failure("EBADF", f:sync())
  T.failure("EBADF", f:datasync())
  T.failure("EBADF", f:utime(1, 1))
  T.failure("EBADF", f:chmod("600"))
  T.failure("EBADF", f:chown(-1, -1))
  T.failure("EBADF", f:truncate())
end)

T.case("close waits for the calls made before it", function()
  local p = path()
  local g = assert(luv.fs.open(p, "w"))
  g:write(string.rep("z", 2 * 1024 * 1024))
  g:close()
  local f = assert(luv.fs.open(p))
  local got
  local reader = luv.fiber.create(function() got = { f:read(2 * 1024 * 1024) } end):ready()
  luv.fiber.yield()  -- the reader's call is on its way (the pool reads 2 MiB)
  T.eq(f:close(), true)
  reader:join()
  T.eq(got[1], 2 * 1024 * 1024, "the read made before close() completed")
end)

T.case("files collected without close() have their descriptors closed", function()
  collectgarbage("collect")
  local before = open_fds()
  for _ = 1, 100 do assert(luv.fs.open(make("x"))) end
  T.eq(open_fds(), before + 100)
  collectgarbage("collect")
  collectgarbage("collect")
  -- The closes run on libuv's thread pool; wait for them, with a bound.
  local tries = 0
  while open_fds() > before and tries < 500 do
    luv.sleep(0.002)
    tries = tries + 1
  end
  T.eq(open_fds(), before)
end)

T.case("a file collected while a call on it is in flight stays usable by the call", function()
  local p = make(string.rep("q", 1024 * 1024))
  local result = luv.fiber.create(function()
    -- The file is only an argument: once the fiber yields, nothing else
    -- holds the userdata, and the collector may take it.
    return luv.fs.open(p):read(1024 * 1024)
  end):ready()
  luv.fiber.yield()
  collectgarbage("collect")
  collectgarbage("collect")
  T.eq(result:join(), 1024 * 1024)
end)

T.case("a ticking fiber keeps ticking during a large read", function()
  local p = path()
  local f = assert(luv.fs.open(p, "w"))
  local chunk = string.rep("r", 64 * 1024)
  for _ = 1, 1024 do f:write(chunk) end  -- 64 MiB
  f:close()

  local function read_all()
    local g = assert(luv.fs.open(p))
    local total = 0
    while true do
      local n = g:read(64 * 1024)
      if n == 0 then break end
      total = total + n
    end
    g:close()
    return total
  end

  for _, where in ipairs({ "main state", "fiber" }) do
    local ticks, reading = 0, true
    local ticker = luv.fiber.create(function()
      while reading do luv.sleep(0.001) ticks = ticks + 1 end
    end):ready()
    luv.fiber.yield()  -- the ticker is asleep
    local before = ticks
    local total
    if where == "main state" then
      total = read_all()
    else
      total = luv.fiber.create(read_all):join()
    end
    local during = ticks - before
    reading = false
    ticker:join()
    T.eq(total, 64 * 1024 * 1024, where .. ": bytes read")
    -- A read that held the thread would leave this at 0.
    T.le(2, during, where .. ": ticks during the read")
  end
end)

T.case("a call suspends only its fiber, also when it is done at once", function()
  local f = assert(luv.fs.open(make("data")))
  local log = {}
  local a = luv.fiber.create(function()
    log[#log + 1] = "a1"
    f:read(4)  -- done at once from the page cache; the fiber still yields
    log[#log + 1] = "a2"
    f:stat()  -- the thread pool
    log[#log + 1] = "a3"
  end):ready()
  local b = luv.fiber.create(function()
    log[#log + 1] = "b1"
    luv.fiber.yield()
    log[#log + 1] = "b2"
  end):ready()
  a:join() b:join()
  T.eq(table.concat(log, " "), "a1 b1 a2 b2 a3")
  f:close()
end)

T.case("file methods suspend inside luv.pcall; plain pcall says so on Lua 5.1", function()
  local f = assert(luv.fs.open(make("hello")))
  local r = { luv.fiber.create(function()
    local ok, n, data = luv.pcall(function() return f:read(5, 0) end)  -- at once
    local ok2, st = luv.pcall(f.stat, f)  -- the thread pool
    local ok3, err = pcall(f.read, f, 5, 0)
    return ok, n, data, ok2, st.size, ok3, err
  end):join() }
  T.eq(r[1], true) T.eq(r[2], 5) T.eq(r[3], "hello")
  T.eq(r[4], true) T.eq(r[5], 5)
  if T.yields_across_pcall then
    T.eq(r[6], true, "the VM yields across pcall")
  else
    T.eq(r[6], false) T.match(r[7], "use luv.pcall")
  end
  f:close()
end)

T.case("bad arguments raise errors that name them", function()
  local f = assert(luv.fs.open(make("data")))
  T.raises("bad argument #1", f.read, {}, 1)
  T.raises("bad argument #2", f.read, f, "many")  -- no length: 64 KiB (fs_helpers_test)
  T.raises("bad argument #2", f.read, f, -1)
  T.raises("bad argument #2", f.read, f, 1.5)
  T.raises("bad argument #2", f.read, f, 2 ^ 60)
  T.raises("bad argument #3", f.read, f, 1, -5)
  T.raises("bad argument #2", f.write, f, nil)
  T.raises("bad argument #2", f.write, f, {})
  T.raises("bad argument #3", f.write, f, "x", "here")
  T.raises("bad argument #2", f.utime, f, 0 / 0, 1)
  T.raises("bad argument #3", f.utime, f, 1, 1 / 0)
  T.raises("octal permission string expected", f.chmod, f, 644)
  T.raises("invalid permissions", f.chmod, f, "8")
  T.raises("bad argument #2", f.chown, f, -2, 0)
  T.raises("bad argument #3", f.chown, f, 0, 2 ^ 32)
  T.raises("bad argument #2", f.truncate, f, -1)
  T.raises("bad argument #1", f.close, "file")
  f:close()
end)

T.run()
