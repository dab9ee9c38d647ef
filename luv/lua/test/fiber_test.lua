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

-- Fibers: create, ready, join, yield, self, sleep, pcall/xpcall, errors.
local T = require("luvtest")
local luv = require("luv")

local function pack(...) return { n = select("#", ...), ... } end

T.case("a fiber does not run until it is readied and the main state blocks", function()
  local ran = false
  local f = luv.fiber.create(function() ran = true end)
  T.eq(f:status(), "new")
  T.eq(f:ready(), f, "ready() returns the fiber")
  T.eq(f:status(), "ready")
  T.eq(ran, false, "ran before the main state blocked")
  luv.fiber.yield()  -- the main state lets ready fibers run
  T.eq(ran, true)
  T.eq(f:status(), "dead")
end)

T.case("join returns exactly the fiber's results, nils included", function()
  local f = luv.fiber.create(function(...) return ... end, 1, nil, "three", nil)
  local r = pack(f:join())
  T.eq(r.n, 4, "number of results")
  T.eq(r[1], 1) T.eq(r[2], nil) T.eq(r[3], "three") T.eq(r[4], nil)
  -- A dead fiber joins again with the same results.
  local again = pack(f:join())
  T.eq(again.n, 4) T.eq(again[3], "three")
  -- No results at all.
  T.eq(select("#", luv.fiber.create(function() end):join()), 0)
end)

T.case("join of a fiber that waits returns when it finishes", function()
  local f = luv.fiber.create(function(a) luv.sleep(0.01) return a * 2 end, 21)
  T.eq(f:join(), 42)
end)

T.case("the reference's nested join example", function()
  local k, v
  local f1 = luv.fiber.create(function(mesg)
    local f2 = luv.fiber.create(function() return "answer", 42 end)
    k, v = f2:join()
    return mesg
  end, "Hello World!")
  T.eq(f1:join(), "Hello World!")
  T.eq(k, "answer") T.eq(v, 42)
end)

T.case("an error in a fiber re-raises in the joiner with the fiber's traceback", function()
  local function deep() error("kaboom") end
  local f = luv.fiber.create(function() deep() end)
  local err = T.raises("kaboom", function() f:join() end)
  T.match(err, "stack traceback:", "traceback")
  T.match(err, "deep", "the failing function is in the traceback")
  -- Raised again on every join.
  T.raises("kaboom", function() f:join() end)
end)

T.case("several joiners all get the results or the error", function()
  local gate = luv.timer.create()
  gate:start(5, 0)
  local worker = luv.fiber.create(function() gate:wait() return "done" end)
  local got = {}
  local joiners = {}
  for i = 1, 3 do
    joiners[i] = luv.fiber.create(function()
      local result = worker:join()
      got[#got + 1] = result
    end):ready()
  end
  for i = 1, 3 do joiners[i]:join() end
  T.eq(table.concat(got, ","), "done,done,done")
  gate:close()

  local failing = luv.fiber.create(function() luv.sleep(0.005) error({ code = 7 }) end)
  local errors = {}
  local fs = {}
  for i = 1, 2 do
    fs[i] = luv.fiber.create(function()
      local ok, e = luv.pcall(failing.join, failing)
      errors[i] = (not ok) and e.code
    end):ready()
  end
  fs[1]:join() fs[2]:join()
  T.eq(errors[1], 7, "error objects keep their identity") T.eq(errors[2], 7)
end)

T.case("an error nobody joins is printed to stderr with its traceback", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local function culprit() error("nobody listens") end
    luv.fiber.create(culprit):ready()
    luv.sleep(0.01)
    print("main still runs")
  ]])
  T.eq(code, 0, "exit code")
  T.match(output, "error in fiber 0x%x+ %(function at [^)]*:2%) that nobody joined")
  T.match(output, "nobody listens")
  T.match(output, "stack traceback")
  T.match(output, "main still runs")
end)

T.case("a fiber cannot join itself", function()
  local f
  f = luv.fiber.create(function() return pcall(function() return f:join() end) end)
  local ok, err = f:join()
  T.eq(ok, false)
  T.match(err, "cannot join itself")
end)

