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

-- Regression: a stream:write that returned ETIMEDOUT (luv.timeout) or
-- ECANCELED (fiber:cancel) was still sent in full later, and its copy stayed
-- queued: a retry duplicated data, and 300 timed-out 1 MiB writes to a peer
-- that never read grew the process from 10 MB to 306 MB. Now a write still
-- waiting its turn is dropped unsent (the stream stays usable), and the one
-- in progress closes the stream, its message saying how much of it was sent.
local T = require("luvtest")
local luv = require("luv")

local MiB = 1024 * 1024

-- A connection on loopback: `client` writes; `peer` reads only when told.
local function connect()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local port = server:getsockname().port
  local client = luv.net.tcp()
  local connecting = luv.fiber.create(function()
    return client:connect("127.0.0.1", port)
  end):ready()
  local peer = luv.net.tcp()
  T.eq(server:accept(peer), true, "accept")
  T.eq(connecting:join(), true, "connect")
  server:close()
  return client, peer
end

-- 1 MiB of one letter, a different one for each i.
local function chunk(i)
  return string.rep(string.char(65 + i % 26), MiB)
end

-- The part of a failure message that says the stream was closed: the bytes
-- of the write that were sent.
local function sent_before_close(message, code, call)
  local pattern = "^" .. code .. ": " .. call:gsub("%p", "%%%0") ..
      " with (%d+) of 1048576 bytes sent; the tcp is closed$"
  return tonumber(message:match(pattern))
end

-- The peer receives the writes that succeeded and exactly the reported part
-- of the one that failed, then EOF: nothing twice, nothing more.
local function check_received(peer, succeeded, failed, sent)
  local received = T.read_all(peer)
  local expected = table.concat(succeeded) .. failed:sub(1, sent)
  T.eq(#received, #expected, "bytes the peer received")
  T.ok(received == expected, "the peer received exactly the successful writes")
  peer:close()
end

T.case("a write in progress that times out closes the stream; a retry cannot duplicate", function()
  local client, peer = connect()
  local succeeded = {}
  local ok, message, code, failed
  -- The kernel takes the first few MiB; then a write waits for a peer that
  -- never reads, and times out.
  for i = 1, 200 do
    local data = chunk(i)
    ok, message, code = luv.timeout(0.05, client.write, client, data)
    if not ok then
      failed = data
      break
    end
    succeeded[#succeeded + 1] = data
  end
  T.eq(ok, nil, "a write timed out")
  T.eq(code, "ETIMEDOUT")
  local sent = sent_before_close(message, "ETIMEDOUT", "tcp:write() timed out")
  T.ok(sent, "the message says how much was sent: " .. tostring(message))
  print("# " .. message)
  -- (Bounded, so that the test fails rather than hangs where a retry waits.)
  local again, again_message, again_code = luv.timeout(1, client.write, client, failed)
  T.eq(again, nil, "the retry")
  T.eq(again_code, "EBADF", again_message)
  client:close()
  check_received(peer, succeeded, failed, sent)
end)

T.case("a write in progress that is cancelled closes the stream", function()
  local client, peer = connect()
  local succeeded, failed, message, code = {}, nil, nil, nil
  local writer = luv.fiber.create(function()
    for i = 1, 200 do
      local data = chunk(i)
      local ok, text, name = client:write(data)
      if not ok then
        failed, message, code = data, text, name
        return
      end
      succeeded[#succeeded + 1] = data
    end
  end):ready()
  -- Cancel it whenever it waits; a write the kernel took whole before the
  -- cancellation landed still succeeds, and the writer goes on.
  repeat
    if writer:status() == "waiting" then writer:cancel("enough") end
    luv.fiber.yield()
  until writer:status() == "dead"
  writer:join()
  T.eq(code, "ECANCELED", message)
  local sent = sent_before_close(message, "ECANCELED", "tcp:write() was canceled (enough)")
  T.ok(sent, "the message says how much was sent: " .. tostring(message))
  print("# " .. message)
  T.eq(select(3, luv.timeout(1, client.write, client, "x")), "EBADF", "the stream is closed")
  client:close()
  check_received(peer, succeeded, failed, sent)
end)

-- Measured in a child process: under AddressSanitizer freed memory sits in
-- a quarantine unless told otherwise.
local WAITING_WRITES = [[
local T = require("luvtest")
local luv = require("luv")
local MiB = 1024 * 1024

local function rss_bytes()
  local f = assert(io.open("/proc/self/statm"))
  local _, resident = f:read("*n", "*n")
  f:close()
  return resident * 4096
end

local server = luv.net.tcp()
assert(server:bind("127.0.0.1", 0))
assert(server:listen())
local client = luv.net.tcp()
local port = server:getsockname().port
local connecting = luv.fiber.create(function() return client:connect("127.0.0.1", port) end)
connecting:ready()
local peer = luv.net.tcp()
assert(server:accept(peer))
assert(connecting:join())
server:close()

-- Far more than loopback buffers: this write stays in progress until the
-- peer reads.
local big = string.rep("b", 32 * MiB)
local first = luv.fiber.create(function() return client:write(big) end):ready()
while first:status() ~= "waiting" do luv.fiber.yield() end
local data = string.rep("x", MiB)
local before = rss_bytes()

for _ = 1, 300 do
  local ok, message, code = luv.timeout(0.002, client.write, client, data)
  T.eq(ok, nil)
  T.eq(message, "ETIMEDOUT: tcp:write() timed out", "nothing was sent, so no more to say")
  T.eq(code, "ETIMEDOUT")
end
for _ = 1, 100 do
  local writer = luv.fiber.create(function() return client:write(data) end):ready()
  while writer:status() ~= "waiting" do luv.fiber.yield() end
  writer:cancel("test")
  local ok, message, code = writer:join()
  T.eq(ok, nil)
  T.eq(message, "ECANCELED: tcp:write() was canceled (test)")
  T.eq(code, "ECANCELED")
end
print("grown " .. (rss_bytes() - before))

-- The stream still works, and carries none of the 400 writes that failed.
local reader = luv.fiber.create(function()
  local parts = {}
  while true do
    local n, bytes = peer:read()
    if not n then break end
    parts[#parts + 1] = bytes
  end
  return table.concat(parts)
end):ready()
T.eq(client:write("tail"), true, "a later write")
T.eq(first:join(), true, "the write in progress")
T.eq(client:shutdown(), true)
local received = reader:join()
T.eq(#received, #big + 4, "bytes the peer received")
T.ok(received == big .. "tail", "the peer received the successful writes only")
client:close()
peer:close()
print("stream ok")
]]

T.case("writes waiting their turn are dropped unsent: the stream stays usable, memory bounded", function()
  local asan = os.getenv("ASAN_OPTIONS")
  local code, output = T.run_lua(WAITING_WRITES,
    asan and { ASAN_OPTIONS = asan .. ":quarantine_size_mb=0" } or nil)
  T.eq(code, 0, output)
  T.match(output, "stream ok", "the child's checks")
  local grown = tonumber(output:match("grown (%-?%d+)"))
  T.le(grown, 64 * MiB, "bytes 400 failed 1 MiB writes added")
  print("# the process grew by " .. grown .. " bytes")
end)

T.run()
