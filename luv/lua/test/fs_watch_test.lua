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

-- luv.fs.watch: events for create, modify and rename; queueing; close.
local T = require("luvtest")
local luv = require("luv")
local fs = luv.fs

local base = assert(os.getenv("TEST_TMPDIR"), "TEST_TMPDIR is not set")
local dir = assert(fs.mkdtemp(base .. "/watch_XXXXXX"))
local serial = 0

local function newdir()
  serial = serial + 1
  local d = string.format("%s/%d", dir, serial)
  assert(fs.mkdir(d))
  return d
end

local function write(p, data, mode)
  local f = assert(fs.open(p, mode or "w"))
  if data then f:write(data) end
  f:close()
end

local function pack(...) return { n = select("#", ...), ... } end

T.case("a directory watch reports create, modify and rename with the entry's name", function()
  local d = newdir()
  local w = assert(fs.watch(d))
  T.match(tostring(w), "^luv.fs_watch: ")
  write(d .. "/new")  -- created (no data written)
  local event, name = w:wait()
  T.eq(event, "rename", "create") T.eq(name, "new")
  write(d .. "/new", "data", "a")
  event, name = w:wait()
  T.eq(event, "change", "modify") T.eq(name, "new")
  fs.rename(d .. "/new", d .. "/old")
  T.eq(table.concat({ w:wait() }, " "), "rename new", "the name it had")
  T.eq(table.concat({ w:wait() }, " "), "rename old", "the name it has")
  fs.unlink(d .. "/old")
  T.eq(table.concat({ w:wait() }, " "), "rename old", "delete")
  T.eq(w:close(), true)
end)

T.case("a file watch reports changes to the file", function()
  local d = newdir()
  local p = d .. "/watched"
  write(p, "v1")
  local w = assert(fs.watch(p))
  write(p, "v2", "a")
  local event, name = w:wait()
  T.eq(event, "change") T.eq(name, "watched")
  w:close()
end)

T.case("events made while nobody waits are queued, in order", function()
  local d = newdir()
  local w = assert(fs.watch(d))
  for i = 1, 5 do write(d .. "/f" .. i) end
  luv.fiber.yield()  -- lets the loop read the events
  for i = 1, 5 do
    local event, name = w:wait()
    T.eq(event, "rename") T.eq(name, "f" .. i)
  end
  w:close()
end)

T.case("a waiting fiber is woken by the event; other fibers run meanwhile", function()
  local d = newdir()
  local w = assert(fs.watch(d))
  local got
  local watcher = luv.fiber.create(function() got = pack(w:wait()) end):ready()
  local ticks = 0
  local ticker = luv.fiber.create(function()
    for _ = 1, 3 do luv.sleep(0.001) ticks = ticks + 1 end
  end):ready()
  ticker:join()
  T.eq(got, nil, "no event yet")
  T.eq(ticks, 3)
  write(d .. "/wake")
  watcher:join()
  T.eq(got.n, 2) T.eq(got[1], "rename") T.eq(got[2], "wake")
  w:close()
end)

T.case("each event goes to one waiter, the one that waited first", function()
  local d = newdir()
  local w = assert(fs.watch(d))
  local got = {}
  local fibers = {}
  for i = 1, 3 do
    fibers[i] = luv.fiber.create(function() got[i] = select(2, w:wait()) end):ready()
  end
  luv.fiber.yield()  -- all three wait
  for i = 1, 3 do write(d .. "/e" .. i) end
  for i = 1, 3 do fibers[i]:join() end
  T.eq(table.concat(got, " "), "e1 e2 e3")
  w:close()
end)

T.case("close wakes waiters with ECANCELED; later waits fail with EBADF", function()
  local d = newdir()
  local w = assert(fs.watch(d))
  local got
  local f = luv.fiber.create(function() got = pack(w:wait()) end):ready()
  luv.fiber.yield()
  T.eq(w:close(), true)
  f:join()
  T.eq(got[1], nil) T.eq(got[3], "ECANCELED")
  T.eq(got[2], "ECANCELED: fs watch was closed")
  T.eq(w:close(), true, "close twice")
  local r = pack(w:wait())
  T.eq(r[1], nil) T.eq(r[3], "EBADF") T.match(r[2], "^EBADF: ")
end)

T.case("watching a missing path fails; bad arguments raise", function()
  local missing = dir .. "/missing"
  local ok, message, code = fs.watch(missing)
  T.eq(ok, nil) T.eq(code, "ENOENT")
  T.eq(message, "ENOENT: no such file or directory: " .. missing)
  T.raises("bad argument #1", fs.watch)
  T.raises("bad argument #1 .*NUL", fs.watch, dir .. "\0x")
  T.eq(select(3, fs.watch(string.rep("w", 5000))), "ENAMETOOLONG")
  local w = assert(fs.watch(dir))
  T.raises("bad argument #1", w.wait, {})
  T.raises("bad argument #1", w.close, "watch")
  w:close()
end)

T.case("too many unread events end in one ENOBUFS, then events flow again", function()
  local d = newdir()
  local w = assert(fs.watch(d))
  for i = 1, 1100 do write(d .. "/n" .. i) end
  luv.fiber.yield()
  local seen, overflow = 0, nil
  while true do
    local event, name, code = w:wait()
    if event == nil then overflow = code break end
    seen = seen + 1
    T.eq(name, "n" .. seen)
  end
  T.eq(overflow, "ENOBUFS")
  T.eq(seen, 1024, "events kept before the overflow")
  write(d .. "/after")
  local event, name = w:wait()
  T.eq(event, "rename") T.eq(name, "after")
  w:close()
end)

T.case("watches dropped without close are collected safely", function()
  local d = newdir()
  for _ = 1, 50 do assert(fs.watch(d)) end
  collectgarbage("collect")
  collectgarbage("collect")
  write(d .. "/x")
  luv.fiber.yield()
  local w = assert(fs.watch(d))
  write(d .. "/y")
  T.eq(select(2, w:wait()), "y")
  w:close()
end)

T.run()