T.case("yield puts the fiber at the back of the queue", function()
  local log = {}
  local function worker(name)
    for i = 1, 3 do
      log[#log + 1] = name .. i
      luv.fiber.yield()
    end
  end
  local a = luv.fiber.create(worker, "a"):ready()
  local b = luv.fiber.create(worker, "b"):ready()
  a:join() b:join()
  T.eq(table.concat(log, " "), "a1 b1 a2 b2 a3 b3")
end)

T.case("a bare coroutine.yield in a fiber acts like luv.fiber.yield", function()
  local log = {}
  local a = luv.fiber.create(function()
    log[#log + 1] = "a1"; coroutine.yield(); log[#log + 1] = "a2"
  end):ready()
  local b = luv.fiber.create(function() log[#log + 1] = "b1" end):ready()
  a:join() b:join()
  T.eq(table.concat(log, " "), "a1 b1 a2")
end)

T.case("luv.self is the running fiber, or the thread object in the main state", function()
  local main = luv.self()
  T.match(tostring(main), "^luv.thread: ")
  T.eq(luv.self(), main, "same object each time")
  local f
  f = luv.fiber.create(function() return luv.self() end)
  T.eq(f:join(), f)
  T.match(tostring(f), "^luv.fiber: ")
end)

T.case("sleep has millisecond resolution and does not block other fibers", function()
  local t0 = luv.hrtime()
  luv.sleep(0.025)
  local elapsed = (luv.hrtime() - t0) / 1e6
  T.le(24, elapsed, "ms slept")
  T.le(elapsed, 500, "ms slept")
  -- Two fibers sleeping 30 ms each sleep at the same time: one after the
  -- other, their sleeps would not overlap. (Overlap rather than total time,
  -- which a loaded machine stretches.)
  local function timed_sleep()
    local started = luv.hrtime()
    luv.sleep(0.03)
    return started, luv.hrtime()
  end
  local a = luv.fiber.create(timed_sleep):ready()
  local b = luv.fiber.create(timed_sleep):ready()
  local a_start, a_end = a:join()
  local b_start, b_end = b:join()
  T.le(20, (math.min(a_end, b_end) - math.max(a_start, b_start)) / 1e6,
       "ms during which both fibers slept")
  T.raises("finite number", luv.sleep, -1)
  T.raises("number expected", luv.sleep, "soon")
end)

T.case("sleeping fibers wake in order of their deadlines, fairly", function()
  local order = {}
  local fibers = {}
  for i, ms in ipairs({ 40, 10, 30, 20, 0 }) do
    fibers[i] = luv.fiber.create(function()
      luv.sleep(ms / 1000)
      order[#order + 1] = ms
    end):ready()
  end
  for _, f in ipairs(fibers) do f:join() end
  T.eq(table.concat(order, " "), "0 10 20 30 40")
  -- Equal sleeps finish in the order they started.
  order = {}
  fibers = {}
  for i = 1, 5 do
    fibers[i] = luv.fiber.create(function() luv.sleep(0.005) order[#order + 1] = i end):ready()
  end
  for _, f in ipairs(fibers) do f:join() end
  T.eq(table.concat(order, " "), "1 2 3 4 5")
end)

T.case("a busy fiber that yields does not starve timers", function()
  local done = false
  local spinner = luv.fiber.create(function()
    while not done do luv.fiber.yield() end
  end):ready()
  local t0 = luv.hrtime()
  luv.sleep(0.02)
  done = true
  spinner:join()
  T.le((luv.hrtime() - t0) / 1e6, 200, "ms for a 20 ms sleep beside a spinner")
end)

T.case("10,000 fibers are created, run and joined", function()
  local fibers, sum = {}, 0
  for i = 1, 10000 do
    fibers[i] = luv.fiber.create(function(n)
      luv.fiber.yield()
      return n
    end, i):ready()
  end
  for i = 1, 10000 do sum = sum + fibers[i]:join() end
  T.eq(sum, 10000 * 10001 / 2)
end)

T.case("a blocking call from a plain coroutine fails cleanly", function()
  local co = coroutine.create(function() luv.sleep(0.001) end)
  local ok, err = coroutine.resume(co)
  T.eq(ok, false)
  T.match(err, "plain coroutine")
  T.match(err, "luv.sleep")
  -- Also inside a fiber.
  local f = luv.fiber.create(function()
    return coroutine.resume(coroutine.create(function() luv.fiber.yield() end))
  end)
  local ok2, err2 = f:join()
  T.eq(ok2, false)
  T.match(err2, "plain coroutine")
end)

T.case("a blocking call inside plain pcall says to use luv.pcall (Lua 5.1)", function()
  local f = luv.fiber.create(function() return pcall(luv.sleep, 0.001) end)
  local ok, err = f:join()
  if T.yields_across_pcall then
    T.eq(ok, true, "the VM yields across pcall")
  else
    T.eq(ok, false)
    T.match(err, "luv.pcall")
  end
  -- The fiber is still usable afterwards: a stale registration is dropped.
  local g = luv.fiber.create(function()
    pcall(luv.sleep, 0.001)
    luv.sleep(0.002)
    return "fine"
  end)
  T.eq(g:join(), "fine")
end)

T.case("luv.pcall lets blocking calls suspend the fiber", function()
  local f = luv.fiber.create(function(x)
    return luv.pcall(function(y)
      luv.sleep(0.002)
      luv.fiber.yield()
      return y + 1, "second"
    end, x)
  end, 41)
  local r = pack(f:join())
  T.eq(r.n, 3) T.eq(r[1], true) T.eq(r[2], 42) T.eq(r[3], "second")
  -- Errors are caught, other fibers keep running meanwhile.
  local other_ran = false
  luv.fiber.create(function() other_ran = true end):ready()
  local g = luv.fiber.create(function()
    return luv.pcall(function() luv.sleep(0.002) error("inside", 0) end)
  end)
  local ok, err = g:join()
  T.eq(ok, false) T.eq(err, "inside") T.eq(other_ran, true)
  -- Nested, and with a C function.
  local h = luv.fiber.create(function()
    return luv.pcall(luv.pcall, function() luv.sleep(0.001) return "deep" end)
  end)
  local a, b, c = h:join()
  T.eq(a, true) T.eq(b, true) T.eq(c, "deep")
  T.eq(select("#", luv.pcall(luv.sleep, 0.001)), 1, "pcall(luv.sleep) results")
end)

T.case("luv.xpcall runs the handler and passes arguments", function()
  local f = luv.fiber.create(function()
    return luv.xpcall(function(a, b)
      luv.sleep(0.001)
      error("bad " .. a .. b)
    end, debug.traceback, "x", "y")
  end)
  local ok, err = f:join()
  T.eq(ok, false)
  T.match(err, "bad xy")
  T.match(err, "stack traceback")
  local g = luv.fiber.create(function()
    return luv.xpcall(function() error({ 1 }) end, function(e) return "handled " .. #e end)
  end)
  local ok2, msg = g:join()
  T.eq(ok2, false) T.eq(msg, "handled 1")
  -- Outside fibers they behave like pcall and xpcall.
  T.eq(select(2, luv.pcall(function() return "main" end)), "main")
  T.eq(select(2, luv.xpcall(function(v) return v end, print, "arg")), "arg")
end)

T.case("the main state blocking on something that can never happen is a deadlock error", function()
  local timer = luv.timer.create()  -- never started
  local ok, err = pcall(timer.wait, timer)
  T.eq(ok, false)
  T.match(err, "deadlock")
  T.match(err, "timer:wait")
  timer:close()
end)

T.case("the process exits promptly while fibers still wait", function()
  local t0 = luv.hrtime()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local t = luv.timer.create()
    t:start(3600 * 1000, 0)
    for i = 1, 10 do luv.fiber.create(function() t:wait() end):ready() end
    luv.fiber.create(luv.sleep, 3600):ready()
    luv.fiber.yield()
    print("leaving")
  ]])
  T.eq(code, 0, "exit code: " .. output)
  T.match(output, "leaving")
  T.le((luv.hrtime() - t0) / 1e9, 5, "seconds to exit")
end)

T.case("finished, failed, canceled and never-started fibers are collected", function()
  -- Fibers have no finalizer (docs/decisions.md): what frees them is the
  -- collector reaching them like any other value, coroutine included.
  local seen = setmetatable({}, { __mode = "k" })
  local function track(f, co) seen[f] = true if co then seen[co] = true end return f end
  local quiet = luv.fiber.create(function() return coroutine.running() end)
  local _, co = pcall(quiet.join, quiet)
  track(quiet, co)
  local failed = track(luv.fiber.create(function() error("expected") end))
  T.eq(pcall(failed.join, failed), false)
  local waiting = track(luv.fiber.create(luv.sleep, 3600):ready())
  luv.fiber.yield()
  T.eq(waiting:cancel("test"), true)
  T.eq(pcall(waiting.join, waiting), true, "a canceled sleep returns its failure")
  local canceled_new = track(luv.fiber.create(function() end))
  canceled_new:cancel("never")
  track(luv.fiber.create(function() end))  -- never readied
  -- One that refers to itself: the cycle through its coroutine is collectable.
  local self_ref
  self_ref = luv.fiber.create(function() return self_ref end)
  T.eq(self_ref:join(), self_ref)
  track(self_ref)
  quiet, co, failed, waiting, canceled_new, self_ref = nil, nil, nil, nil, nil, nil
  collectgarbage("collect")
  collectgarbage("collect")
  T.eq(next(seen), nil, "a fiber or its coroutine outlived every reference")
end)

T.case("bad arguments raise errors that name them", function()
  T.raises("bad argument #1 to 'create'", function() luv.fiber.create(42) end)
  T.raises("bad argument #1", luv.fiber.create(function() end).join, {})
end)

T.run()
