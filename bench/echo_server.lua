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

-- luv's side of the echo benchmark: the reference's canonical echo server,
-- on 127.0.0.1 port 0 (or arg[1]). Prints "port N" and serves until killed.
local luv = require("luv")

local main = luv.fiber.create(function()
  local server = luv.net.tcp()
  server:bind("127.0.0.1", tonumber(arg and arg[1]) or 0)
  server:listen(1024)
  io.write("port ", server:getsockname().port, "\n")
  io.stdout:flush()

  while true do
    local client = luv.net.tcp()
    server:accept(client)

    local child = luv.fiber.create(function()
      while true do
        local got, str = client:read()
        if got then
          client:write(str)
        else
          client:close()
          break
        end
      end
    end)

    child:ready()
  end
end)

main:join()
