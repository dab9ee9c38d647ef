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

-- Buffered reads on streams: read_line, read_exactly, read_until,
-- read_buffered and lines, over tcp and pipes, mixed with read().
local T = require("luvtest")
local luv = require("luv")

-- A connected tcp pair: the client and the accepted end.
local function tcp_pair()
  local server = luv.net.tcp()
  T.eq(server:bind("127.0.0.1", 0), true, "bind")
  T.eq(server:listen(), true, "listen")
  local port = server:getsockname().port
  local accepted = luv.net.tcp()
  local acceptor = luv.fiber.create(function()
    T.eq(server:accept(accepted), true, "accept")
  end):ready()
  local client = luv.net.tcp()
  T.eq(client:connect("127.0.0.1", port), true, "connect")
  acceptor:join()
  server:close()
  return client, accepted
end

local counter = 0
local function socket_path()
  counter = counter + 1
  local path = T.socket_path(string.format("stream_reads_%d.sock", counter))
  os.remove(path)
  return path
end

-- A connected pipe pair: the client and the accepted end.
local function pipe_pair()
  local path = socket_path()
  local server = luv.pipe.create()
  T.eq(server:bind(path), true, "bind")
  T.eq(server:listen(), true, "listen")
  local accepted = luv.pipe.create()
  local acceptor = luv.fiber.create(function()
    T.eq(server:accept(accepted), true, "accept")
  end):ready()
  local client = luv.pipe.create()
  T.eq(client:connect(path), true, "connect")
  acceptor:join()
  server:close()
  os.remove(path)
  return client, accepted
end

local pairs_by_kind = { tcp = tcp_pair, pipe = pipe_pair }

-- Lets the loop run until `stream` has bytes to read (bounded, so that a
-- bug fails instead of hanging), then a few passes more so that libuv has
-- taken them into the stream's buffer.
local function settle(stream)
  for _ = 1, 10000 do
    if stream:readable() then break end
    luv.fiber.yield()
  end
  for _ = 1, 20 do luv.fiber.yield() end
end

-- Runs fn(...) in a fiber and returns the fiber and a table its results
-- land in (`done` is set once it returned).
local function spawn(fn, ...)
  local box = {}
  local args = T.pack(...)
  box.fiber = luv.fiber.create(function()
    box.results = T.pack(fn(T.unpack(args, 1, args.n)))
    box.done = true
  end):ready()
  return box
end

