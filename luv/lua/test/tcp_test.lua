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

-- TCP streams: every tcp method, the reference's echo server from a fiber and
-- from the main state, many clients, big writes, EOF, resets, closing.
local T = require("luvtest")
local luv = require("luv")

-- A listening server on an ephemeral loopback port.
local function listen(host)
  local server = luv.net.tcp()
  T.eq(server:bind(host or "127.0.0.1", 0), true, "bind")
  T.eq(server:listen(), true, "listen")
  return server, server:getsockname().port
end

local function connect(port, host)
  local client = luv.net.tcp()
  T.eq(client:connect(host or "127.0.0.1", port), true, "connect")
  return client
end

-- Reads until `n` bytes arrived (or EOF); returns them.
local function read_exactly(stream, n)
  local parts, got = {}, 0
  while got < n do
    local count, data = stream:read()
    if not count then break end
    parts[#parts + 1] = data
    got = got + count
  end
  return table.concat(parts)
end

-- The reference's canonical echo server, as a fiber serving `count` clients.
local function echo_server(server, count)
  return luv.fiber.create(function()
    for _ = 1, count do
      local client = luv.net.tcp()
      server:accept(client)
      local child = luv.fiber.create(function()
        while true do
          local got, str = client:read()
          if got then
            client:write(str)
          else
            client:close()
            break
          end
        end
      end)
      child:ready()
    end
  end):ready()
end

T.case("a tcp binds to port 0, listens and names its address", function()
  local server = luv.net.tcp()
  T.match(tostring(server), "^luv.tcp: ")
  T.eq(server:bind("127.0.0.1", 0), true)
  local name = server:getsockname()
  T.eq(name.family, "inet")
  T.eq(name.address, "127.0.0.1")
  T.ok(name.port > 0, "a port was chosen")
  T.eq(server:listen(16), true)
  local ok, err, code = server:getpeername()
  T.eq(ok, nil) T.eq(code, "ENOTCONN") T.match(err, "^ENOTCONN: ")
  T.eq(server:close(), true)
end)

T.case("the reference's echo server runs in a fiber; the main state is its client", function()
  local server, port = listen()
  echo_server(server, 1)
  local client = connect(port)
  T.eq(client:write("hello"), true)
  local n, data = client:read()
  T.eq(n, 5) T.eq(data, "hello")
  client:close()
  server:close()
end)

T.case("the echo server runs in the main state while client fibers talk to it", function()
  local server, port = listen()
  local results = {}
  local clients = {}
  for i = 1, 3 do
    clients[i] = luv.fiber.create(function()
      local c = connect(port)
      c:write("client " .. i)
      results[i] = read_exactly(c, #("client " .. i))
      c:close()
    end):ready()
  end
  for _ = 1, 3 do  -- accept and serve, all in the main state
    local client = luv.net.tcp()
    T.eq(server:accept(client), true)
    local n, data = client:read()
    client:write(data)
    client:close()
  end
  for i = 1, 3 do clients[i]:join() T.eq(results[i], "client " .. i) end
  server:close()
end)

T.case("IPv6 loopback works like IPv4", function()
  local server, port = listen("::1")
  T.eq(server:getsockname().family, "inet6")
  T.eq(server:getsockname().address, "::1")
  echo_server(server, 1)
  local client = connect(port, "::1")
  local peer = client:getpeername()
  T.eq(peer.family, "inet6") T.eq(peer.address, "::1") T.eq(peer.port, port)
  client:write("six")
  T.eq(read_exactly(client, 3), "six")
  client:close()
  server:close()
end)

T.case("connecting to a closed port fails cleanly", function()
  local probe = luv.net.tcp()
  probe:bind("127.0.0.1", 0)
  local port = probe:getsockname().port
  probe:close()
  local client = luv.net.tcp()
  local ok, err, code = client:connect("127.0.0.1", port)
  T.eq(ok, nil)
  T.eq(code, "ECONNREFUSED")
  T.eq(err, "ECONNREFUSED: connection refused: 127.0.0.1:" .. port)
  client:close()
end)

T.case("200 concurrent clients against one server", function()
  local server, port = listen()
  echo_server(server, 200)
  local fibers, bad = {}, 0
  for i = 1, 200 do
    fibers[i] = luv.fiber.create(function()
      local c = connect(port)
      for round = 1, 5 do
        local message = string.format("client %d round %d", i, round)
        c:write(message)
        if read_exactly(c, #message) ~= message then bad = bad + 1 end
      end
      c:close()
    end):ready()
  end
  for i = 1, 200 do fibers[i]:join() end
  T.eq(bad, 0, "mismatched echoes")
  server:close()
end)

T.case("a 1 MiB write is echoed intact", function()
  local server, port = listen()
  echo_server(server, 1)
  local parts = {}
  for i = 1, 16384 do parts[i] = string.format("%063d\n", i) end
  local big = table.concat(parts)
  T.eq(#big, 1048576)
  local client = connect(port)
  -- Read while writing: the echo comes back before the write has finished.
  local reader = luv.fiber.create(function() return read_exactly(client, #big) end):ready()
  T.eq(client:write(big), true)
  local echoed = reader:join()
  T.eq(#echoed, #big)
  T.ok(echoed == big, "echo equals the original")
  client:close()
  server:close()
end)

T.case("EOF that arrived before anyone read is still reported", function()
  local server, port = listen()
  local client = connect(port)
  local accepted = luv.net.tcp()
  T.eq(server:accept(accepted), true)
  T.eq(accepted:start(), true)  -- read in the background, nobody waiting
  T.eq(client:write("bye"), true)
  T.eq(client:shutdown(), true)
  luv.sleep(0.05)  -- arranges that the loop took in the data and EOF first
  local n, data = accepted:read()
  T.eq(n, 3) T.eq(data, "bye")
  local eof, message, code = accepted:read()
  T.eq(eof, nil) T.eq(message, "EOF: end of file") T.eq(code, "EOF")
  T.eq((accepted:read()), nil, "EOF is remembered")
  T.eq(accepted:readable(), true, "a read would return at once")
  -- Half-close: the side that shut down still reads what comes back.
  T.eq(accepted:write("reply after your EOF"), true)
  T.eq(read_exactly(client, 20), "reply after your EOF")
  accepted:close()
  T.eq((client:read()), nil)
  client:close()
  server:close()
end)

T.case("read(len) returns at most len bytes; readers are served in order", function()
  local server, port = listen()
  local client = connect(port)
  local accepted = luv.net.tcp()
  server:accept(accepted)
  local got = {}
  local function reader(name, len)
    return luv.fiber.create(function()
      local n, data = accepted:read(len)
      got[#got + 1] = name .. "=" .. tostring(data)
    end):ready()
  end
  local a, b, c = reader("a", 2), reader("b", 3), reader("c", 100)
  luv.fiber.yield()  -- all three wait now
  client:write("0123456789")
  a:join() b:join() c:join()
  T.eq(table.concat(got, " "), "a=01 b=234 c=56789")
  T.raises("bad argument #2 .*length must be", accepted.read, accepted, 0)
  T.raises("bad argument", accepted.read, accepted, 1e9)
  T.raises("bad argument", accepted.read, accepted, "many")
  client:close() accepted:close() server:close()
end)

T.case("readable and writable check without waiting", function()
  local server, port = listen()
  local client = connect(port)
  local accepted = luv.net.tcp()
  server:accept(accepted)
  T.eq(accepted:readable(), false)
  T.eq(client:writable(), true)
  client:write("x")
  local deadline = luv.hrtime() + 5e9
  while not accepted:readable() and luv.hrtime() < deadline do luv.sleep(0.001) end
  T.eq(accepted:readable(), true)
  T.eq(select(2, accepted:read()), "x")
  T.eq(accepted:readable(), false)
  client:close() accepted:close() server:close()
  T.eq(client:readable(), false) T.eq(client:writable(), false)
end)

T.case("keepalive, nodelay, start and stop", function()
  local server, port = listen()
  local client = connect(port)
  T.eq(client:nodelay(true), true)
  T.eq(client:nodelay(false), true)
  T.eq(client:keepalive(true, 60), true)
  T.eq(client:keepalive(false), true)
  T.raises("bad argument #3", client.keepalive, client, true)
  T.raises("bad argument #3", client.keepalive, client, true, 0)
  T.raises("bad argument #2", client.nodelay, client, 1)
  local accepted = luv.net.tcp()
  server:accept(accepted)
  T.eq(accepted:start(), true)
  T.eq(accepted:stop(), true)
  client:write("held")
  T.eq(select(2, accepted:read()), "held", "read starts reading again")
  local fresh = luv.net.tcp()
  local ok, _, code = fresh:start()
  T.eq(ok, nil) T.eq(code, "ENOTCONN")
  fresh:close() client:close() accepted:close() server:close()
end)

T.case("close wakes a waiting reader, acceptor and writer with ECANCELED", function()
  local server, port = listen()
  local quiet = connect(port)
  local quiet_accepted = luv.net.tcp()
  server:accept(quiet_accepted)
  local busy = connect(port)
  local never_reads = luv.net.tcp()
  server:accept(never_reads)
  local results = {}
  local reader = luv.fiber.create(function()
    results.read = { quiet_accepted:read() }
  end):ready()
  local acceptor = luv.fiber.create(function()
    results.accept = { server:accept(luv.net.tcp()) }
  end):ready()
  -- A writer to a peer that never reads ends up waiting.
  local writer = luv.fiber.create(function()
    local chunk = string.rep("w", 1048576)
    while true do
      local ok, err, code = busy:write(chunk)
      if not ok then results.write = { ok, err, code } return end
    end
  end):ready()
  -- Until all three wait: the writer once the kernel's buffers are full
  -- (libuv holds bytes it could not write, and the peer never reads).
  local deadline = luv.hrtime() + 10e9
  repeat
    luv.sleep(0.005)
  until (reader:status() == "waiting" and acceptor:status() == "waiting" and
         writer:status() == "waiting" and not busy:writable()) or luv.hrtime() > deadline
  T.eq(reader:status(), "waiting")
  T.eq(acceptor:status(), "waiting")
  T.eq(writer:status(), "waiting")
  quiet_accepted:close()
  server:close()
  busy:close()
  reader:join() acceptor:join() writer:join()
  T.eq(results.read[1], nil) T.eq(results.read[3], "ECANCELED")
  T.eq(results.read[2], "ECANCELED: tcp was closed")
  T.eq(results.accept[1], nil) T.eq(results.accept[3], "ECANCELED")
  T.eq(results.write[1], nil) T.eq(results.write[3], "ECANCELED")
  quiet:close() never_reads:close()
end)

T.case("calls on a closed tcp fail with EBADF", function()
  local tcp = luv.net.tcp()
  T.eq(tcp:close(), true)
  T.eq(tcp:close(), true, "close twice")
  for _, call in ipairs({
    function() return tcp:read() end,
    function() return tcp:write("x") end,
    function() return tcp:shutdown() end,
    function() return tcp:connect("127.0.0.1", 1) end,
    function() return tcp:bind("127.0.0.1", 0) end,
    function() return tcp:listen() end,
    function() return tcp:accept(luv.net.tcp()) end,
    function() return tcp:getsockname() end,
    function() return tcp:nodelay(true) end,
    function() return tcp:start() end,
  }) do
    local ok, err, code = call()
    T.eq(ok, nil) T.eq(code, "EBADF") T.match(err, "^EBADF: ")
  end
end)

T.case("bad arguments raise errors that name them", function()
  local tcp = luv.net.tcp()
  T.raises("bad argument #2 .*string expected", tcp.bind, tcp, nil, 80)
  T.raises("bad argument #3 .*port must be", tcp.bind, tcp, "127.0.0.1", 70000)
  T.raises("bad argument #3 .*port must be", tcp.bind, tcp, "127.0.0.1", 1.5)
  T.raises("bad argument #3 .*port must be", tcp.connect, tcp, "127.0.0.1", -1)
  T.raises("bad argument #1 .*luv.tcp expected", tcp.bind, {}, "127.0.0.1", 0)
  T.raises("bad argument #2 .*string expected", tcp.write, tcp, {})
  T.raises("bad argument #2 .*backlog must be", tcp.listen, tcp, 0)
  T.raises("bad argument #2 .*stream expected", tcp.accept, tcp, "client")
  T.raises("bad argument #2 .*a fresh tcp", tcp.accept, tcp, luv.pipe.create())
  T.raises("bad argument #1 .*stream expected", luv.net.tcp().read, luv.timer.create())
  -- Names and malformed addresses are run-time failures, with the text.
  local ok, err, code = tcp:bind("localhost", 0)
  T.eq(ok, nil) T.eq(code, "EINVAL")
  T.match(err, "'localhost'") T.match(err, "getaddrinfo")
  ok, err, code = tcp:connect(string.rep("9", 100000), 80)
  T.eq(ok, nil) T.eq(code, "EINVAL") T.le(#err, 200, "message length")
  tcp:close()
end)

T.case("a blocking call from a plain coroutine raises a clear error", function()
  local server, port = listen()
  local co = coroutine.create(function() return server:accept(luv.net.tcp()) end)
  local ok, err = coroutine.resume(co)
  T.eq(ok, false)
  T.match(err, "tcp:accept%(%) would block in a plain coroutine")
  server:close()
end)

T.case("the server survives clients that reset mid-write or never read", function()
  local server, port = listen()
  local served, failures = 0, {}
  -- More than loopback's socket buffers take (they grow to several MiB).
  local big = string.rep("z", 32 * 1048576)
  local server_fiber = luv.fiber.create(function()
    for _ = 1, 3 do
      local client = luv.net.tcp()
      server:accept(client)
      luv.fiber.create(function()
        local n, request = client:read()
        if request == "big" then
          local ok, _, code = client:write(big)  -- more than the kernel buffers
          if not ok then failures[#failures + 1] = code end
        elseif request then
          client:write(request)
          served = served + 1
        end
        client:close()
      end):ready()
    end
  end):ready()
  -- 1: asks for a lot, reads a little, then closes with unread data: a reset.
  local rude = connect(port)
  rude:write("big")
  rude:read(10)
  luv.sleep(0.05)
  rude:close()
  -- 2: asks for a lot and never reads, but stays connected meanwhile.
  local lazy = connect(port)
  lazy:write("big")
  -- 3: an ordinary client is still served.
  local polite = connect(port)
  polite:write("ping")
  T.eq(read_exactly(polite, 4), "ping")
  polite:close()
  lazy:close()
  server_fiber:join()
  local deadline = luv.hrtime() + 5e9
  while #failures < 2 and luv.hrtime() < deadline do luv.sleep(0.01) end
  T.eq(served, 1)
  T.eq(#failures, 2, "both big writes failed")
  for _, code in ipairs(failures) do
    T.ok(code == "ECONNRESET" or code == "EPIPE" or code == "ECANCELED", code)
  end
  server:close()
end)

T.case("a fiber waiting in accept keeps its server and client alive", function()
  local port
  local function serve()
    local server = luv.net.tcp()
    server:bind("127.0.0.1", 0)
    server:listen()
    port = server:getsockname().port
    -- A tail call: on LuaJIT only the waiting call holds server and client.
    return server:accept(luv.net.tcp())
  end
  local accepter = luv.fiber.create(serve):ready()
  luv.fiber.yield()
  collectgarbage("collect")
  collectgarbage("collect")
  local client = connect(port)
  T.eq(accepter:join(), true)
  collectgarbage("collect")  -- now the accepted tcp goes, and closes
  collectgarbage("collect")
  T.eq((client:read()), nil, "EOF once the unreferenced server side was collected")
  client:close()
end)

T.case("streams dropped without close are collected safely", function()
  local server, port = listen()
  for i = 1, 50 do
    local c = luv.net.tcp()
    if i % 2 == 0 then c:connect("127.0.0.1", port) end
  end
  collectgarbage("collect")
  collectgarbage("collect")
  luv.sleep(0.01)
  collectgarbage("collect")
  server:close()
end)

T.case("running out of descriptors fails cleanly and the server serves again", function()
  -- In a child limited to 64 descriptors: clients are opened until one
  -- cannot be, then some are closed and a new client must be served.
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local path = dir .. "/tcp_emfile.lua"
  local f = assert(io.open(path, "w"))
  f:write([[
    local luv = require("luv")
    local server = luv.net.tcp()
    assert(server:bind("127.0.0.1", 0))
    assert(server:listen(128))
    local port = server:getsockname().port
    local accept_errors = 0
    luv.fiber.create(function()
      while true do
        local client = luv.net.tcp()
        local ok = server:accept(client)
        if not ok then
          accept_errors = accept_errors + 1
          client:close()
        else
          luv.fiber.create(function()
            while true do
              local n, data = client:read()
              if not n then break end
              client:write(data)
            end
            client:close()
          end):ready()
        end
      end
    end):ready()
    local function echo(client, text)
      if not client:write(text) then return false end
      local n, data = client:read()
      return data == text
    end
    -- Either this process cannot open a client socket (connect fails with
    -- EMFILE), or the server cannot accept one: libuv then closes it (shed).
    local clients, failure, shed = {}, nil, 0
    for i = 1, 200 do
      local c = luv.net.tcp()
      local ok, err, code = c:connect("127.0.0.1", port)
      if not ok then
        failure = err
        c:close()
        break
      end
      if echo(c, "hello " .. i) then
        clients[#clients + 1] = c
      else
        shed = shed + 1
        c:close()
        if shed == 3 then break end
      end
    end
    print("out of descriptors: " .. tostring(shed > 0 or
                                              (failure or ""):match("^EMFILE: ") ~= nil))
    if failure then print("failure: " .. failure) end
    print("served while short: " .. tostring(#clients > 10))
    for i = 1, #clients do
      if i % 2 == 0 then clients[i]:close() end
    end
    luv.sleep(0.02)
    local fresh = luv.net.tcp()
    assert(fresh:connect("127.0.0.1", port))
    print("served after: " .. tostring(echo(fresh, "again")))
    local still = true
    for i = 1, #clients, 2 do still = still and echo(clients[i], "still") end
    print("old clients still served: " .. tostring(still))
    os.exit(0)
  ]])
  f:close()
  local interpreter = assert(os.getenv("LUV_TEST_LUA"))
  local child = assert(io.popen(string.format("ulimit -n 64 && '%s' '%s' 2>&1; echo exit=$?",
                                              interpreter, path)))
  local output = child:read("*a")
  child:close()
  print("# " .. output:gsub("\n", " | "))
  T.match(output, "out of descriptors: true\n")
  if output:match("failure: ") then
    T.match(output, "failure: EMFILE: too many open files: 127%.0%.0%.1:%d+\n")
  end
  T.match(output, "served while short: true\n")
  T.match(output, "served after: true\n")
  T.match(output, "old clients still served: true\n")
  T.match(output, "exit=0")
end)

T.run()
