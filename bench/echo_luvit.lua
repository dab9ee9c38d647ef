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
