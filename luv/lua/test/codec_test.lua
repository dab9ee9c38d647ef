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

-- luv.codec: every value kind, hooks, references, errors, the hardening rules
-- of issue 6, truncation sweeps, random and mutated blobs, the MAC.
local T = require("luvtest")
local luv = require("luv")
local codec = luv.codec

local is_jit = rawget(_G, "jit") ~= nil

-- Builders for hand-made blobs.
local function varint(n)
  local out = {}
  repeat
    local byte = n % 128
    n = (n - byte) / 128
    out[#out + 1] = string.char(n > 0 and byte + 128 or byte)
  until n == 0
  return table.concat(out)
end
local function header(flags) return "luv\1" .. string.char(flags or 0) end
local function blob(count, body, flags) return header(flags) .. varint(count) .. body end
local FOREIGN = { dangerously_trust_foreign_code = true }
local NO_MAC = string.rep("\0", 32)
-- A code-carrying blob with a MAC this process did not make.
local function code_blob(count, body, bytecode_flag)
  return blob(count, body, 1 + (bytecode_flag or 0)) .. NO_MAC
end
-- The header flag of this VM's bytecode, and of another VM's.
local VM_FLAGS = { lua51 = 2, luajit = 4, lua52 = 16, lua53 = 32, lua54 = 64 }
local VM_NAMES = { lua51 = "Lua 5.1", luajit = "LuaJIT", lua52 = "Lua 5.2",
  lua53 = "Lua 5.3", lua54 = "Lua 5.4" }
local VM_FLAG = VM_FLAGS[T.vm]
local OTHER_VM = T.vm == "lua51" and "luajit" or "lua51"
local OTHER_VM_FLAG = VM_FLAGS[OTHER_VM]

local function roundtrip(...)
  return codec.decode(codec.encode(...))
end

local function decode_error(s, options)
  local ok, message, name = codec.trydecode(s, options)
  T.eq(ok, nil, "trydecode accepted a bad blob")
  T.eq(name, "ECODEC")
  return message
end

local function bits(x)
  return codec.encode(x):sub(-8)
end

-- Values ------------------------------------------------------------------

T.case("scalars round-trip", function()
  local values = { true, false, 0, 1, 127, 128, -1, -128, 2 ^ 31, 2 ^ 53, -(2 ^ 53),
    2 ^ 63, -(2 ^ 63), 1.5, -2.25, 1e300, 5e-324, "", "x", string.rep("y", 63),
    string.rep("z", 64), string.rep("w", 300) }
  for i, v in ipairs(values) do
    T.eq(roundtrip(v), v, "value " .. i)
  end
end)

T.case("numbers are bit-exact: -0, infinities, NaN", function()
  -- Lua 5.1 folds the constants 0 and -0 into one, so make -0 at run time
  -- (from a float: 5.3+'s integer 0 has no sign).
  local function negate(x) return -x end
  T.eq(1 / roundtrip(negate(0.0)), -math.huge, "-0 keeps its sign")
  T.eq(1 / roundtrip(0), math.huge, "+0")
  T.eq(roundtrip(math.huge), math.huge)
  T.eq(roundtrip(-math.huge), -math.huge)
  local nan = roundtrip(0 / 0)
  T.ok(nan ~= nan, "NaN stays NaN")
  T.eq(bits(roundtrip(0 / 0)), bits(0 / 0), "NaN bits")
  -- A NaN with a payload. LuaJIT canonicalizes NaNs itself (NaN tagging),
  -- so only Lua 5.1 can keep the payload.
  local payload = "\1\0\0\0\0\0\248\127"
  local x = codec.decode(blob(1, "\4" .. payload))
  T.ok(x ~= x, "payload NaN is NaN")
  if not is_jit then T.eq(bits(x), payload, "NaN payload") end
end)

T.case("binary strings with every byte value", function()
  local all = {}
  for i = 0, 255 do all[#all + 1] = string.char(i) end
  local s = table.concat(all)
  T.eq(roundtrip(s), s)
  T.eq(roundtrip("\0\0\0"), "\0\0\0")
end)

T.case("tables with array and hash parts, nested", function()
  local t = { 1, 2, "three", x = { y = { z = "deep" } }, [10] = "ten", [-1] = "minus",
    [1.5] = "frac", [true] = "yes" }
  local d = roundtrip(t)
  T.eq(d[1], 1); T.eq(d[3], "three"); T.eq(d.x.y.z, "deep"); T.eq(d[10], "ten")
  T.eq(d[-1], "minus"); T.eq(d[1.5], "frac"); T.eq(d[true], "yes")
  local n = 0
  for _ in pairs(d) do n = n + 1 end
  T.eq(n, 8, "entries")
  T.eq(next(roundtrip({})), nil, "empty table")
end)

T.case("tuples keep their length, nils included", function()
  T.eq(select("#", codec.decode(codec.encode())), 0, "empty tuple")
  T.eq(select("#", codec.decode(codec.encode(nil))), 1)
  local a, b, c, d = codec.decode(codec.encode(nil, 2, nil, nil))
  T.eq(select("#", codec.decode(codec.encode(nil, 2, nil, nil))), 4)
  T.eq(a, nil); T.eq(b, 2); T.eq(c, nil); T.eq(d, nil)
end)

T.case("cycles, shared tables and tables as keys", function()
  local t = {}
  t.self = t
  local shared = { "s" }
  local key = { "k" }
  t.a, t.b = shared, shared
  t[key] = key
  local d, d_shared = roundtrip(t, shared)
  T.eq(d.self, d, "cycle")
  T.eq(d.a, d.b, "shared")
  T.eq(d_shared, d.a, "shared across the tuple")
  local found
  for k, v in pairs(d) do
    if type(k) == "table" and k[1] == "k" then found = k; T.eq(v, k, "key is its own value") end
  end
  T.ok(found, "table key")
end)

T.case("metatables without a hook are not encoded; reads are raw", function()
  local proxy = setmetatable({ real = 1 }, { __index = function() return "virtual" end })
  local d = roundtrip(proxy)
  T.eq(getmetatable(d), nil)
  T.eq(d.real, 1)
  T.eq(d.virtual, nil)
end)

T.case("Lua functions with upvalues; a shared upvalue table stays shared", function()
  local state = { n = 0 }
  local function inc() state.n = state.n + 1; return state.n end
  local function get() return state end
  local offset = 10
  local function add(x) return x + offset end
  local i2, g2, a2 = roundtrip(inc, get, add)
  T.eq(i2(), 1); T.eq(i2(), 2)
  T.eq(g2().n, 2, "inc and get share the decoded state table")
  T.eq(state.n, 0, "the original is untouched")
  T.eq(a2(5), 15)
end)

T.case("recursive local functions and functions in tables", function()
  local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
  local t = { f = fact, g = fact }
  local d = roundtrip(t)
  T.eq(d.f(5), 120)
  T.eq(d.f, d.g, "the same function twice decodes once")
end)

T.case("closures sharing an upvalue stay shared on 5.2+ (5.1 and LuaJIT copy it)", function()
  local count = 0
  local function bump() count = count + 1; return count end
  local function read() return count end
  local b2, r2 = roundtrip(bump, read)
  T.eq(b2(), 1)
  if T.vm == "lua51" or T.vm == "luajit" then
    T.eq(r2(), 0, "read has its own copy of count")
  else
    T.eq(r2(), 1, "read sees bump's count")
    T.eq(b2(), 2)
    T.eq(r2(), 2)
    T.eq(count, 0, "the originals are untouched")
  end
  -- A closure that shares with one inside its own upvalues, and two
  -- encodes: each blob joins only its own functions.
  local function outer() return bump() + count end
  local shared = T.vm ~= "lua51" and T.vm ~= "luajit"
  local o2 = roundtrip(outer)
  local o3 = roundtrip(outer)
  T.eq(o2(), shared and 2 or 1, "bump() + count")
  T.eq(o3(), shared and 2 or 1, "a second decode has its own variable")
end)

T.case("decoded functions see the decoding state's globals", function()
  local f = function() return type(print) end
  T.eq(roundtrip(f)(), "function")
end)

T.case("luv's module, sub-tables and functions cross by identity", function()
  local m, c, enc, hr, sys = roundtrip(luv, luv.codec, luv.codec.encode, luv.hrtime, { luv.mem_free })
  T.eq(m, luv); T.eq(c, luv.codec); T.eq(enc, codec.encode); T.eq(hr, luv.hrtime)
  T.eq(sys[1], luv.mem_free)
  -- A luv function as an upvalue: an upvalue is where thread bodies keep it.
  local function now() return type(luv.hrtime()) end
  T.eq(roundtrip(now)(), "number")
end)

T.case("luv paths cross only in blobs made by this process", function()
  -- Plain bytes from anywhere may not name luv's objects (the module table
  -- itself, here): editing such a "message" would edit the live module.
  local forged = blob(1, "\6\0\1\67cfg\11\0")
  T.match(decode_error(forged), "luv object in a blob without the live%-object flag")
  T.match(decode_error(blob(1, "\11" .. varint(7) .. "nothing")), "without the live%-object flag")
  -- With the flag, a blob needs this process's MAC.
  local flagged = "luv\1\8\1\11\0" .. NO_MAC
  T.match(decode_error(flagged), "blob names live objects .* its MAC does not verify")
  T.match(decode_error(flagged, FOREIGN), "blob names live objects .* its MAC does not verify")
end)

T.case("an unknown luv path is a clean error", function()
  -- A member that exists where the blob was made but not where it is
  -- decoded (a thread adds one before its first encode).
  local made = luv.thread.spawn(function()
    local luv = require("luv")
    luv.codec_test_only_here = function() end
    return luv.codec.encode(luv.codec_test_only_here)
  end):join()
  T.match(decode_error(made), "luv has no member 'codec_test_only_here'")
end)

-- __codec hooks -----------------------------------------------------------

local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:sum() return self.x + self.y end
Point.__codec = function(self)
  return function(state)
    return setmetatable(state, require("luv").codec_test_point)
  end, { x = self.x, y = self.y }
end
luv.codec_test_point = Point

T.case("hook with a constructor function", function()
  local p = Point.new(1, 2)
  local d = roundtrip(p)
  T.eq(getmetatable(d), Point)
  T.eq(d:sum(), 3)
end)

T.case("a hooked object seen twice decodes to one object", function()
  local p = Point.new(3, 4)
  local a, b, t = roundtrip(p, p, { p = p })
  T.eq(a, b); T.eq(t.p, a)
end)

local Named = {}
Named.__codec = function(self) return "codec_test_make_named", { v = self.v } end

T.case("hook with a name: the registry first, then the globals", function()
  local obj = setmetatable({ v = 7 }, Named)
  local s = codec.encode(obj)
  rawset(_G, "codec_test_make_named", function(state) return "global " .. state.v end)
  T.eq(codec.decode(s), "global 7")
  debug.getregistry().codec_test_make_named = function(state) return "registry " .. state.v end
  T.eq(codec.decode(s), "registry 7")
  debug.getregistry().codec_test_make_named = nil
  rawset(_G, "codec_test_make_named", nil)
  T.match(decode_error(s), "no function named 'codec_test_make_named' in the registry or the globals")
end)

T.case("hook names are looked up raw", function()
  local obj = setmetatable({ v = 1 }, Named)
  local s = codec.encode(obj)
  setmetatable(_G, { __index = function() return function() return "via __index" end end })
  local ok, message = codec.trydecode(s)
  setmetatable(_G, nil)
  T.eq(ok, nil)
  T.match(message, "no function named")
end)

T.case("hooks on userdata", function()
  local ud = T.newproxy()
  getmetatable(ud).__codec = function() return function(s) return s .. "!" end, "proxy" end
  T.eq(roundtrip(ud), "proxy!")
end)

T.case("hook errors are reported with where they happened", function()
  local bad = setmetatable({}, { __codec = function() error("no way") end })
  T.raises("__codec hook raised: .*no way at root%[1%]%.field", codec.encode, { field = bad })
  local odd = setmetatable({}, { __codec = function() return 42, {} end })
  T.raises("__codec hook returned a number, not a function or a name at root%[1%]", codec.encode, odd)
  local ctor_fails = setmetatable({}, { __codec = function()
    return function() error("ctor failed") end, 1 end })
  T.match(decode_error(codec.encode(ctor_fails)), "__codec constructor at byte %d+ raised: .*ctor failed")
end)

T.case("a hook state that contains its own object is refused", function()
  local Loop = {}
  Loop.__codec = function(self) return function(s) return s end, { me = self } end
  local obj = setmetatable({}, Loop)
  T.raises("a __codec hook's result contains the hooked object itself at root%[1%]<__codec state>%.me",
    codec.encode, obj)
end)

T.case("a hook constructor may call decode (reentrancy)", function()
  local inner = codec.encode({ deep = "inner" })
  local Outer = {}
  Outer.__codec = function() return function(s) return (codec.decode(s)) end, inner end
  local d = roundtrip(setmetatable({}, Outer))
  T.eq(d.deep, "inner")
end)

-- Encode errors -----------------------------------------------------------

T.case("values that cannot be encoded name their path", function()
  local co = coroutine.create(function() end)
  T.raises("^luv%.codec%.encode: cannot encode a coroutine at root%[2%]%.handler$",
    codec.encode, 1, { handler = co })
  T.raises("cannot encode a userdata without a __codec hook at root%[1%]%[3%]",
    codec.encode, { 1, 2, io.stdout })
  T.raises("cannot encode a C function .* at root%[1%]%[\"a key\"%]", codec.encode, { ["a key"] = print })
  T.raises("cannot encode a coroutine at root%[1%]%[2%.5%]", codec.encode, { [2.5] = co })
  T.raises("cannot encode a coroutine at root%[1%]<a key>", codec.encode, { [co] = 1 })
  local function f() return co end
  T.raises("cannot encode a coroutine at root%[1%]<upvalue 1 'co'>", codec.encode, f)
end)

T.case("a failed encode leaves the stack clean and can be repeated", function()
  local co = coroutine.create(function() end)
  for _ = 1, 200 do
    local ok = pcall(codec.encode, { 1, 2, { 3, co } })
    T.eq(ok, false)
  end
  T.eq(codec.decode(codec.encode("after")), "after")
end)

-- Hardening rules ----------------------------------------------------------

T.case("rule 1: lengths are checked against the bytes left", function()
  local s = blob(1, "\5" .. varint(1000) .. "abc")
  T.raises("^luv%.codec%.decode: truncated string %(need 1000 bytes, 3 left%) at byte 6$", codec.decode, s)
  T.match(decode_error(blob(1, "\5" .. varint(2 ^ 53) .. "x")), "truncated string %(need 9007199254740992 bytes, 1 left%)")
  T.match(decode_error(blob(1, "\72" .. "abc")), "truncated string %(need 8 bytes, 3 left%)")
  T.match(decode_error(blob(1, "\4\1\2")), "truncated double")
  T.match(decode_error("luv"), "truncated header")
end)

T.case("rule 2: varints are at most 10 bytes, 64 bits, not over-long", function()
  T.match(decode_error(blob(1, "\3" .. string.rep("\255", 10) .. "\1")), "varint %(integer%) longer than 10 bytes")
  T.match(decode_error(blob(1, "\3" .. string.rep("\255", 9) .. "\2")), "overflows 64 bits")
  T.match(decode_error(blob(1, "\3\128\0")), "over%-long varint")
  T.match(decode_error(blob(1, "\3\255")), "truncated varint")
  T.eq(codec.decode(blob(1, "\3" .. string.rep("\255", 9) .. "\1")), -(2 ^ 63), "largest varint")
end)

T.case("rule 3: counts are checked before allocating", function()
  collectgarbage()
  local before = collectgarbage("count")
  local t0 = os.clock()
  T.match(decode_error(blob(1, "\6" .. varint(2 ^ 32) .. "\0" .. "\1\1\1")),
    "table claims 4294967296 array elements but only 3 bytes remain")
  T.match(decode_error(blob(1, "\6\0" .. varint(2 ^ 32) .. "\1\1\1")),
    "table claims 4294967296 hash entries")
  T.match(decode_error(blob(2 ^ 32, "")), "tuple of 4294967296 values exceeds the limit of 4096")
  T.match(decode_error(code_blob(1, "\8\3\27Lu" .. varint(2 ^ 32), VM_FLAG), FOREIGN), "function")
  T.le(os.clock() - t0, 0.5, "seconds")
  T.le(collectgarbage("count") - before, 64, "KiB allocated")
end)

local function nested(depth)
  local root = {}
  local t = root
  for _ = 2, depth do t[1] = {}; t = t[1] end
  return root
end

T.case("rule 4: one depth limit (200) for encode and decode", function()
  local ok200 = codec.encode(nested(200))
  T.ok(codec.decode(ok200), "200 levels")
  T.raises("nesting deeper than 200 at root" .. string.rep("%[1%]", 100), codec.encode, nested(201))
  local deep = blob(1, string.rep("\6\1\0", 201) .. "\0")
  T.match(decode_error(deep), "nesting deeper than 200 at byte 606")
  T.match(decode_error(ok200, { max_depth = 50 }), "nesting deeper than 50")
  T.ok(codec.decode(codec.encode(nested(50)), { max_depth = 50 }))
  T.raises("max_depth must be an integer from 1 to 200", codec.decode, ok200, { max_depth = 201 })
end)

T.case("rule 5: a tuple limit (4096) and a deep stack", function()
  local many = {}
  for i = 1, 4096 do many[i] = i end
  local s = codec.encode(T.unpack(many))
  T.eq(select("#", codec.decode(s)), 4096)
  T.eq(select(4096, codec.decode(s)), 4096)
  many[4097] = 4097
  T.raises("tuple of 4097 values exceeds the limit of 4096", codec.encode, T.unpack(many))
  T.match(decode_error(s, { max_values = 10 }), "tuple of 4096 values exceeds the limit of 10")
end)

T.case("rule 6: ids in pre-order; references in range and finished", function()
  -- Two tables, then references to both: 0 and 1 exist, 2 does not.
  local s = blob(4, "\6\0\0\6\0\0\7\0\7\1")
  local a, b, ra, rb = codec.decode(s)
  T.eq(ra, a); T.eq(rb, b); T.ok(a ~= b)
  T.match(decode_error(blob(2, "\6\0\0\7\2")), "reference to object 2 out of range %(1 objects so far%) at byte 9")
  T.match(decode_error(blob(1, "\7\0")), "out of range %(0 objects so far%)")
  -- A hook whose state refers to the hooked object (id 0) itself.
  local named = "\10" .. varint(5) .. "ident" .. "\7\0"
  T.match(decode_error(code_blob(1, named), FOREIGN), "reference to unfinished object 0")
  -- A hook's id comes before its constructor's: the constructor is object 1.
  local ctor = codec.encode(function(s) return s end)
  local bytecode = ctor:sub(8, -33)  -- tag 8 starts at byte 6; keep len+code+nups
  local hook = "\9" .. "\8" .. bytecode .. "\6\0\0" .. "\7\1"
  local obj, f = codec.decode(code_blob(2, hook, VM_FLAG), FOREIGN)
  T.eq(type(obj), "table"); T.eq(type(f), "function")
end)

T.case("rule 7: nil and NaN keys and nil values are rejected", function()
  T.match(decode_error(blob(1, "\6\0\1\0\1")), "nil table key at byte 9")
  T.match(decode_error(blob(1, "\6\0\1\4\0\0\0\0\0\0\248\127\1")), "NaN table key at byte 9")
  T.match(decode_error(blob(1, "\6\0\1\129\0")), "nil table value at byte 10")
  T.match(decode_error(blob(1, "\6\1\0\0")), "nil in a table's array part at byte 9")
  -- A constructor that returns nil used as a key.
  rawset(_G, "codec_test_nil", function() return nil end)
  local key = "\10" .. varint(14) .. "codec_test_nil" .. "\0"
  T.match(decode_error(code_blob(1, "\6\0\1" .. key .. "\1"), FOREIGN), "nil table key at byte 9")
  rawset(_G, "codec_test_nil", nil)
end)

T.case("rule 8: the whole blob is validated before any Lua value is built", function()
  local called = false
  rawset(_G, "codec_test_side_effect", function() called = true; return 1 end)
  local name = "codec_test_side_effect"
  local hook = "\10" .. varint(#name) .. name .. "\0"
  local s = code_blob(2, hook .. "\31", 0)
  T.match(decode_error(s, FOREIGN), "unknown tag 0x1f")
  T.eq(called, false, "the constructor ran before validation finished")
  T.eq(codec.decode(code_blob(1, hook), FOREIGN), 1)
  T.eq(called, true)
  rawset(_G, "codec_test_side_effect", nil)
end)

T.case("rule 9: live objects cross only in blobs made by this process", function()
  -- The reviewer's 25 bytes: a channel by a guessed handle, without a MAC.
  local ch = luv.channel()
  local forged = "luv\1\0\1\12\11luv.channel\1" .. string.rep("\0", 15)
  T.match(decode_error(forged), "live object in a blob without the live%-object flag")
  T.match(decode_error("luv\1\8\1\12\11luv.channel" .. string.rep("\1", 16) .. NO_MAC),
          "blob names live objects .* its MAC does not verify")
  ch:close()
end)

T.case("rule 10: trailing bytes, unknown tags, reserved flags, versions", function()
  local good = codec.encode(1)
  T.match(decode_error(good .. "\0"), "^ECODEC: trailing bytes %(1 after the last value%) at byte 7$")
  T.match(decode_error(blob(1, "\31")), "unknown tag 0x1f at byte 6")
  T.match(decode_error("luv\1\128\1\0"), "reserved flag bits 0x80 set at byte 4")
  T.match(decode_error("luv\2\0\1\0"), "unsupported format version 2 %(this build reads version 1%) at byte 3")
  T.match(decode_error("lux\1\0\1\0"), "not a luv.codec blob %(bad magic%)")
  T.match(decode_error("luv\1\2\1\0"), "bytecode flag without the code flag")
  T.match(decode_error("luv\1\7\1\0" .. NO_MAC, FOREIGN), "more than one bytecode flag")
  T.match(decode_error("luv\1\65\1\0"), "truncated MAC")
  T.match(decode_error("luv\1\99\1\0" .. NO_MAC, FOREIGN), "more than one bytecode flag")
  T.match(decode_error("luv\1\1\1\0"), "truncated MAC")
end)

T.case("code is refused in blobs without the code flag", function()
  local f = codec.encode(function() end)
  local body = f:sub(6, -33)
  T.match(decode_error(blob(1, body:sub(2))), "function in a blob without the code flag at byte 6")
  T.match(decode_error(blob(1, "\10\1x\0")), "__codec hook in a blob without the code flag")
  T.match(decode_error(code_blob(1, body:sub(2), 0), FOREIGN), "function in a blob without a bytecode flag")
end)

-- The MAC -----------------------------------------------------------------

T.case("code blobs carry a MAC; plain blobs do not", function()
  local plain = codec.encode({ 1, 2, 3 })
  T.eq(plain:byte(5), 0, "flags of a plain blob")
  T.eq(#plain, 5 + 1 + 3 + 3, "no MAC bytes")
  local code = codec.encode(function() return 1 end)
  T.eq(code:byte(5), 1 + VM_FLAG, "flags of a code blob")
end)

T.case("a code blob whose MAC does not verify is refused", function()
  local s = codec.encode(function() return "ran" end)
  T.eq(codec.decode(s)(), "ran")
  local flipped = s:sub(1, -2) .. string.char((s:byte(-1) + 1) % 256)
  T.match(decode_error(flipped), "was not made by this process: its MAC does not verify")
  local body_changed = s:sub(1, 20) .. string.char((s:byte(21) + 1) % 256) .. s:sub(22)
  T.match(decode_error(body_changed), "MAC does not verify")
  T.match(decode_error(s:sub(1, -33)), "MAC does not verify")
  -- Hooks by name are code too.
  local named = codec.encode(setmetatable({ v = 1 }, Named))
  -- (Flip the last byte: setting it to a fixed value would leave the blob
  -- intact whenever the MAC happened to end in that value.)
  T.match(decode_error(named:sub(1, -2) .. string.char((named:byte(-1) + 1) % 256)),
          "MAC does not verify")
end)

T.case("a code blob made by another process is refused", function()
  -- `function() return 42 end`, encoded by another lua5.1 process (whose
  -- key this process does not have), as if read back from a file.
  local hex = "6c757601030108691b4c7561510001040804080010000000000000003d28636f6d6d616e6420"
    .. "6c696e65290001000000010000000000000203000000010000001e0000011e00800001000000"
    .. "0300000000000045400000000003000000010000000100000001000000000000000000000000"
    .. "329056447ca3fbcb40b687982e731e85398bb275707b48b4da0bbc71dfb29c16"
  local saved = hex:gsub("%x%x", function(byte) return string.char(tonumber(byte, 16)) end)
  T.match(decode_error(saved), "was not made by this process")
  if T.vm == "lua51" then T.eq(codec.decode(saved, FOREIGN)(), 42, "with the opt-in") end
end)

T.case("the alarming opt-in accepts foreign code, still validated", function()
  local s = codec.encode(function() return "foreign" end)
  local foreign = s:sub(1, -33) .. NO_MAC
  T.eq(codec.decode(foreign, FOREIGN)(), "foreign")
  T.match(decode_error(foreign .. "x", FOREIGN), "trailing bytes")
  T.match(decode_error(foreign, { dangerously_trust_foreign_code = false }), "MAC does not verify")
  T.raises("must be a boolean", codec.decode, foreign, { dangerously_trust_foreign_code = 1 })
end)

T.case("bytecode from the other VM is refused with a clear message", function()
  local s = codec.encode(function() end)
  local other = s:sub(1, 4) .. string.char(1 + OTHER_VM_FLAG) .. s:sub(6, -33) .. NO_MAC
  local mine, theirs = VM_NAMES[T.vm], VM_NAMES[OTHER_VM]
  T.match(decode_error(other, FOREIGN), "blob carries " .. theirs .. " bytecode but this process runs " .. mine)
  -- Bytecode that does not match the header's VM flag.
  local text = "\8" .. varint(6) .. "return" .. "\0"
  T.match(decode_error(code_blob(1, text, VM_FLAG), FOREIGN), "function bytecode is not " .. mine .. " bytecode")
end)

-- Options -----------------------------------------------------------------

T.case("per-call limits may be lowered, never raised", function()
  local s = codec.encode(string.rep("x", 100))
  T.match(decode_error(s, { max_bytes = 50 }), "blob of 108 bytes is larger than max_bytes %(50%)")
  T.eq(#codec.decode(s, { max_bytes = 108 }), 100)
  T.raises("max_bytes must be an integer", codec.decode, s, { max_bytes = codec.limits.max_bytes + 1 })
  T.raises("unknown option 'max_dept'", codec.decode, s, { max_dept = 3 })
  T.raises("bad argument #1", codec.decode, {})
  T.eq(codec.limits.max_depth, 200); T.eq(codec.limits.max_values, 4096)
end)

T.case("trydecode returns true and the tuple, or false, message, ECODEC", function()
  local r = { codec.trydecode(codec.encode(false, nil, 3)) }
  T.eq(r[1], true); T.eq(r[2], false); T.eq(r[3], nil); T.eq(r[4], 3)
  T.eq(select("#", codec.trydecode(codec.encode(false, nil, 3))), 4)
  local ok, message, name = codec.trydecode("garbage")
  T.eq(ok, nil); T.match(message, "^ECODEC: "); T.eq(name, "ECODEC")
end)

-- Sweeps ------------------------------------------------------------------

local samples = {
  codec.encode(1, "two", { 3, x = { y = 4 } }, nil, -0.0, 0 / 0, 2 ^ 60),
  codec.encode(nested(30)),
  codec.encode(Point.new(1, 2), Point.new(3, 4)),
  codec.encode(function(a) return a end, luv, luv.hrtime),
  codec.encode(string.rep("s", 200), { [{}] = {}, [true] = false }),
}

T.case("every truncation of a valid blob is a clean error", function()
  for i, s in ipairs(samples) do
    for n = 0, #s - 1 do
      local ok, message = codec.trydecode(s:sub(1, n))
      if ok then error(string.format("sample %d cut at %d bytes was accepted", i, n)) end
      T.match(message, "^ECODEC: ", "sample " .. i)
    end
    T.ok(codec.trydecode(s), "sample " .. i .. " whole")
  end
end)

-- A small deterministic generator, the same under Lua 5.1 and LuaJIT.
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

T.case("20,000 random and mutated blobs decode without a crash", function()
  local accepted, refused = 0, 0
  for i = 1, 20000 do
    local s
    if i % 2 == 0 then
      local bytes = {}
      for j = 1, rand(40) do bytes[j] = string.char(rand(256)) end
      s = (i % 4 == 0 and "luv\1" .. string.char(rand(2)) or "") .. table.concat(bytes)
    else
      s = samples[rand(#samples) + 1]
      for _ = 1, 1 + rand(4) do
        local at, kind = rand(#s) + 1, rand(3)
        if kind == 0 then
          s = s:sub(1, at - 1) .. string.char(rand(256)) .. s:sub(at + 1)
        elseif kind == 1 then
          s = s:sub(1, at - 1) .. string.char(rand(256)) .. s:sub(at)
        else
          s = s:sub(1, at - 1) .. s:sub(at + 1)
        end
      end
    end
    local r = T.pack(codec.trydecode(s, { max_depth = 64 }))
    if r[1] then
      accepted = accepted + 1
      -- Anything accepted can be encoded again.
      codec.encode(T.unpack(r, 2, r.n))
    else
      refused = refused + 1
      T.eq(r[3], "ECODEC")
    end
  end
  T.le(1, refused, "refused")
  T.eq(accepted + refused, 20000)
end)

T.run()
