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

-- Regression: an options table whose __index dropped the stdout pipe,
-- collected garbage and ran the loop (luv.sleep(0)) made uv_spawn read the
-- freed pipe (ASan: Stream::type <- StdioFlags <- Process::Process); a
-- variant leaked a descriptor per spawn. Options are now read raw (no
-- metamethod runs) and the stdio values stay anchored until the spawn is
-- done.
local T = require("luvtest")
local luv = require("luv")

local function count_fds()
  return #assert(luv.fs.readdir("/proc/self/fd"))
end

-- Options whose metamethods would free the pipe between two reads.
local function tricky_options(pipe)
  local held = pipe
  return setmetatable({ "-c", "exit 0" }, {
    __index = function(_, key)
      if key == "stdout" then
        local p = held
        held = nil
        return p
      end
      if key == "stderr" then
        collectgarbage("collect")
        collectgarbage("collect")
        luv.sleep(0)
      end
    end,
  })
end

T.case("metamethods of the options table are not consulted", function()
  local proc = luv.process.spawn("sh", tricky_options(luv.pipe.create()))
  T.eq(proc.stdout, nil, "stdout came from __index")
  T.eq(proc:wait(), 0)
end)

T.case("a pipe given in the table itself is anchored until the spawn is done", function()
  for _ = 1, 20 do
    local out = luv.pipe.create()
    local proc = luv.process.spawn("sh", { "-c", "echo hi", stdout = out })
    out = nil
    collectgarbage("collect")
    local _, data = proc.stdout:read()
    T.eq(data, "hi\n")
    T.eq(proc:wait(), 0)
    proc.stdout:close()
  end
end)

T.case("odd options leak no descriptors", function()
  local function spawn_oddly()
    local proc = luv.process.spawn("sh", tricky_options(luv.pipe.create()))
    proc:wait()
    -- A bad stdio entry after a fresh pipe: refused before anything opens.
    pcall(luv.process.spawn, "sh", { "-c", "exit 0", stdout = luv.pipe.create(), stderr = {} })
    -- __index that raises.
    pcall(luv.process.spawn, "sh", setmetatable({ "-c", "exit 0" }, { __index = function() error("boom") end }))
  end
  for _ = 1, 5 do spawn_oddly() end
  collectgarbage("collect")
  luv.sleep(0)
  local before = count_fds()
  for _ = 1, 50 do spawn_oddly() end
  collectgarbage("collect")
  collectgarbage("collect")
  luv.sleep(0)
  T.le(count_fds(), before + 2, "descriptors after 50 more rounds")
end)

T.run()
