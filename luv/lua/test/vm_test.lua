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

-- What differs between the VMs, and where each VM is better: fibers that
-- suspend inside plain pcall, xpcall, metamethods and iterators (LuaJIT,
-- 5.2+); to-be-closed variables (5.4); integers in the codec (5.3+).
local T = require("luvtest")
local luv = require("luv")
local codec = luv.codec

-- Compiles Lua source of a later version at run time (5.1 cannot parse
-- `<close>` or `//`), so this file loads everywhere.
local function chunk(source, ...)
  local f = assert((loadstring or load)(source))
  return f(...)
end

-- Runs fn in a fiber and returns what it returned.
local function in_fiber(fn)
  return luv.fiber.create(fn):join()
end

-- Suspending where the VM can ----------------------------------------------

T.case("a fiber blocks inside plain pcall and xpcall where the VM yields across them", function()
  local ok, a, b = in_fiber(function()
    local ok1, v1 = pcall(function() luv.sleep(0.001) return "slept" end)
    local ok2, v2 = xpcall(function(x) luv.sleep(0.001) return x end, debug.traceback, "arg")
    return ok1 and ok2, v1, v2
  end)
  if T.yields_across_pcall then
    T.eq(ok, true) T.eq(a, "slept")
    if T.vm ~= "lua51" then T.eq(b, "arg", "xpcall passes its arguments") end
  else
    -- 5.1: the error says what to do instead.
    T.eq(ok, false)
    T.match(tostring(a), "luv%.pcall")
  end
  -- luv.pcall and luv.xpcall are the portable spellings on every VM.
  T.eq(in_fiber(function()
    return select(2, luv.pcall(function() luv.sleep(0.001) return "portable" end))
  end), "portable")
end)

