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

-- luv.hrtime, mem_total, mem_free, cpu_info, interface_addresses.
local T = require("luvtest")
local luv = require("luv")

T.case("_VERSION names luv and a semantic version", function()
  T.match(luv._VERSION, "^luv %d+%.%d+%.%d+$")
end)

T.case("hrtime is in nanoseconds and monotonic", function()
  local a = luv.hrtime()
  local t0 = os.clock()
  while os.clock() - t0 < 0.01 do end  -- burn 10 ms of CPU
  local b = luv.hrtime()
  T.eq(type(a), "number")
  T.le(5e6, b - a, "elapsed ns")
end)

T.case("free memory is part of total memory", function()
  local total, free = luv.mem_total(), luv.mem_free()
  T.le(1, free, "free")
  T.le(free, total, "free vs total")
  -- Agrees with the kernel.
  local meminfo = io.open("/proc/meminfo"):read("*a")
  local kb = tonumber(meminfo:match("MemTotal:%s+(%d+) kB"))
  T.eq(total, kb * 1024, "mem_total")
end)

T.case("cpu_info has one entry per CPU with model, speed and times", function()
  local cpus = luv.cpu_info()
  local online = 0
  for line in io.lines("/proc/cpuinfo") do
    if line:match("^processor") then online = online + 1 end
  end
  T.eq(#cpus, online, "number of cpus")
  for _, cpu in ipairs(cpus) do
    T.eq(type(cpu.model), "string")
    T.eq(type(cpu.speed), "number")
    for _, key in ipairs({ "user", "nice", "sys", "idle", "irq" }) do
      T.eq(type(cpu.times[key]), "number", "times." .. key)
    end
    T.le(1, cpu.times.user + cpu.times.sys + cpu.times.idle, "busy + idle ms")
  end
end)

T.case("interface_addresses lists loopback as internal", function()
  local found
  for _, entry in ipairs(luv.interface_addresses()) do
    T.eq(type(entry.name), "string")
    T.eq(type(entry.is_internal), "boolean")
    if entry.address == "127.0.0.1" then found = entry end
  end
  T.ok(found, "127.0.0.1 entry")
  T.eq(found.is_internal, true, "is_internal")
  T.eq(found.family, "inet")
  T.eq(found.netmask, "255.0.0.0")
end)

T.run()
