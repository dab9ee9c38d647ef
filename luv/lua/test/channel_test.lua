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

-- Channels: between fibers, between threads, bounded, closed, timed out.
local T = require("luvtest")
local luv = require("luv")

local function pack(...) return { n = select("#", ...), ... } end

T.case("put and get carry whole tuples in order", function()
  local ch = luv.channel()
  T.match(tostring(ch), "^luv.channel: ")
  T.eq(ch:capacity(), nil, "unbounded")
  T.eq(ch:put(1, nil, "three"), true)
  T.eq(ch:put({ x = 1 }), true)
  T.eq(ch:size(), 2)
  local r = pack(ch:get())
  T.eq(r.n, 3) T.eq(r[1], 1) T.eq(r[2], nil) T.eq(r[3], "three")
  T.eq(ch:get().x, 1)
  T.eq(ch:size(), 0)
end)

T.case("values are copies made by luv.codec", function()
  local ch = luv.channel()
  local t = { 1 }
  ch:put(t)
  local copy = ch:get()
  T.ok(copy ~= t, "a copy")
  T.eq(copy[1], 1)
  T.raises("coroutine", function() ch:put(coroutine.create(function() end)) end)
  T.eq(ch:size(), 0, "a failed put leaves nothing behind")
end)

T.case("a fiber blocked on get suspends only itself", function()
  local ch = luv.channel()
  local ticks = 0
  local ticker = luv.fiber.create(function()
    while ticks < 5 do luv.sleep(0.001) ticks = ticks + 1 end
  end):ready()
  local getter = luv.fiber.create(function() return ch:get() end):ready()
  luv.sleep(0.01)
  T.eq(getter:status(), "waiting")
  ch:put("hello")
  T.eq(getter:join(), "hello")
  ticker:join()
  T.eq(ticks, 5)
end)

T.case("ping-pong between two fibers", function()
  local ping, pong = luv.channel(), luv.channel()
  local n = 1000
  local player = luv.fiber.create(function()
    for _ = 1, n do pong:put(ping:get() + 1) end
  end):ready()
  local value = 0
  for _ = 1, n do
    ping:put(value)
    value = pong:get()
  end
  player:join()
  T.eq(value, n)
end)

T.case("a bounded channel applies back-pressure", function()
  local ch = luv.channel(2)
  T.eq(ch:capacity(), 2)
  local put = 0
  local producer = luv.fiber.create(function()
    for i = 1, 5 do
      ch:put(i)
      put = i
    end
  end):ready()
  luv.fiber.yield()
  T.eq(put, 2, "puts before the channel was full")
  T.eq(producer:status(), "waiting")
  local got = {}
  for _ = 1, 5 do got[#got + 1] = ch:get() end
  producer:join()
  T.eq(table.concat(got, ","), "1,2,3,4,5")
  T.raises("bad argument #1", luv.channel, 0)
  T.raises("bad argument #1", luv.channel, -1)
end)

T.case("close wakes all waiters; gets drain, then fail", function()
  local ch = luv.channel(1)
  ch:put("queued")
  local results = {}
  local getters = {}
  local putter = luv.fiber.create(function() results.put = pack(ch:put("blocked")) end):ready()
  luv.fiber.yield()
  T.eq(putter:status(), "waiting")
  T.eq(ch:close(), true)
  T.eq(ch:closed(), true)
  putter:join()
  T.eq(results.put[1], nil) T.eq(results.put[3], "EPIPE")
  T.eq(ch:get(), "queued", "queued messages are still delivered")
  local ok, message, code = ch:get()
  T.eq(ok, nil) T.eq(code, "EPIPE") T.match(message, "closed")
  local empty = luv.channel()
  for i = 1, 3 do
    getters[i] = luv.fiber.create(function() return select(3, empty:get()) end):ready()
  end
  luv.fiber.yield()
  empty:close()
  for i = 1, 3 do T.eq(getters[i]:join(), "EPIPE") end
  T.eq(select(3, empty:put(1)), "EPIPE")
end)

T.case("get and put time out and can be cancelled; the channel stays usable", function()
  local ch = luv.channel(1)
  local ok, message, code = luv.timeout(0.01, ch.get, ch)
  T.eq(ok, nil) T.eq(code, "ETIMEDOUT") T.match(message, "channel:get%(%) timed out")
  ch:put("fill")
  T.eq(select(3, luv.timeout(0.01, ch.put, ch, "more")), "ETIMEDOUT")
  T.eq(ch:get(), "fill")
  local waiter = luv.fiber.create(function() return select(3, ch:get()) end):ready()
  luv.fiber.yield()
  waiter:cancel()
  T.eq(waiter:join(), "ECANCELED")
  -- A cancelled getter does not swallow the next message.
  local other = luv.fiber.create(function() return ch:get() end):ready()
  luv.fiber.yield()
  ch:put("for other")
  T.eq(other:join(), "for other")
end)

T.case("a channel passed to threads carries messages both ways", function()
  local requests, replies = luv.channel(), luv.channel()
  local worker = luv.thread.spawn(function()
    while true do
      local n = requests:get()
      if n == nil then break end
      replies:put(n * n)
    end
    return "worker done"
  end)
  for i = 1, 100 do requests:put(i) end
  local sum = 0
  for _ = 1, 100 do sum = sum + replies:get() end
  requests:put(nil)
  T.eq(worker:join(), "worker done")
  T.eq(sum, 338350)
end)

T.case("100,000 messages from 4 threads: none lost, none duplicated", function()
  local ch = luv.channel(256)
  local per_thread = 25000
  local threads = {}
  for t = 1, 4 do
    threads[t] = luv.thread.spawn(function(base)
      for i = 1, per_thread do ch:put(base + i) end
    end, (t - 1) * per_thread)
  end
  local seen, count = {}, 0
  -- Two fibers consume at once, to mix local and cross-thread wake-ups.
  local function consume(n)
    for _ = 1, n do
      local v = ch:get()
      if seen[v] then error("duplicate " .. v) end
      seen[v] = true
      count = count + 1
    end
  end
  local a = luv.fiber.create(consume, 50000):ready()
  local b = luv.fiber.create(consume, 50000):ready()
  a:join() b:join()
  for t = 1, 4 do threads[t]:join() end
  T.eq(count, 100000)
  for i = 1, 100000 do
    if not seen[i] then T.ok(false, "missing " .. i) end
  end
end)

T.case("the main state waiting on a channel fed by a thread is not a deadlock", function()
  local ch = luv.channel()
  local t = luv.thread.spawn(function()
    require("luv").sleep(0.02)
    ch:put("late")
  end)
  T.eq(ch:get(), "late")
  t:join()
end)

T.case("put and get that wait inside luv.pcall try again with their arguments", function()
  local ch = luv.channel(1)
  assert(ch:put("first"))
  local got = {}
  local putter = luv.fiber.create(function()
    return luv.pcall(function() return ch:put("second", 2, { 3 }) end)
  end):ready()
  local getter = luv.fiber.create(function()
    luv.fiber.yield()
    for i = 1, 2 do
      got[i] = { luv.pcall(function() return ch:get() end) }
    end
  end):ready()
  local ok, put_result = putter:join()
  getter:join()
  T.eq(ok, true) T.eq(put_result, true)
  T.eq(got[1][1], true) T.eq(got[1][2], "first")
  T.eq(got[2][2], "second") T.eq(got[2][3], 2) T.eq(got[2][4][1], 3)
  ch:close()
end)

T.run()
