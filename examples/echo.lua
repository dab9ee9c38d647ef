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

-- The reference's canonical TCP echo server, run beside a client so that the
-- program checks the echo and ends by itself:
--   bazel run //examples:echo
-- The server fiber is the reference's code, except that it binds port 0 (the
-- system picks a free port) and says which port that was.
local luv = require("luv")

local port
local main = luv.fiber.create(function()
   local server = luv.net.tcp()
   server:bind("127.0.0.1", 0)
   server:listen()
   port = server:getsockname().port
   print("echo server listening on 127.0.0.1")

   while true do
      local client = luv.net.tcp()
      server:accept(client)

      local child = luv.fiber.create(function()
         while true do
            local got, str = client:read()
            if got then
               client:write("you said: "..str)
            else
               client:close()
               break
            end
         end
      end)

      -- put it in the ready queue
      child:ready()
   end
end)

main:ready()

-- Three clients at once, each in its own fiber.
local clients = {}
for i = 1, 3 do
   clients[i] = luv.fiber.create(function()
      while not port do luv.fiber.yield() end  -- until the server listens
      local client = luv.net.tcp()
      assert(client:connect("127.0.0.1", port))
      local message = "hello from client " .. i
      client:write(message)
      local got, reply = client:read()
      client:close()
      return reply
   end)
end
for i = 1, 3 do
   print(clients[i]:join())
end
-- The main chunk ends here, and with it the program (and the server fiber).
print("done")
