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

-- ØMQ pipeline: a ventilator fans tasks out to worker threads over PUSH/PULL
-- and a sink fans the results back in, while another fiber keeps ticking.
-- The same code would run across hosts with tcp:// endpoints.
--   bazel run //examples:zmq_pipeline
local luv = require("luv")

local ctx = luv.zmq.create(1)
local TASKS, WORKERS = 1000, 3

-- The sink and the ventilator bind first; workers connect to both.
local sink = ctx:socket(luv.zmq.PULL)
assert(sink:bind("inproc://results"))
local ventilator = ctx:socket(luv.zmq.PUSH)
assert(ventilator:bind("inproc://tasks"))

local workers = {}
for id = 1, WORKERS do
  workers[id] = luv.thread.spawn(function()
    local luv = require("luv")
    local tasks = ctx:socket(luv.zmq.PULL)
    local results = ctx:socket(luv.zmq.PUSH)
    assert(tasks:connect("inproc://tasks"))
    assert(results:connect("inproc://results"))
    assert(results:send_multipart({ tostring(id), "ready" }))
    local done = 0
    while true do
      local n = tonumber(tasks:recv())
      if n == 0 then break end  -- the poison pill
      assert(results:send_multipart({ tostring(id), tostring(n * n) }))
      done = done + 1
    end
    tasks:close()
    results:close()
    return done
  end)
end

-- PUSH deals only to the workers it has: wait until all have connected, or
-- one that starts late would miss its share, and its poison pill would go
-- to a worker that has already stopped (ØMQ's "slow joiner").
for _ = 1, WORKERS do assert(sink:recv_multipart()[2] == "ready") end

local ticks, finished = 0, false
local ticker = luv.fiber.create(function()
  while not finished do luv.sleep(0.001) ticks = ticks + 1 end
end):ready()

local collector = luv.fiber.create(function()
  local sum = 0
  for _ = 1, TASKS do
    local result = sink:recv_multipart()
    sum = sum + tonumber(result[2])
  end
  return sum
end):ready()

for n = 1, TASKS do assert(ventilator:send(tostring(n))) end
local sum = collector:join()
for _ = 1, WORKERS do assert(ventilator:send("0")) end
local done = 0
for id = 1, WORKERS do done = done + workers[id]:join() end
finished = true
ticker:join()

print(string.format("sum of squares 1..%d: %d", TASKS, sum))
print(string.format("tasks done by %d workers: %d", WORKERS, done))
print("the ticker fiber kept running:", ticks > 0)
ventilator:close()
sink:close()
