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

-- Deadlines (luv.timeout) and cancellation (fiber:cancel) on every kind of
-- blocking call the scheduler core offers.
local T = require("luvtest")
local luv = require("luv")

local function ms_since(t0) return (luv.hrtime() - t0) / 1e6 end

-- Each kind of blocking call, as a function that blocks for long.
local kinds = {
  ["luv.sleep()"] = function() return luv.sleep(3600) end,
  ["timer:wait()"] = function()
    local timer = luv.timer.create()
    timer:start(3600 * 1000, 0)
    return timer:wait()
  end,
  ["idle:wait()"] = function() return luv.idle.create():wait() end,
  ["fiber:join()"] = function()
    local other = luv.fiber.create(luv.sleep, 3600)
    local function over(...)
      other:cancel("the test is over")  -- leave no fiber behind
      return ...
    end
    return over(luv.pcall(other.join, other))
  end,
  ["thread:join()"] = function()
    local t = luv.thread.spawn(function() require("luv").sleep(0.3) end)
    return luv.pcall(t.join, t)
  end,
}

-- A ØMQ receive on a socket nobody sends to.
local zmq_ctx = luv.zmq.create()
kinds["zmq.socket:recv()"] = function()
  local pull = zmq_ctx:socket(luv.zmq.PULL)
  assert(pull:bind("inproc://timeout-test-" .. tostring(pull)))
  local a, b, c = pull:recv()
  pull:close()
  return a, b, c
end
kinds["channel:get()"] = function() return luv.channel():get() end

-- A TCP server nobody connects to, and a connection nobody writes to, made
-- once (their set-up is not what is timed).
local tcp = {}
local function tcp_setup()
  if tcp.server then return tcp end
  tcp.server = luv.net.tcp()
  assert(tcp.server:bind("127.0.0.1", 0))
  assert(tcp.server:listen())
  local port = tcp.server:getsockname().port
  tcp.client = luv.net.tcp()
  luv.fiber.create(function() assert(tcp.client:connect("127.0.0.1", port)) end):ready()
  tcp.accepted = luv.net.tcp()
  assert(tcp.server:accept(tcp.accepted))
  return tcp
end
tcp_setup()
kinds["tcp:read()"] = function() return tcp_setup().accepted:read() end
kinds["tcp:accept()"] = function() return tcp_setup().server:accept(luv.net.tcp()) end

local function check_failure(kind, code, ...)
  local n = select("#", ...)
  local ok, message, name = ...
  if kind == "fiber:join()" or kind == "thread:join()" then
    -- join returns the joined state's results, so it raises instead; the
    -- test wraps it in luv.pcall.
    T.eq(ok, false, kind .. " result")
    T.match(message, "^" .. code .. ": ", kind .. " message")
  else
    T.eq(n, 3, kind .. " number of results")
    T.eq(ok, nil, kind)
    T.match(message, "^" .. code .. ": " .. kind:gsub("%p", "%%%0"), kind .. " message")
    T.eq(name, code, kind .. " code")
  end
end

for kind, block in pairs(kinds) do
  T.case("luv.timeout fails " .. kind .. " with ETIMEDOUT, in a fiber and in the main state", function()
    local t0 = luv.hrtime()
    local f = luv.fiber.create(function() return luv.timeout(0.02, block) end)
    check_failure(kind, "ETIMEDOUT", f:join())
    local elapsed = ms_since(t0)
    T.le(19, elapsed, "ms before the deadline")
    T.le(elapsed, 1000, "ms")
    t0 = luv.hrtime()
    check_failure(kind, "ETIMEDOUT", luv.timeout(0.02, block))
    T.le(19, ms_since(t0), "ms before the deadline (main state)")
  end)

  T.case("fiber:cancel wakes a fiber blocked in " .. kind .. " with ECANCELED", function()
    local results
    local f = luv.fiber.create(function()
      results = { block() }
      return "cleaned up"
    end):ready()
    luv.fiber.yield()
    T.eq(f:status(), "waiting")
    T.eq(f:cancel("test over"), true)
    T.eq(f:join(), "cleaned up", "the fiber ran on after the cancel")
    check_failure(kind, "ECANCELED", T.unpack(results, 1, 3))
  end)
end

