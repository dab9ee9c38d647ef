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
-- Prints "luv_sleepers_seconds <s>", "luv_bytes_per_fiber <bytes>" and the
-- Lua floor: "lua_coroutine_create_seconds <s>" to create as many plain
-- coroutines and "lua_bytes_per_coroutine <bytes>" that each holds (what
-- any fiber library on this VM pays at least).
local luv = require("luv")
local n = tonumber(arg[1]) or 100000
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
local seconds = (luv.hrtime() - t0) / 1e9
print(string.format("luv_sleepers_seconds %.4f", seconds))
-- The fibers table itself (one slot per fiber) is not the fibers' cost.
print(string.format("luv_bytes_per_fiber %.0f", (during - before) * 1024 / n - 16))

collectgarbage("collect")  -- the fibers stay: these coroutines get fresh memory too
local empty = function() end
local plain = {}
local plain_before = collectgarbage("count")
local t1 = luv.hrtime()
for i = 1, n do plain[i] = coroutine.create(empty) end
print(string.format("lua_coroutine_create_seconds %.4f", (luv.hrtime() - t1) / 1e9))
-- What each fiber holds at least: its coroutine (the plain table's slot
-- excluded as above).
print(string.format("lua_bytes_per_coroutine %.0f",
                    (collectgarbage("count") - plain_before) * 1024 / n - 16))
