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

-- luv's side of the ØMQ benchmarks (bench/zmq.sh runs it beside
-- bench/zmq_limit.c, which does the same in plain C):
--   lua zmq_bench.lua thr <inproc|tcp> <size> <messages>   PUSH -> PULL
--   lua zmq_bench.lua lat <inproc|tcp> <size> <roundtrips> REQ <-> REP
--   lua zmq_bench.lua idle <fibers> <seconds>              CPU of waiting
-- The peer runs in a luv thread. Prints "msgs_per_s <n>", "rtt_us <us>" or
-- "idle_cpu_percent <percent of a core>". Throughput is timed at the
-- receiver from its first message to its last.
local luv = require("luv")
local zmq = luv.zmq
local mode = arg[1]

if mode == "idle" then
  -- Fibers waiting on sockets that never get a message; os.clock() is the
  -- whole process's CPU time (libzmq's I/O thread included).
  local fibers, seconds = tonumber(arg[2]), tonumber(arg[3])
  local ctx = zmq.create(1)
  local sockets = {}
  for i = 1, fibers do
    local s = ctx:socket(zmq.PULL)
    assert(s:bind("inproc://idle-" .. i))
    sockets[i] = s
    luv.fiber.create(function() s:recv() end):ready()
  end
  luv.sleep(0.1)
  local cpu0, wall0 = os.clock(), luv.hrtime()
  luv.sleep(seconds)
  local cpu, wall = os.clock() - cpu0, (luv.hrtime() - wall0) / 1e9
  print(string.format("idle_cpu_percent %.4f", 100 * cpu / wall))
  for _, s in ipairs(sockets) do s:close() end
  return
end

local transport, size, count = arg[2], tonumber(arg[3]), tonumber(arg[4])
local ctx = zmq.create(1)

local function bind(socket)
  assert(socket:bind(transport == "tcp" and "tcp://127.0.0.1:*" or "inproc://bench"))
  return socket:getsockopt("LAST_ENDPOINT")
end

if mode == "thr" then
  local pull = ctx:socket(zmq.PULL)
  local endpoint = bind(pull)
  local pusher = luv.thread.spawn(function()
    local push = ctx:socket(require("luv").zmq.PUSH)
    assert(push:connect(endpoint))
    local msg = string.rep("x", size)
    for _ = 1, count do push:send(msg) end
    push:close()  -- its linger delivers what is still queued
  end)
  assert(#pull:recv() == size)
  local t0 = luv.hrtime()
  for _ = 2, count do pull:recv() end
  local seconds = (luv.hrtime() - t0) / 1e9
  print(string.format("msgs_per_s %.0f", (count - 1) / seconds))
  pusher:join()
  pull:close()
elseif mode == "lat" then
  local req = ctx:socket(zmq.REQ)
  local endpoint = bind(req)
  local echo = luv.thread.spawn(function()
    local rep = ctx:socket(require("luv").zmq.REP)
    assert(rep:connect(endpoint))
    for _ = 1, count do rep:send(rep:recv()) end
    rep:close()
  end)
  local msg = string.rep("x", size)
  local t0 = luv.hrtime()
  for _ = 1, count do
    req:send(msg)
    req:recv()
  end
  local seconds = (luv.hrtime() - t0) / 1e9
  print(string.format("rtt_us %.2f", seconds / count * 1e6))
  echo:join()
  req:close()
else
  error("usage: zmq_bench.lua <thr|lat|idle> ...")
end
