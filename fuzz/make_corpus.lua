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

-- Writes the seed corpora of the codec fuzzers, made by the encoder itself:
--   bazel run //fuzz:make_corpus -- fuzz/corpus
-- codec_decode_fuzzer/: valid blobs of every value kind, code blobs (whose
-- MAC, made by this process, fails in the fuzzer's: the refusal path), and
-- one blob for each error the decoder reports.
-- codec_roundtrip_fuzzer/: byte programs for the structure-aware builder.
local luv = require("luv")
local codec = luv.codec
local dir = assert(arg[1], "usage: make_corpus.lua DIR")

local function write(path, data)
  local file = assert(io.open(path, "wb"))
  file:write(data)
  file:close()
end

local function varint(n)
  local out = {}
  repeat
    local byte = n % 128
    n = (n - byte) / 128
    out[#out + 1] = string.char(n > 0 and byte + 128 or byte)
  until n == 0
  return table.concat(out)
end
local function blob(count, body, flags) return "luv\1" .. string.char(flags or 0) .. varint(count) .. body end
local NO_MAC = string.rep("\0", 32)

local decode = dir .. "/codec_decode_fuzzer/"
local function negate(x) return -x end
local cycle = {}
cycle.self = cycle
local shared = { "s" }
local Point = {}
Point.__codec = function(self) return function(s) return s end, { x = self.x } end
local Named = {}
Named.__codec = function(self) return "make_named", self.v end

local valid = {
  scalars = codec.encode(nil, true, false, 0, 127, 128, -1, 2 ^ 53, -(2 ^ 63), 1.5, negate(0),
    1 / 0, -1 / 0, 0 / 0),
  strings = codec.encode("", "short", string.rep("l", 64), string.rep("\0\255", 100)),
  tables = codec.encode({ 1, 2, 3, x = { y = { z = true } }, [1.5] = "f", [true] = false }),
  cycles = codec.encode(cycle, { a = shared, b = shared, [shared] = shared }),
  deep = codec.encode((function()
    local t = {}
    for _ = 1, 60 do t = { t } end
    return t
  end)()),
  luv = codec.encode(luv, luv.codec, luv.codec.encode, { luv.codec.decode }),
  channel = codec.encode({ reply = luv.channel() }),
  ["colliding-number-keys"] = (function()
    -- Doubles whose 32-bit halves sum to one value: one Lua 5.1 hash.
    local function le32(n)
      local b = {}
      for i = 1, 4 do b[i] = string.char(n % 256); n = math.floor(n / 256) end
      return table.concat(b)
    end
    local parts = {}
    for j = 0, 199 do
      local high = 0x40000000 + j
      parts[#parts + 1] = "\4" .. le32((0x12345678 - high) % 2 ^ 32) .. le32(high) .. "\129"
    end
    return blob(1, "\6\0" .. varint(200) .. table.concat(parts))
  end)(),
  empty = codec.encode(),
  nils = codec.encode(nil, nil, nil),
  ["code-function"] = codec.encode(function(a) return a, shared end),
  ["code-hook-fn"] = codec.encode(setmetatable({ x = 1 }, Point)),
  ["code-hook-name"] = codec.encode(setmetatable({ v = 2 }, Named)),
}

local errors = {
  ["bad-magic"] = "lux\1\0\1\0",
  ["bad-version"] = "luv\9\0\1\0",
  ["reserved-flags"] = "luv\1\128\1\0",
  ["bytecode-without-code"] = "luv\1\2\1\0",
  ["both-bytecode-flags"] = "luv\1\7\1\0" .. NO_MAC,
  ["truncated-header"] = "luv\1",
  ["truncated-mac"] = "luv\1\1\1\0",
  ["mac-mismatch"] = "luv\1\1\1\0" .. NO_MAC,
  ["truncated-string"] = blob(1, "\5" .. varint(1000) .. "abc"),
  ["truncated-short-string"] = blob(1, "\72abc"),
  ["truncated-double"] = blob(1, "\4\1\2"),
  ["truncated-tag"] = blob(2, "\1"),
  ["varint-over-long"] = blob(1, "\3\128\0"),
  ["varint-overflow"] = blob(1, "\3" .. string.rep("\255", 9) .. "\2"),
  ["varint-too-long"] = blob(1, "\3" .. string.rep("\255", 10) .. "\1"),
  ["varint-truncated"] = blob(1, "\3\255"),
  ["table-array-claim"] = blob(1, "\6" .. varint(2 ^ 32) .. "\0\1"),
  ["table-hash-claim"] = blob(1, "\6\0" .. varint(2 ^ 32) .. "\1"),
  ["tuple-limit"] = blob(5000, ""),
  ["too-deep"] = blob(1, string.rep("\6\1\0", 201) .. "\0"),
  ["ref-out-of-range"] = blob(2, "\6\0\0\7\5"),
  ["nil-key"] = blob(1, "\6\0\1\0\1"),
  ["nan-key"] = blob(1, "\6\0\1\4\0\0\0\0\0\0\248\127\1"),
  ["nil-value"] = blob(1, "\6\0\1\129\0"),
  ["nil-in-array"] = blob(1, "\6\1\0\0"),
  ["unknown-tag"] = blob(1, "\31"),
  ["trailing-bytes"] = codec.encode(1) .. "\0",
  ["function-without-code-flag"] = blob(1, "\8\5\27LuaQ\0"),
  ["hook-without-code-flag"] = blob(1, "\10\1x\0"),
  ["luv-path-unflagged"] = blob(1, "\11" .. varint(7) .. "nothing"),
  ["luv-path-module-unflagged"] = blob(1, "\6\0\1\67cfg\11\0"),
  ["luv-path-unknown"] = blob(1, "\11" .. varint(7) .. "nothing", 8) .. NO_MAC,
  ["luv-path-too-long"] = blob(1, "\11" .. varint(300) .. string.rep("p", 300), 8) .. NO_MAC,
  ["identity-unflagged"] = blob(1, "\12" .. varint(11) .. "luv.channel" .. string.rep("\1", 16)),
  ["identity-unknown"] = blob(1, "\12" .. varint(8) .. "luv.nope" .. string.rep("\1", 16), 8) .. NO_MAC,
  ["identity-truncated-token"] = blob(1, "\12" .. varint(11) .. "luv.channel" .. "\1", 8) .. NO_MAC,
  ["live-mac-mismatch"] = blob(1, "\11\0", 8) .. NO_MAC,
}

for name, data in pairs(valid) do write(decode .. "valid-" .. name, data) end
for name, data in pairs(errors) do write(decode .. "error-" .. name, data) end

-- Byte programs: any bytes are a program; these are spread by a small LCG.
local roundtrip = dir .. "/codec_roundtrip_fuzzer/"
local seed = 2026
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end
for i = 1, 40 do
  local bytes = {}
  for j = 1, 8 + rand(120) do bytes[j] = string.char(rand(256)) end
  write(string.format("%sprogram-%02d", roundtrip, i), table.concat(bytes))
end
-- Programs aimed at each builder op (tuple of 4, op n with small operands).
for op = 0, 15 do
  write(string.format("%sop-%02d", roundtrip, op),
    string.char(4, op, 3, 1, 2, op, 5, 8, 0, op, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
end
print("wrote the seed corpora under " .. dir)
