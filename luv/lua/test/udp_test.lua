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

-- UDP: bind, send, recv with the sender, queueing, options, multicast.
local T = require("luvtest")
local luv = require("luv")

local function bound(host)
  local udp = luv.net.udp()
  T.eq(udp:bind(host or "127.0.0.1", 0), true)
  return udp, udp:getsockname().port
end

T.case("a datagram arrives with its sender's address", function()
  local a, a_port = bound()
  local b, b_port = bound()
  T.match(tostring(a), "^luv.udp: ")
  T.eq(b:getsockname().family, "inet")
  T.eq(a:send("127.0.0.1", b_port, "hello"), true)
  local data, host, port = b:recv()
  T.eq(data, "hello") T.eq(host, "127.0.0.1") T.eq(port, a_port)
  -- Reply to the sender.
  T.eq(b:send(host, port, "hello back"), true)
  T.eq((a:recv()), "hello back")
  a:close() b:close()
end)

T.case("datagrams keep their boundaries and order; empty ones count", function()
  local a = bound()
  local b, b_port = bound()
  for _, message in ipairs({ "one", "", "three", string.rep("x", 60000) }) do
    T.eq(a:send("127.0.0.1", b_port, message), true)
  end
  T.eq((b:recv()), "one")
  T.eq((b:recv()), "")
  T.eq((b:recv()), "three")
  T.eq(#b:recv(), 60000)
  a:close() b:close()
end)

T.case("waiting receivers each get one datagram, in the order they asked", function()
  local a = bound()
  local b, b_port = bound()
  local got = {}
  local fibers = {}
  for i = 1, 3 do
    fibers[i] = luv.fiber.create(function() got[i] = b:recv() end):ready()
  end
  luv.fiber.yield()
  for _, message in ipairs({ "first", "second", "third" }) do
    a:send("127.0.0.1", b_port, message)
  end
  for i = 1, 3 do fibers[i]:join() end
  T.eq(table.concat(got, ","), "first,second,third")
  a:close() b:close()
end)

T.case("IPv6 loopback", function()
  local a, a_port = bound("::1")
  local b, b_port = bound("::1")
  T.eq(b:getsockname().family, "inet6")
  T.eq(a:send("::1", b_port, "six"), true)
  local data, host, port = b:recv()
  T.eq(data, "six") T.eq(host, "::1") T.eq(port, a_port)
  a:close() b:close()
end)

T.case("multicast over loopback, and the socket options", function()
  local group = "239.255.42.97"
  local receiver = luv.net.udp()
  T.eq(receiver:bind(group, 0, { reuseaddr = true }), true)
  local port = receiver:getsockname().port
  T.eq(receiver:membership(group, "127.0.0.1", "join"), true)
  local sender = bound()
  T.eq(sender:multicast_interface("127.0.0.1"), true)
  T.eq(sender:multicast_loop(true), true)
  T.eq(sender:multicast_ttl(1), true)
  T.eq(sender:ttl(64), true)
  T.eq(sender:broadcast(true), true)
  T.eq(sender:broadcast(false), true)
  T.eq(sender:send(group, port, "to the group"), true)
  T.eq((receiver:recv()), "to the group")
  T.eq(receiver:membership(group, "127.0.0.1", "leave"), true)
  local ok, err, code = receiver:membership("not an address", nil, "join")
  T.eq(ok, nil) T.eq(code, "EINVAL")
  T.raises("bad argument #2", sender.ttl, sender, 0)
  T.raises("bad argument #2", sender.multicast_ttl, sender, 256)
  T.raises("bad argument #4", receiver.membership, receiver, group, nil, "enter")
  T.raises("bad argument #2", sender.broadcast, sender, "yes")
  receiver:close() sender:close()
end)

T.case("close wakes a waiting receiver; calls on a closed udp fail with EBADF", function()
  local udp = bound()
  local result
  local f = luv.fiber.create(function() result = { udp:recv() } end):ready()
  luv.fiber.yield()
  T.eq(udp:close(), true)
  f:join()
  T.eq(result[1], nil) T.eq(result[3], "ECANCELED")
  T.eq(result[2], "ECANCELED: udp was closed")
  local ok, err, code = udp:recv()
  T.eq(ok, nil) T.eq(code, "EBADF")
  ok, err, code = udp:send("127.0.0.1", 9, "x")
  T.eq(ok, nil) T.eq(code, "EBADF")
  T.eq(udp:close(), true)
end)

T.case("bad arguments raise; bad addresses and sizes fail cleanly", function()
  local udp = bound()
  T.raises("bad argument #3", udp.send, udp, "127.0.0.1", 70000, "x")
  T.raises("bad argument #4", udp.send, udp, "127.0.0.1", 9)
  T.raises("bad argument #4", udp.bind, udp, "127.0.0.1", 0, "reuse")
  local ok, err, code = udp:send("localhost", 9, "x")
  T.eq(ok, nil) T.eq(code, "EINVAL") T.match(err, "'localhost'")
  ok, err, code = udp:send("127.0.0.1", 9, string.rep("x", 70000))
  T.eq(ok, nil) T.eq(code, "EMSGSIZE")
  udp:close()
end)

T.run()
