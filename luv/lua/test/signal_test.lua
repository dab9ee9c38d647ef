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

-- luv.signal: watchers, waiting in fibers, the main state and threads,
-- deliveries kept for a later wait, select, deadlines and cancellation,
-- close, and the action a signal takes once nobody watches it.
--
-- Only SIGUSR1, SIGUSR2, SIGHUP and SIGPIPE are raised at this process, and
-- SIGTERM only while a watcher catches it. A signal this process sends
-- itself reaches libuv's handler before kill() returns; the loop reads it
-- on its next poll.
local T = require("luvtest")
local luv = require("luv")
local signal = luv.signal

local pack = T.pack

-- This process's id, from the kernel (luv has no call for it here).
local function own_pid()
  local f = assert(io.open("/proc/self/stat"))
  local pid = tonumber(f:read("*l"):match("^(%d+)"))
  f:close()
  return pid
end

-- Whether the kernel has `signum` caught, ignored or at its default action
-- for this process: "handler", "ignore" or "default" (/proc's SigCgt and
-- SigIgn masks, bit signum-1).
local function disposition(signum)
  local f = assert(io.open("/proc/self/status"))
  local status = f:read("*a")
  f:close()
  local function bit(mask)
    local digit = #mask - math.floor((signum - 1) / 4)
    local value = tonumber(mask:sub(digit, digit), 16)
    return math.floor(value / 2 ^ ((signum - 1) % 4)) % 2 == 1
  end
  if bit(status:match("SigCgt:%s*(%x+)")) then return "handler" end
  if bit(status:match("SigIgn:%s*(%x+)")) then return "ignore" end
  return "default"
end

-- A case whose signal never comes fails at a deadline instead of hanging:
-- every blocking call of the main state (waits, joins) gives up after 10 s.
local function case(name, fn)
  T.case(name, function() return luv.timeout(10, fn) end)
end

-- Numbers of the signals used here (Linux on x86 and ARM).
local SIGUSR1, SIGUSR2, SIGPIPE = 10, 12, 13

case("wait returns the signal's name after kill of this process", function()
  local w = signal.create("TERM")
  T.match(tostring(w), "^luv.signal: ")
  T.eq(getmetatable(w), "luv.signal")
  T.eq(w:active(), true)
  local got
  local f = luv.fiber.create(function() got = pack(w:wait()) end):ready()
  luv.fiber.yield()  -- the fiber waits
  T.eq(f:status(), "waiting")
  T.ok(T.execute("kill -TERM " .. own_pid()), "kill ran")
  f:join()
  T.eq(got.n, 1) T.eq(got[1], "SIGTERM")
  T.eq(w:close(), true)
end)

case("names in any case, with or without SIG, and numbers name one signal", function()
  for _, sig in ipairs({ "USR1", "usr1", "SIGUSR1", "sigusr1", "SigUsr1", SIGUSR1 }) do
    local w = signal.create(sig)
    T.eq(signal.raise(sig), true)
    T.eq(w:wait(), "SIGUSR1", tostring(sig))
    w:close()
  end
  local w = signal.create("SIGRTMIN+1")
  signal.raise("rtmin+1")
  T.eq(w:wait(), "SIGRTMIN+1")
  w:close()
end)

