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

-- luv.tls: luv against luv, against openssl s_server and s_client, and
-- against Node.js's tls module, on loopback, with certificates made at test
-- time (//luv/tls/testing:make_test_certs); and the failures a TLS peer can
-- cause, each a clear "ETLS" (or deadline) failure that closes the stream.
local T = require("luvtest")
local luv = require("luv")

local make_certs, openssl = arg[1], arg[2]
assert(make_certs and openssl, "tls_test: give make_test_certs and openssl")
local certs = (os.getenv("TEST_TMPDIR") or "/tmp") .. "/tls_certs"
assert(T.execute(string.format("mkdir -p '%s' && '%s' '%s'", certs, make_certs, certs)))
local function cert(name) return certs .. "/" .. name end

local server_ctx = assert(luv.tls.context({
  server = true, cert = cert("server.pem"), key = cert("server.key"),
}))
local client_ctx = assert(luv.tls.context({ ca = cert("ca.pem") }))

-- A TLS server on 127.0.0.1 that takes `count` connections, one after the
-- other, and runs handler(stream) on each after its handshake. Returns the
-- port and a function that waits for the server and returns, per
-- connection, what the handler returned (or the wrap failure).
local function serve(context, handler, count)
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local results = {}
  local fiber = luv.fiber.create(function()
    for i = 1, count or 1 do
      local raw = assert(server:accept())
      local stream, err, code = luv.tls.wrap(raw, context)
      if stream then
        results[i] = T.pack(handler(stream))
        stream:close()
      else
        results[i] = T.pack(nil, err, code)
      end
    end
    server:close()
  end):ready()
  return server:getsockname().port, function()
    fiber:join()
    return results
  end
end

-- Reads a line and answers it in upper case; returns the line, the
-- session and the peer's certificate.
local function upper_echo(stream)
  local line = stream:read_line()
  if line then assert(stream:write(line:upper() .. "\n")) end
  return line, stream:tls_info(), stream:peer_certificate()
end

T.case("luv client and server: data both ways, session facts", function()
  local port, done = serve(server_ctx, upper_echo)
  local stream = assert(luv.tls.connect("127.0.0.1", port, client_ctx, "localhost"))
  T.eq(stream:tls_info().version, "TLSv1.3")
  assert(stream:write("hello tls\n"))
  T.eq(stream:read_line(), "HELLO TLS")
  local info = stream:tls_info()
  T.eq(info.server_name, "localhost")
  T.match(info.cipher, "^TLS_")
  local peer = stream:peer_certificate()
  T.match(peer.subject, "CN=localhost")
  T.match(peer.issuer, "CN=")
  T.eq(table.concat(peer.dns_names, ","), "localhost")
  T.eq(table.concat(peer.ip_addresses, ","), "127.0.0.1,::1")
  T.le(os.time(), peer.not_after, "not_after")
  T.le(peer.not_before, os.time(), "not_before")
  T.match(peer.fingerprint, "^" .. string.rep("%x", 64) .. "$")
  T.eq(stream:read(), nil, "EOF after the server closed")
  stream:close()
  local result = done()[1]
  T.eq(result[1], "hello tls")
  T.eq(result[2].version, "TLSv1.3")
  T.eq(result[3], nil, "no client certificate")
end)

T.case("a plain tcp is wrapped; a megabyte crosses; shutdown sends close_notify", function()
  local blob = string.rep("0123456789abcdef", 65536)
  local port, done = serve(server_ctx, function(stream)
    local got = stream:read_exactly(#blob)
    local n, err, code = stream:read()  -- the client shut down: EOF
    assert(stream:write(tostring(#got)))
    return got == blob, code
  end)
  local tcp = luv.net.tcp()
  assert(tcp:connect("127.0.0.1", port))
  local stream = assert(luv.tls.wrap(tcp, client_ctx, "localhost"))
  T.eq(stream, tcp, "the same object")
  assert(stream:write(blob))
  assert(stream:shutdown())
  T.eq(T.read_all(stream), tostring(#blob))
  stream:close()
  local result = done()[1]
  T.eq(result[1], true)
  T.eq(result[2], "EOF")
end)

T.case("TLS 1.2, ALPN, and resumption", function()
  local server12 = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"),
    max_version = "1.2", alpn = { "http/1.1", "h2" },
  }))
  local client = assert(luv.tls.context({ ca = cert("ca.pem"), alpn = { "h2", "x" } }))
  local port, done = serve(server12, upper_echo, 2)
  local infos = {}
  for i = 1, 2 do
    local stream = assert(luv.tls.connect("127.0.0.1", port, client, "localhost"))
    assert(stream:write("x\n"))
    T.eq(stream:read_line(), "X")
    infos[i] = stream:tls_info()
    stream:close()
  end
  done()
  T.eq(infos[1].version, "TLSv1.2")
  T.eq(infos[1].alpn, "h2")
  T.eq(infos[1].resumed, false)
  T.eq(infos[2].resumed, true, "the second connection resumed")
end)

T.case("TLS 1.3 resumption", function()
  local client = assert(luv.tls.context({ ca = cert("ca.pem") }))
  local port, done = serve(server_ctx, upper_echo, 2)
  local resumed = {}
  for i = 1, 2 do
    local stream = assert(luv.tls.connect("127.0.0.1", port, client, "localhost"))
    assert(stream:write("y\n"))
    T.eq(stream:read_line(), "Y")  -- reading takes the ticket in too
    resumed[i] = stream:tls_info().resumed
    stream:close()
  end
  done()
  T.eq(resumed[1], false)
  T.eq(resumed[2], true)
end)

T.case("SNI picks the certificate by name", function()
  local ctx = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"),
  }))
  assert(ctx:add_server_name("other.test", cert("other.pem"), cert("other.key")))
  local port, done = serve(ctx, upper_echo, 2)
  local names = {}
  for i, name in ipairs({ "other.test", "localhost" }) do
    local stream = assert(luv.tls.connect("127.0.0.1", port, client_ctx, name))
    assert(stream:write("sni\n"))
    stream:read_line()
    names[i] = table.concat(stream:peer_certificate().dns_names, ",")
    stream:close()
  end
  local results = done()
  T.eq(names[1], "other.test")
  T.eq(names[2], "localhost")
  T.eq(results[1][2].server_name, "other.test")
end)

T.case("client certificates: required, sent, verified", function()
  local ctx = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"),
    ca = cert("ca.pem"), require_client_cert = true,
  }))
  local with_cert = assert(luv.tls.context({
    ca = cert("ca.pem"), cert = cert("client.pem"), key = cert("client.key"),
  }))
  local port, done = serve(ctx, upper_echo, 2)
  local stream = assert(luv.tls.connect("127.0.0.1", port, with_cert, "localhost"))
  assert(stream:write("me\n"))
  T.eq(stream:read_line(), "ME")
  stream:close()
  -- Without one: TLS 1.3 lets the client finish first; the server's refusal
  -- arrives as the failure of the next read.
  local bare, err, code = luv.tls.connect("127.0.0.1", port, client_ctx, "localhost")
  if bare then
    bare:write("me\n")
    _, err, code = bare:read_line()
    bare:close()
  end
  T.eq(code, "ETLS")
  local results = done()
  T.match(results[1][3].subject, "CN=luv test client")
  T.eq(results[2][1], nil)
  T.eq(results[2][3], "ETLS")
  T.match(results[2][2], "^ETLS: .*certificate")
