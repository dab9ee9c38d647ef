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

-- Child processes: spawn, wait, kill, stdio through pipes and streams.
local T = require("luvtest")
local luv = require("luv")

T.case("spawn returns a process at once; wait gives exit status and signal", function()
  local proc = luv.process.spawn("sh", { "-c", "exit 3" })
  T.match(tostring(proc), "^luv.process: ")
  T.eq(type(proc.pid), "number")
  T.ok(proc.pid > 0, "pid")
  local status, signal = proc:wait()
  T.eq(status, 3) T.eq(signal, 0)
  T.eq(select("#", proc:wait()), 2, "waiting again returns at once")
  T.eq((proc:wait()), 3)
  local ok, err, code = proc:kill()
  T.eq(ok, nil) T.eq(code, "ESRCH") T.match(err, "has exited")
end)

T.case("a child's stdout is read through a pipe while it runs", function()
  local out = luv.pipe.create()
  local proc = luv.process.spawn("sh", {
    "-c", "for i in 1 2 3; do echo line $i; done; echo to stderr >&2",
    stdout = out, stderr = false,
  })
  T.eq(proc.stdout, out, "the pipe is proc.stdout")
  T.eq(T.read_all(out), "line 1\nline 2\nline 3\n")
  T.eq((proc:wait()), 0)
  out:close()
end)

