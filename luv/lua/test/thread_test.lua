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

-- OS threads: spawn, join, values in and out, errors, concurrency, lifetime.
local T = require("luvtest")
local luv = require("luv")

local function pack(...) return { n = select("#", ...), ... } end

local pid = (function()
  local stat = io.open("/proc/self/stat")
  local id = stat:read("*l"):match("^(%d+)")
  stat:close()
  return id
end)()

-- How many descriptors this process has open, pipes left out: io.popen's
-- own pipe may be listed with one end or both, depending on when `ls`
-- looks.
local function open_fds()
  local n = 0
  local pipe = io.popen("ls -l /proc/" .. pid .. "/fd")
  for line in pipe:lines() do
    if line:match(" %-> ") and not line:match("pipe:") then n = n + 1 end
  end
  pipe:close()
  return n
end

T.case("spawn runs at once; join returns exactly the function's results", function()
  local t = luv.thread.spawn(function(a, b) return a + b, nil, "x", nil end, 40, 2)
  T.match(tostring(t), "^luv.thread: ")
  local r = pack(t:join())
  T.eq(r.n, 4) T.eq(r[1], 42) T.eq(r[2], nil) T.eq(r[3], "x") T.eq(r[4], nil)
  -- Joined again: the same values.
  T.eq(select(3, t:join()), "x")
  T.eq(select("#", luv.thread.spawn(function() end):join()), 0)
end)

T.case("luv.thread.create is the same function (the reference's ØMQ example)", function()
  T.eq(luv.thread.create, luv.thread.spawn)
  T.eq(luv.thread.create(function() return "made" end):join(), "made")
end)

T.case("arguments, upvalues and results carry tables with cycles and closures", function()
  local conf = { name = "conf", list = { 1, 2, 3 } }
  conf.self = conf
  local function scale(x) return x * conf.list[3] end
  local t = luv.thread.spawn(function(arg)
    local out = { sum = 0, conf_name = conf.name, cycle = conf.self == conf }
    for _, v in ipairs(arg) do out.sum = out.sum + scale(v) end
    out.back = out
    out.add = function(a, b) return a + b end
    return out
  end, { 1, 2, 3 })
  local out = t:join()
  T.eq(out.sum, 18) T.eq(out.conf_name, "conf") T.eq(out.cycle, true)
  T.eq(out.back, out, "cycle in the results")
  T.eq(out.add(2, 3), 5, "a function came back")
end)

T.case("each thread has its own globals and luv", function()
  shared_global = "main"  -- luacheck: ignore
  local t = luv.thread.spawn(function()
    local luv = require("luv")
    local seen = shared_global  -- luacheck: ignore
    shared_global = "thread"    -- luacheck: ignore
    local self = luv.self()
    luv.sleep(0.005)
    local f = luv.fiber.create(function() return "fiber in thread" end)
    return seen, f:join(), tostring(self):match("^luv.thread") ~= nil, luv._VERSION
  end)
  local seen, from_fiber, is_thread, version = t:join()
  T.eq(seen, nil, "the thread saw the main state's global")
  T.eq(shared_global, "main")  -- luacheck: ignore
  T.eq(from_fiber, "fiber in thread")
  T.eq(is_thread, true)
  T.eq(version, luv._VERSION)
end)

T.case("an error in a thread reaches the joiner with the thread's traceback", function()
  local t = luv.thread.spawn(function()
    local function deep() error("thread trouble") end
    deep()
  end)
  local err = T.raises("thread trouble", function() t:join() end)
  T.match(err, "stack traceback", "traceback")
  T.match(err, "deep")
  local t2 = luv.thread.spawn(function() error({ code = 3 }) end)
  local ok, e = pcall(t2.join, t2)
  T.eq(ok, false) T.eq(type(e), "table") T.eq(e.code, 3)
end)

