-- 100,000 fibers each sleeping a random 0-100 ms: wall time until all are
-- joined, and memory per fiber while they sleep.
--   lua sleepers.lua [fibers]
-- Prints "luv_sleepers_seconds <s>", "luv_bytes_per_fiber <bytes>" and the
-- Lua floor: "lua_coroutine_create_seconds <s>" to create as many plain
-- coroutines (what any fiber library on this VM pays at least).
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

collectgarbage("collect")
local empty = function() end
local t1 = luv.hrtime()
local plain = {}
for i = 1, n do plain[i] = coroutine.create(empty) end
print(string.format("lua_coroutine_create_seconds %.4f", (luv.hrtime() - t1) / 1e9))
