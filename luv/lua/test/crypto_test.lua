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

-- luv.crypto: digests against published vectors and the coreutils tools,
-- the streaming hash object, random bytes, constant-time comparison.
local T = require("luvtest")
local luv = require("luv")
local crypto = luv.crypto

local base = assert(os.getenv("TEST_TMPDIR"), "TEST_TMPDIR is not set")
local serial = 0

-- The hex digest `tool` (a coreutils command line) prints for `data`.
local function tool_digest(tool, data)
  serial = serial + 1
  local p = string.format("%s/crypto_%d", base, serial)
  local f = assert(io.open(p, "wb"))
  f:write(data)
  f:close()
  local pipe = assert(io.popen(tool .. " < '" .. p .. "'"))
  local out = pipe:read("*a")
  pipe:close()
  os.remove(p)
  return (out:match("^(%x+)"))
end

-- Random-looking bytes made without luv (a linear congruential generator).
local function bytes(n, seed)
  local t = {}
  local x = seed
  for i = 1, n do
    x = (x * 1103515245 + 12345) % 2147483648
    t[i] = string.char(math.floor(x / 65536) % 256)
  end
  return table.concat(t)
end

local ABC = "abc"
local LONG = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"

T.case("sha256 matches the published vectors", function()
  T.eq(#crypto.sha256(""), 32, "size")
  T.eq(crypto.hex(crypto.sha256("")),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty")
  T.eq(crypto.hex(crypto.sha256(ABC)),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc")
  T.eq(crypto.hex(crypto.sha256(LONG)),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "448 bits")
end)

T.case("sha512 matches the published vectors", function()
  T.eq(#crypto.sha512(""), 64, "size")
  T.eq(crypto.hex(crypto.sha512("")),
    "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce" ..
    "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e", "empty")
  T.eq(crypto.hex(crypto.sha512(ABC)),
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a" ..
    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", "abc")
end)

T.case("blake2b matches RFC 7693 and defaults to 32 bytes", function()
  T.eq(crypto.hex(crypto.blake2b(ABC, 64)),
    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1" ..
    "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", "abc")
  T.eq(#crypto.blake2b(ABC), 32, "default size")
  T.eq(#crypto.blake2b(ABC, 16), 16, "size 16")
  local key = string.rep("k", 32)
  T.eq(#crypto.blake2b(ABC, nil, key), 32, "keyed")
  T.ok(crypto.blake2b(ABC, nil, key) ~= crypto.blake2b(ABC), "the key changes the digest")
  T.eq(crypto.blake2b(ABC, 32, ""), crypto.blake2b(ABC), "an empty key is no key")
end)

T.case("digests of random inputs agree with sha256sum, sha512sum and b2sum", function()
  for i, n in ipairs({ 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 70000 }) do
    local data = bytes(n, i) .. crypto.random(7)
    local what = "length " .. #data
    T.eq(crypto.hex(crypto.sha256(data)), tool_digest("sha256sum", data), "sha256 " .. what)
    T.eq(crypto.hex(crypto.sha512(data)), tool_digest("sha512sum", data), "sha512 " .. what)
    T.eq(crypto.hex(crypto.blake2b(data, 64)), tool_digest("b2sum", data), "b2 " .. what)
    T.eq(crypto.hex(crypto.blake2b(data)), tool_digest("b2sum -l 256", data), "b2-256 " .. what)
  end
end)

T.case("hex gives lowercase pairs", function()
  T.eq(crypto.hex(""), "", "empty")
  T.eq(crypto.hex("\0\1\171\255"), "0001abff", "bytes")
  T.raises("bad argument #1 to 'hex'", function() crypto.hex({}) end)
end)

T.case("a streaming hash equals the one-shot digest, in any chunking", function()
  local data = bytes(5000, 42)
  for _, spec in ipairs({
    { "sha256", crypto.sha256(data) },
    { "sha512", crypto.sha512(data) },
    { "blake2b", crypto.blake2b(data) },
  }) do
    local h = crypto.hash(spec[1])
    T.eq(getmetatable(h), "luv.crypto.hash", "type")
    T.match(tostring(h), "^luv%.crypto%.hash: ", "tostring")
    local i = 1
    local step = 1
    while i <= #data do
      T.eq(h:update(data:sub(i, i + step - 1)), h, "update returns self")
      i = i + step
      step = step * 2 + 1
    end
    T.eq(h:digest(), spec[2], spec[1])
    T.eq(crypto.hash(spec[1]):update(""):digest(), crypto.hash(spec[1]):digest(), "nothing")
  end
  local key = string.rep("\7", 16)
  T.eq(crypto.hash("blake2b", 64, key):update("ab"):update("c"):digest(),
    crypto.blake2b("abc", 64, key), "keyed blake2b")
end)

T.case("a finished hash refuses update and digest", function()
  local h = crypto.hash("sha256"):update("x")
  T.eq(h:digest(), crypto.sha256("x"), "digest")
  T.raises("update%(%) after digest%(%)", h.update, h, "y")
  T.raises("digest%(%) after digest%(%)", h.digest, h)
  T.raises("bad argument #1", h.update, "not a hash", "y")
end)

T.case("bad arguments raise, naming the argument", function()
  T.raises("bad argument #1 to 'sha256'", function() crypto.sha256(nil) end)
  T.raises("bad argument #1 to 'sha512'", function() crypto.sha512({}) end)
  T.raises("bad argument #2 to 'blake2b' %(size must", function() crypto.blake2b("x", 15) end)
  T.raises("bad argument #2 to 'blake2b' %(size must", function() crypto.blake2b("x", 65) end)
  T.raises("bad argument #2 to 'blake2b' %(size must", function() crypto.blake2b("x", 32.5) end)
  T.raises("bad argument #3 to 'blake2b' %(key must", function() crypto.blake2b("x", 32, "short") end)
  T.raises("bad argument #3 to 'blake2b' %(key must", function() crypto.blake2b("x", 32, string.rep("k", 65)) end)
  T.raises("bad argument #1 to 'hash' %(algorithm must", function() crypto.hash("md5") end)
  T.raises("bad argument #2 to 'hash' %(size must", function() crypto.hash("blake2b", 8) end)
  T.raises("bad argument #1 to 'random'", function() crypto.random(-1) end)
  T.raises("bad argument #1 to 'random'", function() crypto.random(1024 * 1024 + 1) end)
  T.raises("bad argument #1 to 'random'", function() crypto.random(0 / 0) end)
  T.raises("bad argument #1 to 'random'", function() crypto.random(1.5) end)
  T.raises("bad argument #2 to 'equal'", function() crypto.equal("a", nil) end)
end)

T.case("random gives n fresh bytes, up to 1 MiB", function()
  T.eq(crypto.random(0), "", "none")
  T.eq(#crypto.random(33), 33, "33")
  T.eq(#crypto.random(1024 * 1024), 1024 * 1024, "1 MiB")
  T.ok(crypto.random(32) ~= crypto.random(32), "two draws differ")
  local seen = {}
  for c in crypto.random(4096):gmatch(".") do seen[c] = true end
  local distinct = 0
  for _ in pairs(seen) do distinct = distinct + 1 end
  T.le(200, distinct, "distinct byte values in 4096")
end)

T.case("equal compares contents; different lengths are unequal", function()
  T.eq(crypto.equal("", ""), true, "empty")
  T.eq(crypto.equal("abc", "abc"), true, "same")
  T.eq(crypto.equal("abc", "abd"), false, "differ")
  T.eq(crypto.equal("abc", "abcd"), false, "lengths")
  T.eq(crypto.equal("a\0b", "a\0c"), false, "after a NUL")
  local d = crypto.sha256("x")
  T.eq(crypto.equal(d, crypto.sha256("x")), true, "digests")
end)

T.run()
