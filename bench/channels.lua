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

-- Ping-pong between two fibers, or two threads, over luv channels or a ØMQ
-- inproc PAIR, one per run:
--   lua channels.lua <channel|zmq> <fibers|threads> [round trips]
-- Prints "<name> <messages per second>" (two messages per round trip).
local luv = require("luv")
local kind, where, n = arg[1], arg[2], tonumber(arg[3]) or 100000

local function clock() return luv.hrtime() / 1e9 end

local function run(player, opponent)
  -- `player` serves `n` round trips in the other fiber or thread;
  -- `opponent` drives them from here and returns when done.
  local t0 = clock()
  local other
  if where == "fibers" then
    other = luv.fiber.create(player, n):ready()
  else
    other = luv.thread.spawn(player, n)
  end
  opponent(n)
  other:join()
  return 2 * n / (clock() - t0)
end

local rate
if kind == "channel" then
  local ping, pong = luv.channel(), luv.channel()
  rate = run(function(count)
    for _ = 1, count do pong:put(ping:get()) end
  end, function(count)
    for i = 1, count do
      ping:put(i)
      pong:get()
    end
  end)
elseif kind == "zmq" then
  local ctx = luv.zmq.create()
  local a = ctx:socket(luv.zmq.PAIR)
  assert(a:bind("inproc://pingpong"))
  rate = run(function(count)
    local b = ctx:socket(require("luv").zmq.PAIR)
    assert(b:connect("inproc://pingpong"))
    for _ = 1, count do b:send(b:recv()) end
    b:close()
  end, function(count)
    for i = 1, count do
      a:send(tostring(i))
      a:recv()
    end
  end)
  a:close()
else
  error("usage: channels.lua <channel|zmq> <fibers|threads> [round trips]")
end
print(string.format("%s_%s %.0f", kind, where, rate))
