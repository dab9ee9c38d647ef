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

-- A small JSON reader and writer for the benchmark results (Lua 5.1).
--   json.decode(text) -> value     raises "json: <what> at byte <n>"
--   json.encode(value) -> text     two-space indented, keys sorted
-- Decoded objects and arrays carry a metatable (json.object / json.array)
-- so that an empty one is written back as what it was; a plain Lua table
-- is written as an array when its keys are exactly 1..n (n > 0), else as
-- an object. JSON null decodes to json.null.
local json = {}

local object_mt, array_mt = { __name = "json.object" }, { __name = "json.array" }
json.null = setmetatable({}, { __name = "json.null", __tostring = function() return "null" end })

function json.object(t) return setmetatable(t or {}, object_mt) end
function json.array(t) return setmetatable(t or {}, array_mt) end

-- Decoding ---------------------------------------------------------------

local escapes = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n",
  r = "\r", t = "\t" }

local function fail(text, pos, what)
  error(string.format("json: %s at byte %d", what, pos), 0)
end

local function utf8_char(code)
  if code < 0x80 then return string.char(code) end
  if code < 0x800 then
    return string.char(0xC0 + math.floor(code / 0x40), 0x80 + code % 0x40)
  end
  if code < 0x10000 then
    return string.char(0xE0 + math.floor(code / 0x1000), 0x80 + math.floor(code / 0x40) % 0x40,
      0x80 + code % 0x40)
  end
  return string.char(0xF0 + math.floor(code / 0x40000), 0x80 + math.floor(code / 0x1000) % 0x40,
    0x80 + math.floor(code / 0x40) % 0x40, 0x80 + code % 0x40)
end

local decode_value

local function skip(text, pos)
  return (text:find("[^ \t\r\n]", pos)) or #text + 1
end

local function decode_string(text, pos)
  local parts, i = {}, pos + 1
  while true do
    local j = text:find('["\\%c]', i)
    if not j then fail(text, pos, "unterminated string") end
    parts[#parts + 1] = text:sub(i, j - 1)
    local c = text:sub(j, j)
    if c == '"' then return table.concat(parts), j + 1 end
    if c ~= "\\" then fail(text, j, "control character in string") end
    local e = text:sub(j + 1, j + 1)
    if e == "u" then
      local hex = text:match("^%x%x%x%x", j + 2)
      if not hex then fail(text, j, "bad \\u escape") end
      local code = tonumber(hex, 16)
      i = j + 6
      if code >= 0xD800 and code < 0xDC00 then
        local low = text:match("^\\u(%x%x%x%x)", i)
        low = low and tonumber(low, 16)
        if not low or low < 0xDC00 or low > 0xDFFF then fail(text, j, "lone surrogate") end
        code = 0x10000 + (code - 0xD800) * 0x400 + (low - 0xDC00)
        i = i + 6
      end
      parts[#parts + 1] = utf8_char(code)
    elseif escapes[e] then
      parts[#parts + 1] = escapes[e]
      i = j + 2
    else
      fail(text, j, "bad escape")
    end
  end
end

local function decode_list(text, pos, close, item)
  local t, n = {}, 0
  pos = skip(text, pos + 1)
  if text:sub(pos, pos) == close then return t, pos + 1 end
  while true do
    n = n + 1
    pos = item(t, n, pos)
    pos = skip(text, pos)
    local c = text:sub(pos, pos)
    if c == close then return t, pos + 1 end
    if c ~= "," then fail(text, pos, "expected ',' or '" .. close .. "'") end
    pos = skip(text, pos + 1)
  end
end

function decode_value(text, pos)
  pos = skip(text, pos)
  local c = text:sub(pos, pos)
  if c == "{" then
    local t, after = decode_list(text, pos, "}", function(t, _, p)
      if text:sub(p, p) ~= '"' then fail(text, p, "expected a string key") end
      local key
      key, p = decode_string(text, p)
      p = skip(text, p)
      if text:sub(p, p) ~= ":" then fail(text, p, "expected ':'") end
      t[key], p = decode_value(text, p + 1)
      return p
    end)
    return json.object(t), after
  elseif c == "[" then
    local t, after = decode_list(text, pos, "]", function(t, n, p)
      t[n], p = decode_value(text, p)
      return p
    end)
    return json.array(t), after
  elseif c == '"' then
    return decode_string(text, pos)
  end
  local number = text:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
  if number and number ~= "" and number ~= "-" then
    local value = tonumber(number)
    if not value then fail(text, pos, "bad number") end
    return value, pos + #number
  end
  for word, value in pairs({ ["true"] = true, ["false"] = false, null = json.null }) do
    if text:sub(pos, pos + #word - 1) == word then return value, pos + #word end
  end
  fail(text, pos, pos > #text and "unexpected end" or "unexpected character")
end

function json.decode(text)
  local value, pos = decode_value(text, 1)
  pos = skip(text, pos)
  if pos <= #text then fail(text, pos, "trailing characters") end
  return value
end

-- Encoding ---------------------------------------------------------------

local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    local named = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
    return named[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function is_array(t)
  local mt = getmetatable(t)
  if mt == array_mt then return true end
  if mt == object_mt then return false end
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n > 0 and n == #t
end

local function encode_value(v, indent, out)
  local kind = type(v)
  if v == json.null or v == nil then
    out[#out + 1] = "null"
  elseif kind == "boolean" then
    out[#out + 1] = tostring(v)
  elseif kind == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("json: cannot encode " .. v) end
    if v == math.floor(v) and math.abs(v) < 2 ^ 53 then
      out[#out + 1] = string.format("%d", v)
    else
      out[#out + 1] = string.format("%.14g", v)
    end
  elseif kind == "string" then
    out[#out + 1] = encode_string(v)
  elseif kind == "table" then
    local inner = indent .. "  "
    if is_array(v) then
      if #v == 0 then out[#out + 1] = "[]" return end
      -- Arrays of numbers stay on one line: samples read better that way.
      local flat = true
      for i = 1, #v do flat = flat and type(v[i]) == "number" end
      out[#out + 1] = flat and "[" or "[\n" .. inner
      for i = 1, #v do
        if i > 1 then out[#out + 1] = flat and ", " or ",\n" .. inner end
        encode_value(v[i], inner, out)
      end
      out[#out + 1] = flat and "]" or "\n" .. indent .. "]"
    else
      local keys = {}
      for k in pairs(v) do
        if type(k) ~= "string" then error("json: object key is not a string: " .. tostring(k)) end
        keys[#keys + 1] = k
      end
      if #keys == 0 then out[#out + 1] = "{}" return end
      table.sort(keys)
      out[#out + 1] = "{\n"
      for i, k in ipairs(keys) do
        out[#out + 1] = inner .. encode_string(k) .. ": "
        encode_value(v[k], inner, out)
        out[#out + 1] = i < #keys and ",\n" or "\n"
      end
      out[#out + 1] = indent .. "}"
    end
  else
    error("json: cannot encode a " .. kind)
  end
end

function json.encode(value)
  local out = {}
  encode_value(value, "", out)
  return table.concat(out)
end

return json
