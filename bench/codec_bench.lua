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

-- luv.codec beside lua-cjson, lua-mpack and lua-MessagePack on four payloads,
-- encode and decode, under whichever interpreter runs it:
--   bazel run -c opt //bench:codec_bench_lua51
--   bazel run -c opt //bench:codec_bench_luajit
-- Prints ops/s and MB/s (of each codec's own output) per codec, and luv's
-- speed as a ratio of each peer's (> 1: luv is faster). A peer that cannot
-- handle a payload is shown as "n/a". Pass a number of seconds per
-- measurement to change the default 0.4. With --figures it prints only
-- "<payload>.<encode|decode> <codec> <calls per second>" lines, for
-- bench/codec.sh.
local luv = require("luv")
local seconds, figures = 0.4, false
for _, a in ipairs(arg or {}) do
  if a == "--figures" then figures = true else seconds = tonumber(a) or seconds end
end
local print = figures and function() end or print
local interpreter = rawget(_G, "jit") and jit.version or _VERSION

local codecs = {
  { name = "luv.codec", id = "luv", encode = luv.codec.encode, decode = luv.codec.decode },
}
-- The runner restores Lua's default C path for Debian's modules but not the
-- Lua path, where the pure-Lua MessagePack lives: add Debian's Lua 5.1
-- module directories (the Debian Lua policy's standard places).
package.path = package.path .. ";/usr/local/share/lua/5.1/?.lua;/usr/share/lua/5.1/?.lua"

local function peer(name, module, encode, decode)
  local ok, m = pcall(require, module)
  if ok then
    codecs[#codecs + 1] = { name = name, id = module, encode = m[encode], decode = m[decode] }
  else
    print(string.format("(%s not found: %s)", name, module))
  end
end
peer("lua-cjson", "cjson", "encode", "decode")
peer("lua-mpack", "mpack", "pack", "unpack")
peer("lua-MessagePack", "MessagePack", "pack", "unpack")

local payloads = {}
do
  local records = {}
  for i = 1, 10000 do
    records[i] = { id = i, name = "user" .. i, email = "user" .. i .. "@example.org",
      active = i % 3 == 0, score = i * 1.25, tags = { "alpha", "beta" } }
  end
  payloads[#payloads + 1] = { name = "10k small records", id = "records", value = records }

  local wide = {}
  for i = 1, 2000 do
    wide["key" .. i] = { x = i, y = i * 2, z = "value" .. i, w = { i, i + 1, i + 2 } }
  end
  payloads[#payloads + 1] = { name = "wide nested table", id = "wide", value = wide }

  local strings = {}
  local chunk = string.rep("0123456789abcdef", 32)  -- 512 bytes
  for i = 1, 2048 do strings["s" .. i] = chunk:sub(1 + i % 16) .. i end
  payloads[#payloads + 1] = { name = "1 MiB string-heavy table", id = "strings", value = strings }

  local deep = { level = 0 }
  for i = 1, 150 do deep = { level = i, name = "node" .. i, child = deep, list = { i, i } } end
  payloads[#payloads + 1] = { name = "deep table (150 levels)", id = "deep", value = deep }
end

local now = luv.hrtime
-- Calls between readings of the clock (one in a smoke run's short
-- measurements, which a slow peer's first batch would overrun).
local batch = seconds >= 0.1 and 4 or 1
-- Runs fn repeatedly for about `seconds`; returns calls per second.
local function rate(fn, arg)
  -- Each measurement starts from a collected heap (already grown to its
  -- steady size: see the warm-up below).
  collectgarbage("collect")
  fn(arg)  -- warm up (and JIT-compile)
  local calls, start = 0, now()
  local elapsed
  repeat
    for _ = 1, batch do fn(arg) end
    calls = calls + batch
    elapsed = (now() - start) / 1e9
  until elapsed >= seconds
  return calls / elapsed
end

-- Calls fn for at least half a measurement's time, and at least 8 times
-- (twice in a smoke run's short measurements, where the pure-Lua peer's 8
-- calls on the big payloads took a third of the whole --quick run).
local warm_calls = seconds >= 0.1 and 8 or 2
local function warm(fn, arg)
  local calls, start = 0, now()
  repeat
    fn(arg)
    calls = calls + 1
  until calls >= warm_calls and (now() - start) / 1e9 >= seconds / 2
end

print(string.format("luv.codec benchmark under %s, %.1f s per measurement", interpreter, seconds))
local ratios = {}
for _, payload in ipairs(payloads) do
  print("")
  print(payload.name)
  print(string.format("  %-16s %9s %12s %10s %12s %10s", "codec", "bytes", "encode op/s",
    "enc MB/s", "decode op/s", "dec MB/s"))
  local results = {}
  -- Every codec's trial encode and decode, then a warm-up of each, run
  -- before any codec is measured: the heap (Lua's and the C allocator's
  -- below it) grows to its steady size over the first several calls, and
  -- the collection in rate() does not give that memory back to the system.
  -- Without this, the codec measured first pays that growth (thousands of
  -- page faults) alone and the others reuse it.
  local trials = {}
  for i, c in ipairs(codecs) do
    local ok, blob = pcall(c.encode, payload.value)
    local ok_decode = ok and pcall(c.decode, blob)
    trials[i] = { ok = ok, blob = blob, ok_decode = ok_decode }
  end
  for i, c in ipairs(codecs) do
    if trials[i].ok and trials[i].ok_decode then
      warm(c.encode, payload.value)
      warm(c.decode, trials[i].blob)
    end
  end
  for i, c in ipairs(codecs) do
    local ok, blob, ok_decode = trials[i].ok, trials[i].blob, trials[i].ok_decode
    if ok and ok_decode then
      local enc = rate(c.encode, payload.value)
      local dec = rate(c.decode, blob)
      results[c.name] = { enc = enc, dec = dec }
      if figures then
        io.write(string.format("%s.encode %s %.1f\n%s.decode %s %.1f\n", payload.id, c.id, enc,
          payload.id, c.id, dec))
      end
      print(string.format("  %-16s %9d %12.1f %10.1f %12.1f %10.1f", c.name, #blob, enc,
        enc * #blob / 1e6, dec, dec * #blob / 1e6))
    else
      print(string.format("  %-16s %9s %s", c.name, "n/a", tostring(ok and ok_decode or blob)))
    end
  end
  local mine = results["luv.codec"]
  for _, c in ipairs(codecs) do
    local theirs = results[c.name]
    if c.name ~= "luv.codec" and theirs then
      local row = string.format("  luv.codec / %-16s encode x%.2f  decode x%.2f", c.name,
        mine.enc / theirs.enc, mine.dec / theirs.dec)
      print(row)
      ratios[#ratios + 1] = payload.name .. ": " .. row:gsub("^%s+", "")
    end
  end
end
print("")
print("summary (" .. interpreter .. ")")
for _, line in ipairs(ratios) do print("  " .. line) end
