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

-- ØMQ sockets that wait for nothing cost nothing: ZMQ_FD is watched by the
-- event loop, never polled in a loop.
local T = require("luvtest")
local luv = require("luv")
local zmq = luv.zmq

T.case("fibers waiting on idle sockets for 2 s use under 1% of a core", function()
  local ctx = zmq.create()
  local sockets, fibers = {}, {}
  local function socket(kind)
    local s = ctx:socket(kind)
    sockets[#sockets + 1] = s
    return s
  end
  local pull = socket(zmq.PULL)
  assert(pull:bind("inproc://idle-pull"))
  local pub, sub = socket(zmq.PUB), socket(zmq.SUB)
  assert(pub:bind("inproc://idle-pub"))
  assert(sub:setsockopt("SUBSCRIBE", ""))
  assert(sub:connect("inproc://idle-pub"))
  local rep, dealer = socket(zmq.REP), socket(zmq.DEALER)
  assert(rep:bind("tcp://127.0.0.1:*"))
  assert(dealer:connect(rep:getsockopt("LAST_ENDPOINT")))
  local lonely = socket(zmq.PUSH)  -- no peer: a send waits
  for _, s in ipairs({ pull, sub, rep, dealer }) do
    fibers[#fibers + 1] = luv.fiber.create(function() return s:recv() end):ready()
  end
  fibers[#fibers + 1] = luv.fiber.create(function() return lonely:send("x") end):ready()
  luv.sleep(0.1)  -- connections settle
  local cpu0, wall0 = os.clock(), luv.hrtime()
  luv.sleep(2)
  local cpu, wall = os.clock() - cpu0, (luv.hrtime() - wall0) / 1e9
  print(string.format("# %.1f ms of CPU in %.2f s of waiting (%.3f%% of a core)",
                      cpu * 1000, wall, 100 * cpu / wall))
  for _, f in ipairs(fibers) do T.eq(f:status(), "waiting") end
  T.le(cpu, 0.01 * wall, "CPU seconds")
  for _, s in ipairs(sockets) do s:close() end
  for _, f in ipairs(fibers) do T.eq(select(3, f:join()), "ECANCELED") end
end)

T.run()
