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

-- Regression: failures that did not say what failed or that disagreed with
-- the docs: a busy port surfaced only at listen, as "EADDRINUSE: ...: tcp";
-- getpeername on a fresh socket said EBADF (the docs say ENOTCONN); a write
-- on a socket that never connected said a bare "EBADF: bad file
-- descriptor"; timer:start hid its upper bound; closing a file twice failed
-- where closing any other handle twice is fine.
local T = require("luvtest")
local luv = require("luv")

T.case("bind to a busy port fails at bind, naming the address", function()
  local first = luv.net.tcp()
  assert(first:bind("127.0.0.1", 0))
  assert(first:listen())
  local port = first:getsockname().port
  local second = luv.net.tcp()
  local ok, err, code = second:bind("127.0.0.1", port)
  T.eq(ok, nil)
  T.eq(code, "EADDRINUSE")
  T.eq(err, "EADDRINUSE: address already in use: 127.0.0.1:" .. port)
  second:close()
  first:close()
end)

T.case("getpeername and write on a socket that never connected say so", function()
  local tcp = luv.net.tcp()
  local ok, err, code = tcp:getpeername()
  T.eq(ok, nil)
  T.eq(code, "ENOTCONN", err)
  ok, err, code = tcp:write("x")
  T.eq(ok, nil)
  T.eq(code, "ENOTCONN")
  T.eq(err, "ENOTCONN: socket is not connected: tcp was never connected")
  tcp:close()
end)

T.case("timer:start states its bound", function()
  local timer = luv.timer.create()
  T.raises("milliseconds must be a number from 0 to 1e15", function() timer:start(1e16, 0) end)
  timer:close()
end)

T.case("closing a file twice is fine", function()
  local path = T.socket_path("close_twice.txt")
  local file = assert(luv.fs.open(path, "w"))
  T.eq(file:close(), true)
  T.eq(file:close(), true)
  os.remove(path)
end)

T.run()
