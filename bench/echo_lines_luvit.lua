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

-- luvit's luv (Debian lua-luv) side of the line echo benchmark: luvit's luv
-- has no line reader, so the callback splits what arrives into lines by
-- hand, writes each complete line back and keeps the rest for the next
-- chunk; TCP_NODELAY, as in every line server here (a line a write). Prints
-- "port N" and serves until killed. Run it with LUA_CPATH=";;"
-- only: luvit's module is also called "luv".
local uv = require("luv")
assert(uv.new_tcp, "this is not luvit's luv")

local find, sub = string.find, string.sub

-- As luvit (luvi) does: a client that goes away must not kill the server
-- with SIGPIPE while lines are still being written back.
local sigpipe = uv.new_signal()
sigpipe:start("sigpipe", function() end)
sigpipe:unref()

local server = uv.new_tcp()
server:bind("127.0.0.1", tonumber(arg and arg[1]) or 0)
server:listen(1024, function(err)
  assert(not err, err)
  local client = uv.new_tcp()
  server:accept(client)
  client:nodelay(true)
  local pending = ""
  client:read_start(function(err, data)
    if not data then
      client:close()
      return
    end
    if pending ~= "" then data = pending .. data end
    local from = 1
    while true do
      local eol = find(data, "\n", from, true)
      if not eol then break end
      client:write(sub(data, from, eol))
      from = eol + 1
    end
    pending = sub(data, from)
  end)
end)
io.write("port ", server:getsockname().port, "\n")
io.stdout:flush()
uv.run()
