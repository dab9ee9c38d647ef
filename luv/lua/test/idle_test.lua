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

-- Idle watchers: start, wait, stop, close.
local T = require("luvtest")
local luv = require("luv")

T.case("an idle watcher wakes its waiter while a timer runs (the reference's example)", function()
  local idle = luv.idle.create()
  T.match(tostring(idle), "^luv.idle: ")
  T.eq(idle:start(), true)
  T.eq(idle:active(), true)
  local idle_count = 0
  local counter = luv.fiber.create(function()
    while idle:wait() do
      idle_count = idle_count + 1
    end
  end):ready()
  local timer = luv.timer.create()
  timer:start(5, 5)
  local ticks = luv.fiber.create(function()
    local n = 0
    for _ = 1, 4 do
      if timer:wait() then n = n + 1 end
    end
    timer:stop()
    return n
  end)
  T.eq(ticks:join(), 4, "ticks")
  idle:stop()
  T.eq(idle:active(), false)
  T.le(10, idle_count, "idle wake-ups during 20 ms of timer waits")
  T.eq(counter:status(), "waiting")
  timer:close()
  idle:close()  -- wakes the counter with an error: its loop ends
  counter:join()
end)

T.case("the main state can wait on an idle watcher", function()
  local idle = luv.idle.create()
  idle:start()
  for _ = 1, 3 do T.eq(idle:wait(), true) end
  idle:close()
end)

T.case("a stopped idle watcher wakes nobody; close wakes with ECANCELED", function()
  local idle = luv.idle.create()
  local got
  local f = luv.fiber.create(function() got = { idle:wait() } end):ready()
  luv.sleep(0.005)
  T.eq(got, nil, "woken by a stopped watcher")
  idle:close()
  f:join()
  T.eq(got[1], nil) T.eq(got[3], "ECANCELED")
  local ok, _, code = idle:start()
  T.eq(ok, nil) T.eq(code, "EBADF")
end)

T.case("idle watchers dropped while started are collected safely", function()
  for _ = 1, 50 do luv.idle.create():start() end
  collectgarbage("collect")
  collectgarbage("collect")
  luv.sleep(0.002)
  T.ok(true)
end)

T.run()
