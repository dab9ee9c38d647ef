-- 100,000 connect/echo/close cycles against one echo server leave the
-- number of open descriptors and the memory in use where they were.
local T = require("luvtest")
local luv = require("luv")

local CYCLES = 100000

local function read_file(path)
  local f = assert(io.open(path))
  local text = f:read("*a")
  f:close()  -- now, not when collected: it would count as an open descriptor
  return text
end

local function open_descriptors()
  local pid = read_file("/proc/self/stat"):match("^(%d+)")
  local ls = io.popen("ls /proc/" .. pid .. "/fd | wc -l")
  local count = tonumber(ls:read("*a"))
  ls:close()
  return count
end

local function resident_kib()
  return tonumber(read_file("/proc/self/status"):match("VmRSS:%s*(%d+)"))
end

-- Lets closes finish and collects garbage, until the count stops falling.
local function settle()
  for _ = 1, 3 do
    luv.sleep(0.02)
    collectgarbage("collect")
    collectgarbage("collect")
  end
end

T.case("connect/echo/close cycles leave descriptors and memory flat", function()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen(1024))
  local port = server:getsockname().port
  local serving = luv.fiber.create(function()
    while true do
      local client = luv.net.tcp()
      if not server:accept(client) then return end
      luv.fiber.create(function()
        while true do
          local n, data = client:read()
          if not n then break end
          client:write(data)
        end
        client:close()
      end):ready()
    end
  end):ready()

  local function cycle(i)
    local client = luv.net.tcp()
    local ok, err = client:connect("127.0.0.1", port)
    if not ok then error("cycle " .. i .. ": " .. err) end
    local message = "ping " .. i
    client:write(message)
    local n, data = client:read()
    if data ~= message then error("cycle " .. i .. ": echoed " .. tostring(data)) end
    client:close()
  end

  for i = 1, 2000 do cycle(i) end  -- warm up: libuv's reserve fd, buffers, caches
  settle()
  local fds_before, lua_before, rss_before =
    open_descriptors(), collectgarbage("count"), resident_kib()
  for i = 1, CYCLES do cycle(i) end
  settle()
  local fds_after, lua_after, rss_after =
    open_descriptors(), collectgarbage("count"), resident_kib()
  print(string.format("# descriptors %d -> %d, Lua heap %.0f -> %.0f KiB, RSS %d -> %d KiB",
                      fds_before, fds_after, lua_before, lua_after, rss_before, rss_after))
  T.eq(fds_after, fds_before, "open descriptors")
  T.le(lua_after, lua_before + 256, "Lua heap KiB")
  -- ASan keeps freed memory in quarantine, so RSS says nothing there; its
  -- leak checker covers the C++ side at exit instead.
  if not os.getenv("ASAN_OPTIONS") then
    T.le(rss_after, rss_before + 4096, "resident KiB")
  end
  server:close()
  T.eq(serving:join(), nil)
end)

T.run()
