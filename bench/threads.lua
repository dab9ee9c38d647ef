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

-- Thread benchmarks for luv and luvit's luv, one per run:
--   lua threads.lua <luv|luvit> latency [count]   -> "<name> <microseconds per spawn+join>"
--   lua threads.lua <luv|luvit> fanout <threads>  -> "<name> <seconds of wall time>"
-- fanout runs `threads` threads that each do the same fixed CPU work.
local impl, what, n = arg[1], arg[2], tonumber(arg[3])

local WORK = 3000000  -- loop iterations per thread in fanout

local function clock_ns()
  -- luv.hrtime and luvit's uv.hrtime both give nanoseconds.
  return require("luv").hrtime()
end

local spawn, join
if impl == "luv" then
  local luv = require("luv")
  spawn = function(fn, ...) return luv.thread.spawn(fn, ...) end
  join = function(t) return t:join() end
elseif impl == "luvit" then
  local uv = require("luv")
  assert(uv.new_thread, "this is not luvit's luv")
  spawn = function(fn, ...) return uv.new_thread(fn, ...) end
  join = function(t) return uv.thread_join(t) end
else
  error("usage: threads.lua <luv|luvit> <latency|fanout> <n>")
end

if what == "latency" then
  n = n or 2000
  local empty = function() end
  for _ = 1, 50 do join(spawn(empty)) end  -- warm up
  local t0 = clock_ns()
  for _ = 1, n do join(spawn(empty)) end
  print(string.format("%s_spawn_join_us %.1f", impl, (clock_ns() - t0) / n / 1000))
elseif what == "fanout" then
  local function work(iterations)
    local x = 0
    for i = 1, iterations do x = (x + i * 7) % 1000003 end
    return x
  end
  local threads = {}
  local t0 = clock_ns()
  for i = 1, n do threads[i] = spawn(work, WORK) end
  for i = 1, n do join(threads[i]) end
  print(string.format("%s_fanout_%d_seconds %.4f", impl, n, (clock_ns() - t0) / 1e9))
end
