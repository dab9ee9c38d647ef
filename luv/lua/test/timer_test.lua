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

-- Timers: start, wait, stop, again, close, several waiters, collection.
local T = require("luvtest")
local luv = require("luv")

local function ms_since(t0) return (luv.hrtime() - t0) / 1e6 end

T.case("a one-shot timer wakes the main state once", function()
  local timer = luv.timer.create()
  T.match(tostring(timer), "^luv.timer: ")
  T.eq(timer:start(15, 0), true)
  T.eq(timer:active(), true)
  local t0 = luv.hrtime()
  T.eq(timer:wait(), true)
  T.le(14, ms_since(t0), "ms waited")
  T.eq(timer:active(), false)
  timer:close()
end)

T.case("a repeating timer ticks until stopped (the reference's example, shortened)", function()
  local timer = luv.timer.create()
  timer:start(10, 5)
  local t0 = luv.hrtime()
  local ticks = 0
  for _ = 1, 5 do
    timer:wait()
    ticks = ticks + 1
  end
  T.eq(ticks, 5)
  T.le(9 + 4 * 4, ms_since(t0), "ms for a 10 ms delay and four 5 ms repeats")
  T.eq(timer:stop(), true)
  T.eq(timer:active(), false)
  timer:close()
end)

T.case("a shared repeating timer wakes every waiting fiber on each tick", function()
  local timer = luv.timer.create()
  local seen = { a = 0, b = 0 }
  local function waiter(name)
    for _ = 1, 3 do
      timer:wait()
      seen[name] = seen[name] + 1
    end
  end
  local a = luv.fiber.create(waiter, "a"):ready()
  local b = luv.fiber.create(waiter, "b"):ready()
  timer:start(5, 5)
  a:join() b:join()
  T.eq(seen.a, 3) T.eq(seen.b, 3)
  timer:close()
end)

T.case("stop keeps waiters waiting until the timer starts again", function()
  local timer = luv.timer.create()
  timer:start(1000, 0)
  timer:stop()
  local woke = false
  local f = luv.fiber.create(function() timer:wait() woke = true end):ready()
  luv.sleep(0.02)
  T.eq(woke, false, "woken by a stopped timer")
  timer:start(1, 0)
  f:join()
  T.eq(woke, true)
  timer:close()
end)

T.case("again restarts a repeating timer with its repeat interval", function()
  local timer = luv.timer.create()
  local ok, err, code = timer:again()
  T.eq(ok, nil, "again() on a timer never started")
  T.eq(code, "EINVAL")
  T.match(err, "^EINVAL: ")
  timer:start(100000, 10)  -- first expiry far away
  T.eq(timer:again(), true)  -- now due after the 10 ms repeat
  local t0 = luv.hrtime()
  timer:wait()
  local elapsed = ms_since(t0)
  T.le(9, elapsed, "ms") T.le(elapsed, 1000, "ms")
  timer:close()
end)

T.case("close wakes waiters with ECANCELED and later calls fail cleanly", function()
  local timer = luv.timer.create()
  timer:start(100000, 0)
  local results = {}
  local f = luv.fiber.create(function() results = { timer:wait() } end):ready()
  luv.fiber.yield()  -- f now waits
  T.eq(timer:close(), true)
  f:join()
  T.eq(results[1], nil)
  T.eq(results[2], "ECANCELED: timer was closed")
  T.eq(results[3], "ECANCELED")
  T.eq(timer:close(), true, "close twice")
  local ok, err, code = timer:wait()
  T.eq(ok, nil) T.eq(code, "EBADF") T.match(err, "closed")
  ok, err, code = timer:start(1, 0)
  T.eq(ok, nil) T.eq(code, "EBADF")
  T.eq(timer:active(), false)
end)

T.case("bad arguments raise errors that name them", function()
  local timer = luv.timer.create()
  T.raises("bad argument #2", timer.start, timer, -5)
  T.raises("bad argument #2", timer.start, timer, "soon")
  T.raises("bad argument #3", timer.start, timer, 1, 0 / 0)
  T.raises("bad argument #1", timer.start, {}, 1)
  T.raises("bad argument #2", timer.start, timer)
  timer:close()
end)

T.case("timers dropped without stop or close are collected safely", function()
  for i = 1, 200 do
    local timer = luv.timer.create()
    timer:start(i % 2 == 0 and 1 or 100000, i % 3)
  end
  collectgarbage("collect")
  collectgarbage("collect")
  luv.sleep(0.01)  -- close callbacks run, pending expiries of collected timers do not
  collectgarbage("collect")
  T.ok(true)
end)

T.case("a timer waited on by a fiber is not collected", function()
  local f = luv.fiber.create(function()
    local timer = luv.timer.create()
    timer:start(10, 0)
    return timer:wait()
  end):ready()
  luv.fiber.yield()
  collectgarbage("collect")
  collectgarbage("collect")
  T.eq(f:join(), true)
end)

T.run()
