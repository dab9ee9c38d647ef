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

-- luv.process.spawn checked that a stdout pipe was open, then ran Lua code
-- (an __index metamethod on the options, or a finalizer during an
-- allocation) that could close it, and connected the closed pipe anyway:
-- libuv opened the parent's end of the socketpair into a handle already
-- closing, and that descriptor was never closed, one per spawn. Options are
-- now read raw, and the stdio streams are checked again, without Lua in
-- between, right before uv_spawn.
local T = require("luvtest")
local luv = require("luv")

-- Descriptors open in this process, not counting the ends of io.popen's
-- pipe (the parent may not have closed the child's end yet when the shell
-- looks). The shell is our child, so $PPID is us, and its stdout is that
-- pipe.
local function open_fds()
  local sh = assert(io.popen([[
    pipe=$(readlink /proc/$$/fd/1)
    ls -l /proc/$PPID/fd | grep -c -v -F "$pipe"]]))
  local n = sh:read("*n")
  sh:close()
  return n
end

local function settle()
  collectgarbage("collect")
  collectgarbage("collect")
  luv.sleep(0)
end

-- The loop's first stream and first spawn open descriptors it keeps (a
-- spare one for EMFILE, SIGCHLD handling).
luv.pipe.create():close()
luv.process.spawn("true"):wait()
settle()

T.case("an __index that closes the stdout pipe", function()
  local before = open_fds()
  for _ = 1, 20 do
    local out = luv.pipe.create()
    local options = setmetatable({ "-c", "exit 0", stdout = out }, {
      __index = function(_, key)
        if key == "stderr" then out:close() end
      end,
    })
    local proc = luv.process.spawn("sh", options)
    if proc then proc:wait() end
    out:close()
  end
  settle()
  T.eq(open_fds(), before, "open descriptors")
end)

T.case("an __index that raises", function()
  local before = open_fds()
  for _ = 1, 20 do
    local out = luv.pipe.create()
    local options = setmetatable({ "-c", "exit 0", stdout = out }, {
      __index = function() error("no such option") end,
    })
    local ok, proc = pcall(luv.process.spawn, "sh", options)
    if ok and proc then proc:wait() end
    out:close()
  end
  settle()
  T.eq(open_fds(), before, "open descriptors")
end)

T.case("a stdio entry of the wrong type after a fresh pipe", function()
  local before = open_fds()
  for _ = 1, 20 do
    local out = luv.pipe.create()
    T.raises("option stderr must be", luv.process.spawn, "sh",
             { "-c", "exit 0", stdout = out, stderr = {} })
    T.eq(out:write("x"), nil, "the pipe is not connected")
  end
  settle()
  T.eq(open_fds(), before, "open descriptors")
end)

T.case("a finalizer that closes the pipe during spawn", function()
  -- With the collector at its most eager every allocation runs a full
  -- cycle, and each cycle one finalizer of the chain; the last one closes
  -- the pipe. Round n closes it at spawn's n-th allocation, so the rounds
  -- hit every point between reading the options and calling uv_spawn.
  local before = open_fds()
  for round = 1, 40 do
    local out = luv.pipe.create()
    local countdown = round
    local function arm()
      T.finalizer(function()
        countdown = countdown - 1
        if countdown > 0 then arm() else out:close() end
      end)
    end
    collectgarbage("collect")
    collectgarbage("setpause", 0)
    collectgarbage("setstepmul", 1e6)
    collectgarbage("step", 0)  -- so the next allocation starts a cycle
    arm()
    local ok, proc = pcall(luv.process.spawn, "sh", { "-c", "exit 0", stdout = out })
    collectgarbage("setpause", 200)
    collectgarbage("setstepmul", 200)
    if ok and proc then
      T.eq(proc.stdout, out, "round " .. round)
      proc:wait()
    end
    for _ = 1, 2 * round do  -- the rest of the chain, after spawn
      if countdown <= 0 then break end
      collectgarbage("collect")
    end
    out:close()
  end
  settle()
  T.eq(open_fds(), before, "open descriptors")
end)

T.run()
