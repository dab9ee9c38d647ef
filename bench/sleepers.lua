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

-- 100,000 fibers each sleeping a random 0-100 ms: wall time until all are
-- joined, and memory per fiber while they sleep.
--   lua sleepers.lua [fibers]
--   lua sleepers.lua <fibers> coroutines
-- Prints "luv_sleepers_seconds <s>", "luv_bytes_per_fiber <bytes>" and
-- "luv_sleepers_warm_seconds <s>" for a second round in the process; with
-- "coroutines", the Lua floor instead: "lua_coroutine_create_seconds <s>"
-- to create as many plain coroutines and "lua_bytes_per_coroutine <bytes>"
-- that each holds (what any fiber library on this VM pays at least).
local n = tonumber(arg[1]) or 100000

if arg[2] == "coroutines" then
  -- The floor, in a process of its own so that its memory is fresh too.
  local empty = function() end
  local plain = {}
  local before = collectgarbage("count")
  local t0 = os.clock()
  for i = 1, n do plain[i] = coroutine.create(empty) end
  print(string.format("lua_coroutine_create_seconds %.4f", os.clock() - t0))
  -- What each fiber holds at least: its coroutine (the plain table's slot
  -- excluded, as below).
  print(string.format("lua_bytes_per_coroutine %.0f",
                      (collectgarbage("count") - before) * 1024 / n - 16))
  return
end

local luv = require("luv")

-- One round: seconds until all n fibers joined, and bytes per fiber while
-- they sleep.
local function round()
  math.randomseed(42)
  collectgarbage("collect")
  local before = collectgarbage("count")
  local t0 = luv.hrtime()
  local fibers = {}
  for i = 1, n do
    fibers[i] = luv.fiber.create(luv.sleep, math.random(0, 100) / 1000):ready()
  end
  luv.fiber.yield()  -- every fiber now sleeps
  local during = collectgarbage("count")
  for i = 1, n do fibers[i]:join() end
  -- The fibers table itself (one slot per fiber) is not the fibers' cost.
  return (luv.hrtime() - t0) / 1e9, (during - before) * 1024 / n - 16
end

local seconds, bytes = round()
print(string.format("luv_sleepers_seconds %.4f", seconds))
print(string.format("luv_bytes_per_fiber %.0f", bytes))
-- The same again in this process, its memory already touched.
print(string.format("luv_sleepers_warm_seconds %.4f", (round())))