end)

T.case("verification failures are ETLS with OpenSSL's reason, and close the stream", function()
  local function attempt(server_cert, name, client)
    local ctx = assert(luv.tls.context({
      server = true, cert = cert(server_cert .. ".pem"), key = cert(server_cert .. ".key"),
    }))
    local port, done = serve(ctx, upper_echo)
    local stream, err, code = luv.tls.connect("127.0.0.1", port, client or client_ctx, name)
    if stream then stream:close() end
    done()
    return stream, err, code
  end
  local _, err, code = attempt("server", "wrong.test")
  T.failure("ETLS", nil, err, code)
  T.match(err, "hostname mismatch")
  _, err, code = attempt("expired", "localhost")
  T.failure("ETLS", nil, err, code)
  T.match(err, "expired")
  _, err, code = attempt("unknown_server", "localhost")
  T.failure("ETLS", nil, err, code)
  T.match(err, "certificate verify failed")
  -- Turning verification off is explicit, and named as insecure.
  local insecure = assert(luv.tls.context({ insecure = true }))
  local stream = attempt("unknown_server", "wrong.test", insecure)
  T.ok(stream, "insecure connects")
end)

T.case("a plain TCP peer, garbage, a silent peer and a reset", function()
  -- A plain-text client speaking to a TLS server.
  local port, done = serve(server_ctx, upper_echo)
  local plain = luv.net.tcp()
  assert(plain:connect("127.0.0.1", port))
  assert(plain:write("GET / HTTP/1.0\r\n\r\n"))
  T.read_all(plain)
  plain:close()
  local result = done()[1]
  T.failure("ETLS", result[1], result[2], result[3])

  -- Garbage from a "server" to a TLS client.
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local garbage = luv.fiber.create(function()
    local c = assert(server:accept())
    c:read()
    c:write(string.rep("\255\0garbage", 100))
    c:read()
    c:close()
  end):ready()
  local stream, err, code = luv.tls.connect("127.0.0.1", server:getsockname().port,
                                            client_ctx, "localhost")
  T.failure("ETLS", stream, err, code)
  garbage:join()

  -- A peer that connects and says nothing: the handshake ends at the
  -- caller's deadline.
  local silent = luv.fiber.create(function()
    local c = assert(server:accept())
    T.read_all(c)  -- until the client gives up and closes
    c:close()
  end):ready()
  local ok, e, c = luv.timeout(0.2, function()
    return luv.tls.connect("127.0.0.1", server:getsockname().port, client_ctx, "localhost")
  end)
  T.failure("ETIMEDOUT", ok, e, c)
  silent:join()

  -- A peer that resets in the middle of the handshake.
  local resetter = luv.fiber.create(function()
    local c = assert(server:accept())
    c:read()
    c:close()
  end):ready()
  stream, err, code = luv.tls.connect("127.0.0.1", server:getsockname().port, client_ctx,
                                      "localhost")
  T.eq(stream, nil)
  T.eq(code, "ETLS")
  T.match(err, "closed the connection during the handshake")
  resetter:join()
  server:close()
end)

