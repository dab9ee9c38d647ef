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

-- The LuaLS annotations in types/ name exactly what the loaded module has.
--
-- The annotation files are read line by line with Lua patterns; the layout
-- they must follow (also described at the top of types/luv.lua):
--
--   function luv.a.b(x, y) end      a module function `luv.a.b`
--   luv.a.b = <value>               any other module field; `{}` for a
--                                   table, and a number literal must equal
--                                   the module's value
--   ---@class luv.<type>            a class; when the next line after its
--   ---@field ...                   `---@field` lines is `local <var> = {}`,
--   local <var> = {}                <var> stands for the class and
--   function <var>:m(x) end         `function <var>:m(` annotates its method m
--   ---@alias luv.<name> ...         a type alias
--
-- `local luv = {}` is the module itself. A class named after a metatable
-- luv registers (registry key "luv.<type>", what getmetatable(obj) returns)
-- is an object type; any other class or alias describes a table passed in
-- or returned (`luv.*_options`, `luv.fs_stat`, ...): it may have no methods,
-- and some annotation must use it. The `---` lines just above a function
-- are its block: its `---@param` names must be its parameters, and
-- `---@async` there marks a call that suspends.
--
-- Failures: a registered name (module field, object type, method) without
-- an annotation; an annotation of a function, field, class or method the
-- module does not have, or of a different kind (a function annotated as a
-- field, ...); a `luv.*` type used in an annotation that no class or alias
-- declares; a line the parser does not understand; a call docs/api.md marks
-- "suspends" that is not `---@async`. Metamethods (`__gc`, `__close`, which
-- only 5.4 has, ...) are not methods and are left out.
local T = require("luvtest")
local luv = require("luv")

-- Every file of //types, as the test's arguments (types/luv.lua first).
local FILES = { ... }
if #FILES == 0 and type(arg) == "table" then
  for i = 1, #arg do FILES[i] = arg[i] end
