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

-- luv.fs.readfile, writefile, mkdirp, walk; file:read() without a length
-- and file:lines().
local T = require("luvtest")
local luv = require("luv")

local base = assert(os.getenv("TEST_TMPDIR"), "TEST_TMPDIR is not set")
local dir = assert(luv.fs.mkdtemp(base .. "/helpers_XXXXXX"))
local serial = 0

local function path(name)
  serial = serial + 1
  return string.format("%s/%d_%s", dir, serial, name or "f")
end

local function make(content, p)
  p = p or path()
  local f = assert(io.open(p, "wb"))
  f:write(content)
  f:close()
  return p
end

local function bytes(n)
  local t = {}
  for i = 1, n do t[i] = string.char((i * 7 + math.floor(i / 251)) % 256) end
  return table.concat(t)
end

-- The error raised by fn must point at this file, not at luv's glue.
local function raises_here(pattern, fn)
  local message = T.raises(pattern, fn)
  T.match(message, "fs_helpers_test%.lua:%d+:", "raised at the caller")
end

T.case("readfile returns the whole file, binary and large", function()
  T.eq(luv.fs.readfile(make("")), "", "empty")
  T.eq(luv.fs.readfile(make("a\0b\r\n")), "a\0b\r\n", "binary")
  local big = bytes(3 * 1024 * 1024 + 17)
  T.eq(luv.fs.readfile(make(big)), big, "3 MiB and a bit")
end)

T.case("readfile fails with the path", function()
  local missing = path("missing")
  local message = T.failure("ENOENT", luv.fs.readfile(missing))
  T.ok(message:find(missing, 1, true), "names the path")
  T.failure("EISDIR", luv.fs.readfile(dir))
  raises_here("bad argument #1 to 'readfile' %(string expected, got nil%)", function()
    luv.fs.readfile()
  end)
  raises_here("bad argument #1 to 'readfile' %(path contains a NUL byte%)", function()
    luv.fs.readfile("a\0b")
  end)
end)

