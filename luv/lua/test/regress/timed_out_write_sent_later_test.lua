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

-- Regression: a write that returned ETIMEDOUT (luv.timeout) or ECANCELED
-- (fiber:cancel) was still sent in full later and its copy stayed queued: a
-- retry duplicated data, and 300 timed-out 1 MiB writes to a peer that never
-- read grew the process by 300 MB. Now such a write closes the stream and
-- says how many of its bytes were sent; the queued copy is freed at once.
local T = require("luvtest")
local luv = require("luv")

local MiB = 1024 * 1024

local function pair()
  local server = luv.net.tcp()
  assert(server:bind("127.0.0.1", 0))
  assert(server:listen())
  local client = luv.net.tcp()
  assert(client:connect("127.0.0.1", server:getsockname().port))
  local peer = luv.net.tcp()
  assert(server:accept(peer))
  server:close()
  return client, peer
end

-- Chunk i is 1 MiB of the byte ("a" + i % 26), so a duplicate shows.
local function chunk(i)
  return string.rep(string.char(97 + i % 26), MiB)
end

-- Everything the peer receives until EOF.
local function drain(peer)
  local parts = {}
  while true do
    local n, data = peer:read()
    if not n then break end
    parts[#parts + 1] = data
  end
  peer:close()
  return table.concat(parts)
end

-- A failed write either had started (the stream is closed and the message
-- says how much went out) or was still waiting its turn behind another
-- write (dropped unsent: the plain message, the stream stays open). Returns
-- the bytes sent and whether the stream was closed.
local function check_failure(ok, message, code, expected_code)
  T.eq(ok, nil, "the write failed")
  T.eq(code, expected_code)
  local sent = tonumber(message:match(" with (%d+) of 1048576 bytes sent; the tcp is closed$"))
  if sent then return sent, true end
  T.ok(not message:find("bytes sent"), "plain message: " .. tostring(message))
  return 0, false
end

T.case("a write that times out closes the stream, and nothing is sent twice", function()
  local client, peer = pair()
  local sent_chunks, failure = {}, nil
  for i = 1, 64 do
    local data = chunk(i)
    local ok, message, code = luv.timeout(0.2, client.write, client, data)
    if not ok then
      local sent, closed = check_failure(ok, message, code, "ETIMEDOUT")
      failure = { i = i, sent = sent, closed = closed }
      break
    end
    sent_chunks[#sent_chunks + 1] = data
  end
  T.ok(failure, "a write timed out against a peer that never reads")
  if failure.closed then
    -- A retry cannot duplicate anything: the stream is closed.
    local ok, _, code = client:write(chunk(failure.i))
    T.ok(not ok)
    T.eq(code, "EBADF")
  else
    client:close()  -- nothing of it went out; end the stream for the peer
  end
  local expected = table.concat(sent_chunks) .. chunk(failure.i):sub(1, failure.sent)
  local got = drain(peer)
  T.eq(#got, #expected, "bytes the peer received")
  T.ok(got == expected, "the peer received exactly what was reported sent")
end)

T.case("a cancelled write closes the stream the same way", function()
  local client, peer = pair()
  local sent_chunks, in_write = {}, false
  local result
  local writer = luv.fiber.create(function()
    for i = 1, 64 do
      local data = chunk(i)
      in_write = true
      local ok, message, code = client:write(data)
      in_write = false
      if not ok then
        result = { i = i, ok = ok, message = message, code = code }
        return
      end
      sent_chunks[#sent_chunks + 1] = data
    end
  end)
  writer:ready()
  -- Wait until the writer waits in a write the kernel cannot take.
  while not (in_write and not client:writable()) do luv.sleep(0.01) end
  writer:cancel("test")
  writer:join()
  T.ok(result, "the write returned")
  local sent, closed = check_failure(result.ok, result.message, result.code, "ECANCELED")
  T.match(result.message, "^ECANCELED: tcp:write%(%) was canceled %(test%)")
  if not closed then client:close() end
  local expected = table.concat(sent_chunks) .. chunk(result.i):sub(1, sent)
  T.ok(drain(peer) == expected, "the peer received exactly what was reported sent")
end)

-- In a child process: under AddressSanitizer freed memory is quarantined.
local MEASURE = [[
local luv = require("luv")
local function rss()
  local f = assert(io.open("/proc/self/statm"))
  local _, resident = f:read("*n", "*n")
  f:close()
  return resident * 4096
end
local server = luv.net.tcp()
assert(server:bind("127.0.0.1", 0))
assert(server:listen())
local client = luv.net.tcp()
assert(client:connect("127.0.0.1", server:getsockname().port))
local peer = luv.net.tcp()
assert(server:accept(peer))  -- open, never reading
local data = string.rep("x", 1024 * 1024)
local before = rss()
local failed = 0
for _ = 1, 300 do
  local ok = luv.timeout(0.005, client.write, client, data)
  if not ok then failed = failed + 1 end
end
collectgarbage("collect")
luv.sleep(0)
print("failed " .. failed .. " grown " .. (rss() - before))
client:close()
peer:close()
server:close()
]]

T.case("timed-out writes to peers that never read keep memory bounded", function()
  local asan = os.getenv("ASAN_OPTIONS")
  local code, output = T.run_lua(MEASURE,
    asan and { ASAN_OPTIONS = asan .. ":quarantine_size_mb=0:detect_leaks=0" } or nil)
  T.eq(code, 0, output)
  local failed, grown = output:match("failed (%d+) grown (%-?%d+)")
  T.le(250, tonumber(failed), "writes that failed")
  -- 300 MiB offered to a peer that never reads: before the fix every
  -- timed-out write's copy stayed queued (the process grew by ~300 MiB).
  T.le(tonumber(grown), 16 * MiB, "bytes the process grew by")
end)

T.run()
