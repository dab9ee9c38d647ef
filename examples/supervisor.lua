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

-- A process supervisor: starts its children, streams their output line by
-- line, restarts a child that fails (waiting longer after each failure, up
-- to a cap), and on SIGTERM or SIGINT stops them all (TERM, then KILL after
-- a deadline) and exits 0 with no child left behind.
--   bazel run //examples:supervisor     (Ctrl-C to stop it)
local luv = require("luv")
io.stdout:setvbuf("line")  -- a log: each line out as it is written

local STOP_DEADLINE = 1.0        -- seconds between TERM and KILL
local FIRST_BACKOFF, MAX_BACKOFF = 0.1, 2.0

-- name -> shell command; "stubborn" ignores TERM, so it needs the KILL.
local CHILDREN = {
  { name = "ticker", command = "while :; do echo tick; sleep 0.2; done" },
  { name = "flaky", command = "echo working; sleep 0.3; echo giving up >&2; exit 1" },
  { name = "stubborn", command = "trap '' TERM; while :; do sleep 0.2; done" },
}

local stopping = false
local running = {}   -- name -> process

-- Prints each line the child writes (stdout and stderr merged).
local function stream_output(name, out)
  local pending = ""
  while true do
    local n, data = out:read()
    if not n then break end
    pending = pending .. data
    for line in pending:gmatch("([^\n]*)\n") do print(name .. ": " .. line) end
    pending = pending:match("[^\n]*$")
  end
  if pending ~= "" then print(name .. ": " .. pending) end
  out:close()
end

-- Runs one child until the supervisor stops, restarting it after failures.
local function supervise(child)
  local backoff = FIRST_BACKOFF
  while not stopping do
    local out = luv.pipe.create()
    local proc = assert(luv.process.spawn("sh", { "-c", child.command,
      stdout = out, stderr = "stdout" }))
    running[child.name] = proc
    print(string.format("supervisor: started %s, pid %d", child.name, proc.pid))
    local reader = luv.fiber.create(stream_output, child.name, out):ready()
    local status, signal = proc:wait()
    reader:join()
    running[child.name] = nil
    if stopping then break end
    print(string.format("supervisor: %s exited (status %d, signal %d); restarting in %.1fs",
      child.name, status, signal, backoff))
    luv.sleep(backoff)
    backoff = math.min(backoff * 2, MAX_BACKOFF)
  end
end

local supervisors = {}
for i, child in ipairs(CHILDREN) do
  supervisors[i] = luv.fiber.create(supervise, child):ready()
end

-- The main state waits for TERM or INT; the fibers run meanwhile.
local term, int = luv.signal.create("TERM"), luv.signal.create("INT")
local which = luv.select(term, int)
print("supervisor: " .. which:wait() .. ", stopping")
stopping = true

-- TERM to every child, then KILL to those still running at the deadline.
for _, proc in pairs(running) do proc:kill("TERM") end
local function wait_all()
  for _, proc in pairs(running) do
    if not proc:wait() then return false end  -- the deadline passed
  end
  return true
end
if not luv.timeout(STOP_DEADLINE, wait_all) then
  for name, proc in pairs(running) do
    if proc:kill("KILL") then print("supervisor: " .. name .. " ignored TERM, killed it") end
  end
end
for _, supervisor in ipairs(supervisors) do supervisor:join() end
term:close()
int:close()
print("supervisor: all children stopped")
