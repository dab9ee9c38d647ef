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

-- The process's own facts: luv.pid, ppid, hostname, uname, the environment
-- (getenv, setenv, unsetenv, environ), homedir, tmpdir,
-- available_parallelism, loadavg, uptime, rusage, and luv.cwd/luv.chdir.
-- Each is checked against a source luv does not use: /proc, a child
-- process, Lua's own os.getenv.
local T = require("luvtest")
local luv = require("luv")

local function read_file(path)
  local file = assert(io.open(path))
  local text = file:read("*a")
  file:close()
  return text
end

local function first_line(path)
  return (read_file(path):match("^([^\n]*)"))
end

-- What a shell command prints, without the final newline.
local function command_output(command)
  local pipe = assert(io.popen(command))
  local text = pipe:read("*a")
  pipe:close()
  return (text:gsub("\n$", ""))
end

-- Runs fn with the variables in `names` put back as they were afterwards
-- (with Lua's os.getenv to read them and luv.setenv to restore).
local function keeping_env(names, fn)
  local saved = {}
  for _, name in ipairs(names) do saved[name] = os.getenv(name) or false end
  local ok, err = pcall(fn)
  for _, name in ipairs(names) do
    if saved[name] then luv.setenv(name, saved[name]) else luv.unsetenv(name) end
  end
  if not ok then error(err, 0) end
end

local function is_integer(n)
  if T.has_integers then return math.type(n) == "integer" end
  return type(n) == "number" and n == math.floor(n)
end

T.case("pid and ppid are the kernel's (/proc/self/stat fields 1 and 4)", function()
  -- The interpreter running this file is the process.
  local pid, ppid = read_file("/proc/self/stat"):match("^(%d+) %(.*%) %S+ (%d+)")
  T.eq(luv.pid(), tonumber(pid), "pid")
  T.eq(luv.ppid(), tonumber(ppid), "ppid")
  T.ok(is_integer(luv.pid()), "pid is an integer")
  T.ok(is_integer(luv.ppid()), "ppid is an integer")
  -- A child's parent is this process.
  local out = luv.pipe.create()
  local child = luv.process.spawn("sh", { "-c", "echo $PPID", stdout = out })
  T.eq(tonumber(T.read_all(out)), luv.pid(), "the child's $PPID")
  T.eq((child:wait()), 0)
  out:close()
end)

T.case("hostname is the kernel's", function()
  local name = luv.hostname()
  T.eq(type(name), "string")
  T.le(1, #name, "length")
  T.eq(name, first_line("/proc/sys/kernel/hostname"))
end)

T.case("uname names Linux, its release, version and machine", function()
  local u = luv.uname()
  T.eq(u.sysname, "Linux")
  T.eq(u.release, first_line("/proc/sys/kernel/osrelease"))
  T.eq(u.version, first_line("/proc/sys/kernel/version"))
  T.eq(u.machine, command_output("uname -m"))
end)

T.case("setenv, getenv, environ, unsetenv round trip; os.getenv agrees", function()
  keeping_env({ "LUV_FACTS_VAR" }, function()
    luv.unsetenv("LUV_FACTS_VAR")
    T.eq(select("#", luv.getenv("LUV_FACTS_VAR")), 1, "one nil when unset")
    T.eq(luv.getenv("LUV_FACTS_VAR"), nil)
    T.eq(luv.setenv("LUV_FACTS_VAR", "a=b c\tä"), true)
    T.eq(luv.getenv("LUV_FACTS_VAR"), "a=b c\tä")
    T.eq(os.getenv("LUV_FACTS_VAR"), "a=b c\tä", "Lua's os.getenv")
    T.eq(luv.environ().LUV_FACTS_VAR, "a=b c\tä", "environ")
    T.eq(luv.setenv("LUV_FACTS_VAR", ""), true)
    T.eq(luv.getenv("LUV_FACTS_VAR"), "", "an empty value is set")
    local long = string.rep("v", 10000)
    T.eq(luv.setenv("LUV_FACTS_VAR", long), true)
    T.eq(luv.getenv("LUV_FACTS_VAR"), long, "10000 bytes")
    T.eq(luv.unsetenv("LUV_FACTS_VAR"), true)
    T.eq(luv.getenv("LUV_FACTS_VAR"), nil)
    T.eq(os.getenv("LUV_FACTS_VAR"), nil, "Lua's os.getenv")
    T.eq(luv.environ().LUV_FACTS_VAR, nil, "environ")
    T.eq(luv.unsetenv("LUV_FACTS_VAR"), true, "unsetting again")
  end)
end)

T.case("environ is the whole environment, as a child sees it", function()
  local env = luv.environ()
  local n = 0
  for name, value in pairs(env) do
    n = n + 1
    T.eq(type(name), "string") T.eq(type(value), "string")
    T.eq(os.getenv(name), value, name)
  end
  T.le(1, n, "variables")
  -- `env -0` in a child lists the environment the child inherited.
  local listed = 0
  for entry in command_output("env -0"):gmatch("([^%z]+)") do
    local name, value = entry:match("^([^=]+)=(.*)$")
    if name and not ({ _ = 1, SHLVL = 1, PWD = 1, OLDPWD = 1 })[name] then
      listed = listed + 1
      T.eq(env[name], value, name)
    end
  end
  T.le(1, listed, "variables env listed")
end)

T.case("a child spawned after setenv sees the variable", function()
  keeping_env({ "LUV_FACTS_CHILD" }, function()
    T.eq(luv.setenv("LUV_FACTS_CHILD", "seen by the child"), true)
    local out = luv.pipe.create()
    local child = luv.process.spawn("sh", { "-c", 'printf %s "$LUV_FACTS_CHILD"', stdout = out })
    T.eq(T.read_all(out), "seen by the child")
    T.eq((child:wait()), 0)
    out:close()
    T.eq(luv.unsetenv("LUV_FACTS_CHILD"), true)
    out = luv.pipe.create()
    child = luv.process.spawn("sh", { "-c", 'printf %s "${LUV_FACTS_CHILD-unset}"', stdout = out })
    T.eq(T.read_all(out), "unset")
    T.eq((child:wait()), 0)
    out:close()
  end)
end)

T.case("bad names, values and types raise, naming the argument", function()
  local names = {
    { "", "name is empty" },
    { "A=B", "name contains '='" },
    { "A\0B", "name contains a NUL byte" },
  }
  for _, case in ipairs(names) do
    local name, why = case[1], case[2]
    T.raises("bad argument #1 to 'setenv' %(" .. why .. "%)", function() luv.setenv(name, "x") end)
    T.raises("bad argument #1 to 'getenv' %(" .. why .. "%)", function() luv.getenv(name) end)
    T.raises("bad argument #1 to 'unsetenv' %(" .. why .. "%)", function() luv.unsetenv(name) end)
  end
  T.raises("bad argument #2 to 'setenv' %(value contains a NUL byte%)",
    function() luv.setenv("LUV_FACTS_BAD", "a\0b") end)
  T.eq(luv.getenv("LUV_FACTS_BAD"), nil, "nothing was set")
  T.eq(luv.getenv("A"), os.getenv("A"), "nothing was set before the '='")
  for _, bad in ipairs({ 42, true, {} }) do
    local what = type(bad)
    T.raises("bad argument #1 to 'setenv' %(string expected, got " .. what .. "%)",
      function() luv.setenv(bad, "x") end)
    T.raises("bad argument #2 to 'setenv' %(string expected, got " .. what .. "%)",
      function() luv.setenv("LUV_FACTS_BAD", bad) end)
    T.raises("bad argument #1 to 'getenv' %(string expected, got " .. what .. "%)",
      function() luv.getenv(bad) end)
    T.raises("bad argument #1 to 'unsetenv' %(string expected, got " .. what .. "%)",
      function() luv.unsetenv(bad) end)
  end
  T.raises("bad argument #1 to 'getenv' %(string expected, got no value%)",
    function() luv.getenv() end)
  T.raises("bad argument #2 to 'setenv' %(string expected, got nil%)",
    function() luv.setenv("LUV_FACTS_BAD", nil) end)
  T.eq(luv.getenv("LUV_FACTS_BAD"), nil, "nothing was set")
end)

T.case("threads share the one environment", function()
  keeping_env({ "LUV_FACTS_THREAD", "LUV_FACTS_MAIN" }, function()
    T.eq(luv.setenv("LUV_FACTS_MAIN", "from main"), true)
    local seen = luv.thread.spawn(function()
      local luv = require("luv")
      assert(luv.setenv("LUV_FACTS_THREAD", "from the thread"))
      return luv.getenv("LUV_FACTS_MAIN")
    end):join()
    T.eq(seen, "from main", "the thread saw main's variable")
    T.eq(luv.getenv("LUV_FACTS_THREAD"), "from the thread", "main sees the thread's")
    -- A thread that writes while this one reads: every read is a value
    -- the writer wrote, or nil.
    local writer = luv.thread.spawn(function()
      local luv = require("luv")
      for i = 1, 2000 do
        luv.setenv("LUV_FACTS_THREAD", "value " .. i)
        luv.setenv("LUV_FACTS_THREAD_" .. (i % 50), "x")
        if i % 3 == 0 then luv.unsetenv("LUV_FACTS_THREAD") end
      end
      for i = 0, 49 do luv.unsetenv("LUV_FACTS_THREAD_" .. i) end
      return true
    end)
    for _ = 1, 200 do
      local value = luv.getenv("LUV_FACTS_THREAD")
      T.ok(value == nil or value:match("^value %d+$") or value == "from the thread", value)
      local env = luv.environ()
      T.ok(env.LUV_FACTS_MAIN == "from main", "environ while a thread writes")
    end
    T.eq(writer:join(), true)
  end)
end)

T.case("homedir and tmpdir follow HOME and TMPDIR", function()
  keeping_env({ "HOME", "TMPDIR" }, function()
    T.eq(luv.setenv("HOME", "/luv/facts/home"), true)
    T.eq(luv.homedir(), "/luv/facts/home")
    T.eq(luv.setenv("TMPDIR", "/luv/facts/tmp/"), true)
    T.eq(luv.tmpdir(), "/luv/facts/tmp", "without the trailing slash")
  end)
  -- A program started with them set.
  local code, output = T.run_lua([[
    local luv = require("luv")
    print(luv.homedir() .. "|" .. luv.tmpdir())
  ]], { HOME = "/started/home", TMPDIR = "/started/tmp" })
  T.eq(code, 0, output)
  T.match(output, "^/started/home|/started/tmp\n", "homedir|tmpdir")
end)

T.case("available_parallelism is the CPUs this process may use", function()
  local n = luv.available_parallelism()
  T.ok(is_integer(n), "an integer")
  T.le(1, n, "at least one")
  T.le(n, #luv.cpu_info(), "at most every CPU")
  -- nproc counts the affinity mask too (unless told otherwise by OMP_*).
  T.eq(n, tonumber(command_output("env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc")))
end)

-- `value` lies between two readings of another source, give or take slack.
local function between(value, a, b, slack, what)
  T.le(math.min(a, b) - slack, value, what)
  T.le(value, math.max(a, b) + slack, what)
end

T.case("loadavg is three non-negative numbers, the kernel's", function()
  local function proc() return read_file("/proc/loadavg"):match("^(%S+) (%S+) (%S+)") end
  local b1, b5, b15 = proc()
  local one, five, fifteen = luv.loadavg()
  local a1, a5, a15 = proc()
  T.eq(select("#", luv.loadavg()), 3)
  for _, v in ipairs({ one, five, fifteen }) do
    T.eq(type(v), "number") T.le(0, v, "load")
  end
  -- /proc rounds to hundredths; the kernel updates every 5 s.
  between(one, tonumber(b1), tonumber(a1), 0.011, "1 minute")
  between(five, tonumber(b5), tonumber(a5), 0.011, "5 minutes")
  between(fifteen, tonumber(b15), tonumber(a15), 0.011, "15 minutes")
end)

T.case("uptime is seconds since boot", function()
  local before = tonumber(read_file("/proc/uptime"):match("^(%S+)"))
  local uptime = luv.uptime()
  local after = tonumber(read_file("/proc/uptime"):match("^(%S+)"))
  T.eq(type(uptime), "number")
  between(uptime, before, after, 1, "uptime")
end)

T.case("rusage counts CPU time in seconds and memory in bytes", function()
  local before = luv.rusage()
  for _, key in ipairs({ "utime", "stime", "maxrss", "ixrss", "idrss", "isrss", "minflt",
      "majflt", "nswap", "inblock", "oublock", "msgsnd", "msgrcv", "nsignals", "nvcsw",
      "nivcsw" }) do
    T.eq(type(before[key]), "number", key)
    T.le(0, before[key], key)
  end
  for _, key in ipairs({ "maxrss", "minflt", "majflt", "nvcsw", "nivcsw" }) do
    T.ok(is_integer(before[key]), key .. " is an integer")
  end
  -- 100 ms of CPU in this process (os.clock is the process's CPU time),
  -- nearly all of it in user mode (os.clock itself is a system call).
  local start = os.clock()
  local x = 0
  while os.clock() - start < 0.1 do
    for i = 1, 100000 do x = x + i end
  end
  local after = luv.rusage()
  -- The kernel splits CPU time into user and system by sampling; the sum
  -- is exact.
  T.le(0.05, after.utime - before.utime, "user seconds of busy work")
  T.le(0.095, after.utime + after.stime - before.utime - before.stime, "CPU seconds")
  T.le(before.minflt, after.minflt, "minflt")
  -- The peak resident set in bytes: about /proc's VmHWM (kB), not 1/1024 of it.
  local hwm = tonumber(read_file("/proc/self/status"):match("VmHWM:%s*(%d+) kB")) * 1024
  T.le(hwm - 1048576, after.maxrss, "maxrss vs VmHWM")
  T.le(after.maxrss, luv.mem_total(), "maxrss vs mem_total")
end)

T.case("luv.cwd and luv.chdir are luv.fs.cwd and luv.fs.chdir", function()
  T.eq(luv.cwd, luv.fs.cwd)
  T.eq(luv.chdir, luv.fs.chdir)
  local start = luv.cwd()
  local dir = assert(os.getenv("TEST_TMPDIR"), "TEST_TMPDIR is not set")
  T.eq(luv.chdir(dir), true)
  T.eq(luv.cwd(), luv.fs.realpath(dir))
  T.eq(command_output("pwd -P"), luv.cwd(), "a child's working directory")
  local ok, err, code = luv.chdir(dir .. "/missing")
  T.eq(ok, nil) T.eq(code, "ENOENT") T.match(err, "^ENOENT: ")
  T.eq(luv.chdir(start), true)
  T.eq(luv.cwd(), start)
end)

T.run()
