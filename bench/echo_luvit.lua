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

-- luvit's luv (Debian lua-luv) side of the echo benchmark: the usual
-- callback-style echo server. Prints "port N" and serves until killed. Run it
-- with LUA_CPATH=";;" only: luvit's module is also called "luv".
local uv = require("luv")
assert(uv.new_tcp, "this is not luvit's luv")

local server = uv.new_tcp()
server:bind("127.0.0.1", tonumber(arg and arg[1]) or 0)
server:listen(1024, function(err)
  assert(not err, err)
  local client = uv.new_tcp()
  server:accept(client)
  client:read_start(function(err, data)
    if data then
      client:write(data)
    else
      client:close()
    end
  end)
end)
io.write("port ", server:getsockname().port, "\n")
io.stdout:flush()
uv.run()