case("bad arguments raise, naming the argument and why", function()
  -- Called from Lua, so that the message names the function.
  local function create(sig) return function() signal.create(sig) end end
  T.raises("bad argument #1 to 'create' %(unknown signal 'FOO'%)", create("FOO"))
  T.raises("bad argument #1 to 'create' %(unknown signal '15'%)", create("15"))
  T.raises("bad argument #1 to 'create' %(SIGKILL cannot be caught%)", create("KILL"))
  T.raises("bad argument #1 to 'create' %(SIGKILL cannot be caught%)", create(9))
  T.raises("bad argument #1 to 'create' %(SIGSTOP cannot be caught%)", create("sigstop"))
  T.raises("bad argument #1 to 'create' %(SIGSEGV reports faults", create("SEGV"))
  T.raises("bad argument #1 to 'create' %(signal numbers go from 1 to 64%)", create(0))
  T.raises("bad argument #1 to 'create' %(signal numbers go from 1 to 64%)", create(65))
  T.raises("bad argument #1 to 'create' %(signal numbers go from 1 to 64%)", create(1.5))
  T.raises("bad argument #1 to 'create' %(signal 32 is reserved", create(32))
  T.raises("bad argument #1 to 'create' %(signal name or number expected, got no value%)",
    function() signal.create() end)
  T.raises("bad argument #1 to 'create' %(signal name or number expected, got table%)",
    create({}))
  T.raises("bad argument #1 to 'ignore' %(SIGCHLD is libuv's",
    function() signal.ignore("CHLD") end)
  T.raises("bad argument #1 to 'default' %(SIGKILL cannot be caught%)",
    function() signal.default("KILL") end)
  T.raises("bad argument #1 to 'raise' %(unknown signal 'NOPE'%)",
    function() signal.raise("NOPE") end)
  T.raises("bad argument #1 to 'raise' %(signal numbers go from 1 to 64%)",
    function() signal.raise(0) end)
  local w = signal.create("USR1")
  T.raises("bad argument #1", w.wait, {})
  T.raises("bad argument #1", w.close, luv.timer)
  T.raises("bad argument #1", w.wait, luv.idle.create())
  w:close()
end)

case("a signal that arrives while nobody waits is kept for the next wait", function()
  local w = signal.create("USR2")
  signal.raise("USR2")
  luv.fiber.yield()  -- the loop takes the delivery; nobody waits
  local f = luv.fiber.create(function() return w:wait() end)
  T.eq(f:join(), "SIGUSR2", "kept since the watcher was created")
  signal.raise("USR2")
  luv.fiber.yield()
  T.eq(w:wait(), "SIGUSR2", "kept since the last wait, in the main state")
  w:close()
end)

case("deliveries nobody waited for are kept as one", function()
  local w = signal.create("USR2")
  for _ = 1, 3 do signal.raise("USR2") end
  luv.fiber.yield()
  T.eq(w:wait(), "SIGUSR2")
  local again = pack(luv.timeout(0.02, w.wait, w))
  T.eq(again[1], nil) T.eq(again[3], "ETIMEDOUT", "nothing more was kept")
  w:close()
end)

case("the main state waits, running fibers, until the signal arrives", function()
  local w = signal.create("HUP")
  local ticks = 0
  luv.fiber.create(function()
    for _ = 1, 3 do luv.fiber.yield() ticks = ticks + 1 end
    signal.raise("HUP")
  end):ready()
  T.eq(w:wait(), "SIGHUP")
  T.eq(ticks, 3)
  w:close()
end)

case("every state waiting on the watcher is woken by one delivery", function()
  local w = signal.create("USR1")
  local got = {}
  local fibers = {}
  for i = 1, 3 do
    fibers[i] = luv.fiber.create(function() got[i] = w:wait() end):ready()
  end
  luv.fiber.yield()
  signal.raise("USR1")
  for i = 1, 3 do fibers[i]:join() end
  T.eq(table.concat(got, " "), "SIGUSR1 SIGUSR1 SIGUSR1")
  -- They took it: nothing is left for a later wait.
  T.eq(select(3, luv.timeout(0.02, w.wait, w)), "ETIMEDOUT")
  w:close()
end)

case("every watcher of a signal gets each delivery", function()
  local a, b = signal.create("USR1"), signal.create("SIGUSR1")
  signal.raise("USR1")
  T.eq(a:wait(), "SIGUSR1") T.eq(b:wait(), "SIGUSR1")
  a:close() b:close()
end)

case("select between a signal and a timer", function()
  local w = signal.create("USR2")
  local timer = luv.timer.create()
  timer:start(10, 0)
  local obj, index = luv.select(w, timer)
  T.eq(obj, timer, "the timer fires first") T.eq(index, 2)
  timer:start(60000, 0)
  luv.fiber.create(function() luv.fiber.yield() signal.raise("USR2") end):ready()
  obj, index = luv.select(timer, w)
  T.eq(obj, w, "the signal arrives first") T.eq(index, 2)
  T.eq(w:wait(), "SIGUSR2", "select took nothing: wait returns at once")
  signal.raise("USR2")
  luv.fiber.yield()
  obj, index = luv.select(timer, w)
  T.eq(obj, w, "a kept delivery is ready at once") T.eq(index, 2)
  T.eq(w:wait(), "SIGUSR2")
  local r = pack(luv.select(w, 0.02))
  T.eq(r[1], nil) T.eq(r[3], "ETIMEDOUT")
  -- A fiber selecting and one in wait(): the waiter takes the delivery.
  local selected, waited
  local s = luv.fiber.create(function() selected = luv.select(w) end):ready()
  local g = luv.fiber.create(function() waited = w:wait() end):ready()
  luv.fiber.yield()
  signal.raise("USR2")
  s:join() g:join()
  T.eq(selected, w) T.eq(waited, "SIGUSR2")
  T.eq(select(3, luv.timeout(0.02, w.wait, w)), "ETIMEDOUT")
  timer:close()
  w:close()
end)