T.case("a fiber blocks inside metamethods and for-in iterators (LuaJIT, 5.2+)", function()
  if T.vm == "lua51" then
    -- 5.1 refuses a yield from a metamethod called by the VM.
    local ok, err = pcall(in_fiber, function()
      local t = setmetatable({}, { __index = function() luv.sleep(0.001) return 1 end })
      return t.x
    end)
    T.eq(ok, false)
    T.ok(err ~= nil)
    return
  end
  local a, b, lines = in_fiber(function()
    local slow = setmetatable({}, {
      __index = function(_, k) luv.sleep(0.001) return k .. "!" end,
      __add = function(x, y) luv.sleep(0.001) return 42 end,
    })
    local got = {}
    local function ticks(n)
      local i = 0
      return function()
        i = i + 1
        if i > n then return nil end
        luv.sleep(0.001)
        return i
      end
    end
    for i in ticks(3) do got[#got + 1] = i end
    return slow.key, slow + 1, table.concat(got, ",")
  end)
  T.eq(a, "key!") T.eq(b, 42) T.eq(lines, "1,2,3")
end)

-- To-be-closed variables (5.4) ---------------------------------------------

T.case("every luv object with close() closes through <close> on 5.4", function()
  if T.vm ~= "lua54" then
    T.eq(debug.getmetatable(luv.timer.create()).__close, nil, "no __close before 5.4")
    return
  end
  local before = #luv.handles()
  local count = chunk([[
    local luv = ...
    return function()
      do
        local t <close> = luv.timer.create()
        local i <close> = luv.idle.create()
        local tcp <close> = luv.net.tcp()
        local udp <close> = luv.net.udp()
        local pipe <close> = luv.pipe.create()
        assert(#luv.handles() >= 5)
      end
      return #luv.handles()
    end
  ]], luv)
  T.eq(count(), before, "closed at the end of the block")
  -- With the block left by an error.
  local ok = pcall(chunk([[
    local luv = ...
    return function()
      local t <close> = luv.timer.create()
      error("leaving")
    end
  ]], luv))
  T.eq(ok, false)
  T.eq(#luv.handles(), before, "closed when an error leaves the block")
end)

T.case("<close> on files, channels, ØMQ sockets and watches; close twice is harmless", function()
  if T.vm ~= "lua54" then return end
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local f, ch, sock, w = chunk([[
    local luv, dir = ...
    local ctx = luv.zmq.create()
    local f, ch, sock, w
    do
      local f1 <close> = assert(luv.fs.open(dir .. "/vm_test_close", "w"))
      local ch1 <close> = luv.channel()
      local s1 <close> = ctx:socket("PUB")
      local w1 <close> = assert(luv.fs.watch(dir))
      f, ch, sock, w = f1, ch1, s1, w1
    end
    ctx:term()
    return f, ch, sock, w
  ]], luv, dir)
  local _, _, code = f:write("x")
  T.eq(code, "EBADF", "file closed")
  T.eq(ch:closed(), true, "channel closed")
  local ok, _, zcode = sock:send("x")
  T.eq(ok, nil, "socket closed")
  T.ok(zcode ~= nil)
  local _, _, wcode = w:wait()
  T.eq(wcode, "EBADF", "watch closed")
  -- Closing again, explicitly or by collection, does no harm.
  f:close() ch:close() sock:close() w:close()
  f, ch, sock, w = nil, nil, nil, nil
  collectgarbage("collect")
end)

T.case("a <close> variable in a fiber may wait in close", function()
  if T.vm ~= "lua54" then return end
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen(8))
  local port = server:getsockname().port
  local accepted = luv.fiber.create(function()
    local c = luv.net.tcp()
    assert(server:accept(c))
    local n, data = c:read()
    c:close()
    return data
  end):ready()
  local done = in_fiber(chunk([[
    local luv, port = ...
    return function()
      local c <close> = luv.net.tcp()
      assert(c:connect("127.0.0.1", port))
      assert(c:write("bye"))
      luv.sleep(0.001)
      return "left"
    end
  ]], luv, port))
  T.eq(done, "left")
  T.eq(accepted:join(), "bye")
  server:close()
end)

-- Integers in the codec (5.3+) ---------------------------------------------

T.case("math.type survives the codec on 5.3+", function()
  if not T.has_integers then
    T.eq(codec.decode(codec.encode(3)), 3)
    return
  end
  local values = { 0, 1, -1, 127, 128, math.maxinteger, math.mininteger, math.tointeger(2 ^ 53),
    0.0, -0.0, 1.0, 2 ^ 63, 1.5, math.huge, -math.huge }
  for i, v in ipairs(values) do
    local d = codec.decode(codec.encode(v))
    T.eq(math.type(d), math.type(v), "math.type of value " .. i)
    T.eq(d, v, "value " .. i)
  end
  T.eq(1 / codec.decode(codec.encode(-0.0)), -math.huge, "-0.0 keeps its sign")
  local nan = codec.decode(codec.encode(0 / 0))
  T.ok(nan ~= nan and math.type(nan) == "float", "NaN stays a float NaN")
  -- Keys too.
  local t = codec.decode(codec.encode({ [1] = "int", [2.5] = "float", [math.maxinteger] = "max" }))
  T.eq(t[1], "int") T.eq(t[2.5], "float") T.eq(t[math.maxinteger], "max")
end)

-- A blob of plain values made by another VM (the bytes are fixed here, as
-- any VM writes them): integers past 2^53 are refused where numbers are
-- doubles, never rounded.
T.case("plain blobs cross VMs; integers a double cannot hold are refused on 5.1 and 5.2", function()
  -- luv 1, one value: kTagInt zigzag(2^53 + 1).
  local big = "luv\1\0\1\3" .. "\130\128\128\128\128\128\128\32"
  -- 2^60: exact as a double too.
  local exact = "luv\1\0\1\3" .. "\128\128\128\128\128\128\128\128\32"
  if T.has_integers then
    T.eq(codec.decode(big), 9007199254740993)
    T.eq(math.type(codec.decode(exact)), "integer")
  else
    local ok, message, name = codec.trydecode(big)
    T.eq(ok, nil) T.eq(name, "ECODEC")
    T.match(message, "integer 9007199254740993 has no exact Lua 5%.[12] number")
    T.eq(codec.decode(exact), 2 ^ 60)
  end
end)

T.run()
