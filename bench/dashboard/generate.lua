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

-- The benchmark dashboard: one static HTML page from //bench:all's run
-- files (docs/bench-schema.md), and a Markdown summary of the latest run.
--   lua generate.lua OUTDIR RUN.json...
-- Writes OUTDIR/index.html (the latest run's charts, luv against every
-- contender, and luv's figures over the earlier runs of the same kind,
-- full or --quick) and OUTDIR/summary.md (the table the README shows).
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

local runs = {}
for i = 2, #arg do
  local ok, run = pcall(json.decode, read(arg[i]))
  if ok and type(run) == "table" and run.schema == "luv-bench-run/1" and run.date then
    runs[#runs + 1] = run
  else
    io.stderr:write("generate.lua: skipping ", arg[i], ": not a luv-bench-run/1 file\n")
  end
end
assert(#runs > 0, "no run to show")
table.sort(runs, function(a, b) return a.date < b.date end)
local current = runs[#runs]

-- luv's median of every group, in every run of the same kind as the
-- latest (a --quick run measures smaller work: not comparable).
local history = json.array()
for _, run in ipairs(runs) do
  if run.quick == current.quick then
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

local data = json.encode(json.object({ current = current, history = history }))
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
        figure.role == "limit" and " (limit)" or "", group.ratios[figure.impl])
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

local lines = {
  string.format("Run of %s, commit %s%s, `%s`, on %s (%d cores, %s; load average %s%s).",
    current.date, tostring(current.commit):sub(1, 10),
    current.dirty and " (with uncommitted changes)" or "", current.command or "?",
    current.machine.cpu or "?", current.machine.cores or 0, current.machine.os or "?",
    current.machine.load_average_start and current.machine.load_average_start .. " at the start, "
      or "", (current.machine.load_average or "?") .. " at the end"),
  "",
  "Each ratio is how many times better luv did than that contender (medians;",
  "above 1 luv is ahead, whether the unit is a rate or a time); a *limit* is a",
  "floor no library can beat, such as bare C.",
  "",
  "| benchmark | work | luv, Lua 5.1 | ratios, Lua 5.1 | luv, LuaJIT | ratios, LuaJIT |",
  "|---|---|---|---|---|---|",
}
for _, row in ipairs(order) do
  local a, b = row.cells[1] or {}, row.cells[2] or {}
  lines[#lines + 1] = string.format("| %s | %s | %s | %s | %s | %s |", row.bench, row.work,
    a.luv or "", a.ratios or "", b.luv or "", b.ratios or "")
end
write(outdir .. "/summary.md", table.concat(lines, "\n") .. "\n")
