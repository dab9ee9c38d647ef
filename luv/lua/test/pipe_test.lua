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

-- Pipes: Unix domain sockets by path, descriptors by number.
local T = require("luvtest")
local luv = require("luv")

local counter = 0
local function fresh_path()
  counter = counter + 1
  local path = T.socket_path(string.format("pipe_test_%d.sock", counter))
  os.remove(path)
  return path
end

T.case("a pipe binds to a path, listens, accepts and echoes", function()
  local path = fresh_path()
  local server = luv.pipe.create()
  T.match(tostring(server), "^luv.pipe: ")
  T.eq(server:bind(path), true)
  T.eq(server:getsockname(), path)
  T.eq(server:listen(), true)
  local echo = luv.fiber.create(function()
    local client = luv.pipe.create()
    T.eq(server:accept(client), true)
    while true do
      local n, data = client:read()
      if not n then break end
      client:write(data)
    end
    client:close()
  end):ready()
  local client = luv.pipe.create()
  T.eq(client:connect(path), true)
  T.eq(client:write("over a unix socket"), true)
  local n, data = client:read()
  T.eq(n, 18) T.eq(data, "over a unix socket")
  T.eq(client:shutdown(), true)
  T.eq((client:read()), nil, "EOF after the server closed")
  echo:join()
  client:close()
  server:close()
  os.remove(path)
end)

T.case("fibers talk through pipes both ways", function()
  local path = fresh_path()
  local server = luv.pipe.create()
  server:bind(path)
  server:listen(4)
  local log = {}
  local producer = luv.fiber.create(function()
    local out = luv.pipe.create()
    T.eq(out:connect(path), true)
    for i = 1, 100 do out:write(string.format("line %03d\n", i)) end
    out:shutdown()
    local n, ack = out:read()
    log[#log + 1] = ack
    out:close()
  end):ready()
  local consumer = luv.fiber.create(function()
    local inbound = luv.pipe.create()
    server:accept(inbound)
    local parts = {}
    while true do
      local n, data = inbound:read(7)
      if not n then break end
      T.le(n, 7, "read(7)")
      parts[#parts + 1] = data
    end
    local text = table.concat(parts)
    local lines = 0
    for _ in text:gmatch("line %d%d%d\n") do lines = lines + 1 end
    log[#log + 1] = lines
    inbound:write("got " .. lines)
    inbound:close()
  end):ready()
  producer:join()
  consumer:join()
  T.eq(log[1], 100)
  T.eq(log[2], "got 100")
  server:close()
  os.remove(path)
end)

T.case("connecting to a missing socket fails with the path", function()
  local path = fresh_path()
  local client = luv.pipe.create()
  local ok, err, code = client:connect(path)
  T.eq(ok, nil)
  T.eq(code, "ENOENT")
  T.eq(err, "ENOENT: no such file or directory: " .. path)
  client:close()
end)

T.case("paths that do not fit a socket address are refused, not truncated", function()
  local pipe = luv.pipe.create()
  local long = T.socket_path("") .. string.rep("p", 120)
  local ok, err, code = pipe:bind(long)
  T.eq(ok, nil) T.eq(code, "ENAMETOOLONG") T.match(err, "at most 107")
  ok, err, code = pipe:connect("a\0b")
  T.eq(ok, nil) T.eq(code, "EINVAL") T.match(err, "NUL")
  ok, err, code = pipe:bind("")
  T.eq(ok, nil) T.eq(code, "EINVAL")
  local path = fresh_path()
  T.eq(pipe:bind(path), true)
  local other = luv.pipe.create()
  ok, err, code = other:bind(path)
  T.eq(ok, nil) T.eq(code, "EADDRINUSE")
  pipe:close() other:close()
  os.remove(path)
end)

T.case("open(fd) wraps a descriptor the process already has", function()
  -- The child's stdin is a pipe from this process; it reads it as a luv pipe.
  local interpreter = assert(os.getenv("LUV_TEST_LUA"))
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local script = dir .. "/pipe_test_child.lua"
  local f = assert(io.open(script, "w"))
  f:write([[
    local luv = require("luv")
    local stdin = luv.pipe.create()
    assert(stdin:open(0) == true)
    local parts = {}
    while true do
      local n, data = stdin:read()
      if not n then break end
      parts[#parts + 1] = data
    end
    io.write("child read: ", table.concat(parts), "\n")
  ]])
  f:close()
  local output = dir .. "/pipe_test_child.out"
  local child = assert(io.popen(string.format("'%s' '%s' > '%s' 2>&1", interpreter,
                                              script, output), "w"))
  child:write("through fd 0")
  child:close()
  local text = assert(io.open(output)):read("*a")
  os.remove(script) os.remove(output)
  T.eq(text, "child read: through fd 0\n")

  local pipe = luv.pipe.create()
  local ok, _, code = pipe:open(987654)
  T.eq(ok, nil) T.eq(code, "EBADF")
  T.raises("bad argument #2", pipe.open, pipe, -1)
  T.raises("bad argument #2", pipe.open, pipe, 1.5)
  pipe:close()
end)

T.case("getpeername names the server's path; closed pipes fail with EBADF", function()
  local path = fresh_path()
  local server = luv.pipe.create()
  server:bind(path)
  server:listen()
  local client = luv.pipe.create()
  local accepter = luv.fiber.create(function()
    local c = luv.pipe.create()
    server:accept(c)
    return c
  end):ready()
  client:connect(path)
  T.eq(client:getpeername(), path)
  local accepted = accepter:join()
  accepted:close()
  client:close()
  server:close()
  local ok, err, code = client:write("x")
  T.eq(ok, nil) T.eq(code, "EBADF") T.eq(err, "EBADF: pipe is closed")
  ok, err, code = client:getsockname()
  T.eq(ok, nil) T.eq(code, "EBADF")
  os.remove(path)
end)

T.run()
