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

-- Regression: a read or write of luv.stdin/stdout/stderr on a file (done on
-- libuv's thread pool) that timed out formatted its message from a buffer on
-- the C stack of a function that had already returned: garbage such as
-- "ETIMEDOUT: ^A timed out", and a stack-use-after-return under ASan.
local T = require("luvtest")

-- Runs with stdin from /dev/null and stdout into a file, so that both are of
-- the file kind; reports on stderr.
local CHILD = [[
local luv = require("luv")
assert(luv.stdin:kind() == "file", "stdin is a " .. luv.stdin:kind())
assert(luv.stdout:kind() == "file", "stdout is a " .. luv.stdout:kind())
-- A deadline that has passed fires before the thread pool reports back.
local reader = luv.fiber.create(function()
  return luv.timeout(0, function() return luv.stdin:read() end)
end):ready()
local writer = luv.fiber.create(function()
  return luv.timeout(0, function() return luv.stdout:write("x") end)
end):ready()
io.stderr:write(select(2, reader:join()), "\n", select(2, writer:join()), "\n")
]]

T.case("a timed-out read or write of a standard stream on a file names its call", function()
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local script = dir .. "/stdio_file_timeout_child.lua"
  local out = dir .. "/stdio_file_timeout_child.out"
  local file = assert(io.open(script, "w"))
  file:write(CHILD)
  file:close()
  local pipe = assert(io.popen(string.format("'%s' '%s' < /dev/null 2>&1 > '%s'; echo \"exit=$?\"",
    assert(os.getenv("LUV_TEST_LUA")), script, out)))
  local output = pipe:read("*a")
  pipe:close()
  os.remove(script)
  os.remove(out)
  T.match(output, "exit=0", output)
  T.match(output, "^ETIMEDOUT: stdin:read%(%) timed out\nETIMEDOUT: stdout:write%(%) timed out\n",
    "the messages")
end)

T.run()