end
assert(#FILES > 0, "annotations_test: give the annotation files as arguments")

-- Parses the annotation files into:
--   module[name]  = {kind = "function"|"table"|"value", value = text,
--                    where = "file:line", async = bool}
--   classes[name] = {where, var = <local name or nil>}
--   aliases[name] = {where}
--   methods["luv.<type>:<method>"] = {where, async}
--   refs[name]    = where: every `luv.*` type named by an annotation
--   problems      = lines the parser rejects, duplicates, ...
local function parse(files)
  local a = { module = {}, classes = {}, aliases = {}, methods = {}, refs = {}, problems = {} }
  local vars = {}  -- local variable -> class name
  local function problem(where, text)
    a.problems[#a.problems + 1] = where .. ": " .. text
  end
  -- Classes and aliases share one namespace, module names another (the
  -- function luv.channel makes a luv.channel), methods a third.
  local function declare(set, name, entry, where)
    local is_type = set == a.classes or set == a.aliases
    if set[name] or (is_type and (a.classes[name] or a.aliases[name])) then
      problem(where, name .. " is declared twice")
    end
    set[name] = entry
  end
  -- The types an annotation line names (code in backquotes is prose).
  local function collect_refs(text, where)
    text = text:gsub("`[^`]*`", "")
    for name in text:gmatch("luv%.[%w_][%w_.]*") do
      name = name:gsub("%.+$", "")
      a.refs[name] = a.refs[name] or where
    end
  end
  -- Checks the block's ---@param names against the parameter list.
  local function check_params(block, params, where, what)
    local declared, listed = {}, {}
    for _, line in ipairs(block) do
      local name = line:match("^%-%-%-@param%s+([%w_%.]+)")
      if name then declared[name] = true end
    end
    for name in params:gmatch("[^,%s]+") do
      listed[name] = true
      if not declared[name] then problem(where, what .. ": no ---@param " .. name) end
    end
    for name in pairs(declared) do
      if not listed[name] then problem(where, what .. ": ---@param " .. name .. " is not a parameter") end
    end
  end
  local function has_async(block)
    for _, line in ipairs(block) do
      if line:match("^%-%-%-@async%s*$") then return true end
    end
    return false
  end

  for _, file in ipairs(files) do
    local handle = assert(io.open(file))
    local number = 0
    local block = {}        -- the --- lines since the last other line
    local open_class = nil  -- a class whose ---@field lines may continue
    for line in handle:lines() do
      number = number + 1
      local where = file .. ":" .. number
      if line:match("^%-%-%-") then
        block[#block + 1] = line
        local class = line:match("^%-%-%-@class%s+([%w_%.]+)")
        local alias = line:match("^%-%-%-@alias%s+([%w_%.]+)")
        if class then
          declare(a.classes, class, { where = where }, where)
          collect_refs((line:gsub("^%-%-%-@class%s+[%w_%.]+", "")), where)
          open_class = class
        elseif alias then
          declare(a.aliases, alias, { where = where }, where)
          collect_refs((line:gsub("^%-%-%-@alias%s+[%w_%.]+", "")), where)
          open_class = nil
        elseif line:match("^%-%-%-@field%s") then
          collect_refs(line, where)
        else
          if line:match("^%-%-%-@[pr]") or line:match("^%-%-%-@type%s") then
            collect_refs(line, where)
          end
          open_class = nil
        end
      else
        local var = line:match("^local%s+([%a_][%w_]*)%s*=%s*{}%s*$")
        local fname, fparams = line:match("^function%s+([%w_%.]+)%s*%((.-)%)%s*end%s*$")
        local owner, method, mparams =
          line:match("^function%s+([%a_][%w_]*):([%a_][%w_]*)%s*%((.-)%)%s*end%s*$")
        local field, value = line:match("^(luv%.[%w_%.]+)%s*=%s*(.-)%s*$")
        if var == "luv" then
          if open_class then problem(where, "the module follows a ---@class") end
        elseif var then
          if not open_class then
            problem(where, "local " .. var .. " does not follow a ---@class")
          elseif vars[var] then
            problem(where, "local " .. var .. " is declared twice")
          else
            vars[var] = open_class
            a.classes[open_class].var = var
          end
        elseif fname then
          if not fname:match("^luv%.[%w_][%w_.]*[%w_]$") then
            problem(where, "function " .. fname .. " is not luv.<name>")
          else
            declare(a.module, fname,
              { kind = "function", where = where, async = has_async(block) }, where)
            check_params(block, fparams, where, fname)
          end
        elseif owner then
          local class = vars[owner]
          if not class then
            problem(where, owner .. ":" .. method .. ": " .. owner .. " is no class's local")
          else
            local name = class .. ":" .. method
            declare(a.methods, name, { where = where, async = has_async(block) }, where)
            check_params(block, mparams, where, name)
          end
        elseif field then
          declare(a.module, field,
            { kind = value == "{}" and "table" or "value", value = value, where = where },
            where)
        elseif line:match("^return%s+luv%s*$") or line:match("^%s*$")
            or (line:match("^%-%-") and not line:match("^%-%-%-")) then
          -- the end of the file, a blank line or a plain comment
        else
          problem(where, "not understood: " .. line)
        end
        block = {}
        open_class = nil
      end
    end
    handle:close()
  end
  return a
end

local ann = parse(FILES)

-- The module's names: name -> {kind, value}.
local function module_names()
  local names, seen = {}, {}
  local function walk(prefix, t)
    seen[t] = true
    for key, value in pairs(t) do
      local name = prefix .. "." .. tostring(key)
      local kind = type(value) == "function" and "function"
                or type(value) == "table" and "table" or "value"
      names[name] = { kind = kind, value = value }
      if kind == "table" and not seen[value] then walk(name, value) end
    end
  end
  walk("luv", luv)
  return names
end

-- luv's object types: "luv.<type>" -> {method = true, ...} (metamethods left out).
local function object_types()
  local types = {}
  for name, meta in pairs(debug.getregistry()) do
    if type(name) == "string" and name:match("^luv%.") and type(meta) == "table"
        and type(meta.__index) == "table" then
      local methods = {}
      for method in pairs(meta.__index) do
        if type(method) == "string" and not method:match("^__") then methods[method] = true end
      end
      types[name] = methods
    end
  end
  return types
end

local function sorted(list)
  table.sort(list)
  return table.concat(list, ", ")
end

local function count(set)
  local n = 0
  for _ in pairs(set) do n = n + 1 end
  return n
end

T.case("the annotation files parse", function()
  T.eq(sorted(ann.problems), "", "problems")
  T.le(80, count(ann.module), "module names annotated")
  T.le(80, count(ann.methods), "methods annotated")
end)

T.case("every module function and field is annotated", function()
  local missing = {}
  for name, actual in pairs(module_names()) do
    local entry = ann.module[name]
    if not entry then
      missing[#missing + 1] = name
    elseif entry.kind ~= actual.kind then
      missing[#missing + 1] = name .. " (a " .. actual.kind .. ", annotated as a "
        .. entry.kind .. " at " .. entry.where .. ")"
    end
  end
  T.eq(sorted(missing), "", "not annotated")
end)

T.case("every annotated module name exists", function()
  local names, wrong = module_names(), {}
  for name, entry in pairs(ann.module) do
    local actual = names[name]
    if not actual then
      wrong[#wrong + 1] = name .. " (" .. entry.where .. ")"
    elseif entry.kind == "value" and actual.kind == "value" and tonumber(entry.value) ~= nil
        and tonumber(entry.value) ~= actual.value then
      wrong[#wrong + 1] = name .. " = " .. entry.value .. " is " .. tostring(actual.value)
        .. " (" .. entry.where .. ")"
    end
  end
  T.eq(sorted(wrong), "", "not in the module")
end)

T.case("every luv type and each of its methods is annotated", function()
  local missing = {}
  local types = object_types()
  for name, methods in pairs(types) do
    if not ann.classes[name] then missing[#missing + 1] = "class " .. name end
    for method in pairs(methods) do
      if not ann.methods[name .. ":" .. method] then
        missing[#missing + 1] = name .. ":" .. method
      end
    end
  end
  T.le(10, count(types), "luv types found")
  T.eq(sorted(missing), "", "not annotated")
end)

T.case("every annotated class and method exists", function()
  local types, wrong = object_types(), {}
  for name, entry in pairs(ann.methods) do
    local class, method = name:match("^(.*):(.*)$")
    if not (types[class] and types[class][method]) then
      wrong[#wrong + 1] = name .. " (" .. entry.where .. ")"
    end
  end
  -- A class that is no luv type describes a table: no methods (no local),
  -- and something uses it. The same for aliases.
  for name, entry in pairs(ann.classes) do
    if not types[name] then
      if entry.var then
        wrong[#wrong + 1] = "class " .. name .. " has methods but is no luv type ("
          .. entry.where .. ")"
      elseif not ann.refs[name] then
        wrong[#wrong + 1] = "class " .. name .. " is no luv type and nothing uses it ("
          .. entry.where .. ")"
      end
    end
  end
  for name, entry in pairs(ann.aliases) do
    if not ann.refs[name] then
      wrong[#wrong + 1] = "alias " .. name .. " is not used (" .. entry.where .. ")"
    end
  end
  for name, where in pairs(ann.refs) do
    if not ann.classes[name] and not ann.aliases[name] then
      wrong[#wrong + 1] = "type " .. name .. " is not declared (" .. where .. ")"
    end
  end
  T.eq(sorted(wrong), "", "wrong")
end)

-- docs/api.md's headings end in "— suspends" for calls that suspend:
-- `luv.fs.open(...)`, `tcp:read(...)`, `zmq.socket:send(...)`.
T.case("every call docs/api.md says suspends is ---@async", function()
  local wrong, calls = {}, 0
  for line in assert(io.open("docs/api.md")):lines() do
    if line:match("^###") and line:find("suspends", 1, true) then
      local names = line:match("^(.-)\226\134\146") or line  -- before the "→"
      for call in names:gmatch("`([^`]-)%(") do
        local receiver, method = call:match("^([%w_%.]+):([%w_]+)$")
        local entry
        if receiver then
          entry = ann.methods["luv." .. receiver .. ":" .. method]
        elseif call:match("^luv%.[%w_%.]+$") then
          entry = ann.module[call]
        end
        if entry then
          calls = calls + 1
          if not entry.async then wrong[#wrong + 1] = call .. " (" .. entry.where .. ")" end
        else
          wrong[#wrong + 1] = call .. " is not annotated"
        end
      end
    end
  end
  T.le(40, calls, "suspending calls in docs/api.md")
  T.eq(sorted(wrong), "", "not ---@async")
end)

T.run()
