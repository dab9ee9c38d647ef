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

-- Filesystem throughput: luv beside plain Lua io and luvit's luv, one
-- workload per run.
--   lua fs.lua <impl> <workload> <dir> [MiB [files]]
-- impl: luv | io | luvit (Debian's lua-luv, callback style; its module is
-- also called "luv", so it runs with only the system cpath).
-- workload: setup (makes <dir>/big and <dir>/stat/*), read1, write1, read8,
-- write8, stat1, stat8, statsync (luvit only: its synchronous fs_stat).
-- MiB (default 256) sizes the file read and written, files (default 10,000)
-- the number stat'ed; setup and the runs must be given the same.
-- Prints "<impl>_<workload> <figure>": MB/s for reads and writes (wall
-- time, the close included), stats per second for stats.
local impl, work, dir = arg[1], arg[2], arg[3]
assert(impl and work and dir, "usage: fs.lua <luv|io|luvit> <workload> <dir> [MiB [files]]")

local SIZE = (tonumber(arg[4]) or 256) * 1024 * 1024  -- the file read and written
local CHUNK = 64 * 1024                               -- bytes per call
local FILES = tonumber(arg[5]) or 10000               -- files stat'ed
local FIBERS = 8                 -- concurrent fibers (or callback chains)
local BIG = dir .. "/big"
local OUT = dir .. "/out"

local function stat_path(i) return string.format("%s/stat/f%05d", dir, i) end

local function report(seconds, amount, per)
  local figure = per == "MB" and amount / seconds / 1e6 or amount / seconds
  print(string.format("%s_%s %.1f", impl, work, figure))
end

if impl == "luv" or impl == "io" then
  -- Our luv also gives the io runs their clock (nothing else of it runs).
  local luv = require("luv")
  assert(luv._VERSION, "this is not our luv")
  local fs = luv.fs
  local function now() return luv.hrtime() / 1e9 end
  local chunk = string.rep("w", CHUNK)

  -- Runs `fn(i)` in `n` fibers at once; returns the wall time.
  local function in_fibers(n, fn)
    local t0 = now()
    local fibers = {}
    for i = 1, n do fibers[i] = luv.fiber.create(fn, i):ready() end
    for i = 1, n do fibers[i]:join() end
    return now() - t0
  end

  if work == "setup" then
    -- Every chunk different, as real data is: equal strings would make
    -- LuaJIT's string interning compare whole chunks on every read.
    local f = assert(io.open(BIG, "wb"))
    for i = 1, SIZE / CHUNK do f:write(string.format("%08d", i), chunk:sub(9)) end
    f:close()
    assert(fs.mkdir(dir .. "/stat"))
    for i = 1, FILES do assert(io.open(stat_path(i), "wb")):close() end
  elseif impl == "io" and work == "read1" then
    local t0 = now()
    local f = assert(io.open(BIG, "rb"))
    local total = 0
    while true do
      local data = f:read(CHUNK)
      if not data then break end
      total = total + #data
    end
    f:close()
    assert(total == SIZE)
    report(now() - t0, total, "MB")
  elseif impl == "io" and work == "write1" then
    local t0 = now()
    local f = assert(io.open(OUT, "wb"))
    for _ = 1, SIZE / CHUNK do f:write(chunk) end
    f:close()
    report(now() - t0, SIZE, "MB")
  elseif impl == "io" and work == "stat1" then
    -- Plain Lua has no stat: opening and closing each file is the nearest
    -- blocking equivalent (it is more work than a stat).
    local t0 = now()
    for i = 1, FILES do assert(io.open(stat_path(i), "rb")):close() end
    report(now() - t0, FILES, "stats")
  elseif impl == "luv" and work == "read1" then
    local total = 0
    local seconds = in_fibers(1, function()
      local f = assert(fs.open(BIG))
      while true do
        local n = f:read(CHUNK)
        if n == 0 then break end
        total = total + n
      end
      f:close()
    end)
    assert(total == SIZE)
    report(seconds, total, "MB")
  elseif impl == "luv" and work == "write1" then
    local seconds = in_fibers(1, function()
      local f = assert(fs.open(OUT, "w"))
      for _ = 1, SIZE / CHUNK do assert(f:write(chunk) == CHUNK) end
      f:close()
    end)
    report(seconds, SIZE, "MB")
  elseif impl == "luv" and work == "read8" then
    local total = 0
    local region = SIZE / FIBERS
    local seconds = in_fibers(FIBERS, function(i)
      local f = assert(fs.open(BIG))
      for offset = (i - 1) * region, i * region - 1, CHUNK do
        local n = f:read(CHUNK, offset)  -- suspends: add after it returns
        total = total + n
      end
      f:close()
    end)
    assert(total == SIZE)
    report(seconds, total, "MB")
  elseif impl == "luv" and work == "write8" then
    local region = SIZE / FIBERS
    local seconds = in_fibers(1, function()
      assert(fs.open(OUT, "w")):close()
    end)
    seconds = seconds + in_fibers(FIBERS, function(i)
      local f = assert(fs.open(OUT, "r+"))
      for offset = (i - 1) * region, i * region - 1, CHUNK do
        assert(f:write(chunk, offset) == CHUNK)
      end
      f:close()
    end)
    report(seconds, SIZE, "MB")
  elseif impl == "luv" and (work == "stat1" or work == "stat8") then
    local n = work == "stat1" and 1 or FIBERS
    local per = FILES / n
    local seconds = in_fibers(n, function(i)
      for k = (i - 1) * per + 1, i * per do assert(fs.stat(stat_path(k)).is_file) end
    end)
    report(seconds, FILES, "stats")
  else
    error("unknown workload " .. impl .. " " .. work)
  end
elseif impl == "luvit" then
  local uv = require("luv")
  assert(uv.new_idle and not uv._VERSION, "this is not luvit's luv")
  local function now() return uv.hrtime() / 1e9 end
  local chunk = string.rep("w", CHUNK)

  -- Reads or writes [first, last) of `path` in CHUNK calls chained by
  -- callbacks; `done(bytes)` at the end.
  local function chain(path, flags, first, last, writing, done)
    uv.fs_open(path, flags, 438, function(err, fd)
      assert(not err, err)
      local total = 0
      local function step(offset)
        if offset >= last then
          uv.fs_close(fd, function() done(total) end)
          return
        end
        if writing then
          uv.fs_write(fd, chunk, offset, function(e, n)
            assert(not e, e)
            total = total + n
            step(offset + CHUNK)
          end)
        else
          uv.fs_read(fd, CHUNK, offset, function(e, data)
            assert(not e, e)
            if #data == 0 then return step(last) end
            total = total + #data
            step(offset + #data)
          end)
        end
      end
      step(first)
    end)
  end

  local function stat_chain(first, last, done)
    local function step(k)
      if k > last then return done() end
      uv.fs_stat(stat_path(k), function(err, st)
        assert(not err and st.type == "file", err)
        step(k + 1)
      end)
    end
    step(first)
  end

  local t0 = now()
  local total = 0
  if work == "read1" or work == "write1" then
    chain(work == "read1" and BIG or OUT, work == "read1" and "r" or "w", 0, SIZE,
      work == "write1", function(n) total = n end)
    uv.run()
    report(now() - t0, total, "MB")
  elseif work == "read8" or work == "write8" then
    if work == "write8" then
      local fd = assert(uv.fs_open(OUT, "w", 438))
      uv.fs_close(fd)
    end
    local region = SIZE / FIBERS
    for i = 1, FIBERS do
      chain(work == "read8" and BIG or OUT, work == "read8" and "r" or "r+",
        (i - 1) * region, i * region, work == "write8", function(n) total = total + n end)
    end
    uv.run()
    assert(total == SIZE)
    report(now() - t0, total, "MB")
  elseif work == "stat1" or work == "stat8" then
    local n = work == "stat1" and 1 or FIBERS
    local per = FILES / n
    for i = 1, n do stat_chain((i - 1) * per + 1, i * per, function() end) end
    uv.run()
    report(now() - t0, FILES, "stats")
  elseif work == "statsync" then
    -- Without a callback luvit's fs_stat blocks: the floor for stat.
    for k = 1, FILES do assert(uv.fs_stat(stat_path(k)).type == "file") end
    report(now() - t0, FILES, "stats")
  else
    error("unknown workload " .. impl .. " " .. work)
  end
else
  error("unknown implementation " .. impl)
end
