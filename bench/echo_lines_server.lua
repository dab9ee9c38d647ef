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

-- luv's side of the line echo benchmark: one fiber per client reads a line
-- with its end of line from the stream's buffered reader and writes it
-- back, on 127.0.0.1 port 0 (or arg[1]). Prints "port N" and serves until
-- killed. Like every line server here it sets TCP_NODELAY: a line a write,
-- Nagle's algorithm would hold the second line of a burst until the client's
-- delayed ACK (some 40 ms).
local luv = require("luv")

local main = luv.fiber.create(function()
  local server = luv.net.tcp()
  server:bind("127.0.0.1", tonumber(arg and arg[1]) or 0)
  server:listen(1024)
  io.write("port ", server:getsockname().port, "\n")
  io.stdout:flush()

  while true do
    local client = server:accept()
    client:nodelay(true)
    luv.fiber.create(function()
      while true do
        local line = client:read_line(true)
        if not line then break end
        client:write(line)
      end
      client:close()
    end):ready()
  end
end)

main:join()