case("a wait under a deadline times out; the signal is kept for later", function()
  local w = signal.create("USR1")
  local r = pack(luv.timeout(0.02, w.wait, w))
  T.eq(r.n, 3) T.eq(r[1], nil) T.eq(r[3], "ETIMEDOUT")
  T.eq(r[2], "ETIMEDOUT: signal:wait() timed out")
  local f = luv.fiber.create(function() return luv.timeout(0.02, w.wait, w) end)
  T.eq(select(3, f:join()), "ETIMEDOUT", "in a fiber")
  signal.raise("USR1")
  luv.fiber.yield()
  T.eq(w:wait(), "SIGUSR1")
  w:close()
end)

case("cancelling a waiting fiber removes only it", function()
  local w = signal.create("USR1")
  local got = {}
  local a = luv.fiber.create(function() got.a = pack(w:wait()) end):ready()
  local b = luv.fiber.create(function() got.b = pack(w:wait()) end):ready()
  luv.fiber.yield()
  T.eq(a:cancel("bye"), true)
  a:join()
  T.eq(got.a[1], nil) T.eq(got.a[3], "ECANCELED")
  T.match(got.a[2], "^ECANCELED: signal:wait%(%) was canceled %(bye%)")
  T.eq(b:status(), "waiting")
  signal.raise("USR1")
  b:join()
  T.eq(got.b[1], "SIGUSR1")
  w:close()
end)

case("close wakes waiters with ECANCELED; later calls fail with EBADF", function()
  local w = signal.create("USR2")
  local got, selected
  local f = luv.fiber.create(function() got = pack(w:wait()) end):ready()
  local s = luv.fiber.create(function() selected = pack(luv.select(w)) end):ready()
  luv.fiber.yield()
  T.eq(w:close(), true)
  f:join() s:join()
  T.eq(got[1], nil) T.eq(got[3], "ECANCELED")
  T.eq(got[2], "ECANCELED: signal watcher was closed")
  T.eq(selected[1], w, "select returns a closed watcher")
  T.eq(w:close(), true, "close twice")
  T.eq(w:active(), false)
  local r = pack(w:wait())
  T.eq(r[1], nil) T.eq(r[3], "EBADF") T.eq(r[2], "EBADF: signal watcher is closed")
  T.eq(select(3, w:start()), "EBADF")
  T.eq(select(3, w:stop()), "EBADF")
  T.eq(luv.select(w), w, "a closed watcher is ready at once")
end)

case("a stopped watcher sees nothing; started again, it catches again", function()
  local w = signal.create("USR2")
  local keep = signal.create("USR2")  -- so the process survives meanwhile
  T.eq(w:stop(), true)
  T.eq(w:stop(), true, "stop twice")
  T.eq(w:active(), false)
  local got
  local f = luv.fiber.create(function() got = w:wait() end):ready()
  luv.fiber.yield()
  signal.raise("USR2")
  T.eq(keep:wait(), "SIGUSR2", "delivered")
  T.eq(got, nil, "the waiter keeps waiting while stopped")
  T.eq(w:start(), true)
  T.eq(w:active(), true)
  signal.raise("USR2")
  f:join()
  T.eq(got, "SIGUSR2")
  T.eq(select(3, luv.timeout(0.02, w.wait, w)), "ETIMEDOUT", "nothing kept from the stop")
  w:close() keep:close()
end)

