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

-- Regression: a plain coroutine.yield(v) inside a fiber silently dropped v,
-- and the error of a fiber nobody joined did not say which fiber failed.
-- Now yielding values fails the fiber with a clear error (a bare yield
-- still lets other fibers run), and unjoined errors name the fiber.
local T = require("luvtest")
local luv = require("luv")

T.case("coroutine.yield with values fails the fiber", function()
  local reached = false
  local f = luv.fiber.create(function()
    coroutine.yield("lost", 2)
    reached = true
  end)
  f:ready()
  local ok, err = pcall(f.join, f)
  T.eq(ok, false)
  T.match(err, "coroutine.yield%(%) with values in a fiber: nothing receives them")
  T.eq(reached, false)
end)

T.case("a bare coroutine.yield lets the others run", function()
  local log = {}
  local a = luv.fiber.create(function()
    for i = 1, 3 do log[#log + 1] = "a" .. i; coroutine.yield() end
  end)
  local b = luv.fiber.create(function()
    for i = 1, 3 do log[#log + 1] = "b" .. i; coroutine.yield() end
  end)
  a:ready() b:ready()
  a:join() b:join()
  T.eq(table.concat(log, " "), "a1 b1 a2 b2 a3 b3")
end)

T.case("an unjoined fiber's error names the fiber and its function", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local function worker()
      error("worker failed")
    end
    luv.fiber.create(worker):ready()
    luv.sleep(0.01)
  ]])
  T.eq(code, 0, output)
  T.match(output, "luv: error in fiber 0x%x+ %(function at [^)]*:2%) that nobody joined: "
    .. "[^\n]*worker failed")
end)

T.run()
