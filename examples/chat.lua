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

-- A line-based chat server: each connection is a fiber that reads lines with
-- read_line. A client's first line is its name; every later line goes to
-- the others as "<name>: <text>", and joins and leaves are announced.
--   bazel run //examples:chat
-- Like the echo example it runs its own clients, so that it ends by itself:
-- alice, bob and carol connect (by name, to "localhost"), talk and quit.
-- Each client speaks only after hearing the line its words answer, so the
-- conversation happens in one order, and the transcript is always the same.
local luv = require("luv")

-- The server. bind and listen do not suspend, so the main chunk knows the
-- port at once; the accept loop is a fiber.
local server = luv.net.tcp()
assert(server:bind("127.0.0.1", 0))
assert(server:listen())
local port = server:getsockname().port
print("chat server listening on 127.0.0.1")

local members = {}   -- the connected clients, in the order they joined

-- Sends `line` to every member but `from`. A member that went away fails
-- the write; its own fiber sees the end of its stream and removes it.
local function broadcast(from, line)
  for _, member in ipairs(members) do
    if member ~= from then member.conn:write(line .. "\n") end
  end
end

local function serve(conn)
  local name = conn:read_line()
  if not name then conn:close() return end
  local me = { name = name, conn = conn }
  local others = {}
  for _, member in ipairs(members) do others[#others + 1] = member.name end
  members[#members + 1] = me
  broadcast(me, "* " .. name .. " joined")
  conn:write("* welcome " .. name .. "; here: " ..
    (#others > 0 and table.concat(others, ", ") or "nobody else") .. "\n")
  while true do
    local text = conn:read_line()
    if not text then break end          -- EOF (or an error): the client left
    broadcast(me, name .. ": " .. text)
  end
  for i, member in ipairs(members) do
    if member == me then table.remove(members, i) break end
  end
  conn:close()
  broadcast(me, "* " .. name .. " left")
end

luv.fiber.create(function()
  while true do
    local conn = assert(server:accept())
    luv.fiber.create(serve, conn):ready()
  end
end):ready()

-- The clients. `script(say, hear)` is a client's part: say(text) sends a
-- line, hear(line) reads lines until that one arrives. A client returns
-- every line it heard.
local function client(name, script)
  return luv.fiber.create(function()
    local conn = luv.net.tcp()
    assert(conn:connect("localhost", port))
    local heard = {}
    local function say(text) assert(conn:write(text .. "\n")) end
    local function hear(want)
      repeat
        local line, err = conn:read_line()
        assert(line, name .. " was waiting for " .. want .. ": " .. tostring(err))
        heard[#heard + 1] = line
      until line == want
    end
    say(name)
    script(say, hear)
    conn:close()
    return heard
  end)
end

-- Who joins when: bob once alice is in, carol once alice and bob greeted
-- each other.
local bob_may_join, carol_may_join = luv.channel(1), luv.channel(1)

local alice = client("alice", function(say, hear)
  hear("* welcome alice; here: nobody else")
  bob_may_join:put(true)
  hear("* bob joined")
  say("hi bob")
  hear("bob: hi alice")
  carol_may_join:put(true)
  hear("carol: hello both")
  say("bye")
end)

local bob = client("bob", function(say, hear)
  hear("* welcome bob; here: alice")
  hear("alice: hi bob")
  say("hi alice")
  hear("* alice left")
  say("just us now, carol")
  hear("* carol left")
end)

local carol = client("carol", function(say, hear)
  hear("* welcome carol; here: alice, bob")
  say("hello both")
  hear("bob: just us now, carol")
  say("see you")
end)

alice:ready()
luv.fiber.create(function() bob_may_join:get() bob:ready() end):ready()
luv.fiber.create(function() carol_may_join:get() carol:ready() end):ready()

for _, c in ipairs({ { "alice", alice }, { "bob", bob }, { "carol", carol } }) do
  print(c[1] .. " heard:")
  for _, line in ipairs(c[2]:join()) do print("  " .. line) end
end
-- The main chunk ends here, and with it the program (and the server).
print("done")
