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

-- luv's side of the TLS benchmark: the echo server of bench/echo_server.lua
-- over TLS. Usage: tls_server.lua CERT KEY [PORT]. Listens on 127.0.0.1,
-- port 0 (or PORT), prints "port N" and serves until killed; each
-- connection gets a fiber that runs the handshake (luv.tls.wrap) and then
-- writes back whatever it reads. Nagle is off, as in the other servers.
local luv = require("luv")

local ctx = assert(luv.tls.context({ server = true, cert = arg[1], key = arg[2] }))

local main = luv.fiber.create(function()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", tonumber(arg[3]) or 0))
  assert(server:listen(1024))
  io.write("port ", server:getsockname().port, "\n")
  io.stdout:flush()

  while true do
    local client = luv.net.tcp()
    server:accept(client)
    client:nodelay(true)  -- as the C server and Node.js do

    local child = luv.fiber.create(function()
      -- A failed handshake has closed the stream already.
      local conn = luv.tls.wrap(client, ctx)
      if not conn then return end
      while true do
        local got, data = conn:read()
        if got then
          conn:write(data)
        else
          conn:close()
          break
        end
      end
    end)

    child:ready()
  end
end)

main:join()
