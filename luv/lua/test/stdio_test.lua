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

-- luv.stdin, luv.stdout, luv.stderr on pipes, files, /dev/null and
-- terminals. Each case runs a child interpreter with its standard streams
-- redirected.
local T = require("luvtest")
local luv = require("luv")

local interpreter = assert(os.getenv("LUV_TEST_LUA"), "LUV_TEST_LUA is not set")
local dir = os.getenv("TEST_TMPDIR") or "/tmp"

local function write_file(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

-- Runs `script` in a child with the shell redirections `redirect` (and
-- `feed`, a command piped into it); returns its exit code and what it wrote
-- to stdout (and stderr, unless redirected).
local function run(script, redirect, feed)
  local path = dir .. "/stdio_child.lua"
  write_file(path, script)
  local command = string.format("%s'%s' '%s' %s; echo \"exit=$?\"",
                                feed and feed .. " | " or "", interpreter, path,
                                redirect or "2>&1")
  local pipe = assert(io.popen(command))
  local output = pipe:read("*a")
  pipe:close()
  local code = tonumber(output:match("exit=(%d+)%s*$"))
  return code, (output:gsub("exit=%d+%s*$", ""))
end

T.case("the objects exist before first use and know their descriptors", function()
  T.match(tostring(luv.stdin), "^luv.stdio: ")
  T.eq(luv.stdin:fileno(), 0) T.eq(luv.stdout:fileno(), 1) T.eq(luv.stderr:fileno(), 2)
end)

T.case("stdout to a pipe: writes from fibers, and fd 1 stays blocking", function()
  local code, output = run([[
    local luv = require("luv")
    local out = luv.stdout
    local fibers = {}
    for i = 1, 4 do
      fibers[i] = luv.fiber.create(function()
        for j = 1, 3 do out:write(string.format("fiber %d line %d\n", i, j)) end
      end):ready()
    end
    for i = 1, 4 do fibers[i]:join() end
    out:write(out:kind() .. "\n")
    -- O_NONBLOCK (04000) in fd 1's flags would break io.write and print.
    local info = io.open("/proc/self/fdinfo/1"):read("*a")
    local flags = tonumber(info:match("flags:%s*(%d+)"), 8)
    out:write("fd 1 non-blocking: " .. tostring(math.floor(flags / 2048) % 2 == 1) .. "\n")
  ]], "2>&1 | cat")
  T.eq(code, 0)
  local lines = 0
  for _ in output:gmatch("fiber %d line %d\n") do lines = lines + 1 end
  T.eq(lines, 12)
  T.match(output, "\npipe\n")
  T.match(output, "fd 1 non%-blocking: false\n")
end)

T.case("a megabyte through stdout arrives whole", function()
  local code, output = run([[
    local luv = require("luv")
    luv.stdout:write(string.rep("0123456789abcdef", 65536))
  ]], "| cat")
  T.eq(code, 0)
  T.eq(#output, 1048576)
  T.eq(output, string.rep("0123456789abcdef", 65536))
end)

T.case("stdin from a pipe is read while other fibers run", function()
  local path = dir .. "/stdio_child.lua"
  local out = dir .. "/stdio_child.out"
  write_file(path, [[
    local luv = require("luv")
    local ticks, done = 0, false
    local ticker = luv.fiber.create(function()
      while not done do luv.sleep(0.005) ticks = ticks + 1 end
    end):ready()
    io.stderr:write("waiting\n")
    local n, data = luv.stdin:read()
    done = true
    ticker:join()
    io.write(luv.stdin:kind(), " ", data, " ", ticks >= 1 and "others ran" or ticks, "\n")
    io.write(tostring((luv.stdin:read())), "\n")
  ]])
  local ready = dir .. "/stdio_child.ready"
  os.remove(ready)
  local child = assert(io.popen(string.format("'%s' '%s' > '%s' 2> '%s'", interpreter, path,
                                              out, ready), "w"))
  -- Once the child says it is about to read, give it time to wait there.
  local deadline = luv.hrtime() + 20e9
  local function says_waiting()
    local f = io.open(ready)  -- the shell may not have created it yet
    local text = f and f:read("*a") or ""
    if f then f:close() end
    return text:match("waiting")
  end
  while not says_waiting() and luv.hrtime() < deadline do
    luv.sleep(0.01)
  end
  luv.sleep(0.1)
  child:write("hello")
  child:close()
  T.eq(read_file(out), "pipe hello others ran\nnil\n")
end)

T.case("stdin from a regular file is read in pieces, then EOF", function()
  local input = dir .. "/stdio_input.txt"
  write_file(input, "abcdefghij")
  local code, output = run([[
    local luv = require("luv")
    local parts = { luv.stdin:kind() }
    while true do
      local n, data, code = luv.stdin:read(4)
      if not n then parts[#parts + 1] = tostring(n) .. " " .. data .. " " .. code break end
      parts[#parts + 1] = n .. ":" .. data
    end
    parts[#parts + 1] = tostring((luv.stdin:read()))
    print(table.concat(parts, ","))
  ]], string.format("< '%s' 2>&1", input))
  T.eq(code, 0)
  T.eq(output, "file,4:abcd,4:efgh,2:ij,nil EOF: end of file EOF,nil\n")
end)

T.case("stdin from /dev/null reads EOF, and so does a closed stdin", function()
  local code, output = run([[
    local luv = require("luv")
    print(luv.stdin:kind(), luv.stdin:read())
  ]], "< /dev/null 2>&1")
  T.eq(code, 0)
  T.eq(output, "file\tnil\tEOF: end of file\tEOF\n")
  -- luv opens /dev/null on a closed descriptor 0-2 when it loads.
  code, output = run([[
    local luv = require("luv")
    print(luv.stdin:kind(), luv.stdin:read())
  ]], "<&- 2>&1")
  T.eq(code, 0)
  T.eq(output, "file\tnil\tEOF: end of file\tEOF\n")
end)

T.case("stdout and stderr to regular files keep every write, in order", function()
  local out, err = dir .. "/stdio_out.txt", dir .. "/stdio_err.txt"
  local code = run([[
    local luv = require("luv")
    local fibers = {}
    for i = 1, 4 do
      fibers[i] = luv.fiber.create(function()
        for j = 1, 25 do assert(luv.stdout:write(string.format("%d.%02d\n", i, j))) end
      end):ready()
    end
    for i = 1, 4 do fibers[i]:join() end
    assert(luv.stderr:write(luv.stdout:kind() .. " " .. luv.stderr:kind() .. "\n"))
    assert(luv.stdout:writable() and luv.stdout:readable())
  ]], string.format("> '%s' 2> '%s'", out, err))
  T.eq(code, 0)
  local text = read_file(out)
  local count, last = 0, {}
  for i, j in text:gmatch("(%d)%.(%d%d)\n") do
    count = count + 1
    i, j = tonumber(i), tonumber(j)
    T.eq(j, (last[i] or 0) + 1, "each fiber's lines in order")
    last[i] = j
  end
  T.eq(count, 100)
  T.eq(read_file(err), "file file\n")
end)

T.case("close() closes luv's descriptor only; print still works", function()
  local code, output = run([[
    local luv = require("luv")
    io.stdout:setvbuf("no")
    luv.stdout:write("before\n")
    luv.stdout:close()
    print(luv.stdout:write("after"))
    print(luv.stdout:writable())
  ]], "2>&1 | cat")
  T.eq(code, 0)
  T.eq(output, "before\nnil\tEBADF: stdout is closed\tEBADF\nfalse\n")
end)

T.case("terminal-only calls fail cleanly elsewhere; bad arguments raise", function()
  local code, output = run([[
    local luv = require("luv")
    print(luv.stdout:set_mode("raw"))
    print(luv.stdout:winsize())
    print(pcall(luv.stdout.set_mode, luv.stdout, "cooked"))
    print(pcall(luv.stdout.write, luv.stdout, {}))
  ]], "2>&1 | cat")
  T.eq(code, 0)
  T.match(output, "nil\tENOTTY: inappropriate ioctl for device: stdout is a pipe\tENOTTY\n")
  T.match(output, "false\tbad argument #2 to '%?' %(invalid option 'cooked'%)\n")
  T.match(output, "false\tbad argument #2 to '%?' %(string expected, got table%)\n")
end)

T.case("on a terminal the streams are ttys with a size and modes", function()
  local path = dir .. "/stdio_tty.lua"
  write_file(path, [[
    local luv = require("luv")
    local width, height = luv.stdout:winsize()
    luv.stdout:write(string.format("kinds %s %s size %s %s\n", luv.stdin:kind(),
      luv.stdout:kind(), type(width), type(height)))
    luv.stdout:write("raw " .. tostring(luv.stdin:set_mode("raw")) .. "\n")
    luv.stdout:write("normal " .. tostring(luv.stdin:set_mode("normal")) .. "\n")
    -- Left raw: restored when luv.stdin goes away at exit.
    luv.stdin:set_mode("raw")
  ]])
  -- After the child, stty shows whether the terminal is back in canonical mode.
  local pipe = assert(io.popen(string.format(
      "script -qec \"'%s' '%s'; stty -a | grep -o -- '-*icanon'\" /dev/null < /dev/null",
      interpreter, path)))
  local output = pipe:read("*a")
  pipe:close()
  T.match(output, "kinds tty tty size number number")
  T.match(output, "raw true")
  T.match(output, "normal true")
  T.match(output, "\nicanon", "the terminal was restored at exit")
end)

-- The buffered reads, on a file and on a pipe: a child reads the input with
-- them and reports what it got. The input is larger than one fetch (64 KiB),
-- with a line across the boundary, CRLF, an oversized line and an
-- unterminated last line.
local buffered_input = dir .. "/stdio_buffered.txt"
local big_line = string.rep("x", 70000)
write_file(buffered_input, "one\r\ntwo\n" .. big_line .. "\nabcdefgXY|" ..
           string.rep("long", 10) .. "\nl1\nl2\r\nlast")
local buffered_script = [[
  local luv = require("luv")
  local out = { luv.stdin:kind() }
  local function put(...)
    local parts = { select("#", ...) }
    for i = 1, select("#", ...) do parts[#parts + 1] = tostring((select(i, ...))) end
    out[#out + 1] = table.concat(parts, " ")
  end
  put(luv.stdin:read_line())
  put(luv.stdin:read_line(true))
  local line = luv.stdin:read_line(false, 100000)
  put(#line, line == string.rep("x", 70000))
  put(luv.stdin:read_exactly(3))
  put(luv.stdin:read(4))
  put(luv.stdin:read_until("|"))
  -- A line longer than its bound fails and stays readable.
  put(luv.stdin:read_line(false, 10))
  put(luv.stdin:read_line())
  for l in luv.stdin:lines(true) do put(l) end
  put(luv.stdin:read_line())
  put(luv.stdin:read())
  print(table.concat(out, ","))
]]
local buffered_expected = table.concat({
  "1 one", "1 two\n", "2 70000 true", "1 abc", "2 4 defg", "1 XY",
  "3 nil ENOBUFS: no line end within 10 bytes: stdin ENOBUFS", "1 " .. string.rep("long", 10),
  "1 l1\n", "1 l2\r\n", "1 last", "3 nil EOF: end of file EOF",
  "3 nil EOF: end of file EOF"}, ",") .. "\n"

T.case("buffered reads on stdin from a regular file", function()
  local code, output = run(buffered_script, string.format("< '%s' 2>&1", buffered_input))
  T.eq(code, 0)
  T.eq(output, "file," .. buffered_expected)
end)

T.case("buffered reads on stdin from a pipe", function()
  local code, output = run(buffered_script, "2>&1", string.format("cat '%s'", buffered_input))
  T.eq(code, 0)
  T.eq(output, "pipe," .. buffered_expected)
end)

T.case("buffered reads on stdin suspend only their fiber", function()
  local code, output = run([[
    local luv = require("luv")
    local ticks, done = 0, false
    local ticker = luv.fiber.create(function()
      while not done do luv.sleep(0.001) ticks = ticks + 1 end
    end):ready()
    local reader = luv.fiber.create(function()
      local n = 0
      while true do
        local line, err, code = luv.stdin:read_line()
        if not line then assert(code == "EOF", err) break end
        n = n + #line
      end
      return n
    end)
    local n = reader:join()
    done = true
    ticker:join()
    print(luv.stdin:kind(), n, ticks >= 1 and "others ran" or ticks)
  ]], "2>&1", "(printf 'ab\\n'; sleep 0.05; printf 'cd\\nef')")
  T.eq(code, 0)
  T.eq(output, "pipe\t6\tothers ran\n")
end)

T.case("stdin:read_line checks its arguments", function()
  T.raises("keep_eol must be a boolean", function() luv.stdin:read_line(1) end)
  T.raises("separator must be a string of 1 to 64 bytes", function() luv.stdin:read_until("") end)
  T.raises("n must be a number", function() luv.stdin:read_exactly(0) end)
  T.raises("keep_eol must be a boolean", function() luv.stdin:lines("yes") end)
end)

T.run()
