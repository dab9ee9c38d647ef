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

-- The reference's std streams example (examples/stdfh.lua), a little
-- longer: greet on luv.stdout, read what comes on luv.stdin while a fiber
-- keeps ticking, and answer on luv.stderr.
--   bazel run //examples:stdio            (type a line, or press Ctrl-D)
--   echo hi | bazel run //examples:stdio
local luv = require("luv")

luv.stdout:write("Hello World!\n")
luv.stdout:write("stdin is a " .. luv.stdin:kind() .. ", stdout is a " ..
                 luv.stdout:kind() .. "\n")

-- luv.stdin:read() suspends only the main state: this fiber keeps running.
local reading = true
local ticker = luv.fiber.create(function()
   local ticks = 0
   while reading do
      luv.sleep(0.01)
      ticks = ticks + 1
   end
   return ticks
end)
ticker:ready()

local got, mesg = luv.stdin:read()
reading = false
ticker:join()
if got then
   luv.stderr:write("thanks, you said: " .. mesg)
else
   luv.stderr:write("thanks, you said nothing (" .. tostring(mesg) .. ")\n")
end
