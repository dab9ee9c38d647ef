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

-- Every name luv registers is documented in docs/api.md.
local T = require("luvtest")
local luv = require("luv")

local docs = assert(io.open("docs/api.md")):read("*a")

local function documented(name)
  return docs:find("`" .. name, 1, true) ~= nil
end

T.case("every module function and field is documented", function()
  local missing = {}
  local function walk(prefix, t)
    for key, value in pairs(t) do
      local name = prefix .. "." .. key
      if type(value) == "table" then
        walk(name, value)
      elseif not documented(name) then
        missing[#missing + 1] = name
      end
    end
  end
  walk("luv", luv)
  table.sort(missing)
  T.eq(table.concat(missing, ", "), "", "undocumented")
end)

T.case("every method of every luv type is documented", function()
  local missing = {}
  local types = 0
  for name, meta in pairs(debug.getregistry()) do
    if type(name) == "string" and name:match("^luv%.") and type(meta) == "table"
        and type(meta.__index) == "table" then
      types = types + 1
      local short = name:match("^luv%.(.*)$")
      for method in pairs(meta.__index) do
        if not documented(short .. ":" .. method) then
          missing[#missing + 1] = short .. ":" .. method
        end
      end
    end
  end
  table.sort(missing)
  T.le(3, types, "luv types found")
  T.eq(table.concat(missing, ", "), "", "undocumented")
end)

-- The guide, the decisions and the README may mention only names that
-- exist and that the reference documents: "luv.a.b" must be in the module,
-- "<type>:<method>" (for a luv type) must be a method of it, and both must
-- be in docs/api.md.
T.case("every luv name the guide, decisions and README mention exists and is documented", function()
  local types = {}
  for name, meta in pairs(debug.getregistry()) do
    local short = type(name) == "string" and name:match("^luv%.(.*)$")
    if short and type(meta) == "table" and type(meta.__index) == "table" then
      types[short] = meta.__index
    end
  end
  local wrong, names = {}, 0
  for _, file in ipairs({ "docs/guide.md", "docs/decisions.md", "README.md" }) do
    local text = assert(io.open(file)):read("*a")
    for name in text:gmatch("luv%.[%a_][%w_%.]*") do
      name = name:gsub("%.+$", "")
      -- The module's file and its annotation file, not fields.
      if name ~= "luv.so" and name ~= "luv.lua" then
        names = names + 1
        local value = luv
        for part in name:gmatch("%.([^.]+)") do
          value = type(value) == "table" and value[part] or nil
        end
        if value == nil then
          wrong[#wrong + 1] = file .. ": " .. name .. " is not in the module"
        elseif not documented(name) then
          wrong[#wrong + 1] = file .. ": " .. name .. " is not in docs/api.md"
        end
      end
    end
    for receiver, method in text:gmatch("`(%a[%w_]*):(%a[%w_]*)") do
      if types[receiver] then
        names = names + 1
        if types[receiver][method] == nil then
          wrong[#wrong + 1] = file .. ": " .. receiver .. ":" .. method .. " is not a method"
        elseif not documented(receiver .. ":" .. method) then
          wrong[#wrong + 1] = file .. ": " .. receiver .. ":" .. method .. " is not in docs/api.md"
        end
      end
    end
  end
  T.le(20, names, "names mentioned")
  T.eq(table.concat(wrong, ", "), "", "wrong names")
end)

T.run()
