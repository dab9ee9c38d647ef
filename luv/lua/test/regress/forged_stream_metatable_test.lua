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

-- Regression: the marker key of stream metatables was visible through
-- pairs(getmetatable(tcp)); copied into the metatable of newproxy(true) or
-- of io.stderr, any tcp method then crashed luv. Types are now decided by
-- metatable identity, and getmetatable() no longer hands luv's out.
local T = require("luvtest")
local luv = require("luv")

T.case("getmetatable gives the type name, not the metatable", function()
  local tcp = luv.net.tcp()
  T.eq(getmetatable(tcp), "luv.tcp")
  T.eq(getmetatable(luv.pipe.create()), "luv.pipe")
  T.eq(getmetatable(luv.timer.create()), "luv.timer")
  T.eq(getmetatable(luv.channel()), "luv.channel")
  tcp:close()
end)

T.case("setmetatable cannot swap the metatable of a luv object", function()
  local tcp = luv.net.tcp()
  for _, object in ipairs({ tcp, luv.stdout, luv.channel(), luv.timer.create() }) do
    T.raises("bad argument #1 to '[%w_.?]*' %(table expected, got [%w.]+%)",
      setmetatable, object, {})
  end
  T.eq(getmetatable(luv.stdout), "luv.stdio")
  -- A process object is a table; its metatable is protected.
  local proc = luv.process.spawn("true")
  T.eq(getmetatable(proc), "luv.process")
  T.raises("cannot change a protected metatable", setmetatable, proc, {})
  T.eq(proc:wait(), 0)
  T.eq(tcp:write("x"), nil, "the tcp still works as a tcp (not connected)")
  tcp:close()
end)

-- With the debug library the metatable can still be read; copying all of it
-- (hidden keys included) onto a proxy must not make the proxy a stream.
T.case("a proxy with a copy of the tcp metatable is refused", function()
  local tcp = luv.net.tcp()
  local real = debug.getmetatable(tcp)
  local proxy = T.newproxy()
  local forged = getmetatable(proxy)
  for k, v in pairs(real) do forged[k] = v end
  for _, method in ipairs({ "write", "read", "close", "listen", "shutdown", "readable" }) do
    T.raises("bad argument #1 .*stream expected", real.__index[method], proxy, "x")
  end
  T.raises("bad argument #1", real.__index.bind, proxy, "127.0.0.1", 0)
  T.raises("bad argument #2 .*stream expected", tcp.accept, tcp, proxy)
  T.raises("option stdout must be", luv.process.spawn, "true", { stdout = proxy })
  local ok, err = pcall(luv.select, proxy, 0.01)
  T.eq(ok, false)
  T.match(err, "waitable expected")
  tcp:close()
end)

T.case("io.stderr dressed as a tcp stream is refused", function()
  local code, output = T.run_lua([[
    local luv = require("luv")
    local tcp = luv.net.tcp()
    local real = debug.getmetatable(tcp)
    local file_mt = debug.getmetatable(io.stderr)
    for k, v in pairs(real) do
      if k ~= "__gc" and k ~= "__index" then file_mt[k] = v end
    end
    local ok, err = pcall(real.__index.write, io.stderr, "x")
    print(ok, err)
    ok, err = pcall(real.__index.close, io.stderr)
    print(ok, err)
  ]])
  T.eq(code, 0, output)
  T.match(output, "false\t.*bad argument #1 .*stream expected")
  T.eq(select(2, output:gsub("stream expected", "")), 2, output)
end)

T.run()
