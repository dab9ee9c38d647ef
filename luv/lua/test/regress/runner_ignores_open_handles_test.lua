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

-- Regression: the Lua test runner did not check that a test closed its
-- handles and finished its fibers. Now a case that leaves either fails
-- with what it left; luv.handles() and luv.fiber.active() say what is open.
local T = require("luvtest")
local luv = require("luv")

local RUN = [[
local T = require("luvtest")
local luv = require("luv")
KEEP = {}
T.case("clean", function()
  local t = luv.timer.create()
  t:close()
end)
T.case("leaves a timer", function()
  KEEP[1] = luv.timer.create()  -- still referenced: not collected either
end)
T.case("leaves a fiber", function()
  luv.fiber.create(luv.sleep, 3600):ready()
  luv.fiber.yield()
end)
T.run()
]]

T.case("a case that leaves a handle or a fiber fails, naming them", function()
  local code, output = T.run_lua(RUN, { LUA_PATH = package.path })
  T.eq(code, 1, output)
  T.match(output, "ok 1 %- clean")
  T.match(output, "not ok 2 %- leaves a timer\n# left open: 1 timer")
  T.match(output, "not ok 3 %- leaves a fiber\n# left open: 1 unfinished fiber")
end)

T.case("luv.handles and luv.fiber.active count what is open", function()
  local before = #luv.handles()
  local timer = luv.timer.create()
  T.eq(#luv.handles(), before + 1)
  local found = false
  for _, name in ipairs(luv.handles()) do found = found or name == "timer" end
  T.ok(found, "a timer among the handles")
  timer:close()
  T.eq(#luv.handles(), before, "closed ones do not count")
  local f = luv.fiber.create(luv.sleep, 0.01)
  T.eq(luv.fiber.active(), 0, "a new fiber is not active yet")
  f:ready()
  T.eq(luv.fiber.active(), 1)
  f:join()
  T.eq(luv.fiber.active(), 0)
end)

T.run()
