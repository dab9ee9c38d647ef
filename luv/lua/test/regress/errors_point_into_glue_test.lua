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

-- Regression: errors raised under luv's glue (its Lua wrappers, chunks named
-- "=luv....") pointed into the glue instead of the program's line:
-- tcp.accept(5) said "luv.stream:9: bad argument #1 to 'accept_into'", and
-- "cannot suspend its fiber from inside pcall" from a wrapped call (channel
-- get, stdin:read_line) said "luv.retry:9:". The last case finds every Lua
-- function luv exposes, so a new wrapper without a case here fails.
local T = require("luvtest")
local luv = require("luv")

local THIS_FILE = "errors_point_into_glue_test.lua"
local AT_CALLER = "^[^:]*" .. THIS_FILE .. ":%d+: "

-- Calls fn in a non-tail position (so the caller's frame is kept) and
-- returns its error.
local function error_of(fn)
  local ok, err = pcall(function()
    local result = fn()
    return result
  end)
  T.eq(ok, false, "an error")
  return tostring(err)
end

-- The Lua functions luv exposes, by name: in its tables and in the methods
-- of its types.
local function glue_functions()
  local found, seen = {}, {}
  local function walk(t, name)
    if seen[t] then return end
    seen[t] = true
    for key, value in pairs(t) do
      local path = name .. "." .. tostring(key)
      if type(value) == "function" and debug.getinfo(value, "S").what == "Lua" then
        found[path] = true
      elseif type(value) == "table" then
        walk(value, path)
      end
    end
  end
  walk(luv, "luv")
  for key, value in pairs(debug.getregistry()) do
    if type(key) == "string" and key:match("^luv") and type(value) == "table" and
        type(value.__index) == "table" then
      walk(value.__index, key)
    end
  end
  return found
end

-- Each wrapper and how this file (or errors_name_public_function_test.lua)
-- makes it fail.
local covered = {
  ["luv.pcall"] = "luv.pcall and luv.xpcall return errors, as pcall does",
  ["luv.xpcall"] = "luv.pcall and luv.xpcall return errors, as pcall does",
  ["luv.select"] = "errors_name_public_function_test",
  ["luv.timeout"] = "errors_name_public_function_test",
  ["luv.fiber.join"] = "errors_name_public_function_test",
  ["luv.thread.join"] = "errors_name_public_function_test",
  ["luv.channel.put"] = "errors_name_public_function_test",
  ["luv.channel.get"] = "errors_name_public_function_test, and below",
  ["luv.zmq.socket.send"] = "errors_name_public_function_test",
  ["luv.zmq.socket.recv"] = "errors_name_public_function_test",
  ["luv.zmq.socket.send_multipart"] = "errors_name_public_function_test",
  ["luv.zmq.socket.recv_multipart"] = "errors_name_public_function_test",
  ["luv.fs.readfile"] = "below", ["luv.fs.writefile"] = "below",
  ["luv.fs.mkdirp"] = "below", ["luv.fs.walk"] = "below", ["luv.file.lines"] = "below",
  ["luv.tcp.connect"] = "below", ["luv.tcp.accept"] = "below", ["luv.tcp.drain"] = "below",
  ["luv.pipe.accept"] = "below", ["luv.pipe.drain"] = "below",
  ["luv.stdio.read"] = "below", ["luv.stdio.read_line"] = "below",
  ["luv.stdio.read_until"] = "below", ["luv.stdio.read_exactly"] = "below",
  ["luv.tls.wrap"] = "below", ["luv.tls.connect"] = "below",
}

T.case("file helpers", function()
  T.match(error_of(function() local r = luv.fs.readfile(3) return r end), AT_CALLER)
  T.match(error_of(function() local r = luv.fs.writefile(nil, "x") return r end), AT_CALLER)
  T.match(error_of(function() local r = luv.fs.writefile("x", {}) return r end), AT_CALLER)
  T.match(error_of(function() local r = luv.fs.mkdirp(1) return r end), AT_CALLER)
  T.match(error_of(function() local r = luv.fs.walk(3) return r end), AT_CALLER)
  T.match(error_of(function() local r = luv.fs.walk(".", { bogus = 1 }) return r end), AT_CALLER)
  local file = assert(luv.fs.open(os.getenv("TEST_TMPDIR") .. "/glue.txt", "w+"))
  T.match(error_of(function() local r = file.lines(3) return r end), AT_CALLER)
  file:close()
end)

T.case("stream wrappers", function()
  for _, make in ipairs({ luv.net.tcp, luv.pipe.create }) do
    local s = make()
    T.match(error_of(function() local r = s.accept(5) return r end),
            AT_CALLER .. "bad argument #1 to 'accept' %(stream expected, got number%)")
    T.match(error_of(function() local r = s:accept(5) return r end), AT_CALLER)
    T.match(error_of(function() local r = s:drain("x") return r end), AT_CALLER)
    s:close()
  end
  local tcp = luv.net.tcp()
  T.match(error_of(function() local r = tcp:connect(1, 2) return r end), AT_CALLER)
  T.match(error_of(function() local r = tcp:connect("127.0.0.1", "x") return r end), AT_CALLER)
  tcp:close()
end)

T.case("standard stream reads", function()
  T.match(error_of(function() local r = luv.stdin:read("x") return r end),
          AT_CALLER .. "bad argument #1 to 'read' %(number expected, got string%)")
  T.match(error_of(function() local r = luv.stdin:read_line(1) return r end),
          AT_CALLER .. "bad argument #1 to 'read_line' %(keep_eol must be a boolean%)")
  T.match(error_of(function() local r = luv.stdin:read_until() return r end),
          AT_CALLER .. "bad argument #1 to 'read_until' %(string expected, got no value%)")
  T.match(error_of(function() local r = luv.stdin:read_exactly(0) return r end),
          AT_CALLER .. "bad argument #1 to 'read_exactly'")
  T.match(error_of(function() local r = luv.stdin.read_line(5) return r end),
          AT_CALLER .. "bad argument #1 to 'read_line' %(luv.stdio expected, got number%)")
end)

T.case("TLS wrappers", function()
  local ctx = assert(luv.tls.context())
  T.match(error_of(function() local r = luv.tls.wrap(5, ctx) return r end),
          AT_CALLER .. "bad argument #1 to 'wrap' %(stream expected, got number%)")
  T.match(error_of(function() local r = luv.tls.wrap(luv.net.tcp(), 5) return r end),
          AT_CALLER .. "bad argument #2 to 'wrap'")
  T.match(error_of(function() local r = luv.tls.wrap(luv.net.tcp(), ctx) return r end),
          AT_CALLER .. "bad argument #3 to 'wrap' %(verification needs a host name%)")
  T.match(error_of(function() local r = luv.tls.connect(5, 1, ctx) return r end),
          AT_CALLER .. "bad argument #1 to 'connect'")
  T.match(error_of(function() local r = luv.tls.connect("localhost", "x", ctx) return r end),
          AT_CALLER .. "bad argument #2 to 'connect'")
  T.match(error_of(function() local r = luv.tls.connect("localhost", 1, {}) return r end),
          AT_CALLER .. "bad argument #3 to 'connect'")
end)

T.case("a wrapped call that cannot suspend names the program's line", function()
  local ch = luv.channel()
  local err
  luv.fiber.create(function()
    -- Lua 5.1 cannot suspend a fiber inside pcall; elsewhere the get would
    -- wait, so a zero deadline ends it.
    luv.timeout(0.01, function()
      local ok, e = pcall(function()
        local r = ch:get()
        return r
      end)
      err = ok and "no error" or e
    end)
  end):join()
  if jit or _VERSION ~= "Lua 5.1" then
    T.eq(err, "no error")
  else
    T.match(err, AT_CALLER .. "luv: channel:get%(%) cannot suspend")
  end
  ch:close()
end)

T.case("every Lua wrapper luv exposes has a case", function()
  local missing = {}
  for name in pairs(glue_functions()) do
    if not covered[name] then missing[#missing + 1] = name end
  end
  table.sort(missing)
  T.eq(table.concat(missing, ", "), "")
end)

T.run()
