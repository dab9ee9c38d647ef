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

T.run()
