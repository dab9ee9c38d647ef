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

-- Checks the DOM that headless Chromium dumped after running the dashboard
-- against the run files the page was made from:
--   lua check_dom.lua DOM.html RUN.json...
-- Every group of the latest run must have its bar chart with one bar per
-- contender, of a width in proportion to its median, luv's ratio to each
-- contender, and a line through luv's median in each earlier run of the
-- same kind; every failed benchmark must show its status and message.
-- Prints what it checked; exits 1 listing every mismatch.
local json = require("json")

local dom = assert(io.open(arg[1])):read("*a")
local runs = {}
for i = 2, #arg do runs[#runs + 1] = json.decode(assert(io.open(arg[i])):read("*a")) end
table.sort(runs, function(a, b) return a.date < b.date end)
local latest = runs[#runs]

local problems, checks = {}, 0
local function expect(ok, ...)
  checks = checks + 1
  if not ok then problems[#problems + 1] = string.format(...) end
end

local function attrs(tag)
  local t = {}
  for k, v in tag:gmatch('([%w:-]+)="([^"]*)"') do t[k] = v end
  return t
end

-- The markup of the first <svg> whose data-group is `key` and whose class is `class`.
local function svg(class, key)
  for open, body in dom:gmatch("(<svg[^>]*>)(.-)</svg>") do
    local a = attrs(open)
    if a.class == class and a["data-group"] == key then return body end
  end
end

local function close(a, b) return math.abs(a - b) <= 1e-6 * math.max(1, math.abs(a), math.abs(b)) end

expect(dom:find('<body data%-rendered="true"') ~= nil, "the script did not finish (no data-rendered)")

for _, bench in ipairs(latest.benchmarks) do
  local name = bench.benchmark
  local section = dom:match('<section id="bench%-' .. name:gsub("%p", "%%%0") .. '"[^>]*>')
  expect(section ~= nil, "no section for %s", name)
  if bench.status ~= "ok" then
    expect(section and attrs(section)["data-status"] == bench.status, "%s: status %s not shown", name, bench.status)
    expect(dom:find(bench.status .. ": " .. bench.message, 1, true) ~= nil, "%s: message not shown", name)
  end
  for _, group in ipairs(bench.groups or {}) do
    local key = name .. "/" .. group.id
    local bars = svg("bars", key)
    expect(bars ~= nil, "%s: no bar chart", key)
    if bars then
      local scale = 0
      for _, f in ipairs(group.figures) do scale = math.max(scale, f.max) end
      local seen = 0
      for rect in bars:gmatch("<rect[^>]*>") do
        local a = attrs(rect)
        seen = seen + 1
        for _, f in ipairs(group.figures) do
          if f.impl == a["data-impl"] then
            expect(close(tonumber(a["data-median"]), f.median), "%s/%s: bar median %s, data %s",
              key, f.impl, a["data-median"], f.median)
            expect(close(tonumber(a.width), f.median / scale * 250), "%s/%s: bar width %s, expected %s",
              key, f.impl, a.width, f.median / scale * 250)
            expect(a.class == "bar " .. f.role, "%s/%s: class %s", key, f.impl, a.class)
          end
        end
      end
      expect(seen == #group.figures, "%s: %d bars for %d figures", key, seen, #group.figures)
      for impl, ratio in pairs(group.ratios or {}) do
        local text = string.format("luv ×%.2f", ratio)
        expect(bars:find('data%-impl="' .. impl:gsub("%p", "%%%0") .. '">' .. text .. "</text>") ~= nil,
          "%s/%s: ratio text %q not found", key, impl, text)
      end
    end
    local has_luv = false
    for _, f in ipairs(group.figures) do has_luv = has_luv or f.impl == "luv" end
    if has_luv then
      local points = 0
      for _, run in ipairs(runs) do
        if run.quick == latest.quick then
          for _, b in ipairs(run.benchmarks) do
            for _, g in ipairs(b.groups or {}) do
              if b.benchmark == name and g.id == group.id then points = points + 1 end
            end
          end
        end
      end
      local trend = svg("trend", key)
      local line = trend and trend:match("<polyline[^>]*>")
      expect(line ~= nil, "%s: no trend line", key)
      if line then
        local a = attrs(line)
        local coordinates = select(2, a.points:gsub("[%d.]+,[%d.]+", ""))
        expect(tonumber(a["data-points"]) == points and coordinates == points,
          "%s: trend has %s points (%d coordinates), expected %d", key, a["data-points"], coordinates, points)
      end
    end
  end
end

-- The overview: one row per group of the latest run with luv and a ratio.
local rows, want = 0, 0
for _ in dom:gmatch('<tr data%-group="') do rows = rows + 1 end
for _, bench in ipairs(latest.benchmarks) do
  for _, group in ipairs(bench.groups or {}) do
    local has_luv = false
    for _, f in ipairs(group.figures) do has_luv = has_luv or f.impl == "luv" end
    if has_luv and next(group.ratios or {}) then want = want + 1 end
  end
end
expect(rows == want, "overview: %d rows, expected %d", rows, want)

if #problems > 0 then
  io.stderr:write(table.concat(problems, "\n"), "\n", #problems, " of ", checks, " checks failed\n")
  os.exit(1)
end
print(checks .. " checks passed")
