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