T.case("luv against openssl s_server and s_client", function()
  -- s_server -rev answers each line reversed.
  local out = luv.pipe.create()
  local proc = assert(luv.process.spawn(openssl, {
    "s_server", "-accept", "127.0.0.1:0", "-cert", cert("server.pem"),
    "-key", cert("server.key"), "-naccept", "1", "-rev", stdout = out, stderr = false,
  }))
  local port
  while not port do
    local line = assert(out:read_line())
    port = tonumber(line:match("^ACCEPT [%d.]+:(%d+)"))
  end
  local client13 = assert(luv.tls.context({ ca = cert("ca.pem"), min_version = "1.3" }))
  local stream = assert(luv.tls.connect("127.0.0.1", port, client13, "localhost"))
  assert(stream:write("abc\n"))
  T.eq(stream:read_line(), "cba")
  T.eq(stream:tls_info().version, "TLSv1.3")
  stream:close()
  out:close()
  proc:wait()

  -- s_client against luv's server, TLS 1.2.
  local ctx12 = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"), max_version = "1.2",
  }))
  local port2, done = serve(ctx12, upper_echo)
  local input, output = luv.pipe.create(), luv.pipe.create()
  local client = assert(luv.process.spawn(openssl, {
    "s_client", "-connect", "127.0.0.1:" .. port2, "-CAfile", cert("ca.pem"),
    "-servername", "localhost", "-verify_return_error", "-quiet",
    stdin = input, stdout = output, stderr = false,
  }))
  assert(input:write("from s_client\n"))
  T.eq(output:read_line(), "FROM S_CLIENT")
  input:close()
  output:close()
  client:wait()
  T.eq(done()[1][2].version, "TLSv1.2")
end)

T.case("Node.js's tls client against luv's server", function()
  local node = io.popen("command -v node || command -v nodejs"):read("*l")
  if not node then
    print("# skipped: no node")
    return
  end
  local port, done = serve(server_ctx, upper_echo)
  local output = luv.pipe.create()
  local script = string.format([[
    const tls = require("tls"), fs = require("fs");
    const s = tls.connect({ host: "127.0.0.1", port: %d, servername: "localhost",
                            ca: fs.readFileSync(%q) }, () => s.write("from node\n"));
    s.setEncoding("utf8");
    s.on("data", (d) => process.stdout.write(d));
    s.on("error", (e) => { console.log("error " + e.message); });
  ]], port, cert("ca.pem"))
  local proc = assert(luv.process.spawn(node, { "-e", script, stdout = output }))
  T.eq(output:read_line(), "FROM NODE")
  output:close()
  proc:wait()
  T.eq(done()[1][1], "from node")
end)

