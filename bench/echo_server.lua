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
