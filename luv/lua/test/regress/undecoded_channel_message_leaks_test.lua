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

-- Regression: channels encoded into messages that were never decoded stayed
-- alive forever (20,000 reply channels in dropped request channels: +47 MB).
-- A message destroyed undecoded now releases what it pins.
local T = require("luvtest")
local luv = require("luv")

-- Measured in a child process: under AddressSanitizer freed memory sits in
-- a quarantine unless told otherwise, and the process would grow anyway.
local MEASURE = [[
local luv = require("luv")
local function rss_bytes()
  local f = assert(io.open("/proc/self/statm"))
  local _, resident = f:read("*n", "*n")
  f:close()
  return resident * 4096
end
local function drop_requests(n)
  for _ = 1, n do
    local requests = luv.channel()
    requests:put("request", luv.channel())  -- a reply channel, never read
    requests = nil
  end
  collectgarbage("collect")
  collectgarbage("collect")
end
drop_requests(20000)  -- warm up the allocator
local before = rss_bytes()
drop_requests(20000)
print("grown " .. (rss_bytes() - before))
]]

T.case("20,000 dropped requests with reply channels do not grow the process", function()
  local asan = os.getenv("ASAN_OPTIONS")
  local code, output = T.run_lua(MEASURE,
    asan and { ASAN_OPTIONS = asan .. ":quarantine_size_mb=0:detect_leaks=0" } or nil)
  T.eq(code, 0, output)
  local grown = tonumber(output:match("grown (%-?%d+)"))
  T.le(grown, 8 * 1024 * 1024, "bytes the second 20,000 added")
end)

T.case("a reply channel that was read still works", function()
  local requests = luv.channel()
  requests:put("request", luv.channel())
  local _, reply = requests:get()
  reply:put("answer")
  T.eq(reply:get(), "answer")
end)

T.run()
