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
