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

-- Regression: argument errors of functions that luv wraps in Lua glue named
-- the glue's internal halves ("bad argument #2 to 'raw'" from
-- send_multipart, 'raw_put', 'rawjoin', 'push_deadline') and pointed into
-- the glue. Every such error now names the public function and the
-- program's line.
local T = require("luvtest")
local luv = require("luv")

local THIS_FILE = "errors_name_public_function_test.lua"

-- Calls fn in a non-tail position (so the caller's frame is kept) and
-- returns its error.
local function error_of(fn, ...)
  local ok, err = pcall(function(...)
    local result = fn(...)
    return result
  end, ...)
  T.eq(ok, false, "an error")
  return err
end

T.case("zmq socket methods", function()
  local ctx = luv.zmq.create()
  local s = ctx:socket(luv.zmq.PAIR)
  local err = error_of(function() local r = s:send_multipart(5) return r end)
  T.match(err, "^[^:]*" .. THIS_FILE .. ":%d+: bad argument #1 to 'send_multipart' %(table expected, got number%)")
  err = error_of(function() local r = s:send_multipart({ "a", {} }) return r end)
  T.match(err, "bad argument #1 to 'send_multipart' %(frame 2 is a table, not a string%)")
  err = error_of(function() local r = s:send({}) return r end)
  T.match(err, THIS_FILE .. ":%d+: bad argument #1 to 'send' %(string expected, got table%)")
  err = error_of(function() local r = s:recv("x") return r end)
  T.match(err, "bad argument #1 to 'recv' %(number expected, got string%)")
  err = error_of(function() local r = s.recv_multipart(5) return r end)
  T.match(err, "bad argument #1 to 'recv_multipart' %(luv.zmq.socket expected, got number%)")
  err = error_of(function() local r = s:send("x", 1024) return r end)
  T.match(err, "bad argument #2 to 'send'")
  s:close()
end)

T.case("channels, joins, select and timeout", function()
  local ch = luv.channel()
  T.match(error_of(function() local r = ch.put(5) return r end),
          THIS_FILE .. ":%d+: bad argument #1 to 'put' %(luv.channel expected, got number%)")
  T.match(error_of(function() local r = ch.get({}) return r end), "bad argument #1 to 'get'")
  local f = luv.fiber.create(function() end)
  T.match(error_of(function() local r = f.join(5) return r end), "bad argument #1 to 'join' %(luv.fiber expected")
  T.eq(f:join(), nil)
  local t = luv.thread.spawn(function() end)
  T.match(error_of(function() local r = t.join("x") return r end), "bad argument #1 to 'join' %(luv.thread expected")
  t:join()
  T.match(error_of(function() local r = luv.select(5) return r end),
          THIS_FILE .. ":%d+: bad argument #1 to 'select' %(a timer")
  T.match(error_of(function() local r = luv.select() return r end), "bad argument #1 to 'select' %(nothing to wait on%)")
  T.match(error_of(function() local r = luv.timeout("x", print) return r end),
          THIS_FILE .. ":%d+: bad argument #1 to 'timeout' %(number expected, got string%)")
  T.match(error_of(function() local r = luv.timeout(1, 5) return r end),
          "bad argument #2 to 'timeout' %(function expected, got number%)")
  ch:close()
end)

T.run()