for kind, make_pair in pairs(pairs_by_kind) do
  T.case(kind .. ": a line written in pieces is returned whole, without its end", function()
    local a, b = make_pair()
    local box = spawn(function() return b:read_line() end)
    T.eq(a:write("hel"), true)
    settle(b)
    T.eq(box.done, nil, "read_line returned before the line was complete")
    T.eq(a:write("lo\r"), true)
    settle(b)
    T.eq(box.done, nil, "a lone \\r ended the line")
    T.eq(a:write("\nworld\nkept\r\nlast\n"), true)
    box.fiber:join()
    T.eq(box.results[1], "hello", "\\r\\n is stripped")
    T.eq(b:read_line(), "world", "\\n is stripped")
    T.eq(b:read_line(true), "kept\r\n", "keep_eol keeps \\r\\n")
    T.eq(b:read_line(true), "last\n", "keep_eol keeps \\n")
    a:close()
    b:close()
  end)

  T.case(kind .. ": mixing with read() loses and reorders nothing", function()
    local a, b = make_pair()
    T.eq(a:write("one\ntwo\nthree"), true)
    T.eq(a:shutdown(), true)
    T.eq(b:read_line(), "one")
    local n, data = b:read(3)
    T.eq(n, 3) T.eq(data, "two")
    T.eq(b:read_line(), "", "the end of line after two")
    T.eq(b:read_until("e"), "thr")
    T.eq(b:read_buffered(), "e")
    T.eq(b:read_buffered(), "", "nothing is left")
    local nothing, message, code = b:read_line()
    T.eq(nothing, nil) T.eq(message, "EOF: end of file") T.eq(code, "EOF")
    a:close()
    b:close()
  end)

  T.case(kind .. ": read_exactly across many chunks, beyond the read limit", function()
    local a, b = make_pair()
    local chunk = string.rep("0123456789", 100)  -- 1000 bytes
    local writer = luv.fiber.create(function()
      for i = 1, 400 do
        T.eq(a:write(chunk), true, "write " .. i)
        if i % 10 == 0 then luv.fiber.yield() end
      end
    end):ready()
    T.eq(b:read_exactly(3), "012")
    local big = b:read_exactly(300000)  -- more than the 256 KiB buffer bound
    T.eq(#big, 300000)
    T.eq(big, (string.rep(chunk, 301)):sub(4, 300003))
    local rest = b:read_exactly(400000 - 300003)
    T.eq(rest, (string.rep(chunk, 400)):sub(300004))
    writer:join()
    a:close()
    b:close()
  end)

  T.case(kind .. ": read_until finds a separator split across chunks", function()
    local a, b = make_pair()
    local box = spawn(function() return b:read_until("\r\n\r\n") end)
    for _, piece in ipairs({ "head", "er\r\n", "\r" }) do
      T.eq(a:write(piece), true)
      settle(b)
      T.eq(box.done, nil, "read_until returned early")
    end
    T.eq(a:write("\nbody--"), true)
    T.eq(a:write("-"), true)
    box.fiber:join()
    T.eq(box.results[1], "header", "the separator is left out")
    T.eq(b:read_until("---", true), "body---", "keep_separator keeps it")
    T.eq(a:write("x;;y;;"), true)
    T.eq(b:read_until(";;"), "x")
    T.eq(b:read_exactly(3), "y;;")
    a:close()
    b:close()
  end)

  T.case(kind .. ": a line over the bound fails and its bytes stay readable", function()
    local a, b = make_pair()
    T.eq(a:write("0123456789abc\nnext\n"), true)
    local nothing, message, code = b:read_line(false, 10)
    T.eq(nothing, nil)
    T.eq(code, "ENOBUFS")
    T.eq(message, "ENOBUFS: no line end within 10 bytes: " .. kind)
    T.eq(b:read_exactly(14), "0123456789abc\n", "the bytes are still there")
    T.eq(b:read_line(false, 5), "next", "a line of 4 + \\n fits in 5")
    -- The default bound is 64 KiB.
    local long = string.rep("x", 70000)
    local writer = luv.fiber.create(function() T.eq(a:write(long .. "\n"), true) end):ready()
    nothing, message, code = b:read_until("\n")
    T.eq(nothing, nil)
    T.eq(message, "ENOBUFS: no separator within 65536 bytes: " .. kind)
    T.eq(b:read_line(false, 70001), long)
    writer:join()
    a:close()
    b:close()
  end)

  T.case(kind .. ": a deadline or a cancel mid-line loses nothing", function()
    local a, b = make_pair()
    T.eq(a:write("par"), true)
    local nothing, message, code = luv.timeout(0.05, function() return b:read_line() end)
    T.eq(nothing, nil) T.eq(code, "ETIMEDOUT") T.match(message, "read_line")
    -- A reader queued behind the one that timed out is served.
    local line_reader = spawn(function()
      return luv.timeout(0.05, function() return b:read_line() end)
    end)
    local plain_reader = spawn(function()
      return luv.timeout(5, function() return b:read(2) end)
    end)
    line_reader.fiber:join()
    T.eq(line_reader.results[3], "ETIMEDOUT")
    plain_reader.fiber:join()
    T.eq(plain_reader.results[1], 2, plain_reader.results[2])
    T.eq(plain_reader.results[2], "pa")
    local canceled = spawn(function() return b:read_line() end)
    settle(b)
    T.eq(canceled.fiber:cancel(), true)
    canceled.fiber:join()
    T.eq(canceled.results[3], "ECANCELED")
    T.eq(a:write("tial\n"), true)
    T.eq(b:read_line(), "rtial", "the partial line comes with the rest")
    a:close()
    b:close()
  end)

  T.case(kind .. ": EOF mid-line returns the partial line, then EOF", function()
    local a, b = make_pair()
    T.eq(a:write("abc\ndef"), true)
    T.eq(a:shutdown(), true)
    T.eq(b:read_line(), "abc")
    T.eq(b:read_line(), "def")
    local nothing, message, code = b:read_line()
    T.eq(nothing, nil) T.eq(message, "EOF: end of file") T.eq(code, "EOF")
    T.eq(b:read_buffered(), "")
    a:close()
    b:close()
    -- read_exactly does not return fewer bytes: they stay for read().
    a, b = make_pair()
    T.eq(a:write("12345"), true)
    T.eq(a:shutdown(), true)
    nothing, message, code = b:read_exactly(10)
    T.eq(nothing, nil) T.eq(code, "EOF")
    local n, data = b:read()
    T.eq(n, 5) T.eq(data, "12345")
    T.eq(b:read_until("x"), nil)
    a:close()
    b:close()
  end)

  T.case(kind .. ": lines() iterates to EOF", function()
    local a, b = make_pair()
    local writer = luv.fiber.create(function()
      for _, piece in ipairs({ "l1\nl", "2\r\n", "l3\n", "tail" }) do
        T.eq(a:write(piece), true)
        settle(b)
      end
      T.eq(a:shutdown(), true)
    end):ready()
    -- In the main state the iterator may wait on every VM.
    local got = {}
    for line in b:lines() do got[#got + 1] = line end
    T.eq(table.concat(got, "|"), "l1|l2|l3|tail")
    writer:join()
    a:close()
    b:close()
  end)

  T.case(kind .. ": lines() suspends a fiber where the VM can", function()
    local a, b = make_pair()
    local reader = luv.fiber.create(function()
      local got = {}
      if T.yields_across_pcall then
        for line in b:lines(true) do got[#got + 1] = line end
      else
        T.raises("use luv.pcall", function()
          for line in b:lines() do got[#got + 1] = line end
        end)
        got[1] = "raised"
      end
      return table.concat(got, "|")
    end):ready()
    T.eq(a:write("x\ny\r\n"), true)
    T.eq(a:shutdown(), true)
    if T.yields_across_pcall then
      T.eq(reader:join(), "x\n|y\r\n")
    else
      T.eq(reader:join(), "raised")
    end
    a:close()
    b:close()
  end)
end

T.case("lines() raises read failures other than EOF", function()
  local a, b = tcp_pair()
  T.eq(a:write("too long\n"), true)
  local iterate = b:lines()
  T.eq(a:write(string.rep("y", 70000)), true)
  T.eq(iterate(), "too long")
  T.raises("ENOBUFS: no line end within 65536 bytes: tcp", iterate)
  a:close()
  b:close()
end)

T.case("bad arguments raise naming the argument", function()
  local a, b = tcp_pair()
  T.raises("bad argument #1 to 'read_exactly' %(n must be", function() b:read_exactly(0) end)
  T.raises("bad argument #1 to 'read_exactly'", function() b:read_exactly("x") end)
  T.raises("bad argument #1 to 'read_until' %(separator must be", function()
    b:read_until("")
  end)
  T.raises("bad argument #1 to 'read_until' %(separator must be", function()
    b:read_until(string.rep("-", 65))
  end)
  T.raises("bad argument #2 to 'read_until' %(keep_separator must be", function()
    b:read_until(";", 1)
  end)
  T.raises("bad argument #3 to 'read_until' %(max must be", function()
    b:read_until(";", false, 0)
  end)
  T.raises("bad argument #1 to 'read_line' %(keep_eol must be", function()
    b:read_line("yes")
  end)
  T.raises("bad argument #2 to 'read_line' %(max must be", function()
    b:read_line(nil, 2 ^ 25)
  end)
  T.raises("bad argument #1 to 'lines' %(keep_eol must be", function() b:lines(1) end)
  T.raises("stream expected", b.read_line, 42)
  a:close()
  b:close()
  local nothing, message, code = b:read_line()
  T.eq(nothing, nil) T.eq(code, "EBADF") T.match(message, "tcp is closed")
end)

T.run()