T.case("stdin written to cat comes back on its stdout", function()
  local input, output = luv.pipe.create(), luv.pipe.create()
  local cat = luv.process.spawn("cat", { stdin = input, stdout = output })
  local parts = {}
  for i = 1, 20000 do parts[i] = string.format("%050d\n", i) end
  local text = table.concat(parts)  -- 1 MiB, more than a pipe holds
  local reader = luv.fiber.create(T.read_all, output):ready()
  T.eq(input:write(text), true)
  T.eq(input:shutdown(), true)  -- cat reads EOF and exits
  local echoed = reader:join()
  T.eq(#echoed, #text)
  T.ok(echoed == text, "cat echoed every byte")
  T.eq((cat:wait()), 0)
  input:close() output:close()
end)

T.case("kill ends a child with a signal, by name or number", function()
  local sleeper = luv.process.spawn("sleep", { "30" })
  T.eq(sleeper:kill(0), true, "signal 0: alive")
  T.eq(sleeper:kill(), true)  -- SIGTERM
  local status, signal = sleeper:wait()
  T.eq(status, 0) T.eq(signal, 15)
  for _, name in ipairs({ "SIGKILL", "KILL", "kill", 9 }) do
    local child = luv.process.spawn("sleep", { "30" })
    T.eq(child:kill(name), true)
    T.eq(select(2, child:wait()), 9, tostring(name))
  end
  local child = luv.process.spawn("sleep", { "30" })
  T.raises("unknown signal 'SIGNOPE'", child.kill, child, "SIGNOPE")
  T.raises("bad argument #2", child.kill, child, 65)
  T.raises("bad argument #2", child.kill, child, {})
  child:kill("SIGINT")
  T.eq(select(2, child:wait()), 2)
end)

T.case("a missing program fails cleanly", function()
  local ok, err, code = luv.process.spawn("no-such-program-for-luv")
  T.eq(ok, nil) T.eq(code, "ENOENT")
  T.eq(err, "ENOENT: no such file or directory: no-such-program-for-luv")
  local out = luv.pipe.create()
  ok, err, code = luv.process.spawn("/nonexistent/prog", { stdout = out })
  T.eq(ok, nil) T.eq(code, "ENOENT")
  -- The fresh pipe given to it is closed: it had no child at the other end.
  ok, err, code = out:read()
  T.eq(ok, nil) T.eq(code, "EBADF")
end)

T.case("env (as a map or NAME=value list) and cwd", function()
  local out = luv.pipe.create()
  local proc = luv.process.spawn("sh", {
    "-c", 'echo "$GREETING $NAME $(pwd)"',
    env = { GREETING = "hello", "NAME=world", PATH = os.getenv("PATH") },
    cwd = "/",
    stdout = out,
  })
  T.eq(T.read_all(out), "hello world /\n")
  T.eq((proc:wait()), 0)
  out:close()
  local ok, err, code = luv.process.spawn("true", { cwd = "/no/such/dir" })
  T.eq(ok, nil) T.eq(code, "ENOENT")
end)

T.case("arguments are passed as they are, numbers converted", function()
  local out = luv.pipe.create()
  local proc = luv.process.spawn("printf", { "[%s]", "two words", "", 42, "$HOME", stdout = out })
  T.eq(T.read_all(out), "[two words][][42][$HOME]")
  proc:wait()
  out:close()
end)

T.case("stdio may be ignored, inherited, or an open stream", function()
  -- stdin ignored: cat reads EOF at once.
  local out = luv.pipe.create()
  local cat = luv.process.spawn("cat", { stdin = "ignore", stdout = out })
  T.eq(T.read_all(out), "")
  T.eq((cat:wait()), 0)
  out:close()
  -- stdout an open TCP stream: the child writes into the socket.
  local server = luv.net.tcp()
  server:bind("127.0.0.1", 0)
  server:listen()
  local client = luv.net.tcp()
  local connected = luv.fiber.create(function()
    return client:connect("127.0.0.1", server:getsockname().port)
  end):ready()
  local accepted = luv.net.tcp()
  server:accept(accepted)
  T.eq(connected:join(), true)
  local echo = luv.process.spawn("echo", { "through a socket", stdout = accepted })
  echo:wait()
  accepted:close()
  T.eq(T.read_all(client), "through a socket\n")
  client:close() server:close()
  -- stdout luv.stdout: the child writes to this process's stdout.
  local code, output = T.run_lua([[
    local luv = require("luv")
    io.stdout:setvbuf("no")
    local p = luv.process.spawn("echo", { "child output", stdout = luv.stdout })
    p:wait()
    io.write("parent done\n")
  ]])
  T.eq(code, 0) T.eq(output, "child output\nparent done\n")
end)

T.case("bad options raise clear errors", function()
  T.raises("bad argument #1", luv.process.spawn)
  T.raises("bad argument #2", luv.process.spawn, "true", "args")
  T.raises("unknown option 'stdot'", luv.process.spawn, "true", { stdot = false })
  T.raises("an argument must be a string", luv.process.spawn, "true", { {} })
  T.raises("NUL", luv.process.spawn, "true", { "a\0b" })
  T.raises("env must be a table", luv.process.spawn, "true", { env = "A=1" })
  T.raises("not NAME=value", luv.process.spawn, "true", { env = { "NOEQUALS" } })
  T.raises("has '='", luv.process.spawn, "true", { env = { ["A=B"] = "1" } })
  T.raises("option stdout must be", luv.process.spawn, "true", { stdout = {} })
  T.raises("option stdin must be", luv.process.spawn, "true", { stdin = -1 })
  T.raises("option stderr is a stream that is not open", luv.process.spawn, "true",
           { stderr = luv.net.tcp() })
  local closed = luv.pipe.create()
  closed:close()
  T.raises("closed stream", luv.process.spawn, "true", { stdout = closed })
  local same = luv.pipe.create()
  T.raises("same fresh pipe", luv.process.spawn, "true", { stdout = same, stderr = same })
  same:close()
  T.raises("bad argument #1", luv.process.spawn(("true")).wait, {})
end)

T.case("a child whose process object was collected is still reaped", function()
  local out = luv.pipe.create()
  local pid = luv.process.spawn("sh", { "-c", "echo done", stdout = out }).pid
  collectgarbage("collect")
  collectgarbage("collect")
  T.eq(T.read_all(out), "done\n")  -- the child has exited (or is about to)
  out:close()
  local deadline = luv.hrtime() + 5e9
  while io.open("/proc/" .. pid .. "/status") and luv.hrtime() < deadline do
    luv.sleep(0.01)
  end
  T.eq(io.open("/proc/" .. pid .. "/status"), nil, "no zombie left behind")
end)

T.case("a detached child runs in its own session and can still be waited for", function()
  local child = luv.process.spawn("sleep", { "30", detach = true })
  local f = assert(io.open("/proc/" .. child.pid .. "/stat"))
  local stat = f:read("*a")
  f:close()
  local session = tonumber(stat:match("^%d+ %b() %S+ %d+ %d+ (%d+)"))
  T.eq(session, child.pid, "session leader")
  T.eq(child:kill(), true)
  T.eq(select(2, child:wait()), 15)
end)

T.case("many children in parallel, each waited for by its own fiber", function()
  local fibers = {}
  for i = 1, 20 do
    fibers[i] = luv.fiber.create(function()
      local out = luv.pipe.create()
      local p = luv.process.spawn("sh", { "-c", "echo $0", tostring(i), stdout = out })
      local text = T.read_all(out)
      out:close()
      return text, (p:wait())
    end):ready()
  end
  for i = 1, 20 do
    local text, status = fibers[i]:join()
    T.eq(text, i .. "\n") T.eq(status, 0)
  end
end)

T.case("env_add adds to the inherited environment, or to env", function()
  assert(luv.setenv("LUV_INHERITED", "kept"))
  local out = luv.pipe.create()
  local p = luv.process.spawn("sh", { "-c", 'echo "$LUV_INHERITED|$LUV_ADDED|$PATH_SEEN"',
    env_add = { LUV_ADDED = "yes", "PATH_SEEN=${PATH}" }, stdout = out })
  T.eq(T.read_all(out), "kept|yes|${PATH}\n")
  T.eq(p:wait(), 0)
  out:close()
  -- An added name replaces the inherited one; with env, adds to that.
  out = luv.pipe.create()
  p = luv.process.spawn("sh", { "-c", 'echo "$HOME|$ONLY|${USER-unset}"',
    env = { ONLY = "1", HOME = "/nowhere" }, env_add = { HOME = "/added" }, stdout = out })
  T.eq(T.read_all(out), "/added|1|unset\n")
  T.eq(p:wait(), 0)
  out:close()
  T.raises("has '='", luv.process.spawn, "true", { env_add = { ["A=B"] = "1" } })
  T.raises("env_add must be a table", luv.process.spawn, "true", { env_add = "A=1" })
end)

T.case("stderr = \"stdout\" merges the child's stderr into its stdout", function()
  local out = luv.pipe.create()
  local p = luv.process.spawn("sh", { "-c", "echo one; echo two >&2; echo three",
    stdout = out, stderr = "stdout" })
  T.eq(p.stderr, out, "proc.stderr is the stdout pipe")
  T.eq(T.read_all(out), "one\ntwo\nthree\n")
  T.eq(p:wait(), 0)
  out:close()
  T.raises("option stdout must be", luv.process.spawn, "true", { stdout = "stdout" })
end)

T.case("an open luv.file can be a child's stdin or stdout", function()
  local dir = assert(luv.fs.mkdtemp((os.getenv("TEST_TMPDIR") or "/tmp") .. "/procXXXXXX"))
  local path = dir .. "/out.txt"
  local file = assert(luv.fs.open(path, "w"))
  local p = luv.process.spawn("sh", { "-c", "echo to-file; echo err-too >&2",
    stdout = file, stderr = "stdout" })
  T.eq(p:wait(), 0)
  assert(file:close())
  local input = assert(luv.fs.open(path, "r"))
  local out = luv.pipe.create()
  p = luv.process.spawn("cat", { stdin = input, stdout = out })
  T.eq(T.read_all(out), "to-file\nerr-too\n")
  T.eq(p:wait(), 0)
  out:close()
  assert(input:close())
  T.raises("closed file", luv.process.spawn, "true", { stdin = input })
  assert(luv.fs.unlink(path))
  assert(luv.fs.rmdir(dir))
end)

T.case("uid and gid run the child as another user (root only)", function()
  local out = luv.pipe.create()
  local p = luv.process.spawn("id", { "-u", stdout = out })
  local me = T.read_all(out)
  p:wait()
  out:close()
  out = luv.pipe.create()
  local child, err, code = luv.process.spawn("id", { stdout = out, uid = 65534, gid = 65534 })
  if me == "0\n" then
    T.ok(child, err)
    T.match(T.read_all(out), "^uid=65534.-gid=65534")
    T.eq(child:wait(), 0)
  else
    T.eq(child, nil)
    T.eq(code, "EPERM", err)
  end
  out:close()
  T.raises("uid must be an integer", luv.process.spawn, "true", { uid = "root" })
  T.raises("gid must be an integer", luv.process.spawn, "true", { gid = -1 })
end)

T.case("a process is a waitable of luv.select", function()
  local p = luv.process.spawn("sleep", { "0.05" })
  local timer = luv.timer.create()
  timer:start(5000, 0)
  T.eq(luv.select(timer, p), p)
  T.eq(p:wait(), 0)
  T.eq(luv.select(p), p, "an exited process is ready at once")
  timer:close()
end)

T.case("wait with a deadline, then kill: the documented idiom", function()
  local p = luv.process.spawn("sleep", { "30" })
  local status, err, code = luv.timeout(0.05, p.wait, p)
  T.eq(status, nil)
  T.eq(code, "ETIMEDOUT", err)
  assert(p:kill())
  local exit, signal = p:wait()
  T.eq(exit, 0)
  T.eq(signal, 15)
end)

T.case("luv.process.kill signals any process by pid", function()
  local p = luv.process.spawn("sleep", { "30" })
  T.eq(luv.process.kill(p.pid, 0), true, "signal 0 checks it exists")
  T.eq(luv.process.kill(p.pid, "usr1"), true)
  local _, signal = p:wait()
  T.eq(signal, 10)
  local ok, err, code = luv.process.kill(p.pid, "TERM")
  T.eq(ok, nil)
  T.eq(code, "ESRCH", err)
  T.raises("pid must be a positive integer", luv.process.kill, 0)
  T.raises("pid must be a positive integer", luv.process.kill, -5)
  T.raises("pid must be a positive integer", luv.process.kill, 1.5)
  T.raises("bad argument #1", luv.process.kill, {})
  T.raises("unknown signal 'SIGNOPE'", luv.process.kill, 1, "SIGNOPE")
  T.raises("signal numbers go from 0 to", luv.process.kill, 1, 65)
end)

T.run()