T.case("a value that cannot cross fails spawn with its path, before any thread starts", function()
  local co = coroutine.create(function() end)
  local conf = { handler = co }
  local err = T.raises("luv.thread.spawn", function()
    luv.thread.spawn(function() return conf end)
  end)
  T.match(err, "coroutine")
  T.match(err, "handler")
  T.raises("coroutine", function() luv.thread.spawn(function() end, co) end)
  T.raises("bad argument #1", function() luv.thread.spawn(42) end)
  -- Results that cannot come back are the joiner's error.
  local t = luv.thread.spawn(function() return coroutine.create(function() end) end)
  T.raises("cannot be sent back", function() t:join() end)
end)

T.case("two busy threads run concurrently", function()
  -- Each thread burns 0.2 s of its own CPU time and reports when it ran.
  local function busy(seconds)
    local luv = require("luv")
    local started = luv.hrtime()
    local clock, start, n = os.clock, os.clock(), 0
    while clock() - start < seconds do n = n + 1 end
    return started, luv.hrtime(), n
  end
  local a = luv.thread.spawn(busy, 0.2)
  local b = luv.thread.spawn(busy, 0.2)
  local a_start, a_end = a:join()
  local b_start, b_end = b:join()
  -- Run one after the other, the intervals would not overlap.
  local overlap = math.min(a_end, b_end) - math.max(a_start, b_start)
  T.le(0.05e9, overlap, "ns during which both threads were running")
end)

T.case("a fiber joining a thread suspends only that fiber", function()
  -- The thread ends only after the ticker, in the joiner's thread, has
  -- ticked five times: if the join blocked that thread, it never would
  -- (and the deadline below would fail the join instead of hanging).
  local go = luv.channel()
  local ticks = 0
  local ticker = luv.fiber.create(function()
    while ticks < 5 do
      luv.sleep(0.002)
      ticks = ticks + 1
    end
    go:put("now")
  end):ready()
  local t = luv.thread.spawn(function() return "after " .. go:get() end)
  local joiner = luv.fiber.create(function()
    return luv.timeout(30, function() return t:join() end)
  end):ready()
  T.eq(joiner:join(), "after now")
  T.eq(ticks, 5)
  ticker:join()
end)

T.case("threads spawn threads", function()
  local t = luv.thread.spawn(function(depth)
    local luv = require("luv")
    local function go(n)
      if n == 0 then return 0 end
      return 1 + luv.thread.spawn(go, n - 1):join()
    end
    return go(depth)
  end, 3)
  T.eq(t:join(), 3)
end)

T.case("200 threads in sequence leave memory and fds flat", function()
  local function round()
    for i = 1, 50 do
      assert(luv.thread.spawn(function(x) return x * 2 end, i):join() == i * 2)
    end
    collectgarbage("collect")
  end
  round()  -- warm up
  local fds, kb = open_fds(), collectgarbage("count")
  for _ = 1, 4 do round() end
  T.eq(open_fds(), fds, "open fds")
  T.le(collectgarbage("count"), kb + 64, "Lua heap KiB")
end)

T.case("a thread object collected while the thread runs is harmless", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    for i = 1, 5 do luv.thread.spawn(function() require("luv").sleep(0.05) end) end
    collectgarbage("collect")
    collectgarbage("collect")
    luv.sleep(0.01)
    print("main done")
  ]])
  T.eq(code, 0, "exit code: " .. output)
  T.match(output, "main done")
end)

T.case("exit stops threads at their next blocking call instead of hanging", function()
  local t0 = luv.hrtime()
  local code, output = T.run_lua([[
    local luv = require("luv")
    luv.thread.spawn(function() require("luv").sleep(3600) end)
    luv.thread.spawn(function()
      local luv = require("luv")
      while true do luv.sleep(0.001) end
    end)
    luv.sleep(0.02)
    print("leaving")
  ]])
  T.eq(code, 0, "exit code: " .. output)
  T.match(output, "leaving")
  T.le((luv.hrtime() - t0) / 1e9, 5, "seconds to exit")
end)

T.case("the main thread object cannot be joined", function()
  T.raises("cannot join its own main thread", function() luv.self():join() end)
end)

T.run()
