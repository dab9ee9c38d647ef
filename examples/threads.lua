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

-- Threads: real OS threads with their own Lua state. The function, its
-- upvalues and the arguments travel to the thread; the results come back
-- through thread:join(). A fiber that joins suspends only itself.
--   bazel run //examples:threads
local luv = require("luv")

local weights = { 2, 3, 5 }  -- an upvalue: copied into each thread

local function work(id, n)
  local sum = 0
  for i = 1, n do sum = sum + (i % weights[id]) end
  return id, sum
end

local threads = {}
for id = 1, 3 do threads[id] = luv.thread.spawn(work, id, 1000000) end

-- While the main fiber waits for the threads, another fiber keeps ticking.
local ticker = luv.fiber.create(function()
  local ticks = 0
  while luv.sleep(0.001) == nil and ticks < 3 do ticks = ticks + 1 end
  return ticks
end):ready()

local results = luv.fiber.create(function()
  local out = {}
  for id = 1, 3 do
    local who, sum = threads[id]:join()
    out[#out + 1] = string.format("thread %d: %d", who, sum)
  end
  return out
end):join()

print(table.concat(results, "\n"))
print("ticks while waiting:", ticker:join())
