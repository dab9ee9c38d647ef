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

-- Regression: luv.stdin/stdout/stderr on files queue their reads and writes
-- as uv::FileStream operations, whose class had the same name as the
-- operation class of luv.fs files (luv::uv::FileOp). The linker kept one
-- constructor for both, so the stdio operation's byte string was never
-- constructed: writing to a redirected stdout used whatever the allocator
-- had left there, and crashed when that was not zero.
local T = require("luvtest")

-- Writes and reads through the file kind; reports on stderr.
local CHILD = [[
local luv = require("luv")
assert(luv.stdin:kind() == "file", "stdin is a " .. luv.stdin:kind())
assert(luv.stdout:kind() == "file", "stdout is a " .. luv.stdout:kind())
for i = 1, 100 do
  assert(luv.stdout:write(string.format("line %d\n", i)))
end
local n, data = luv.stdin:read()
io.stderr:write("read ", tostring(n), " ", tostring(data), "\n")
io.stderr:write("at the end: ", tostring(select(3, luv.stdin:read())), "\n")
]]

T.case("reads and writes of the standard streams on files work (allocator filling memory)", function()
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local script, input, out = dir .. "/stdio_op_child.lua", dir .. "/stdio_op.in",
      dir .. "/stdio_op.out"
  for path, text in pairs({ [script] = CHILD, [input] = "some input" }) do
    local file = assert(io.open(path, "w"))
    file:write(text)
    file:close()
  end
  -- glibc fills what malloc returns with a non-zero byte, so that an
  -- unconstructed member shows.
  local pipe = assert(io.popen(string.format(
    "MALLOC_PERTURB_=165 '%s' '%s' < '%s' 2>&1 > '%s'; echo \"exit=$?\"",
    assert(os.getenv("LUV_TEST_LUA")), script, input, out)))
  local output = pipe:read("*a")
  pipe:close()
  local file = assert(io.open(out))
  local written = file:read("*a")
  file:close()
  for _, path in ipairs({ script, input, out }) do os.remove(path) end
  T.match(output, "exit=0", output)
  T.match(output, "^read 10 some input\nat the end: EOF\n", "what the child read")
  local expected = {}
  for i = 1, 100 do expected[i] = string.format("line %d\n", i) end
  T.eq(written, table.concat(expected), "what the child wrote")
end)

T.run()
