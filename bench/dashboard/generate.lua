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

-- The benchmark dashboard: one static HTML page from //bench:suite's run
-- files (docs/bench-schema.md), and a Markdown summary of the latest run.
--   lua generate.lua OUTDIR RUN.json...
-- Writes OUTDIR/index.html (a summary chart of luv's ratio to the best
-- contender per benchmark, a legend, the table, then the latest run's
-- charts, and luv's figures over the comparable runs: full, not loaded)
-- and OUTDIR/summary.md (the table the README shows).
-- The page fetches nothing: its data, style and drawing script
-- (dashboard.js, beside this file) are inlined.
local json = require("json")

local outdir = arg[1]
assert(outdir and arg[2], "usage: generate.lua OUTDIR RUN.json...")
local here = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/"

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

local function write(path, text)
  local file = assert(io.open(path, "wb"))
  file:write(text)
  file:close()
end

local runs, seen = {}, {}
for i = 2, #arg do
  local ok, run = pcall(json.decode, read(arg[i]))
  if ok and type(run) == "table" and run.schema == "luv-bench-run/1" and run.date then
    -- The same run may be passed twice (bench-results/ and docs/bench/).
    local key = run.date .. " " .. tostring(run.commit)
    if not seen[key] then
      seen[key] = true
      runs[#runs + 1] = run
    end
  else
    io.stderr:write("generate.lua: skipping ", arg[i], ": not a luv-bench-run/1 file\n")
  end
end
assert(#runs > 0, "no run to show")
table.sort(runs, function(a, b) return a.date < b.date end)
local current = runs[#runs]

-- A run is loaded when its 1-minute load average at the start was above
-- its core count: other work skewed its figures.
local function load_start(run)
  local start = run.machine and run.machine.load_average_start
  return start and tonumber(tostring(start):match("^%s*([%d.]+)"))
end
local function loaded(run)
  local load, cores = load_start(run), run.machine and tonumber(run.machine.cores)
  return load ~= nil and cores ~= nil and load > cores
end
-- Only full runs on a machine that was not loaded compare with each other.
local function comparable(run) return run.quick ~= true and not loaded(run) end

local notice = json.object({ quick = current.quick == true, loaded = loaded(current),
  load = load_start(current), cores = current.machine and current.machine.cores })

-- A contender declared a limit (a floor nothing can beat) that luv beats
-- beyond noise in any group of a benchmark is no limit: it is shown as a
-- baseline there, with a reason. Below NOISE a ratio is a tie (figures on
-- 2 shared cores move by a fifth between runs).
local NOISE = 1.25
for _, bench in ipairs(current.benchmarks) do
  local best = {}
  for _, group in ipairs(bench.groups or {}) do
    for _, figure in ipairs(group.figures) do
      local ratio = group.ratios and group.ratios[figure.impl]
      if figure.role == "limit" and ratio and ratio > (best[figure.impl] or 0) then
        best[figure.impl] = ratio
      end
    end
  end
  for _, group in ipairs(bench.groups or {}) do
    for _, figure in ipairs(group.figures) do
      if figure.role == "limit" and (best[figure.impl] or 0) > NOISE then
        figure.role, figure.declared_role = "baseline", "limit"
        figure.reason = figure.reason or string.format(
          "luv beats it here (up to ×%.2f): it is a baseline, not a bound", best[figure.impl])
      end
    end
  end
end

-- luv's median of every group in every comparable run (the trend lines).
local history = json.array()
for _, run in ipairs(runs) do
  if comparable(run) then
    local values = json.object()
    for _, bench in ipairs(run.benchmarks) do
      for _, group in ipairs(bench.groups or {}) do
        for _, figure in ipairs(group.figures) do
          if figure.impl == "luv" then values[bench.benchmark .. "/" .. group.id] = figure.median end
        end
      end
    end
    history[#history + 1] = json.object({ date = run.date, commit = run.commit, dirty = run.dirty,
      values = values })
  end
end

local data = json.encode(json.object({ current = current, history = history, notice = notice,
  noise = NOISE }))
-- Inside <script>, "</" would end the element.
data = data:gsub("</", "<\\/")

local page = read(here .. "page.html")
page = page:gsub("{{(%w+)}}", {
  title = "luv benchmarks: " .. current.date,
  style = read(here .. "dashboard.css"),
  data = data,
  script = read(here .. "dashboard.js"),
})
write(outdir .. "/index.html", page)

-- The summary: one row per kind of work, with luv's median and its ratio to
-- each contender under Lua 5.1 and under LuaJIT side by side (groups whose
-- ids end in .lua51 and .luajit; any other group fills the first pair).
-- 22300000 -> "22.3 M": three significant digits and a suffix.
local function number(v)
  for _, unit in ipairs({ { 1e9, " G" }, { 1e6, " M" }, { 1e3, " k" } }) do
    if v >= unit[1] then return string.format("%.3g%s", v / unit[1], unit[2]) end
  end
  return string.format("%.3g", v)
end

local vms = { { suffix = "lua51", name = "Lua 5.1" }, { suffix = "luajit", name = "LuaJIT" } }

local function cell(group)
  local luv, others = nil, {}
  for _, figure in ipairs(group.figures) do
    if figure.impl == "luv" then
      luv = figure
    elseif group.ratios and group.ratios[figure.impl] then
      others[#others + 1] = string.format("%s%s ×%.2f", figure.impl,
        (figure.role == "limit" or figure.role == "baseline") and " (" .. figure.role .. ")" or "",
        group.ratios[figure.impl])
    end
  end
  if not luv or #others == 0 then return nil end
  return { luv = number(luv.median) .. " " .. group.unit, ratios = table.concat(others, ", ") }
end

local rows, order = {}, {}
for _, bench in ipairs(current.benchmarks) do
  if bench.status ~= "ok" then
    order[#order + 1] = { bench = bench.benchmark,
      work = bench.status .. (bench.message and ": " .. bench.message or ""), cells = {} }
  end
  for _, group in ipairs(bench.groups or {}) do
    local stem, suffix = group.id:match("^(.*)%.(%w+)$")
    local column = 1
    for i, vm in ipairs(vms) do
      if suffix == vm.suffix then column = i end
    end
    if column == 1 and suffix ~= vms[1].suffix then stem = group.id end
    local c = cell(group)
    if c then
      local key = bench.benchmark .. "/" .. stem
      if not rows[key] then
        local work = (group.title or group.id):gsub(" %(" .. vms[column].name:gsub("%p", "%%%0") .. "%)$", "")
        rows[key] = { bench = bench.benchmark, work = work, cells = {} }
        order[#order + 1] = rows[key]
      end
      rows[key].cells[column] = c
    end
  end
end

local lines = {}
if notice.quick or notice.loaded then
  lines[#lines + 1] = "**Not comparable with full runs:** " .. (notice.quick
    and "a `--quick` run (small work, one sample per figure)" or "")
    .. (notice.quick and notice.loaded and "; " or "")
    .. (notice.loaded and string.format("the machine was loaded (load average %s at the start on %s cores)",
      tostring(notice.load), tostring(notice.cores)) or "") .. "."
  lines[#lines + 1] = ""
end
local baselines = {}
for _, bench in ipairs(current.benchmarks) do
  for _, group in ipairs(bench.groups or {}) do
    for _, figure in ipairs(group.figures) do
      local key = bench.benchmark .. "/" .. figure.impl
      if figure.role == "baseline" and not baselines[key] then
        baselines[key] = true
        baselines[#baselines + 1] = string.format("- %s, %s: %s", bench.benchmark, figure.impl,
          figure.reason or "a baseline, not a bound")
      end
    end
  end
end
for _, line in ipairs({
  string.format("Run of %s, commit %s%s, `%s`, on %s (%d cores, %s; load average %s%s).",
    current.date, tostring(current.commit):sub(1, 10),
    current.dirty and " (with uncommitted changes)" or "", current.command or "?",
    current.machine.cpu or "?", current.machine.cores or 0, current.machine.os or "?",
    current.machine.load_average_start and current.machine.load_average_start .. " at the start, "
      or "", (current.machine.load_average or "?") .. " at the end"),
  "",
  "Each ratio is how many times better luv did than that contender (medians;",
  "above 1 luv is ahead, whether the unit is a rate or a time); a *limit* is a",
  "floor no library can beat, such as bare C; a *baseline* is a plain program",
  "that luv can beat, for a reason:",
  "",
}) do lines[#lines + 1] = line end
for _, line in ipairs(baselines) do lines[#lines + 1] = line end
if #baselines == 0 then lines[#lines + 1] = "- (none in this run)" end
for _, line in ipairs({
  "",
  "| benchmark | work | luv, Lua 5.1 | ratios, Lua 5.1 | luv, LuaJIT | ratios, LuaJIT |",
  "|---|---|---|---|---|---|",
}) do lines[#lines + 1] = line end
for _, row in ipairs(order) do
  local a, b = row.cells[1] or {}, row.cells[2] or {}
  lines[#lines + 1] = string.format("| %s | %s | %s | %s | %s | %s |", row.bench, row.work,
    a.luv or "", a.ratios or "", b.luv or "", b.ratios or "")
end
write(outdir .. "/summary.md", table.concat(lines, "\n") .. "\n")
