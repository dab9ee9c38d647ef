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
-- The page must open with a banner when the latest run is --quick or was
-- loaded (and not otherwise), then the summary chart: per benchmark one dot
-- per group at luv's ratio to the best contender, placed on the log axis,
-- with 1 (a tie) marked; then the legend of roles with the reason of every
-- baseline (declared, or a limit that luv beats beyond noise). Every group
-- of the latest run must have its bar chart with one bar per contender, of
-- a width in proportion to its median, coloured by role, luv's ratio to
-- each contender, and a line through luv's median in each comparable run
-- (full, not loaded) when there are at least 3, else none; every failed
-- benchmark must show its status and message.
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

local NOISE = 1.25
local function loaded(run)
  local load = tonumber(tostring(run.machine.load_average_start or ""):match("^([%d.]+)"))
  return load ~= nil and load > tonumber(run.machine.cores)
end
local function comparable(run) return not run.quick and not loaded(run) end

-- The role each figure of the latest run must be shown with.
local role = {}
for _, bench in ipairs(latest.benchmarks) do
  local beaten = {}
  for _, group in ipairs(bench.groups or {}) do
    for impl, ratio in pairs(group.ratios or {}) do
      if ratio > NOISE then beaten[impl] = true end
    end
  end
  for _, group in ipairs(bench.groups or {}) do
    for _, f in ipairs(group.figures) do
      local r = f.role
      if r == "limit" and beaten[f.impl] then r = "baseline" end
      role[bench.benchmark .. "/" .. group.id .. "/" .. f.impl] = r
    end
  end
end

-- The banner.
local banner = dom:match('<div[^>]* id="banner"[^>]*>') or dom:match('<div id="banner"[^>]*>')
local want_banner = latest.quick == true or loaded(latest)
expect((banner ~= nil) == want_banner, "banner shown: %s, expected: %s", tostring(banner ~= nil),
  tostring(want_banner))
if banner and want_banner then
  local a = attrs(banner)
  expect(a["data-quick"] == tostring(latest.quick == true) and a["data-loaded"] == tostring(loaded(latest)),
    "banner says quick=%s loaded=%s", tostring(a["data-quick"]), tostring(a["data-loaded"]))
  expect(dom:find("Not comparable", 1, true) ~= nil, "the banner does not say the figures are not comparable")
  expect(dom:find('id="banner"', 1, true) < dom:find('id="summary"', 1, true), "the banner is not above the summary")
end

-- The summary chart comes first, before the legend and the table.
local summary_open, summary = dom:match('(<svg[^>]* id="summary%-chart"[^>]*>)(.-)</svg>')
if not summary_open then summary_open, summary = dom:match('(<svg id="summary%-chart"[^>]*>)(.-)</svg>') end
expect(summary ~= nil, "no summary chart")
local order = { dom:find('id="summary"', 1, true), dom:find('id="legend"', 1, true),
  dom:find('id="overview"', 1, true), (dom:find('id="benchmarks"', 1, true)) }
expect(#order == 4 and order[1] < order[2] and order[2] < order[3] and order[3] < order[4],
  "the page is not in the order summary, legend, table, charts")
if summary then
  local a = attrs(summary_open)
  local lo, hi, x0, x1 = tonumber(a["data-lo"]), tonumber(a["data-hi"]), tonumber(a["data-x0"]), tonumber(a["data-x1"])
  local function x(r) return x0 + (math.log10(r) - lo) / (hi - lo) * (x1 - x0) end
  local tie = summary:match('<line[^>]*class="tie"[^>]*>')
  expect(tie ~= nil and close(tonumber(attrs(tie).x1), x(1)), "summary: the tie (1) is not marked at %s", x(1))
  expect(summary:find("1 = tie", 1, true) ~= nil, "summary: no '1 = tie' label")
  local dots = {}
  for circle in summary:gmatch("<circle[^>]*>") do
    local c = attrs(circle)
    dots[c["data-group"]] = c
  end
  for _, bench in ipairs(latest.benchmarks) do
    expect(summary:find('data%-benchmark="' .. bench.benchmark:gsub("%p", "%%%0") .. '"') ~= nil,
      "summary: no row for %s", bench.benchmark)
    for _, group in ipairs(bench.groups or {}) do
      local key = bench.benchmark .. "/" .. group.id
      local best, best_impl
      for impl, ratio in pairs(group.ratios or {}) do
        if not best or ratio < best then best, best_impl = ratio, impl end
      end
      local dot = dots[key]
      if best then
        expect(dot ~= nil, "summary: no dot for %s", key)
        if dot then
          expect(close(tonumber(dot["data-ratio"]), best) and dot["data-best"] == best_impl,
            "summary: %s at %s against %s, expected %s against %s", key, dot["data-ratio"],
            tostring(dot["data-best"]), best, best_impl)
          expect(close(tonumber(dot.cx), x(best)), "summary: %s at x %s, expected %s", key, dot.cx, x(best))
          expect(dot.class == "dot " .. role[key .. "/" .. best_impl], "summary: %s class %s", key, dot.class)
        end
      else
        expect(dot == nil, "summary: a dot for %s, which has no ratio", key)
      end
    end
  end
end

-- The legend: a swatch of each role, and the reason of every baseline.
local legend = dom:match('<section id="legend">(.-)</section>')
expect(legend ~= nil, "no legend")
legend = legend or ""
for _, r in ipairs({ "luv", "peer", "limit", "baseline" }) do
  expect(legend:find('<span class="swatch ' .. r .. '">', 1, true) ~= nil, "legend: no swatch for %s", r)
end
local baselines = 0
for key, r in pairs(role) do
  if r == "baseline" then
    local bench, impl = key:match("^([^/]+)/.*/([^/]+)$")
    local item = legend:find('<li data-benchmark="' .. bench .. '" data-impl="' .. impl .. '">', 1, true)
    expect(item ~= nil, "legend: no reason for the baseline %s of %s", impl, bench)
    baselines = baselines + 1
  end
end
for _, bench in ipairs(latest.benchmarks) do
  for _, group in ipairs(bench.groups or {}) do
    for _, f in ipairs(group.figures) do
      if f.reason then
        expect(legend:find(f.reason, 1, true) ~= nil, "legend: reason %q not shown", f.reason)
      end
    end
  end
end
if baselines == 0 then expect(legend:find("reasons", 1, true) == nil, "legend: reasons without a baseline") end

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
            expect(a.class == "bar " .. role[key .. "/" .. f.impl], "%s/%s: class %s, expected the role %s",
              key, f.impl, a.class, role[key .. "/" .. f.impl])
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
        if comparable(run) then
          for _, b in ipairs(run.benchmarks) do
            for _, g in ipairs(b.groups or {}) do
              if b.benchmark == name and g.id == group.id then points = points + 1 end
            end
          end
        end
      end
      local trend = svg("trend", key)
      local line = trend and trend:match("<polyline[^>]*>")
      if points < 3 then
        expect(trend == nil, "%s: a trend of %d point(s) is drawn", key, points)
        expect(dom:find('class="no%-trend" data%-group="' .. key:gsub("%p", "%%%0") .. '"') ~= nil,
          "%s: no note that the trend has too few points", key)
      else
        expect(line ~= nil, "%s: no trend line", key)
      end
      if line and points >= 3 then
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
