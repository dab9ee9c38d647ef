-- Deadlines and cancellation: luv.timeout gives a group of blocking calls a
-- deadline; fiber:cancel stops a fiber at its current blocking call.
--   bazel run //examples:timeouts
local luv = require("luv")

local inbox = luv.channel()

-- Nothing arrives within 50 ms: get fails with ETIMEDOUT.
local ok, message, code = luv.timeout(0.05, function() return inbox:get() end)
print("get:", ok, code)

-- A worker that would wait forever, cancelled; it cleans up and reports.
local worker = luv.fiber.create(function()
  local ok, message, code = inbox:get()
  if not ok then return "worker stopped: " .. code end
end):ready()
luv.fiber.yield()          -- let it start waiting
worker:cancel("shutting down")
print(worker:join())
