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

-- ØMQ: sockets of every kind in the event loop, fiber style, across threads
-- and processes.
local T = require("luvtest")
local luv = require("luv")
local zmq = luv.zmq

local function pack(...) return { n = select("#", ...), ... } end

-- A fresh inproc endpoint name per use.
local serial = 0
local function inproc(name)
  serial = serial + 1
  return string.format("inproc://%s-%d", name, serial)
end

-- Binds `socket` to an ephemeral loopback TCP port; returns the endpoint.
local function bind_tcp(socket)
  assert(socket:bind("tcp://127.0.0.1:*"))
  return socket:getsockopt("LAST_ENDPOINT")
end

T.case("constants, create and the I/O threads it asks for", function()
  T.eq(zmq.PAIR, 0) T.eq(zmq.PUB, 1) T.eq(zmq.SUB, 2) T.eq(zmq.REQ, 3)
  T.eq(zmq.REP, 4) T.eq(zmq.DEALER, 5) T.eq(zmq.ROUTER, 6) T.eq(zmq.PULL, 7)
  T.eq(zmq.PUSH, 8) T.eq(zmq.XPUB, 9) T.eq(zmq.XSUB, 10) T.eq(zmq.STREAM, 11)
  T.eq(zmq.DONTWAIT, 1) T.eq(zmq.SNDMORE, 2) T.eq(zmq.RCVMORE, 13)
  T.eq(zmq.POLLIN, 1) T.eq(zmq.POLLOUT, 2)
  local major, minor = zmq.version()
  T.eq(major, 4) T.le(3, minor, "libzmq minor version")
  T.eq(zmq.create():get("IO_THREADS"), 1, "default")
  T.eq(zmq.create(3):get("IO_THREADS"), 3)
  T.eq(zmq.create(0):get("IO_THREADS"), 0)
  T.match(tostring(zmq.create()), "^luv.zmq.context: ")
  T.raises("nthreads must be 0 to 64", zmq.create, -1)
  T.raises("nthreads must be 0 to 64", zmq.create, 65)
  T.raises("bad argument #1", zmq.create, "many")
  local ctx = zmq.create()
  T.raises("unknown socket type", ctx.socket, ctx, 99)
  T.raises("unknown socket type", ctx.socket, ctx, "NOPE")
  T.raises("bad argument #2", ctx.socket, ctx, {})
  local s = ctx:socket("dealer")
  T.match(tostring(s), "^luv.zmq.socket: ")
  T.eq(s:getsockopt("TYPE"), zmq.DEALER)
  s:close()
end)

