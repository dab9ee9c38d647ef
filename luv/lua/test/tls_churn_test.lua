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

-- 10,000 TLS handshakes in a loop (2,000 under sanitizers) leave the open
-- descriptors and the memory in use where they were; TLS in spawned
-- threads; a peer that resets mid-stream.
local T = require("luvtest")
local luv = require("luv")

local make_certs = assert(arg[1], "tls_churn_test: give make_test_certs")
local certs = (os.getenv("TEST_TMPDIR") or "/tmp") .. "/tls_churn_certs"
assert(T.execute(string.format("mkdir -p '%s' && '%s' '%s'", certs, make_certs, certs)))
local function cert(name) return certs .. "/" .. name end

-- Fewer cycles under ASan and TSan, which are slow (T.sanitized).
local CYCLES = T.sanitized and 2000 or 10000
local WARM_UP = (T.vm == "lua53" or T.vm == "lua54") and not T.sanitized and 4000 or 1000

T.case("10,000 handshakes leave descriptors and memory flat", function()
  -- The collectors of 5.3 and 5.4 do not see the C++ memory (OpenSSL's
  -- session, buffers) behind a closed stream's small userdata, and at
  -- their default pace closed connections pile up, raising the allocator's
  -- high-water mark as the cycles go (tcp_churn_test says more). A tighter
  -- pace collects them as they go; a leak still shows.
  if T.vm == "lua53" then collectgarbage("setpause", 100) end
  if T.vm == "lua54" then collectgarbage("incremental", 100, 200) end
  local server_ctx = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"),
  }))
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen(1024))
  local port = server:getsockname().port
  local connections = 0
  local serving = luv.fiber.create(function()
    while true do
      local raw = server:accept()
      if not raw then return end
      connections = connections + 1
      luv.fiber.create(function()
        local stream = luv.tls.wrap(raw, server_ctx)
        if stream then
          local line = stream:read_line()
          if line then stream:write(line .. "\n") end
          stream:shutdown()
        end
        raw:close()
        connections = connections - 1
      end):ready()
    end
  end):ready()

  local function quiesce()
    local deadline = luv.hrtime() + 10e9
    while connections > 0 and luv.hrtime() < deadline do luv.sleep(0.005) end
    T.eq(connections, 0, "server sides still open")
    T.settle()
  end

  -- A fresh client context every 100 connections: full handshakes then,
  -- resumed ones in between.
  local client_ctx
  local function cycle(i)
    if i % 100 == 1 then client_ctx = assert(luv.tls.context({ ca = cert("ca.pem") })) end
    local stream, err = luv.tls.connect("127.0.0.1", port, client_ctx, "localhost")
    if not stream then error("cycle " .. i .. ": " .. err) end
    stream:write("ping " .. i .. "\n")
    local line = stream:read_line()
    if line ~= "ping " .. i then error("cycle " .. i .. ": echoed " .. tostring(line)) end
    stream:close()
  end

  for i = 1, WARM_UP do cycle(i) end
  quiesce()
  local before = T.footprint()
  for i = 1, CYCLES do cycle(i) end
  quiesce()
  T.check_flat(before, T.footprint())
  server:close()
  T.eq(serving:join(), nil)
end)

T.case("TLS in spawned threads, each with its own context", function()
  local function worker(certs_dir, n)
    local luv = require("luv")
    local server_ctx = assert(luv.tls.context({
      server = true, cert = certs_dir .. "/server.pem", key = certs_dir .. "/server.key",
    }))
    local client_ctx = assert(luv.tls.context({ ca = certs_dir .. "/ca.pem" }))
    local server = luv.net.tcp()
    assert(server:bind("127.0.0.1", 0))
    assert(server:listen())
    local port = server:getsockname().port
    luv.fiber.create(function()
      for _ = 1, n do
        local stream = assert(luv.tls.wrap(assert(server:accept()), server_ctx))
        stream:write(stream:read_line():upper() .. "\n")
        stream:close()
      end
      server:close()
    end):ready()
    local got = {}
    for i = 1, n do
      local stream = assert(luv.tls.connect("127.0.0.1", port, client_ctx, "localhost"))
      stream:write("thread " .. i .. "\n")
      got[#got + 1] = stream:read_line()
      stream:close()
    end
    return table.concat(got, ",")
  end
  local threads = {}
  for i = 1, 3 do threads[i] = assert(luv.thread.spawn(worker, certs, 5)) end
  for i = 1, 3 do
    T.eq(threads[i]:join(), "THREAD 1,THREAD 2,THREAD 3,THREAD 4,THREAD 5")
  end
end)

T.case("a peer that resets mid-stream: the read fails, nothing hangs", function()
  local server_ctx = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"),
  }))
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local result
  local serving = luv.fiber.create(function()
    local stream = assert(luv.tls.wrap(assert(server:accept()), server_ctx))
    local first = stream:read_line()
    local n, err, code = stream:read()
    result = { first, n, code }
    stream:close()
  end):ready()
  -- The client's raw socket: its TLS stream writes a line, then the raw
  -- socket is closed with unread data pending (an RST on Linux).
  local client_ctx = assert(luv.tls.context({ ca = cert("ca.pem") }))
  local stream = assert(luv.tls.connect("127.0.0.1", server:getsockname().port, client_ctx,
                                        "localhost"))
  stream:write("one\n")
  luv.sleep(0.05)
  stream:close()
  serving:join()
  server:close()
  T.eq(result[1], "one")
  T.eq(result[2], nil)
  T.ok(result[3] == "EOF" or result[3] == "ECONNRESET", "EOF or ECONNRESET, got " ..
       tostring(result[3]))
end)

T.run()
