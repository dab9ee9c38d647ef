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

-- Regression: an error raised in a thread that nobody joined vanished:
-- nothing on stderr. It is printed, with the thread's traceback, when the
-- last reference to the thread goes (at the latest at exit).
local T = require("luvtest")

T.case("a failed thread that is never joined prints its error at exit", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local function explode() error("boom in the thread") end
    luv.thread.spawn(function() explode() end)
    print("main ends")
  ]])
  T.eq(code, 0, "exit status")
  T.match(output, "main ends")
  T.match(output, "luv: a thread %(function at [^)]+:3%) failed and was never joined: "
    .. "[^\n]*boom in the thread")
  T.match(output, "stack traceback:.-explode")
end)

T.case("a failed thread whose object is collected prints its error", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local t = luv.thread.spawn(function() error({ reason = "a table" }) end)
    luv.select(t)          -- it has finished, but nobody joins it
    t = nil
    collectgarbage()
    collectgarbage()
    io.stdout:write("collected\n")
    io.stdout:flush()
    luv.sleep(0.01)
  ]])
  T.eq(code, 0, "exit status")
  T.match(output, "luv: a thread %(function at [^)]+%) failed and was never joined: "
    .. "%(error object is a table value%)\n.*collected")
end)

T.case("a joined failure is not printed again", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local t = luv.thread.spawn(function() error("caught by join") end)
    print(pcall(t.join, t))
  ]])
  T.eq(code, 0, "exit status")
  T.match(output, "caught by join")
  T.eq(output:find("never joined", 1, true), nil, "report of a joined thread")
end)

T.case("a thread that succeeds is not reported", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    luv.thread.spawn(function() return 1 end)
  ]])
  T.eq(code, 0, "exit status")
  T.eq(output, "", "output")
end)

T.run()
