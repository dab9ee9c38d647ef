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

-- Churning short fibers: `total` fibers (default 1,000,000), made and
-- joined in waves of 1,000; each returns its argument, which the join
-- checks. Prints "<name> <fibers per second>" (CPU time: single-threaded).
--   lua churn.lua <luv|coroutine|cqueues> [total]
-- coroutine: the same bodies as plain coroutines resumed once each, no
-- scheduler and no join; cqueues: each a cq:wrap coroutine, a wave one
-- cq:loop().
local mode = arg[1]
local total = tonumber(arg[2]) or 1000000
local wave = 1000
local waves = math.floor(total / wave)
local clock = os.clock

local function body(i) return i end

local function report(name, seconds)
  print(string.format("%s %.0f", name, waves * wave / seconds))
end

if mode == "luv" then
  local luv = require("luv")
  local create = luv.fiber.create
  local fibers = {}
  local t0 = clock()
  for _ = 1, waves do
    for i = 1, wave do fibers[i] = create(body, i):ready() end
    for i = 1, wave do
      if fibers[i]:join() ~= i then error("a join returned the wrong result") end
    end
  end
  report("luv_fiber_churn", clock() - t0)
elseif mode == "coroutine" then
  local create, resume = coroutine.create, coroutine.resume
  local cos = {}
  local t0 = clock()
  for _ = 1, waves do
    for i = 1, wave do cos[i] = create(body) end
    for i = 1, wave do
      local _, result = resume(cos[i], i)
      if result ~= i then error("a resume returned the wrong result") end
    end
  end
  report("lua_coroutine_churn", clock() - t0)
elseif mode == "cqueues" then
  local cqueues = require("cqueues")
  local cq = cqueues.new()
  local sum = 0
  local t0 = clock()
  for _ = 1, waves do
    for i = 1, wave do cq:wrap(function() sum = sum + body(i) end) end
    assert(cq:loop())
  end
  report("cqueues_churn", clock() - t0)
  assert(sum == waves * wave * (wave + 1) / 2)
else
  error("usage: churn.lua <luv|coroutine|cqueues> [total]")
end
