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

-- Back-pressure you can see: write_queue_size() and drain([mark]).
local T = require("luvtest")
local luv = require("luv")

-- A connected tcp pair: the client and the server's end.
local function tcp_pair()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local accepting = luv.fiber.create(function() return assert(server:accept()) end):ready()
  local client = luv.net.tcp()
  assert(client:connect("127.0.0.1", server:getsockname().port))
  local peer = accepting:join()
  server:close()
  return client, peer
end

local BIG = 8 * 1024 * 1024  -- more than the socket buffers hold

T.case("write_queue_size shows what a slow reader leaves queued; drain waits it out", function()
  local client, peer = tcp_pair()
  T.eq(client:write_queue_size(), 0)
  T.eq(client:drain(), true, "an empty queue drains at once")
  local writer = luv.fiber.create(function() return client:write(string.rep("x", BIG)) end):ready()
  -- The writer blocks once the kernel is full; the rest is queued.
  while client:write_queue_size() == 0 do luv.fiber.yield() end
  T.le(1, client:write_queue_size(), "queued bytes")
  -- drain under a deadline: the peer does not read yet.
  local ok, err, code = luv.timeout(0.05, client.drain, client)
  T.eq(ok, nil)
  T.eq(code, "ETIMEDOUT", err)
  -- A drainer waits while the peer reads everything.
  local drained = luv.fiber.create(function() return client:drain() end):ready()
  local got = 0
  while got < BIG do
    local n = assert(peer:read())
    got = got + n
  end
  T.eq(drained:join(), true)
  T.eq(writer:join(), true)
  T.eq(client:write_queue_size(), 0)
  client:close()
  peer:close()
end)

T.case("drain(mark) returns once at most mark bytes are queued", function()
  local client, peer = tcp_pair()
  local writer = luv.fiber.create(function() return client:write(string.rep("y", BIG)) end):ready()
  while client:write_queue_size() == 0 do luv.fiber.yield() end
  T.eq(client:drain(BIG * 2), true, "above the mark already")
  local reader = luv.fiber.create(function()
    local got = 0
    while got < BIG do got = got + assert(peer:read()) end
    return got
  end):ready()
  T.eq(client:drain(0), true)
  T.eq(reader:join(), BIG)
  T.eq(writer:join(), true)
  client:close()
  peer:close()
end)

T.case("closing the stream wakes a drainer; bad marks raise", function()
  local client, peer = tcp_pair()
  local writer = luv.fiber.create(function() return client:write(string.rep("z", BIG)) end):ready()
  while client:write_queue_size() == 0 do luv.fiber.yield() end
  local drainer = luv.fiber.create(function() return client:drain() end):ready()
  luv.fiber.yield()
  client:close()
  local ok, _, code = drainer:join()
  T.eq(ok, nil)
  T.eq(code, "EBADF")
  writer:join()
  peer:close()
  T.raises("bad argument #1 to 'drain' %(mark must be", function() client:drain(-1) end)
  T.raises("bad argument #1 to 'drain'", function() client:drain("lots") end)
end)

T.run()
