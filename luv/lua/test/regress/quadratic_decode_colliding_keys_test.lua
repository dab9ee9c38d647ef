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

-- Regression: on Lua 5.1 a 0.95 MB plain blob whose numeric keys all hash to
-- one bucket took 8.2 s to decode (colliding strings: 3.6 s for 3.1 MB).
-- The decoder now counts the key comparisons Lua 5.1 will make and refuses
-- a blob over the budget (max_collisions) before building anything.
local T = require("luvtest")
local luv = require("luv")

local is_lua51 = rawget(_G, "jit") == nil and _VERSION == "Lua 5.1"

local function varint(n)
  local out = {}
  repeat
    local byte = n % 128
    n = (n - byte) / 128
    out[#out + 1] = string.char(n > 0 and byte + 128 or byte)
  until n == 0
  return table.concat(out)
end

local function le32(n)
  local b = {}
  for i = 1, 4 do
    b[i] = string.char(n % 256)
    n = math.floor(n / 256)
  end
  return table.concat(b)
end

-- One table of `n` double keys; "collide" makes their two 32-bit halves
-- sum to one value (Lua 5.1's number hash), "spread" does not.
local function number_table(n, mode)
  local parts = { "luv\1\0\1\6\0", varint(n) }
  for j = 0, n - 1 do
    local high = 0x40000000 + j
    local low = mode == "collide" and (0x12345678 - high) % 2^32 or (j * 2654435761) % 2^32
    parts[#parts + 1] = "\4" .. le32(low) .. le32(high) .. "\129"
  end
  return table.concat(parts)
end

-- An array of `n` distinct 64-byte strings that differ only in bytes the
-- 5.1 hash skips (it samples every third byte of such a string, from the
-- end: bytes 0 to 2 are not sampled). Built from shared pieces: making each
-- string in Lua would be the very attack on this interpreter.
local function string_array(n)
  local parts = { "luv\1\0\1\6", varint(n), "\0" }
  local prefix = "\5" .. varint(64)
  local tail = string.rep("x", 61)
  local chars = {}
  for i = 0, 63 do chars[i] = string.char(48 + i) end
  for i = 0, n - 1 do
    local k = #parts
    parts[k + 1] = prefix
    parts[k + 2] = chars[i % 64]
    parts[k + 3] = chars[math.floor(i / 64) % 64]
    parts[k + 4] = chars[math.floor(i / 4096) % 64]
    parts[k + 5] = tail
  end
  return table.concat(parts)
end

T.case("100,000 colliding number keys in 1 MB are refused on Lua 5.1", function()
  local blob = number_table(100000, "collide")
  T.le(#blob, 1000100, "blob size")
  local ok, message, code = luv.codec.trydecode(blob)
  if is_lua51 then
    T.eq(ok, nil)
    T.eq(code, "ECODEC")
    T.match(message, "collide in Lua 5.1's hash tables")
  else
    T.eq(ok, true, message)  -- other VMs hash these keys apart
  end
end)

T.case("colliding strings are refused on Lua 5.1", function()
  local ok, message = luv.codec.trydecode(string_array(50000))
  if is_lua51 then
    T.eq(ok, nil)
    T.match(message, "collide in Lua 5.1's hash tables")
  else
    T.eq(ok, true, message)
  end
end)

T.case("ordinary keys of the same size decode", function()
  local ok, t = luv.codec.trydecode(number_table(100000, "spread"))
  T.eq(ok, true, t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  T.eq(n, 100000)
  local words = {}
  for i = 1, 100000 do words["key" .. i] = i end
  local back = luv.codec.decode(luv.codec.encode(words))
  T.eq(back.key99999, 99999)
end)

T.case("max_collisions raises or lowers the budget", function()
  local small = number_table(1000, "collide")  -- half a million comparisons on 5.1
  T.eq((luv.codec.trydecode(small)), true, "under the default budget")
  local ok, message = luv.codec.trydecode(small, { max_collisions = 1000 })
  T.eq(ok == true, not is_lua51, message)
  T.eq((luv.codec.trydecode(number_table(5000, "collide"), { max_collisions = 2^40 })), true)
  T.raises("max_collisions must be", luv.codec.decode, small, { max_collisions = -1 })
end)

T.run()
