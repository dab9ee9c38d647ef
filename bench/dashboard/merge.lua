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

-- Merges the results of one //bench:suite run into one file (luv-bench-run/1,
-- docs/bench-schema.md), adding the ratio of luv to every other contender.
--   lua merge.lua OUT META STATUS RESULTS_DIR
-- META: "key<TAB>value" lines (date, commit, ..., machine.cpu, peers.nodejs):
--   a dotted key nests; a value that reads as a number or true/false is one.
-- STATUS: "name<TAB>status<TAB>seconds<TAB>message" lines, one per benchmark;
--   status "ok" means RESULTS_DIR/<name>.json holds its figures.
local json = require("json")

local out_path, meta_path, status_path, results_dir = arg[1], arg[2], arg[3], arg[4]
assert(results_dir, "usage: merge.lua OUT META STATUS RESULTS_DIR")

local function lines(path)
  local t = {}
  for line in assert(io.open(path)):lines() do
    if line ~= "" then t[#t + 1] = line end
  end
  return t
end

local function split_tabs(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

local function scalar(text)
  if text == "true" then return true elseif text == "false" then return false end
  if text:match("^%-?%d+%.?%d*$") then return tonumber(text) end
  return text
end

local run = json.object({ schema = "luv-bench-run/1", benchmarks = json.array() })
for _, line in ipairs(lines(meta_path)) do
  local key, value = line:match("^([^\t]+)\t(.*)$")
  assert(key, "bad META line: " .. line)
  local t = run
  local path = {}
  for part in key:gmatch("[^.]+") do path[#path + 1] = part end
  for i = 1, #path - 1 do
    t[path[i]] = t[path[i]] or json.object()
    t = t[path[i]]
  end
  t[path[#path]] = scalar(value)
end

-- ratio(group, luv, other): how many times better luv did, from medians;
-- above 1 luv is better, whichever way the unit goes.
local function ratio(group, luv, other)
  if luv.median <= 0 or other.median <= 0 then return nil end
  if group.better == "higher" then return luv.median / other.median end
  return other.median / luv.median
end

-- check(doc, name): the problems of a per-benchmark document, or nil.
local function check(doc, name)
  if type(doc) ~= "table" or doc.schema ~= "luv-bench/1" then
    return "not in the luv-bench/1 schema (see docs/bench-schema.md)"
  end
  if doc.benchmark ~= name then return "names itself " .. tostring(doc.benchmark) end
  if type(doc.groups) ~= "table" or #doc.groups == 0 then return "has no groups" end
  for _, g in ipairs(doc.groups) do
    if type(g.id) ~= "string" or type(g.unit) ~= "string"
        or (g.better ~= "higher" and g.better ~= "lower") or type(g.figures) ~= "table" then
      return "group " .. tostring(g.id) .. " lacks id, unit, better or figures"
    end
    for _, f in ipairs(g.figures) do
      local roles = { luv = true, peer = true, limit = true, baseline = true }
      if not roles[f.role] then
        return string.format("figure %s/%s has role %s (luv, peer, limit or baseline)", g.id,
          tostring(f.impl), tostring(f.role))
      end
      if f.role == "baseline" and type(f.reason) ~= "string" then
        return string.format("baseline %s/%s gives no reason", g.id, tostring(f.impl))
      end
      for _, k in ipairs({ "min", "median", "max" }) do
        if type(f[k]) ~= "number" then
          return string.format("figure %s/%s has no number %s", g.id, tostring(f.impl), k)
        end
      end
    end
  end
end

for _, line in ipairs(lines(status_path)) do
  local name, status, seconds, message = unpack(split_tabs(line))
  local entry = json.object({ benchmark = name, status = status, seconds = tonumber(seconds) })
  if status == "ok" then
    local file = io.open(results_dir .. "/" .. name .. ".json")
    local ok, doc = false, "wrote no " .. name .. ".json"
    if file then
      ok, doc = pcall(json.decode, file:read("*a"))
      file:close()
    end
    local problem
    if ok then problem = check(doc, name) else problem = doc end
    if problem then
      entry.status, entry.message = "bad-result", problem
    else
      for k, v in pairs(doc) do
        if entry[k] == nil then entry[k] = v end
      end
      for _, g in ipairs(doc.groups) do
        local luv
        for _, f in ipairs(g.figures) do
          if f.impl == "luv" then luv = f end
        end
        g.ratios = json.object()
        if luv then
          for _, f in ipairs(g.figures) do
            if f ~= luv then g.ratios[f.impl] = ratio(g, luv, f) end
          end
        end
      end
    end
  elseif message and message ~= "" then
    entry.message = message
  end
  run.benchmarks[#run.benchmarks + 1] = entry
end

local file = assert(io.open(out_path, "w"))
file:write(json.encode(run), "\n")
file:close()
