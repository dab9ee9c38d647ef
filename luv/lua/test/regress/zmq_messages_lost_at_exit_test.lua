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

-- Regression: the 2012 reference's ØMQ push/pull pair (push ten messages,
-- close, end) delivered nothing in 7 of 16 runs: exit did not wait for
-- what the sockets had queued. Exit now honours each socket's ZMQ_LINGER,
-- whether the main chunk ends or os.exit is called, and whether the socket
-- was closed or left to the collector.
local T = require("luvtest")
local luv = require("luv")

local MESSAGES = 10

-- A pusher program: connects to `port`, pushes MESSAGES messages tagged
-- with `run`, then ends as `ending` says.
local function pusher(port, run, ending)
  return string.format([[
    local luv = require("luv")
    local ctx = luv.zmq.create(1)
    local push = ctx:socket(luv.zmq.PUSH)
    assert(push:connect("tcp://127.0.0.1:%d"))
    for i = 1, %d do assert(push:send("run %d message " .. i)) end
    %s
  ]], port, MESSAGES, run, ending)
end

local function receive_runs(endings, runs)
  local ctx = luv.zmq.create(1)
  local pull = ctx:socket(luv.zmq.PULL)
  assert(pull:bind("tcp://127.0.0.1:*"))
  local port = tonumber(pull:getsockopt("LAST_ENDPOINT"):match(":(%d+)$"))
  -- The pusher has exited before recv starts: its messages are here or lost.
  assert(pull:setsockopt("RCVTIMEO", 2000))
  local lost = {}
  for run = 1, runs do
    local ending = endings[(run - 1) % #endings + 1]
    local code, output = T.run_lua(pusher(port, run, ending))
    T.eq(code, 0, "pusher exit status (" .. output .. ")")
    for i = 1, MESSAGES do
      local message, err = pull:recv()
      if message ~= "run " .. run .. " message " .. i then
        lost[#lost + 1] = string.format("run %d (%s): message %d is %s",
          run, ending, i, tostring(message or err))
        break
      end
    end
    if #lost > 0 then break end  -- one lost run fails the case
  end
  pull:close()
  return lost
end

T.case("every message pushed before exit is delivered, 100 runs of 100", function()
  local lost = receive_runs({
    "push:close()",                          -- the reference's example
    "",                                      -- socket left open at the end
    "push:close() os.exit(0)",
    "os.exit(true)",                         -- open socket, os.exit
  }, 100)
  T.eq(table.concat(lost, "; "), "", "lost messages")
end)

T.case("exit waits at most the socket's LINGER for a peer that never comes", function()
  -- Port 9 (discard) on loopback: nothing listens, so nothing is delivered.
  local start = luv.hrtime()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local push = luv.zmq.create(1):socket(luv.zmq.PUSH)
    assert(push:setsockopt("LINGER", 300))
    assert(push:connect("tcp://127.0.0.1:9"))
    assert(push:send("nobody hears this", luv.zmq.DONTWAIT))
  ]])
  local seconds = (luv.hrtime() - start) / 1e9
  T.eq(code, 0, "exit status (" .. output .. ")")
  T.le(0.3, seconds, "exit waited for the linger")
  T.le(seconds, 5, "exit waited no longer than the linger")
end)

T.case("LINGER 0 does not wait at exit", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local push = luv.zmq.create(1):socket(luv.zmq.PUSH)
    assert(push:setsockopt("LINGER", 0))
    assert(push:connect("tcp://127.0.0.1:9"))
    assert(push:send("dropped", luv.zmq.DONTWAIT))
    print("sent")
  ]])
  T.eq(code, 0, "exit status (" .. output .. ")")
  T.match(output, "sent")
end)

T.case("os.exit keeps its status and runs luv's shutdown", function()
  for _, case in ipairs({ { "os.exit(3)", 3 }, { "os.exit(false)", 1 }, { "os.exit()", 0 },
                          { "os.exit(true, true)", 0 } }) do
    local code, output = T.run_lua([[
      local luv = require("luv")
      local t = luv.thread.spawn(function() error("unjoined") end)
      luv.select(t)
      ]] .. case[1])
    T.eq(code, case[2], case[1] .. " exit status")
    -- Closing the state let the unjoined thread's error be reported.
    T.match(output, "never joined: [^\n]*unjoined", case[1] .. " output")
  end
end)

T.case("os.exit from inside a fiber closes the state too", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local ctx = luv.zmq.create(1)
    local t = luv.thread.spawn(function() error("from a thread") end)
    luv.select(t)
    luv.fiber.create(function() luv.sleep(0.001) os.exit(7) end):join()
    print("not reached")
  ]])
  T.eq(code, 7, "exit status")
  T.eq(output:find("not reached", 1, true), nil, "ran past os.exit")
  T.match(output, "never joined: [^\n]*from a thread")
end)

T.run()