case("a watcher in a spawned thread gets a process signal, and so does this one", function()
  local ch = luv.channel()
  local th = luv.thread.spawn(function(ch)
    local luv = require("luv")
    local w = luv.signal.create("USR2")
    ch:put("watching")
    local name = w:wait()
    w:close()
    return name
  end, ch)
  T.eq(ch:get(), "watching")
  local mine = signal.create("USR2")
  signal.raise("USR2")
  T.eq(mine:wait(), "SIGUSR2", "this thread")
  T.eq(th:join(), "SIGUSR2", "the spawned thread")
  mine:close()
  -- With the only watcher in the spawned thread, it alone catches it.
  th = luv.thread.spawn(function(ch)
    local luv = require("luv")
    local w = luv.signal.create("HUP")
    ch:put("watching")
    local name = w:wait()
    w:close()
    return name
  end, ch)
  T.eq(ch:get(), "watching")
  signal.raise("HUP")
  T.eq(th:join(), "SIGHUP")
end)

case("the action a signal had comes back when its last watcher closes", function()
  local before = disposition(SIGUSR1)
  local w = signal.create("USR1")
  local w2 = signal.create("USR1")
  T.eq(disposition(SIGUSR1), "handler")
  w:close()
  T.eq(disposition(SIGUSR1), "handler", "another watcher still catches it")
  w2:close()
  T.eq(disposition(SIGUSR1), before)
  -- luv ignores SIGPIPE when it loads; it stays ignored after a watcher.
  T.eq(disposition(SIGPIPE), "ignore")
  local p = signal.create("PIPE")
  signal.raise("PIPE")
  T.eq(p:wait(), "SIGPIPE")
  p:close()
  T.eq(disposition(SIGPIPE), "ignore")
  -- Watchers that are collected without close let go the same way.
  local last
  for _ = 1, 20 do last = signal.create("USR2") end
  T.eq(disposition(SIGUSR2), "handler")
  last = nil
  collectgarbage("collect")
  collectgarbage("collect")
  T.eq(disposition(SIGUSR2), "default")
end)

case("ignore and default apply now, or once the last watcher stops", function()
  T.eq(signal.ignore("USR2"), true)
  T.eq(disposition(SIGUSR2), "ignore")
  signal.raise("USR2")  -- ignored
  local w = signal.create("USR2")
  T.eq(disposition(SIGUSR2), "handler")
  T.eq(signal.default("USR2"), true)
  T.eq(disposition(SIGUSR2), "handler", "still caught")
  signal.raise("USR2")
  T.eq(w:wait(), "SIGUSR2")
  T.eq(signal.ignore(SIGUSR2), true)
  w:close()
  T.eq(disposition(SIGUSR2), "ignore")
  T.eq(signal.default("sigusr2"), true)
  T.eq(disposition(SIGUSR2), "default")
end)

case("after close the signal takes its default action again (a child process)", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    assert(luv.signal.default("USR1"))
    local w = luv.signal.create("USR1")
    assert(luv.signal.raise("USR1"))
    print("caught " .. w:wait())
    w:close()
    io.stdout:flush()
    luv.signal.raise("USR1")
    print("survived")
  ]])
  T.match(output, "caught SIGUSR1")
  T.eq(output:find("survived"), nil, "output: " .. output)
  T.eq(code, 128 + SIGUSR1, "killed by SIGUSR1; output: " .. output)
  -- An ignored signal is ignored again.
  code, output = T.run_lua([[
    local luv = require("luv")
    assert(luv.signal.ignore("HUP"))
    local w = luv.signal.create("HUP")
    luv.signal.raise("HUP")
    print("caught " .. w:wait())
    w:close()
    luv.signal.raise("HUP")
    print("survived")
  ]])
  T.eq(code, 0, "output: " .. output)
  T.match(output, "caught SIGHUP\nsurvived")
end)

case("a signal raised in another thread reaches this thread's watcher", function()
  local w = signal.create("USR1")
  local t = luv.thread.spawn(function() require("luv").signal.raise("USR1") end)
  t:join()
  T.eq(w:wait(), "SIGUSR1")
  w:close()
end)

case("<close> closes a watcher on 5.4", function()
  if T.vm ~= "lua54" then return end
  local before = disposition(SIGUSR1)
  local f = assert((loadstring or load)([[
    local luv, disposition = ...
    do
      local w <close> = luv.signal.create("USR1")
      assert(disposition(10) == "handler")
    end
  ]]))
  f(luv, disposition)
  T.eq(disposition(SIGUSR1), before)
end)

T.run()
