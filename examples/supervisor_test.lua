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

-- examples/supervisor.lua under a real signal: it starts its children,
-- restarts the flaky one, and on SIGTERM (or SIGINT) stops every child
-- (killing the one that ignores TERM) and exits 0 with none left.
local T = require("luvtest")
local luv = require("luv")

local script = assert(arg and arg[1], "give the path of supervisor.lua")

-- Runs the supervisor until `until_pattern` has been printed, sends it
-- `signal`, and returns its exit status, term signal and output.
local function run_supervisor(signal, until_pattern)
  local out = luv.pipe.create()
  local proc = assert(luv.process.spawn(assert(os.getenv("LUV_TEST_LUA")),
    { script, stdout = out, stderr = "stdout" }))
  local output = ""
  while not output:find(until_pattern) do
    local n, data = luv.timeout(20, out.read, out)
    assert(n, "supervisor output ended early: " .. output .. tostring(data))
    output = output .. data
  end
  assert(proc:kill(signal))
  while true do
    local n, data = out:read()
    if not n then break end
    output = output .. data
  end
  out:close()
  local status, term = proc:wait()
  return status, term, output
end

local function assert_no_child_left(output)
  local pids = 0
  for pid in output:gmatch("pid (%d+)") do
    pids = pids + 1
    local alive, _, code = luv.process.kill(tonumber(pid), 0)
    T.eq(alive, nil, "child " .. pid .. " is still running")
    T.eq(code, "ESRCH")
  end
  T.le(3, pids, "children started")
end

T.case("SIGTERM stops every child and exits 0", function()
  -- Wait until the flaky child was restarted once.
  local status, term, output = run_supervisor("TERM", "restarting in.-started flaky")
  T.eq(status, 0, "exit status: " .. output)
  T.eq(term, 0, "term signal")
  T.match(output, "ticker: tick")
  T.match(output, "flaky: giving up")
  T.match(output, "supervisor: SIGTERM, stopping")
  T.match(output, "stubborn ignored TERM, killed it")
  T.match(output, "supervisor: all children stopped\n$")
  assert_no_child_left(output)
end)

T.case("SIGINT does the same", function()
  local status, _, output = run_supervisor("INT", "started stubborn")
  T.eq(status, 0, "exit status: " .. output)
  T.match(output, "supervisor: SIGINT, stopping")
  T.match(output, "supervisor: all children stopped\n$")
  assert_no_child_left(output)
end)

T.run()
