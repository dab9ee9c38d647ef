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

-- Channels: a pool of worker threads fed by one channel, answering on
-- another; the main fiber collects the answers.
--   bazel run //examples:channels
local luv = require("luv")

local jobs, results = luv.channel(8), luv.channel()

local function worker(id)
  while true do
    local n = jobs:get()
    if not n then return end          -- nil: no more work (or closed)
    local sum = 0
    for i = 1, n do sum = sum + i end
    results:put(n, sum, id)
  end
end

local workers = {}
for id = 1, 2 do workers[id] = luv.thread.spawn(worker, id) end

-- A fiber feeds the jobs; put waits while 8 are queued (back-pressure).
luv.fiber.create(function()
  for n = 1, 20 do jobs:put(n * 1000) end
  for _ = 1, #workers do jobs:put(nil) end
end):ready()

local total = 0
for _ = 1, 20 do
  local n, sum = results:get()
  assert(sum == n * (n + 1) / 2)
  total = total + sum
end
for _, w in ipairs(workers) do w:join() end
print("sum of all answers:", total)
