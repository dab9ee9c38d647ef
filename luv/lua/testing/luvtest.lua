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

-- luvtest: the assertion library and runner for luv's Lua tests.
--
--   local T = require("luvtest")
--   T.case("hrtime grows", function()
--     T.eq(type(luv.hrtime()), "number")
--   end)
--   T.run()   -- prints one line per case and "N passed, N failed"; exits 1 on failure
local T = {}

-- Which VM runs the test: "lua51", "luajit", "lua52", "lua53" or "lua54".
T.vm = rawget(_G, "jit") and "luajit" or "lua" .. _VERSION:gsub("%D", "")
-- LuaJIT and 5.2+ suspend a fiber inside plain pcall, metamethods and
-- iterators; 5.1 cannot.
T.yields_across_pcall = T.vm ~= "lua51"
-- 5.3+: numbers have an integer subtype (math.type).
T.has_integers = math.type ~= nil
T.unpack = table.unpack or unpack
function T.pack(...) return { n = select("#", ...), ... } end

-- os.execute(command) succeeded (5.1 returns 0, 5.2+ true).
function T.execute(command)
  local status = os.execute(command)
  return status == 0 or status == true
end

-- A userdata with a metatable of its own (5.1's newproxy(true); 5.2+ have
-- no newproxy, so a closed file's userdata gets a fresh metatable).
function T.newproxy()
  if rawget(_G, "newproxy") then return newproxy(true) end
  local f = io.tmpfile()
  f:close()
  debug.setmetatable(f, {})
  return f
end

-- Garbage whose collection calls fn (a finalizer that runs mid-cycle).
function T.finalizer(fn)
  if rawget(_G, "newproxy") then
    getmetatable(newproxy(true)).__gc = fn
  else
    setmetatable({}, { __gc = fn })
  end
end

-- Line-buffered, so a crash still shows which case was running.
io.stdout:setvbuf("line")

local cases = {}

local function show(value)
  if type(value) == "string" then return string.format("%q", value) end
  return tostring(value)
end

local function fail(message, level)
  error(message, (level or 1) + 2)
end

function T.case(name, fn)
  cases[#cases + 1] = { name = name, fn = fn }
end

-- Asserts actual == expected, printing both operands when they differ.
function T.eq(actual, expected, what)
  if actual ~= expected then
    fail(string.format("%s: expected %s, got %s", what or "value", show(expected), show(actual)))
  end
end

function T.ok(value, what)
  if not value then fail((what or "condition") .. " is " .. show(value)) end
  return value
end

-- Asserts a <= b, printing both.
function T.le(a, b, what)
  if not (a <= b) then
    fail(string.format("%s: expected %s <= %s", what or "value", show(a), show(b)))
  end
end

function T.match(text, pattern, what)
  if type(text) ~= "string" or not text:find(pattern) then
    fail(string.format("%s: %s does not match %s", what or "text", show(text), show(pattern)))
  end
end

-- Asserts fn(...) raises an error whose message matches `pattern`.
function T.raises(pattern, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then fail("expected an error matching " .. show(pattern) .. ", got none") end
  if not tostring(err):find(pattern) then
    fail(string.format("error %s does not match %s", show(tostring(err)), show(pattern)))
  end
  return err
end

-- A socket path under TEST_TMPDIR. Bazel's TEST_TMPDIR is often longer than
-- a Unix socket address holds (107 bytes), so the path is made relative to
-- the working directory when that is shorter.
function T.socket_path(name)
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local absolute = dir .. "/" .. name
  if #absolute <= 107 then return absolute end
  local cwd = io.popen("pwd"):read("*l")
  local a, b = {}, {}
  for part in cwd:gmatch("[^/]+") do a[#a + 1] = part end
  for part in absolute:gmatch("[^/]+") do b[#b + 1] = part end
  local common = 0
  while a[common + 1] ~= nil and a[common + 1] == b[common + 1] do common = common + 1 end
  local parts = {}
  for _ = common + 1, #a do parts[#parts + 1] = ".." end
  for i = common + 1, #b do parts[#parts + 1] = b[i] end
  local relative = table.concat(parts, "/")
  assert(#relative <= 107, "no short path to TEST_TMPDIR: " .. relative)
  return relative
end

-- A file's whole contents, read with plain io.
function T.slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

-- For churn tests, which check that many cycles leave the process as it
-- was: its open descriptors other than pipes (the pipe io.popen makes to run
-- `ls` may still be closing in this process while `ls` looks), its resident
-- size in KiB, and a pause that lets closes finish and collects garbage.
function T.open_descriptors()
  local pid = T.slurp("/proc/self/stat"):match("^(%d+)")
  local ls = io.popen("ls -l /proc/" .. pid .. "/fd | grep -- '->' | grep -vc 'pipe:'")
  local count = tonumber(ls:read("*a"))
  ls:close()
  return count
end

function T.resident_kib()
  return tonumber(T.slurp("/proc/self/status"):match("VmRSS:%s*(%d+)"))
end

function T.settle()
  local luv = require("luv")
  for _ = 1, 3 do
    luv.sleep(0.02)
    collectgarbage("collect")
    collectgarbage("collect")
  end
end

-- Under ASan and TSan the resident size says nothing (quarantine, shadow
-- memory); their leak checkers cover the C++ side at exit instead.
T.sanitized = os.getenv("ASAN_OPTIONS") ~= nil or os.getenv("TSAN_OPTIONS") ~= nil

-- What a churn test compares before and after its cycles.
function T.footprint()
  return { fds = T.open_descriptors(), lua = collectgarbage("count"), rss = T.resident_kib() }
end

-- Checks that the cycles between two footprints left the descriptors as
-- they were, the Lua heap within 256 KiB and (unsanitized) the resident size
-- within 4 MiB; lists the descriptors when they differ.
function T.check_flat(before, after)
  if after.fds ~= before.fds then
    local pid = T.slurp("/proc/self/stat"):match("^(%d+)")
    print("# " .. io.popen("ls -l /proc/" .. pid .. "/fd"):read("*a"):gsub("\n", "\n# "))
  end
  print(string.format("# descriptors %d -> %d, Lua heap %.0f -> %.0f KiB, RSS %d -> %d KiB",
                      before.fds, after.fds, before.lua, after.lua, before.rss, after.rss))
  T.eq(after.fds, before.fds, "open descriptors")
  T.le(after.lua, before.lua + 256, "Lua heap KiB")
  if not T.sanitized then
    T.le(after.rss, before.rss + 4096, "resident KiB")
  end
end

-- Checks a luv failure triple `ok, message, name` against `code` ("ENOENT");
-- returns the message.
function T.failure(code, ok, message, name)
  T.eq(ok, nil, "ok")
  T.eq(name, code, "code")
  T.match(message, "^" .. code .. ": ", "message")
  return message
end

-- Everything a luv stream delivers until EOF.
function T.read_all(stream)
  local parts = {}
  while true do
    local n, data = stream:read()
    if not n then break end
    parts[#parts + 1] = data
  end
  return table.concat(parts)
end

-- Runs `code` in a fresh interpreter (the one running the tests, with the
-- same luv); returns its exit code and everything it printed (stdout and
-- stderr). `env`, if given, maps environment variables to values for it.
function T.run_lua(code, env)
  local interpreter = assert(os.getenv("LUV_TEST_LUA"), "LUV_TEST_LUA is not set")
  local dir = os.getenv("TEST_TMPDIR") or "/tmp"
  local path = string.format("%s/luvtest_%d_%d.lua", dir, os.time(), math.random(1e9))
  local file = assert(io.open(path, "w"))
  file:write(code)
  file:close()
  local assignments = {}
  for name, value in pairs(env or {}) do
    assignments[#assignments + 1] = string.format("%s='%s'", name, value:gsub("'", "'\\''"))
  end
  local prefix = #assignments > 0 and "env " .. table.concat(assignments, " ") .. " " or ""
  local pipe = assert(io.popen(string.format("%s'%s' '%s' 2>&1; echo \"exit=$?\"", prefix,
    interpreter, path)))
  local output = pipe:read("*a")
  pipe:close()
  os.remove(path)
  local code_text = output:match("exit=(%d+)%s*$")
  return tonumber(code_text), output:gsub("exit=%d+%s*$", "")
end

-- What the running state has open: its handles by type, and its fibers
-- that are not finished (nil when luv is not loaded).
local function open_things()
  local luv = package.loaded.luv
  if type(luv) ~= "table" or not luv.handles then return nil end
  collectgarbage("collect")
  collectgarbage("collect")
  local counts = {}
  for _, type_name in ipairs(luv.handles()) do
    counts[type_name] = (counts[type_name] or 0) + 1
  end
  return { handles = counts, fibers = luv.fiber.active() }
end

-- Like libuv's tests, a case ends with what it opened closed and its
-- fibers finished: a message naming what was left, or nil.
local function leftovers(before, after)
  if before == nil or after == nil then return nil end
  local left = {}
  for type_name, n in pairs(after.handles) do
    local extra = n - (before.handles[type_name] or 0)
    if extra > 0 then left[#left + 1] = extra .. " " .. type_name end
  end
  table.sort(left)
  local fibers = after.fibers - before.fibers
  if fibers > 0 then left[#left + 1] = fibers .. " unfinished fiber(s)" end
  if #left == 0 then return nil end
  return "left open: " .. table.concat(left, ", ")
end

-- Runs every case in order; a failing case does not stop the others.
function T.run()
  local passed, failed = 0, 0
  for i, c in ipairs(cases) do
    local before = open_things()
    local ok, err = xpcall(c.fn, debug.traceback)
    if ok then
      -- Peers closing, fibers reading their last EOF: give what is winding
      -- down a moment (at most ~0.2 s) before calling it left open.
      local left = leftovers(before, open_things())
      for _ = 1, 200 do
        if not left then break end
        package.loaded.luv.sleep(0.001)
        left = leftovers(before, open_things())
      end
      if left then ok, err = false, left end
    end
    if ok then
      passed = passed + 1
      print(string.format("ok %d - %s", i, c.name))
    else
      failed = failed + 1
      print(string.format("not ok %d - %s\n# %s", i, c.name, tostring(err):gsub("\n", "\n# ")))
    end
  end
  print(string.format("%d passed, %d failed", passed, failed))
  if failed > 0 or passed == 0 then os.exit(1) end
end

return T
