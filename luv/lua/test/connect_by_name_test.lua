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

-- Connecting by name (each resolved address tried in turn), accept()
-- without a client, and reverse lookups.
local T = require("luvtest")
local luv = require("luv")

-- A server on 127.0.0.1 that accepts `count` connections (accept() with no
-- client) and answers each with its peer's address.
local function serve(count)
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local fiber = luv.fiber.create(function()
    for _ = 1, count do
      local client = assert(server:accept())
      assert(client:write("hello " .. client:getpeername().address))
      client:close()
    end
    server:close()
  end):ready()
  return server:getsockname().port, fiber
end

T.case("connect resolves a name and tries its addresses in turn", function()
  local port, fiber = serve(2)
  -- localhost may resolve to ::1 first, where nothing listens: connect
  -- goes on to 127.0.0.1.
  local addresses = assert(luv.net.getaddrinfo("localhost", port))
  T.le(1, #addresses, "addresses of localhost")
  local client = luv.net.tcp()
  T.eq(client:connect("localhost", port), true)
  local _, greeting = client:read()
  T.eq(greeting, "hello 127.0.0.1")
  T.eq(client:getpeername().port, port)
  client:close()
  -- A numeric address connects without a lookup, as before.
  client = luv.net.tcp()
  T.eq(client:connect("127.0.0.1", port), true)
  client:close()
  fiber:join()
end)

T.case("a bound tcp connects by name on its own socket", function()
  local port, fiber = serve(1)
  local client = luv.net.tcp()
  assert(client:bind("127.0.0.1", 0))
  local local_port = client:getsockname().port
  T.eq(client:connect("localhost", port), true)
  T.eq(client:getsockname().port, local_port, "the bound port")
  client:close()
  fiber:join()
end)

T.case("connect by name fails with the last address's error, naming the host", function()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  local port = server:getsockname().port
  server:close()  -- nothing listens there now
  local client = luv.net.tcp()
  local ok, err, code = client:connect("localhost", port)
  T.eq(ok, nil)
  T.eq(code, "ECONNREFUSED", err)
  T.match(err, "%(localhost%)$")
  -- The tcp stays usable: a later connect works.
  local port2, fiber = serve(1)
  T.eq(client:connect("127.0.0.1", port2), true)
  client:close()
  fiber:join()
  ok, err, code = luv.net.tcp():connect("name.invalid", 80)
  T.eq(ok, nil)
  T.eq(code, "EAI_NONAME", err)
end)

T.case("connect checks its arguments and names itself", function()
  local client = luv.net.tcp()
  T.raises("bad argument #1 to 'connect' %(string expected, got number%)",
           function() client:connect(5, 80) end)
  T.raises("bad argument #2 to 'connect' %(port must be", function() client:connect("localhost", 70000) end)
  T.raises("bad argument #2 to 'connect' %(port must be", function() client:connect("localhost", 1.5) end)
  local where = debug.getinfo(1, "S").short_src
  T.raises(where:gsub("%p", "%%%0") .. ":%d+: bad argument", function() client:connect({}, 80) end)
  client:close()
end)

T.case("accept() without a client returns a new connected stream", function()
  local port, fiber = serve(1)
  local client = luv.net.tcp()
  assert(client:connect("127.0.0.1", port))
  local _, greeting = client:read()
  T.eq(greeting, "hello 127.0.0.1")
  client:close()
  fiber:join()
  -- Pipes too.
  local path = T.socket_path("accept.sock")
  os.remove(path)
  local server = luv.pipe.create()
  assert(server:bind(path))
  assert(server:listen())
  local acceptor = luv.fiber.create(function()
    local accepted = assert(server:accept())
    T.eq(getmetatable(accepted), "luv.pipe")
    assert(accepted:write("over the pipe"))
    accepted:close()
  end):ready()
  local pipe = luv.pipe.create()
  assert(pipe:connect(path))
  local _, data = pipe:read()
  T.eq(data, "over the pipe")
  pipe:close()
  acceptor:join()
  server:close()
  os.remove(path)
  -- A closed server fails, and no client is left open.
  local ok, _, code = server:accept()
  T.eq(ok, nil)
  T.eq(code, "EBADF")
  T.raises("bad argument #1 to 'accept' %(stream expected, got number%)",
           function() server:accept(5) end)
end)

T.case("getnameinfo looks an address up in reverse", function()
  local host, service = luv.net.getnameinfo("127.0.0.1", 8080,
    { numerichost = true, numericserv = true })
  T.eq(host, "127.0.0.1")
  T.eq(service, "8080")
  host, service = luv.net.getnameinfo("127.0.0.1", 22)
  T.eq(type(host), "string")
  T.eq(service, "ssh")
  local ok, err, code = luv.net.getnameinfo("192.0.2.1", 0, { namereqd = true })
  T.eq(ok, nil)
  T.match(code, "^EAI_", err)
  ok, err, code = luv.net.getnameinfo("localhost")
  T.eq(ok, nil)
  T.eq(code, "EINVAL", err)
  T.raises("bad argument", luv.net.getnameinfo, "127.0.0.1", 80, "flags")
end)

T.run()
