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

-- luv.select over mixed waitables: timers, idle watchers, fibers, threads,
-- channels; with a timeout; cancelled; leaving no wake-up behind.
local T = require("luvtest")
local luv = require("luv")

T.case("the first object to become ready wins and is named", function()
  local slow, fast = luv.timer.create(), luv.timer.create()
  slow:start(200, 0)
  fast:start(5, 0)
  local ch = luv.channel()
  local obj, i = luv.select(ch, slow, fast)
  T.eq(obj, fast) T.eq(i, 3)
  slow:close() fast:close()
end)

T.case("an object that is ready already returns at once, first in argument order", function()
  local ch = luv.channel()
  ch:put("waiting")
  local done = luv.fiber.create(function() end)
  done:join()
  local obj, i = luv.select(luv.timer.create(), ch, done)
  T.eq(obj, ch) T.eq(i, 2)
  T.eq(ch:get(), "waiting", "select does not take the message")
  T.eq(select(2, luv.select(done, ch)), 1)
end)

T.case("fibers, threads and channels wake a select", function()
  local ch = luv.channel()
  local f = luv.fiber.create(function() luv.sleep(0.01) return "fiber" end)
  local t = luv.thread.spawn(function() require("luv").sleep(0.03) end)
  local results = {}
  for _ = 1, 3 do
    local obj = luv.select(t, f, ch)
    if obj == f then
      results[#results + 1] = f:join()
      f = luv.fiber.create(function() luv.sleep(3600) end)
      luv.fiber.create(function() luv.sleep(0.005) ch:put("channel") end):ready()
    elseif obj == ch then
      results[#results + 1] = ch:get()
    elseif obj == t then
      t:join()
      results[#results + 1] = "thread"
    end
  end
  T.eq(table.concat(results, " "), "fiber channel thread")
  f:cancel()
end)

T.case("a select from a fiber suspends only that fiber", function()
  local ch = luv.channel()
  local ticks = 0
  local ticker = luv.fiber.create(function()
    for _ = 1, 5 do luv.sleep(0.001) ticks = ticks + 1 end
  end):ready()
  local selector = luv.fiber.create(function()
    local obj = luv.select(ch)
    return obj == ch, ch:get()
  end):ready()
  ticker:join()
  ch:put("now")
  local same, value = selector:join()
  T.eq(ticks, 5) T.eq(same, true) T.eq(value, "now")
end)

T.case("a trailing number is a timeout", function()
  local t0 = luv.hrtime()
  local ok, message, code = luv.select(luv.channel(), luv.timer.create(), 0.02)
  T.eq(ok, nil) T.eq(code, "ETIMEDOUT") T.match(message, "luv.select%(%) timed out")
  T.le(19, (luv.hrtime() - t0) / 1e6, "ms")
  local timer = luv.timer.create()
  timer:start(1, 0)
  T.eq(select(2, luv.select(timer, 5)), 1, "ready before the timeout")
  timer:close()
end)

T.case("a select ends cleanly: later events wake nobody and nothing is lost", function()
  local a, b = luv.channel(), luv.channel()
  local timer = luv.timer.create()
  timer:start(1, 0)
  T.eq(luv.select(a, b, timer), timer)
  -- The select is over; a getter that waits now gets the next message.
  local getter = luv.fiber.create(function() return a:get() end):ready()
  luv.fiber.yield()
  a:put("for the getter")
  T.eq(getter:join(), "for the getter")
  timer:close()
end)

T.case("a cancelled or timed-out select leaves the other waiters their wake-ups", function()
  local ch = luv.channel()
  local selector = luv.fiber.create(function() return select(3, luv.select(ch)) end):ready()
  local getter = luv.fiber.create(function() return ch:get() end):ready()
  luv.fiber.yield()
  selector:cancel()
  T.eq(selector:join(), "ECANCELED")
  ch:put("one")
  T.eq(getter:join(), "one")
end)

T.case("a ØMQ socket is ready when a message can be received", function()
  local ctx = luv.zmq.create()
  local pull, push = ctx:socket(luv.zmq.PULL), ctx:socket(luv.zmq.PUSH)
  assert(pull:bind("inproc://select-test"))
  assert(push:connect("inproc://select-test"))
  local timer = luv.timer.create()
  timer:start(5000, 0)
  luv.fiber.create(function() luv.sleep(0.01) push:send("over zmq") end):ready()
  local obj, i = luv.select(timer, pull)
  T.eq(obj, pull) T.eq(i, 2)
  T.eq(pull:recv(), "over zmq")
  -- Nothing queued: the timeout wins.
  T.eq(select(3, luv.select(pull, 0.01)), "ETIMEDOUT")
  push:send("queued")
  T.eq(luv.select(timer, pull), pull, "ready at once")
  T.eq(pull:recv(), "queued")
  timer:close() pull:close() push:close()
end)

T.case("a stream is ready when a read would not wait", function()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local port = server:getsockname().port
  local client = luv.net.tcp()
  local accepted = luv.net.tcp()
  luv.fiber.create(function() assert(client:connect("127.0.0.1", port)) end):ready()
  assert(server:accept(accepted))
  local timer = luv.timer.create()
  timer:start(5000, 0)
  luv.fiber.create(function() luv.sleep(0.01) client:write("over tcp") end):ready()
  local obj, i = luv.select(timer, accepted)
  T.eq(obj, accepted) T.eq(i, 2)
  T.eq(select(2, accepted:read()), "over tcp")
  T.eq(select(3, luv.select(accepted, 0.01)), "ETIMEDOUT", "nothing to read")
  client:close()
  T.eq(luv.select(accepted, 5), accepted, "the end of the stream is readable")
  T.eq(accepted:read(), nil)
  accepted:close() server:close() timer:close()
end)

T.case("bad arguments are named", function()
  T.raises("bad argument #2", luv.select, luv.channel(), {})
  T.raises("nothing to wait on", luv.select)
  T.raises("own main thread", luv.select, luv.self())
end)

T.run()
