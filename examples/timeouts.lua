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