-- The names in the test directory that look like writefile's temporaries.
local function temporaries(d)
  local left = {}
  for _, name in ipairs(assert(luv.fs.readdir(d or dir))) do
    if name:find("%.tmp%-") then left[#left + 1] = name end
  end
  return table.concat(left, " ")
end

T.case("writefile creates and replaces, leaving no temporary", function()
  local p = path()
  T.eq(luv.fs.writefile(p, "first"), true, "create")
  T.eq(T.slurp(p), "first", "created")
  local big = bytes(2 * 1024 * 1024 + 3)
  T.eq(luv.fs.writefile(p, big), true, "replace")
  T.eq(T.slurp(p), big, "replaced")
  T.eq(luv.fs.writefile(p, ""), true, "empty")
  T.eq(T.slurp(p), "", "emptied")
  T.eq(luv.fs.writefile(p, 42), true, "a number")
  T.eq(T.slurp(p), "42", "as a string")
  T.eq(temporaries(), "", "temporaries left")
end)

T.case("writefile replaces the file by rename: an open reader keeps the old one", function()
  local p = make("old contents")
  local before = assert(luv.fs.stat(p)).ino
  local reader = assert(io.open(p, "rb"))
  T.eq(luv.fs.writefile(p, "new contents"), true, "write")
  T.eq(reader:read("*a"), "old contents", "the old file, whole")
  reader:close()
  T.eq(T.slurp(p), "new contents", "the new file")
  T.ok(assert(luv.fs.stat(p)).ino ~= before, "a new inode")
end)

T.case("writefile keeps the permissions of the file it replaces", function()
  local p = make("x")
  assert(luv.fs.chmod(p, "640"))
  T.eq(luv.fs.writefile(p, "y"), true, "write")
  T.eq(assert(luv.fs.stat(p)).perm, "640", "perm")
end)

T.case("writefile fails cleanly, leaving the old file and no temporary", function()
  local missing = path("nodir") .. "/file"
  T.failure("ENOENT", luv.fs.writefile(missing, "x"))
  -- Over a directory the rename fails: the directory stays, the temporary goes.
  local d = path("adir")
  assert(luv.fs.mkdir(d))
  make("keep", d .. "/inside")
  T.failure("EISDIR", luv.fs.writefile(d, "x"))
  T.eq(T.slurp(d .. "/inside"), "keep", "untouched")
  T.eq(temporaries(), "", "temporaries left")
  -- A read-only directory: nothing can be created in it (root can, though).
  local ro = path("ro")
  assert(luv.fs.mkdir(ro))
  local target = make("old", ro .. "/file")
  assert(luv.fs.chmod(ro, "555"))
  local ok, message, code = luv.fs.writefile(target, "new")
  assert(luv.fs.chmod(ro, "755"))
  if not ok then
    T.failure("EACCES", ok, message, code)
    T.eq(T.slurp(target), "old", "old file untouched")
  end
  T.eq(temporaries(ro), "", "temporaries left in ro")
end)

T.case("writefile checks its arguments", function()
  raises_here("bad argument #1 to 'writefile' %(string expected, got number%)", function()
    luv.fs.writefile(1, "x")
  end)
  raises_here("bad argument #2 to 'writefile' %(string expected, got nil%)", function()
    luv.fs.writefile(path(), nil)
  end)
end)

T.case("concurrent writefiles leave one whole version", function()
  local p = path()
  local a, b = string.rep("a", 300000), string.rep("b", 300000)
  local fa = luv.fiber.create(luv.fs.writefile, p, a)
  local fb = luv.fiber.create(luv.fs.writefile, p, b)
  fa:ready()
  fb:ready()
  T.eq(fa:join(), true, "a")
  T.eq(fb:join(), true, "b")
  local got = T.slurp(p)
  T.ok(got == a or got == b, "one whole version")
  T.eq(temporaries(), "", "temporaries left")
end)

T.case("mkdirp makes the parents and accepts an existing directory", function()
  local top = path("tree")
  local deep = top .. "/a/b/c"
  T.eq(luv.fs.mkdirp(deep, "700"), true, "create")
  T.eq(assert(luv.fs.stat(deep)).type, "directory", "made")
  T.eq(assert(luv.fs.stat(deep)).perm, "700", "mode on the last")
  T.eq(luv.fs.mkdirp(deep), true, "again")
  T.eq(luv.fs.mkdirp(top .. "/a"), true, "a parent")
  T.eq(luv.fs.mkdirp(top .. "/x/y/"), true, "trailing slash")
  T.eq(assert(luv.fs.stat(top .. "/x/y")).type, "directory", "made with a slash")
  T.eq(luv.fs.mkdirp(dir), true, "the test directory")
  T.eq(luv.fs.mkdirp("/"), true, "root")
end)

T.case("mkdirp fails on a file in the way", function()
  local file = make("x")
  local message = T.failure("EEXIST", luv.fs.mkdirp(file))
  T.ok(message:find(file, 1, true), "names the path")
  T.failure("ENOTDIR", luv.fs.mkdirp(file .. "/sub/dir"))
  raises_here("bad argument #2 to 'mkdirp'", function() luv.fs.mkdirp(path(), 755) end)
  raises_here("bad argument #2 to 'mkdirp'", function() luv.fs.mkdirp(path(), "9") end)
  raises_here("bad argument #1 to 'mkdirp'", function() luv.fs.mkdirp({}) end)
end)

T.case("walk lists the tree depth first, not following links", function()
  local top = path("walk")
  assert(luv.fs.mkdirp(top .. "/b/c"))
  make("1", top .. "/a")
  make("2", top .. "/b/c/d")
  make("3", top .. "/b/e")
  assert(luv.fs.symlink(top .. "/b", top .. "/link"))
  local list = assert(luv.fs.walk(top))
  local got = {}
  for i, entry in ipairs(list) do
    got[i] = entry.path:sub(#top + 2) .. ":" .. entry.type .. ":" .. entry.depth
  end
  T.eq(table.concat(got, " "),
    "a:file:1 b:directory:1 b/c:directory:2 b/c/d:file:3 b/e:file:2 link:link:1", "entries")
  T.eq(#assert(luv.fs.walk(top .. "/")), 6, "with a trailing slash")
  T.eq(#assert(luv.fs.walk(top .. "/b/c")), 1, "a subtree")
end)

T.case("walk is bounded and fails clearly", function()
  local top = path("bounded")
  assert(luv.fs.mkdirp(top .. "/1/2/3"))
  make("x", top .. "/1/2/3/f")
  T.eq(#assert(luv.fs.walk(top, { max_depth = 4 })), 4, "deep enough")
  local message = T.failure("E2BIG", luv.fs.walk(top, { max_depth = 3 }))
  T.match(message, "max_depth", "says which bound")
  T.eq(#assert(luv.fs.walk(top, { max_entries = 4 })), 4, "enough entries")
  message = T.failure("E2BIG", luv.fs.walk(top, { max_entries = 3 }))
  T.match(message, "max_entries", "says which bound")
  T.failure("ENOENT", luv.fs.walk(path("none")))
  T.failure("ENOTDIR", luv.fs.walk(make("x")))
  raises_here("bad argument #2 to 'walk' %(unknown option depth%)", function()
    luv.fs.walk(top, { depth = 1 })
  end)
  raises_here("bad argument #2 to 'walk' %(max_depth must", function()
    luv.fs.walk(top, { max_depth = -1 })
  end)
end)

T.case("file:read() without a length reads 64 KiB", function()
  local data = bytes(100000)
  local f = assert(luv.fs.open(make(data)))
  local n, chunk = f:read()
  T.eq(n, 65536, "first")
  T.eq(chunk, data:sub(1, 65536), "data")
  n, chunk = f:read(nil, 0)
  T.eq(n, 65536, "nil length with an offset")
  n, chunk = f:read()
  T.eq(n, 100000 - 65536, "rest")
  T.eq(f:read(), 0, "end")
  f:close()
end)

local function collect_lines(p)
  local f = assert(luv.fs.open(p))
  local got = {}
  for line in f:lines() do got[#got + 1] = "[" .. line .. "]" end
  f:close()
  return table.concat(got)
end

T.case("file:lines() gives the lines without newlines", function()
  T.eq(collect_lines(make("a\n\nbc\nlast")), "[a][][bc][last]", "lines")
  T.eq(collect_lines(make("one\n")), "[one]", "final newline")
  T.eq(collect_lines(make("")), "", "empty")
  local long = string.rep("x", 200000)
  T.eq(collect_lines(make("s\n" .. long .. "\nt")), "[s][" .. long .. "][t]", "long line")
end)

if T.vm ~= "lua51" then
  T.case("file:lines() suspends only its fiber where the VM allows", function()
    local p = make("1\n2\n3\n")
    local fiber = luv.fiber.create(collect_lines, p)
    fiber:ready()
    T.eq(fiber:join(), "[1][2][3]", "in a fiber")
  end)
end

T.case("the helpers work from fibers", function()
  local top = path("fibers")
  local fiber = luv.fiber.create(function()
    assert(luv.fs.mkdirp(top .. "/d"))
    assert(luv.fs.writefile(top .. "/d/f", "hello"))
    return luv.fs.readfile(top .. "/d/f"), #assert(luv.fs.walk(top))
  end)
  fiber:ready()
  local data, count = fiber:join()
  T.eq(data, "hello", "read back")
  T.eq(count, 2, "walked")
end)

T.run()
