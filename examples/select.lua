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

-- luv.select: wait for whichever comes first, a message or a timer tick.
--   bazel run //examples:select
local luv = require("luv")

local messages = luv.channel()
local ticker = luv.timer.create()
ticker:start(20, 20)

luv.fiber.create(function()
  for i = 1, 3 do
    luv.sleep(0.05)
    messages:put("message " .. i)
  end
  messages:close()
end):ready()

local ticks, got = 0, {}
while true do
  local ready = luv.select(messages, ticker)
  if ready == ticker then
    ticks = ticks + 1  -- the tick happened; the next select waits for the next one
  else
    local message = messages:get()
    if not message then break end  -- closed and drained
    got[#got + 1] = message
  end
end
ticker:close()
print(table.concat(got, ", "))
print("ticks seen:", ticks > 0)