T.case("the reference's PAIR example across two threads", function()
  local ctx = zmq.create(1)
  local endpoint = inproc("pair")
  local prod = luv.thread.spawn(function()
    local pub = ctx:socket(require("luv").zmq.PAIR)
    assert(pub:bind(endpoint))
    for i = 1, 10 do assert(pub:send("tick: " .. i)) end
    assert(pub:send("STOP"))
    local reply = pub:recv()
    pub:close()
    return reply
  end)
  local cons = luv.thread.spawn(function()
    local sub = ctx:socket(require("luv").zmq.PAIR)
    assert(sub:connect(endpoint))
    local seen = {}
    while true do
      local msg = sub:recv()
      if msg == "STOP" then
        sub:send("OK")
        break
      end
      seen[#seen + 1] = msg
    end
    sub:close()
    return seen
  end)
  local seen = cons:join()
  T.eq(#seen, 10)
  T.eq(seen[1], "tick: 1") T.eq(seen[10], "tick: 10")
  T.eq(prod:join(), "OK")
end)

T.case("REQ/REP over tcp while other fibers keep ticking", function()
  local ctx = zmq.create()
  local rep = ctx:socket(zmq.REP)
  local endpoint = bind_tcp(rep)
  T.match(endpoint, "^tcp://127%.0%.0%.1:%d+$")
  local client = luv.thread.spawn(function(n)
    local luv = require("luv")
    local req = ctx:socket(luv.zmq.REQ)
    assert(req:connect(endpoint))
    local replies = {}
    for i = 1, n do
      assert(req:send("request " .. i))
      replies[i] = req:recv()
      luv.sleep(0.002)
    end
    req:close()
    return replies
  end, 20)
  local ticks, done = 0, false
  local ticker = luv.fiber.create(function()
    while not done do luv.sleep(0.001) ticks = ticks + 1 end
  end):ready()
  local server = luv.fiber.create(function()
    for _ = 1, 20 do
      local request = rep:recv()
      assert(rep:send("reply to " .. request))
    end
  end):ready()
  server:join()
  local replies = client:join()
  done = true
  ticker:join()
  T.eq(#replies, 20)
  T.eq(replies[1], "reply to request 1") T.eq(replies[20], "reply to request 20")
  T.le(10, ticks, "ticks while requests were served")
  rep:close()
end)

-- Publishes `message` every 2 ms until `ready()` is true: subscriptions take
-- a moment to reach the publisher.
local function publish_until(pub, message, ready)
  while not ready() do
    assert(pub:send(message))
    luv.sleep(0.002)
  end
end

T.case("PUB/SUB with a subscription filter; SUBSCRIBE \"\" takes everything", function()
  local ctx = zmq.create()
  local endpoint = inproc("news")
  local pub = ctx:socket(zmq.PUB)
  assert(pub:bind(endpoint))
  local weather, all = ctx:socket(zmq.SUB), ctx:socket(zmq.SUB)
  assert(weather:setsockopt("SUBSCRIBE", "weather."))
  assert(weather:setsockopt("SUBSCRIBE", "sync"))
  assert(all:setsockopt("SUBSCRIBE", ""))
  assert(weather:connect(endpoint))
  assert(all:connect(endpoint))
  local synced = { weather = false, all = false }
  local w = luv.fiber.create(function()
    local got = {}
    while true do
      local msg = weather:recv()
      if msg == "weather.END" then return got end
      if msg == "sync" then synced.weather = true else got[#got + 1] = msg end
    end
  end):ready()
  local a = luv.fiber.create(function()
    local got = {}
    while true do
      local msg = all:recv()
      if msg == "weather.END" then return got end
      if msg == "sync" then synced.all = true else got[#got + 1] = msg end
    end
  end):ready()
  publish_until(pub, "sync", function() return synced.weather and synced.all end)
  for _, msg in ipairs({ "sports.1", "weather.1", "traffic.1", "weather.2", "weather.END" }) do
    assert(pub:send(msg))
  end
  T.eq(table.concat(w:join(), ","), "weather.1,weather.2")
  T.eq(table.concat(a:join(), ","), "sports.1,weather.1,traffic.1,weather.2")
  -- UNSUBSCRIBE stops the flow for that prefix.
  assert(weather:setsockopt("UNSUBSCRIBE", "weather."))
  assert(weather:setsockopt("RCVTIMEO", 50))
  local moved = false
  local drain = luv.fiber.create(function()
    while weather:recv() == "sync" do moved = true end  -- until the timeout
  end):ready()
  for _ = 1, 10 do assert(pub:send("weather.3")) assert(pub:send("sync")) luv.sleep(0.002) end
  drain:join()
  T.eq(moved, true, "sync still arrives")
  pub:close() weather:close() all:close()
end)

T.case("an XPUB/XSUB proxy passes subscriptions up and messages down", function()
  local ctx = zmq.create()
  local front, back = inproc("front"), inproc("back")
  local xsub, xpub = ctx:socket(zmq.XSUB), ctx:socket(zmq.XPUB)
  assert(xsub:bind(front))
  assert(xpub:bind(back))
  local subscriptions = {}
  local up = luv.fiber.create(function()
    while true do
      local sub = xpub:recv()
      if not sub then return end
      subscriptions[#subscriptions + 1] = sub
      assert(xsub:send(sub))
    end
  end):ready()
  local down = luv.fiber.create(function()
    while true do
      local msg = xsub:recv_multipart()
      if not msg then return end
      assert(xpub:send_multipart(msg))
    end
  end):ready()
  local publisher = luv.thread.spawn(function()
    local luv = require("luv")
    local pub = ctx:socket(luv.zmq.PUB)
    assert(pub:connect(front))
    for i = 1, 400 do
      assert(pub:send_multipart({ "a", "data " .. i }))
      assert(pub:send_multipart({ "b", "not wanted" }))
      luv.sleep(0.002)
    end
    pub:close()
  end)
  local sub = ctx:socket(zmq.SUB)
  assert(sub:setsockopt("SUBSCRIBE", "a"))
  assert(sub:connect(back))
  local first = sub:recv_multipart()
  local second = sub:recv_multipart()
  T.eq(first[1], "a") T.match(first[2], "^data %d+$")
  T.eq(second[1], "a")
  T.eq(subscriptions[1], "\1a", "the subscription the proxy forwarded")
  publisher:join()
  xsub:close() xpub:close()  -- the proxy fibers end with ECANCELED
  up:join() down:join()
  sub:close()
end)

T.case("PUSH/PULL fan-in from three threads: 3,000 messages, none lost", function()
  local ctx = zmq.create()
  local endpoint = inproc("fanin")
  local pull = ctx:socket(zmq.PULL)
  assert(pull:bind(endpoint))
  local workers = {}
  for id = 1, 3 do
    workers[id] = luv.thread.spawn(function()
      local luv = require("luv")
      local push = ctx:socket(luv.zmq.PUSH)
      assert(push:connect(endpoint))
      for i = 1, 1000 do assert(push:send(id .. ":" .. i)) end
      push:close()
      return true
    end)
  end
  local next_seq = { 1, 1, 1 }
  for _ = 1, 3000 do
    local id, seq = pull:recv():match("^(%d):(%d+)$")
    id, seq = tonumber(id), tonumber(seq)
    T.eq(seq, next_seq[id], "sequence from worker " .. id)
    next_seq[id] = seq + 1
  end
  for id = 1, 3 do T.eq(workers[id]:join(), true) end
  T.eq(next_seq[1] + next_seq[2] + next_seq[3], 3003)
  T.eq(select(3, pull:recv(zmq.DONTWAIT)), "EAGAIN", "nothing more")
  pull:close()
end)

T.case("ROUTER/DEALER with identities and multipart messages", function()
  local ctx = zmq.create()
  local endpoint = inproc("router")
  local router = ctx:socket(zmq.ROUTER)
  assert(router:setsockopt("ROUTER_MANDATORY", true))
  assert(router:bind(endpoint))
  local dealers = {}
  for _, name in ipairs({ "alice", "bob\0with a nul" }) do
    local dealer = ctx:socket(zmq.DEALER)
    assert(dealer:setsockopt("ROUTING_ID", name))
    T.eq(dealer:getsockopt("IDENTITY"), name)
    assert(dealer:connect(endpoint))
    dealers[name] = dealer
    assert(dealer:send_multipart({ "hello", "from", name }))
  end
  for _ = 1, 2 do
    local msg = router:recv_multipart()
    T.eq(#msg, 4)
    T.eq(msg[1], msg[4], "the routing id is the sender's")
    T.eq(msg[2], "hello")
    assert(router:send_multipart({ msg[1], "reply", "to " .. msg[4] }))
  end
  for name, dealer in pairs(dealers) do
    local reply = dealer:recv_multipart()
    T.eq(#reply, 2) T.eq(reply[1], "reply") T.eq(reply[2], "to " .. name)
  end
  -- Frame by frame with SNDMORE and RCVMORE.
  local alice = dealers.alice
  assert(alice:send("part 1", zmq.SNDMORE))
  assert(alice:send("part 2"))
  T.eq(router:recv(), "alice") T.eq(router:getsockopt(zmq.RCVMORE), true)
  T.eq(router:recv(), "part 1") T.eq(router:getsockopt("RCVMORE"), true)
  T.eq(router:recv(), "part 2") T.eq(router:getsockopt("RCVMORE"), false)
  local r = pack(router:send_multipart({ "nobody", "lost" }))
  T.eq(r[1], nil) T.eq(r[3], "EHOSTUNREACH")
  router:close()
  for _, dealer in pairs(dealers) do dealer:close() end
end)

T.case("options get and set by name or number", function()
  local ctx = zmq.create()
  local s = ctx:socket(zmq.DEALER)
  for _, name in ipairs({ "LINGER", "linger", "ZMQ_LINGER", 17 }) do
    assert(s:setsockopt(name, 123))
    T.eq(s:getsockopt(name), 123)
  end
  T.eq(s:getsockopt("SNDHWM"), 1000, "libzmq's default")
  assert(s:setsockopt("RCVHWM", 5))
  T.eq(s:getsockopt("RCVHWM"), 5)
  assert(s:setsockopt("MAXMSGSIZE", 2 ^ 40))
  T.eq(s:getsockopt("MAXMSGSIZE"), 2 ^ 40)
  assert(s:setsockopt("AFFINITY", 3))
  T.eq(s:getsockopt("AFFINITY"), 3)
  assert(s:setsockopt("IMMEDIATE", true))
  T.eq(s:getsockopt("IMMEDIATE"), true)
  assert(s:setsockopt("IMMEDIATE", 0))
  T.eq(s:getsockopt("IMMEDIATE"), false)
  assert(s:setsockopt("ROUTING_ID", "\0id\255"))
  T.eq(s:getsockopt("ROUTING_ID"), "\0id\255")
  assert(s:setsockopt("ZAP_DOMAIN", "global"))
  T.eq(s:getsockopt("ZAP_DOMAIN"), "global")
  T.eq(type(s:getsockopt("FD")), "number")
  T.eq(s:getsockopt("EVENTS"), zmq.POLLOUT - zmq.POLLOUT, "nothing to do yet")
  T.eq(s:getsockopt("MECHANISM"), 0)
  assert(s:bind(inproc("opts")))
  T.match(s:getsockopt("LAST_ENDPOINT"), "^inproc://opts%-%d+$")
  local function failure(...)
    local r = pack(...)
    T.eq(r.n, 3) T.eq(r[1], nil)
    return r[2], r[3]
  end
  T.eq(failure(s:setsockopt("TYPE", 1)), "EINVAL: option TYPE cannot be set")
  T.eq(failure(s:getsockopt("SUBSCRIBE")), "EINVAL: option SUBSCRIBE cannot be read")
  T.eq(failure(s:getsockopt("NOPE")), "EINVAL: unknown socket option 'NOPE'")
  T.eq(failure(s:setsockopt(9999, 1)), "EINVAL: unknown socket option 9999")
  T.eq(failure(s:setsockopt("SNDHWM", -5)), "EINVAL: Invalid argument: SNDHWM")
  T.eq(select(2, failure(s:setsockopt("IMMEDIATE", 2))), "EINVAL")
  T.eq(select(2, failure(s:setsockopt("ROUTING_ID", ("x"):rep(300)))), "EINVAL")
  T.raises("LINGER takes a number", s.setsockopt, s, "LINGER", "10")
  T.raises("SUBSCRIBE takes a string", s.setsockopt, s, "SUBSCRIBE", 5)
  T.raises("integer", s.setsockopt, s, "LINGER", 1.5)
  T.raises("option name or number", s.getsockopt, s, {})
  T.raises("option number", s.getsockopt, s, -1)
  s:close()
  T.eq(select(3, s:getsockopt("LINGER")), "EBADF")
  -- Context options.
  assert(ctx:set("MAX_SOCKETS", 64))
  T.eq(ctx:get("max_sockets"), 64)
  T.eq(ctx:get("BLOCKY"), true)
  assert(ctx:set("BLOCKY", false))
  T.eq(ctx:get("BLOCKY"), false)
  T.eq(ctx:get("SOCKET_LIMIT") > 0, true)
  T.eq(failure(ctx:get("NOPE")), "EINVAL: unknown context option 'NOPE'")
  T.eq(failure(ctx:set("MSG_T_SIZE", 1)), "EINVAL: context option MSG_T_SIZE cannot be set")
  T.eq(failure(ctx:get("THREAD_PRIORITY")), "EINVAL: context option THREAD_PRIORITY cannot be read")
end)

T.case("bad endpoints, wrong states and closed sockets fail cleanly", function()
  local ctx = zmq.create()
  local s = ctx:socket(zmq.PAIR)
  local function code(...) local r = pack(...) T.eq(r[1], nil) return r[3], r[2] end
  T.eq(code(s:bind("nonsense")), "EINVAL")
  T.eq(code(s:bind("foo://x")), "EPROTONOSUPPORT")
  T.eq(code(s:connect("")), "EINVAL")
  T.eq(code(s:bind("tcp://127.0.0.1:99999")), "EINVAL")
  T.eq(code(s:bind("inproc://a\0b")), "EINVAL")
  T.eq(code(s:connect(("x"):rep(2000))), "EINVAL")
  T.eq(code(s:unbind("inproc://never-bound")), "ENOENT")
  T.eq(code(s:disconnect("tcp://127.0.0.1:1")), "ENOENT")
  T.raises("bad argument #2", s.bind, s, nil)
  local busy = ctx:socket(zmq.REP)
  local endpoint = bind_tcp(busy)
  local name, message = code(ctx:socket(zmq.REP):bind(endpoint))
  T.eq(name, "EADDRINUSE")
  T.eq(message, "EADDRINUSE: Address already in use: " .. endpoint)
  T.eq(code(busy:send("no request yet")), "EFSM")
  local req = ctx:socket(zmq.REQ)
  T.eq(code(req:recv()), "EFSM")
  assert(req:connect(endpoint))
  assert(req:send("one"))
  T.eq(code(req:send("two")), "EFSM")
  T.eq(code(s:recv(zmq.DONTWAIT)), "EAGAIN")
  T.eq(code(s:recv_multipart(zmq.DONTWAIT)), "EAGAIN")
  T.eq(code(s:send("nobody is connected", zmq.DONTWAIT)), "EAGAIN")
  T.raises("flags must be", s.send, s, "x", 4)
  T.raises("flags must be 0 or luv.zmq.DONTWAIT", s.recv, s, zmq.SNDMORE)
  T.raises("no frames", s.send_multipart, s, {})
  T.raises("frame 2 is a table", s.send_multipart, s, { "a", {} })
  s:close()
  T.eq(s:close(), true, "close is idempotent")
  for _, call in ipairs({
    function() return s:send("x") end, function() return s:recv() end,
    function() return s:bind("inproc://z") end, function() return s:recv_multipart() end,
    function() return s:send_multipart({ "x" }) end, function() return s:setsockopt("LINGER", 1) end,
  }) do
    local n, m = code(call())
    T.eq(n, "EBADF") T.eq(m, "EBADF: zmq.socket is closed")
  end
  busy:close() req:close()
end)

T.case("RCVTIMEO and SNDTIMEO bound a wait; a message cuts it short", function()
  local ctx = zmq.create()
  local pull = ctx:socket(zmq.PULL)
  local endpoint = inproc("timeo")
  assert(pull:bind(endpoint))
  assert(pull:setsockopt("RCVTIMEO", 40))
  local t0 = luv.hrtime()
  local r = pack(pull:recv())
  local waited = (luv.hrtime() - t0) / 1e6
  T.eq(r.n, 3) T.eq(r[1], nil) T.eq(r[3], "EAGAIN")
  T.match(r[2], "timeout expired")
  T.le(35, waited, "ms waited") T.le(waited, 2000, "ms waited")
  -- In a fiber too, and a message before the deadline ends the wait.
  assert(pull:setsockopt("RCVTIMEO", 5000))
  local f = luv.fiber.create(function() return pull:recv() end):ready()
  luv.sleep(0.01)
  local push = ctx:socket(zmq.PUSH)
  assert(push:connect(endpoint))
  assert(push:send("in time"))
  T.eq(f:join(), "in time")
  assert(pull:setsockopt("RCVTIMEO", 0))
  T.eq(select(3, pull:recv()), "EAGAIN", "a zero timeout never waits")
  local lonely = ctx:socket(zmq.PUSH)
  assert(lonely:setsockopt("SNDTIMEO", 20))
  T.eq(select(3, lonely:send("nobody")), "EAGAIN")
  T.eq(select(3, lonely:send_multipart({ "a", "b" })), "EAGAIN")
  pull:close() push:close() lonely:close()
end)

T.case("many fibers waiting on one socket each get a message", function()
  local ctx = zmq.create()
  local endpoint = inproc("crowd")
  local pull = ctx:socket(zmq.PULL)
  assert(pull:bind(endpoint))
  local fibers = {}
  for i = 1, 8 do fibers[i] = luv.fiber.create(function() return pull:recv() end):ready() end
  luv.fiber.yield()
  local push = ctx:socket(zmq.PUSH)
  assert(push:connect(endpoint))
  for i = 1, 8 do assert(push:send("m" .. i)) end
  local got = {}
  for i = 1, 8 do got[#got + 1] = fibers[i]:join() end
  table.sort(got)
  T.eq(table.concat(got, ","), "m1,m2,m3,m4,m5,m6,m7,m8")
  pull:close() push:close()
end)

T.case("one DEALER sending and receiving in two fibers at once loses nothing", function()
  local ctx = zmq.create()
  local endpoint = inproc("echo")
  local echo = luv.thread.spawn(function(n)
    local luv = require("luv")
    local peer = ctx:socket(luv.zmq.DEALER)
    assert(peer:connect(endpoint))
    for _ = 1, n do assert(peer:send(peer:recv())) end
    peer:close()
  end, 2000)
  local dealer = ctx:socket(zmq.DEALER)
  assert(dealer:bind(endpoint))
  assert(dealer:setsockopt("RCVTIMEO", 10000))
  local receiver = luv.fiber.create(function()
    for i = 1, 2000 do
      local msg, err = dealer:recv()
      if msg ~= tostring(i) then return "message " .. i .. ": " .. tostring(msg or err) end
    end
    return "all"
  end):ready()
  local sender = luv.fiber.create(function()
    for i = 1, 2000 do
      assert(dealer:send(tostring(i)))
      if i % 7 == 0 then luv.fiber.yield() end
    end
  end):ready()
  sender:join()
  T.eq(receiver:join(), "all")
  echo:join()
  dealer:close()
end)

T.case("reading EVENTS does not lose a waiting receiver's wake-up", function()
  -- ZMQ_FD is edge-triggered: whatever processes the socket's commands
  -- (reading EVENTS, here; a send or a bind, as well) consumes the edge
  -- that would have woken the waiting fiber, which must hear of it anyway.
  local ctx = zmq.create()
  local endpoint = inproc("edge")
  local a, b = ctx:socket(zmq.PAIR), ctx:socket(zmq.PAIR)
  assert(a:bind(endpoint)) assert(b:connect(endpoint))
  assert(a:setsockopt("RCVTIMEO", 2000))  -- a failure, not a hang
  local receiver = luv.fiber.create(function() return a:recv() end):ready()
  luv.fiber.yield()
  T.eq(receiver:status(), "waiting")
  assert(b:send("edge"))  -- the loop has not run since
  T.eq(a:getsockopt("EVENTS"), zmq.POLLIN + zmq.POLLOUT)
  T.eq(receiver:join(), "edge")
  a:close() b:close()
end)

T.case("close wakes every waiter with ECANCELED", function()
  local ctx = zmq.create()
  local s = ctx:socket(zmq.PAIR)
  local a = luv.fiber.create(function() return s:recv() end):ready()
  local b = luv.fiber.create(function() return s:send("x") end):ready()
  luv.fiber.yield()
  T.eq(a:status(), "waiting") T.eq(b:status(), "waiting")
  s:close()
  local r = pack(a:join())
  T.eq(r[1], nil) T.eq(r[2], "ECANCELED: zmq.socket was closed") T.eq(r[3], "ECANCELED")
  T.eq(select(3, b:join()), "ECANCELED")
end)

T.case("blocking calls refuse plain coroutines and work inside luv.pcall", function()
  local ctx = zmq.create()
  local s = ctx:socket(zmq.PULL)
  local endpoint = inproc("pcall")
  assert(s:bind(endpoint))
  local f = luv.fiber.create(function()
    return luv.pcall(function() return s:recv() end)
  end):ready()
  luv.fiber.yield()
  local push = ctx:socket(zmq.PUSH)
  assert(push:connect(endpoint))
  assert(push:send("through pcall"))
  local ok, msg = f:join()
  T.eq(ok, true) T.eq(msg, "through pcall")
  push:close()
  local co = coroutine.create(function() return s:recv() end)
  local ok, err = coroutine.resume(co)
  T.eq(ok, false)
  T.match(err, "zmq.socket:recv%(%) would block in a plain coroutine")
  -- Without a wait there is nothing to refuse.
  co = coroutine.create(function() return s:recv(zmq.DONTWAIT) end)
  T.eq(select(4, coroutine.resume(co)), "EAGAIN")
  s:close()
end)

T.case("ctx:term() wakes waiting calls in other threads with ETERM", function()
  local ctx = zmq.create()
  local endpoint = inproc("term")
  local bound = luv.channel()
  local waiter = luv.thread.spawn(function()
    local luv = require("luv")
    local s = assert(ctx:socket(luv.zmq.PULL))
    assert(s:bind(endpoint))
    bound:put(true)
    local r = { s:recv() }
    s:close()
    return r[1], r[2], r[3]
  end)
  -- Once the thread's socket exists, term wakes its recv whether the recv
  -- is already waiting or starts after (ØMQ then fails it at once).
  -- (A probe that connects first proves nothing: an inproc connect before
  -- the bind is writable at once.)
  T.eq(bound:get(), true)
  luv.sleep(0.02)  -- most runs: the recv is waiting
  T.eq(ctx:term(), true)
  T.eq(ctx:term(), true, "idempotent")
  local ok, message, name = waiter:join()
  T.eq(ok, nil) T.eq(name, "ETERM")
  T.match(message, "^ETERM: ")
  T.eq(select(3, ctx:socket(zmq.PAIR)), "ETERM")
end)

T.case("sockets cannot cross to another thread", function()
  local ctx = zmq.create()
  local s = ctx:socket(zmq.PAIR)
  T.raises("userdata", luv.thread.spawn, function() return s end)
  T.raises("userdata", luv.codec.encode, s)
  s:close()
end)

T.case("a context crosses threads by identity and lives while anyone holds it", function()
  local ctx = zmq.create()
  T.eq(luv.codec.decode(luv.codec.encode(ctx)), ctx, "the same object in one state")
  -- A thread keeps using the context after every other holder let go.
  local function start()
    local mine = zmq.create()
    local endpoint = inproc("lifetime")
    return luv.thread.spawn(function()
      local luv = require("luv")
      luv.sleep(0.05)  -- meanwhile the spawner drops its reference
      local a, b = mine:socket(luv.zmq.PAIR), mine:socket(luv.zmq.PAIR)
      assert(a:bind(endpoint)) assert(b:connect(endpoint))
      assert(a:send("still alive"))
      local msg = b:recv()
      a:close() b:close()
      return msg, mine:get("IO_THREADS")
    end)
  end
  local t = start()
  collectgarbage("collect") collectgarbage("collect")
  T.eq(t:join(), "still alive")
  -- A context made in a thread comes back and works here.
  local made = luv.thread.spawn(function() return require("luv").zmq.create(2) end):join()
  T.eq(made:get("IO_THREADS"), 2)
  local s = made:socket(zmq.PAIR)
  assert(s:bind(inproc("made")))
  s:close()
  -- A blob that names it decodes once: bytes kept or replayed find nothing.
  local blob = luv.codec.encode(made)
  T.eq(luv.codec.decode(blob), made)
  T.raises("a blob that names live objects decodes once", luv.codec.decode, blob)
  -- Another process's context means nothing here.
  local code, output = T.run_lua([[
    local luv = require("luv")
    local blob = luv.codec.encode(luv.zmq.create())
    print((blob:gsub(".", function(c) return string.format("%02x", c:byte()) end)))
  ]])
  T.eq(code, 0, output)
  local foreign = output:match("^(%x+)"):gsub("%x%x", function(h) return string.char(tonumber(h, 16)) end)
  T.raises("blob names live objects .* was not made by this process", luv.codec.decode, foreign)
end)

T.case("two OS processes talk over tcp", function()
  local ctx = zmq.create()
  local rep = ctx:socket(zmq.REP)
  local endpoint = bind_tcp(rep)
  -- The other process runs from a thread, since T.run_lua waits for it.
  local child = luv.thread.spawn(function(code)
    return require("luvtest").run_lua(code)
  end, string.format([[
    local luv = require("luv")
    local req = luv.zmq.create():socket(luv.zmq.REQ)
    assert(req:connect(%q))
    assert(req:send("ping from the other process"))
    print("got: " .. req:recv())
    req:close()
  ]], endpoint))
  T.eq(rep:recv(), "ping from the other process")
  assert(rep:send("pong"))
  local code, output = child:join()
  T.eq(code, 0, "exit code: " .. output)
  T.match(output, "got: pong")
  rep:close()
end)

T.case("sockets left open hold up exit only for their LINGER", function()
  local t0 = luv.hrtime()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local ctx = luv.zmq.create()
    -- Queued messages for a peer that never comes, open and explicitly
    -- closed; each socket gives up after its LINGER (libzmq's default,
    -- forever, would hold exit up for good).
    local stuck = ctx:socket(luv.zmq.PUSH)
    assert(stuck:setsockopt("LINGER", 200))
    assert(stuck:connect("tcp://127.0.0.1:1"))
    for i = 1, 10 do assert(stuck:send("queued " .. i)) end
    local closed = ctx:socket(luv.zmq.PUSH)
    assert(closed:setsockopt("LINGER", 200))
    assert(closed:connect("tcp://127.0.0.1:1"))
    assert(closed:send("lingers"))
    closed:close()
    -- A thread that left its socket open and ended, and one still waiting
    -- (nothing queued: nothing to linger for).
    luv.thread.spawn(function()
      local s = ctx:socket(require("luv").zmq.PUSH)
      assert(s:setsockopt("LINGER", 200))
      s:connect("tcp://127.0.0.1:1")
      s:send("left behind")
    end):join()
    luv.thread.spawn(function()
      local s = ctx:socket(require("luv").zmq.PULL)
      s:bind("inproc://forever")
      s:recv()
    end)
    local waiting = ctx:socket(luv.zmq.PULL)
    luv.fiber.create(function() waiting:recv() end):ready()
    luv.sleep(0.05)
    print("leaving")
  ]])
  local seconds = (luv.hrtime() - t0) / 1e9
  T.eq(code, 0, "exit code: " .. output)
  T.match(output, "leaving")
  T.le(0.2, seconds, "seconds to exit (the linger)")
  T.le(seconds, 10, "seconds to exit")
end)

T.run()