T.case("fs calls time out and are cancelled like the others", function()
  -- A deadline that has passed fires before libuv's thread pool reports
  -- back (timers run before the poll phase), so the stat times out.
  local ok, message, code = luv.timeout(0, luv.fs.stat, ".")
  T.eq(ok, nil) T.eq(code, "ETIMEDOUT") T.match(message, "^ETIMEDOUT: luv.fs.stat")
  T.eq(type(luv.fs.stat(".")), "table", "the next call works")
  -- A read from an empty FIFO waits in the thread pool until we write.
  local fifo = (os.getenv("TEST_TMPDIR") or "/tmp") .. "/timeout_test.fifo"
  os.remove(fifo)
  assert(T.execute("mkfifo '" .. fifo .. "'"), "mkfifo")
  local file = assert(luv.fs.open(fifo, "r+"))  -- read-write: opening does not wait
  local results
  local f = luv.fiber.create(function() results = { file:read(1) } end):ready()
  luv.fiber.yield()
  T.eq(f:status(), "waiting")
  f:cancel()
  f:join()
  T.eq(results[1], nil) T.eq(results[3], "ECANCELED")
  -- Let the read still in the thread pool finish, so the file can close.
  local writer = assert(io.open(fifo, "w"))
  writer:write("x")
  writer:close()
  T.eq(file:close(), true)
  os.remove(fifo)
end)

T.case("a deadline that does not expire changes nothing", function()
  local a, b = luv.timeout(1, function(x, y) luv.sleep(0.005) return x + y, "done" end, 1, 2)
  T.eq(a, 3) T.eq(b, "done")
  -- And it ends with the call: a later sleep is not cut short.
  local t0 = luv.hrtime()
  luv.sleep(0.03)
  T.le(29, ms_since(t0), "ms")
end)

T.case("nested deadlines: the earlier one wins, the outer one comes back", function()
  local t0 = luv.hrtime()
  local inner = luv.timeout(0.02, function()
    return luv.timeout(10, function() return select(2, luv.sleep(3600)) end)
  end)
  T.match(inner, "^ETIMEDOUT")
  T.le(ms_since(t0), 1000, "ms: the inner 10 s did not extend the outer 20 ms")
  local outer_hit = luv.timeout(0.03, function()
    luv.timeout(0.001, luv.sleep, 0.01)  -- fails fast, inside
    return select(3, luv.sleep(3600))
  end)
  T.eq(outer_hit, "ETIMEDOUT", "the outer deadline still applies")
end)

T.case("the object stays usable after a timeout", function()
  local timer = luv.timer.create()
  timer:start(50, 0)
  local ok = luv.timeout(0.005, timer.wait, timer)
  T.eq(ok, nil)
  T.eq(timer:wait(), true, "a later wait sees the expiry")
  timer:close()
end)

T.case("errors inside luv.timeout propagate and the deadline is lifted", function()
  local ok, err = pcall(luv.timeout, 0.01, function() error("inside", 0) end)
  T.eq(ok, false) T.eq(err, "inside")
  local t0 = luv.hrtime()
  luv.sleep(0.02)
  T.le(19, ms_since(t0), "ms: no deadline left behind")
  T.raises("bad argument #1", function() luv.timeout(-1, print) end)
end)

T.case("cancel before the next blocking call, and of a new fiber", function()
  local log = {}
  local f = luv.fiber.create(function()
    luv.fiber.yield()
    log[#log + 1] = select(3, luv.sleep(0.001))
    log[#log + 1] = select("#", luv.sleep(0.001))  -- a later call works
  end):ready()
  luv.fiber.yield()
  T.eq(f:status(), "ready")
  T.eq(f:cancel(), true)
  f:join()
  T.eq(log[1], "ECANCELED") T.eq(log[2], 0)
  local ran = false
  local g = luv.fiber.create(function() ran = true end)
  T.eq(g:cancel("not needed"), true)
  T.raises("ECANCELED: the fiber was canceled before it started %(not needed%)", g.join, g)
  T.eq(ran, false)
  T.eq(g:cancel(), false, "a dead fiber")
end)

T.case("cancelling one waiter leaves the others waiting (no lost wake-up)", function()
  local timer = luv.timer.create()
  local woke = {}
  local fibers = {}
  for i = 1, 3 do
    fibers[i] = luv.fiber.create(function()
      woke[i] = timer:wait()
    end):ready()
  end
  luv.fiber.yield()
  fibers[2]:cancel()
  timer:start(5, 0)
  for i = 1, 3 do fibers[i]:join() end
  T.eq(woke[1], true) T.eq(woke[2], nil) T.eq(woke[3], true)
  timer:close()
end)

T.run()
