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

-- Prints what luv knows about this machine.
--   bazel run //examples:system_info
local luv = require("luv")

print(luv._VERSION)
print(string.format("memory: %.1f GiB free of %.1f GiB",
  luv.mem_free() / 2^30, luv.mem_total() / 2^30))

local cpus = luv.cpu_info()
print(string.format("%d CPUs: %s at %d MHz", #cpus, cpus[1].model, cpus[1].speed))

for _, a in ipairs(luv.interface_addresses()) do
  print(string.format("  %-8s %-6s %s%s", a.name, a.family, a.address,
    a.is_internal and " (internal)" or ""))
end

-- hrtime is in nanoseconds: time the calls above.
local t0 = luv.hrtime()
for _ = 1, 1000 do luv.cpu_info() end
print(string.format("cpu_info() takes %.1f us", (luv.hrtime() - t0) / 1000 / 1000))