T.case("deadlines and select work on a TLS stream", function()
  local release = luv.channel()
  local port, done = serve(server_ctx, function(stream)
    release:get()
    assert(stream:write("late\n"))
    return stream:read_line()
  end)
  local stream = assert(luv.tls.connect("127.0.0.1", port, client_ctx, "localhost"))
  local line, err, code = luv.timeout(0.05, function() return stream:read_line() end)
  T.failure("ETIMEDOUT", line, err, code)
  release:put(true)
  T.eq(luv.select(stream), stream)
  T.eq(stream:read_line(), "late")
  assert(stream:write("bye\n"))
  stream:close()
  T.eq(done()[1][1], "bye")
end)

T.case("a pipe speaks TLS too, with certificates given as PEM text", function()
  local pem = function(name) return T.slurp(cert(name)) end
  local ctx = assert(luv.tls.context({ server = true, cert = pem("server.pem"), key = pem("server.key") }))
  local path = T.socket_path("tls.sock")
  os.remove(path)
  local server = luv.pipe.create()
  assert(server:bind(path))
  assert(server:listen())
  local got
  local serving = luv.fiber.create(function()
    local stream = assert(luv.tls.wrap(assert(server:accept()), ctx))
    got = stream:read_line()
    assert(stream:write("pipe ok\n"))
    stream:close()
    server:close()
  end):ready()
  local client = luv.pipe.create()
  assert(client:connect(path))
  local trust = assert(luv.tls.context({ ca = pem("ca.pem") }))
  local stream = assert(luv.tls.wrap(client, trust, "localhost"))
  assert(stream:write("over a pipe\n"))
  T.eq(stream:read_line(), "pipe ok")
  T.eq(stream:tls_info().version, "TLSv1.3")
  stream:close()
  serving:join()
  T.eq(got, "over a pipe")
  os.remove(path)
end)

T.case("ciphers, a CA directory, and fiber:cancel in a handshake and a read", function()
  local dir = certs .. "/ca_dir"
  assert(T.execute(string.format("mkdir -p '%s' && cp '%s' '%s/' && '%s' rehash '%s'",
                                 dir, cert("ca.pem"), dir, openssl, dir)))
  local ctx12 = assert(luv.tls.context({
    server = true, cert = cert("server.pem"), key = cert("server.key"),
    max_version = "1.2", ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256",
  }))
  local port, done = serve(ctx12, upper_echo)
  local by_dir = assert(luv.tls.context({ ca_dir = dir }))
  local stream = assert(luv.tls.connect("127.0.0.1", port, by_dir, "localhost"))
  T.eq(stream:tls_info().cipher, "ECDHE-ECDSA-AES128-GCM-SHA256")
  -- A read waiting on the TLS stream is cancelled like any other.
  local reader = luv.fiber.create(function() return stream:read_line() end):ready()
  luv.sleep(0.02)
  reader:cancel("enough")
  local line, err, code = reader:join()
  T.failure("ECANCELED", line, err, code)
  assert(stream:write("still usable\n"))
  T.eq(stream:read_line(), "STILL USABLE")
  stream:close()
  done()

  -- A handshake waiting for a silent server is cancelled; the stream closes.
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local silent = luv.fiber.create(function()
    local c = assert(server:accept())
    T.read_all(c)
    c:close()
  end):ready()
  local tcp = luv.net.tcp()
  assert(tcp:connect("127.0.0.1", server:getsockname().port))
  local shaker = luv.fiber.create(function() return luv.tls.wrap(tcp, client_ctx, "localhost") end)
  shaker:ready()
  luv.sleep(0.02)
  shaker:cancel("give up")
  local wrapped, e, c = shaker:join()
  T.failure("ECANCELED", wrapped, e, c)
  T.eq(tcp:write("x"), nil, "the stream was closed")
  silent:join()
  server:close()
end)

T.case("wrap checks its arguments", function()
  T.raises("bad argument #1 to 'wrap' %(stream expected", function()
    local r = luv.tls.wrap(5, client_ctx)
    return r
  end)
  T.raises("bad argument #2 to 'wrap' %(luv.tls.context expected", function()
    local r = luv.tls.wrap(luv.net.tcp(), {})
    return r
  end)
  T.raises("bad argument #2 to 'connect' %(port must be", function()
    local r = luv.tls.connect("localhost", 70000, client_ctx)
    return r
  end)
  T.raises("unknown option 'sni'", function() luv.tls.context({ sni = true }) end)
  T.raises("option 'alpn' must be", function() luv.tls.context({ alpn = "h2" }) end)
  T.raises("option 'min_version' must be", function() luv.tls.context({ min_version = "1.0" }) end)
  local ok, err, code = luv.tls.context({ cert = cert("nonexistent.pem"), key = cert("server.key"), server = true })
  T.failure("ETLS", ok, err, code)
end)

T.run()
