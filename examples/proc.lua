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

-- The reference's process example (examples/proc.lua, which the reference
-- points to for processes), then the rest of what a process can do:
-- read its output through a pipe, feed its input, kill it.
--   bazel run //examples:proc
local luv = require("luv")

-- print() goes through C's buffer, the children write to fd 1 directly:
-- flush each line so that the output comes in program order.
io.stdout:setvbuf("line")

-- As in the reference: write a file, and let cat copy it to our stdout.
local path = (os.getenv("TEST_TMPDIR") or "/tmp") .. "/luv-proc-example.txt"
local f = luv.fiber.create(function()
   local fh = assert(io.open(path, "w"))
   fh:write("Hey Globe!\n")
   fh:close()
   local p = luv.process.spawn("/bin/cat", { path, stdout = luv.stdout })
   -- Wait before printing: cat writes to our stdout at its own pace.
   local status, signal = p:wait()
   print("SPAWNED:", p, "exited with", status, signal)
end)
f:ready()
f:join()
os.remove(path)

-- A child's output, read through a pipe while it runs.
local out = luv.pipe.create()
local ls = luv.process.spawn("sh", { "-c", "echo one; echo two; exit 3", stdout = out })
local pending = ""
while true do
   local got, data = out:read()
   if not got then break end
   pending = pending .. data  -- a read returns what has arrived: lines or parts
   for line in pending:gmatch("([^\n]*)\n") do print("from the child: " .. line) end
   pending = pending:match("[^\n]*$")
end
print("sh exited with", ls:wait())

-- Feeding a child's stdin: sort what a fiber writes.
local input, sorted = luv.pipe.create(), luv.pipe.create()
local sort = luv.process.spawn("sort", { stdin = input, stdout = sorted })
luv.fiber.create(function()
   for _, word in ipairs({ "pear", "apple", "fig" }) do input:write(word .. "\n") end
   input:shutdown()  -- sort reads EOF
end):ready()
local text = ""
while true do
   local got, data = sorted:read()
   if not got then break end
   text = text .. data
end
io.write("sorted: ", (text:gsub("\n", " ")), "\n")
sort:wait()

-- Killing a child.
local sleeper = luv.process.spawn("sleep", { "60" })
sleeper:kill("SIGTERM")
local status, signal = sleeper:wait()
print("sleep ended by signal", signal)

-- A program that does not exist.
print(luv.process.spawn("no-such-program"))
