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

-- Fibers, threads and channels, each for what it is good at (docs/guide.md):
--   bazel run //examples:concurrency
local luv = require("luv")

-- Waiting overlaps in fibers: ten fibers sleeping 100 ms each are done in
-- about 100 ms, because a fiber that waits lets the others run.
local t0 = luv.hrtime()
local sleepers = {}
for i = 1, 10 do sleepers[i] = luv.fiber.create(luv.sleep, 0.1):ready() end
for i = 1, 10 do sleepers[i]:join() end
print("ten 100 ms sleeps in fibers overlap:", (luv.hrtime() - t0) / 1e9 < 0.5)

-- Computing does not overlap in fibers: they share their OS thread. Threads
-- run in parallel, each with its own Lua state; arguments and results are
-- copied across.
local function count_primes(from, to)
  local count = 0
  for n = math.max(from, 2), to do
    local prime = true
    for d = 2, math.floor(math.sqrt(n)) do
      if n % d == 0 then prime = false break end
    end
    if prime then count = count + 1 end
  end
  return count
end
local threads = {}
for part = 0, 3 do
  threads[#threads + 1] = luv.thread.spawn(count_primes, part * 25000 + 1, (part + 1) * 25000)
end
local primes = 0
for _, thread in ipairs(threads) do primes = primes + thread:join() end
print("primes below 100,000:", primes)

-- Channels connect them: a thread streams its progress to a fiber. The
-- capacity of 4 holds the thread back while the fiber is behind.
local progress = luv.channel(4)
local producer = luv.thread.spawn(function(out)
  for i = 1, 5 do out:put("step", i) end
  out:close()
end, progress)
local steps = luv.fiber.create(function()
  local received = 0
  while true do
    local what = progress:get()
    if not what then return received end  -- false, "EPIPE: ...": closed and drained
    received = received + 1
  end
end):join()
producer:join()
print("steps received:", steps)
