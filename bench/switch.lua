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

-- Fiber switch rate: luv and its peers, one per run.
--   lua switch.lua <luv|bare|coroutine|cqueues|luvit> [switches]
-- Prints "<name> <switches per second>". A switch is one resume of a
-- suspended coroutine that runs until it yields again.
local mode = arg[1]
local n = tonumber(arg[2]) or 20000000
local clock = os.clock  -- CPU time: the work is single-threaded and CPU-bound

local function report(name, switches, seconds)
  print(string.format("%s %.0f", name, switches / seconds))
end

if mode == "luv" then
  -- Two fibers, each calling luv.fiber.yield() n/2 times.
  local luv = require("luv")
  local yield = luv.fiber.yield
  local half = math.floor(n / 2)
  local function body() for _ = 1, half do yield() end end
  local a, b = luv.fiber.create(body), luv.fiber.create(body)
  local t0 = clock()
  a:ready() b:ready()
  a:join() b:join()
  report("luv_fiber_yield", 2 * half, clock() - t0)
elseif mode == "bare" then
  -- The C limit: lua_resume in a C loop (bench/bare_resume.c).
  report("bare_c_resume", n, require("bare_resume").run(n))
elseif mode == "coroutine" then
  -- The Lua-level limit: coroutine.resume/yield ping-pong.
  local resume, yield = coroutine.resume, coroutine.yield
  local co = coroutine.create(function() while true do yield() end end)
  local t0 = clock()
  for _ = 1, n do resume(co) end
  report("lua_coroutine_pingpong", n, clock() - t0)
elseif mode == "cqueues" then
  -- Two coroutines in a cqueue, each giving way with cqueues.poll().
  local cqueues = require("cqueues")
  local poll = cqueues.poll
  local half = math.floor(n / 2)
  local cq = cqueues.new()
  for _ = 1, 2 do cq:wrap(function() for _ = 1, half do poll() end end) end
  local t0 = clock()
  assert(cq:loop())
  report("cqueues_poll", 2 * half, clock() - t0)
elseif mode == "luvit" then
  -- luvit's luv (Debian lua-luv): two coroutines, each resumed by its own
  -- idle callback once per loop iteration.
  local uv = require("luv")
  assert(uv.new_idle, "this is not luvit's luv")
  local half = math.floor(n / 2)
  local function spawn()
    local co = coroutine.create(function()
      for _ = 1, half do coroutine.yield() end
    end)
    local idle = uv.new_idle()
    idle:start(function()
      coroutine.resume(co)
      if coroutine.status(co) == "dead" then idle:stop() idle:close() end
    end)
  end
  spawn() spawn()
  local t0 = clock()
  uv.run()
  report("luvit_luv_idle", 2 * half, clock() - t0)
else
  error("usage: switch.lua <luv|bare|coroutine|cqueues|luvit> [switches]")
end
