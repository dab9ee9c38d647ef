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

-- examples/tree_hash.lua against `sha256sum`: the listing it prints for a
-- tree must be what sha256sum prints for the same files, sorted the same
-- way, and its last line the SHA-256 of that listing.
local T = require("luvtest")
local luv = require("luv")

local script = assert(arg and arg[1], "give the path of tree_hash.lua")

local function shell_quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- Runs tree_hash.lua (with `dir`, if given); returns its exit status and
-- output.
local function run_tree_hash(dir)
  local out = luv.pipe.create()
  local proc = assert(luv.process.spawn(assert(os.getenv("LUV_TEST_LUA")),
    { script, dir, stdout = out, stderr = "stdout" }))
  local output = T.read_all(out)
  out:close()
  local status = proc:wait()
  return status, output
end

-- What sha256sum prints for the regular files below `dir`, by relative
-- path, in bytewise order.
local function sha256sum_listing(dir)
  local pipe = assert(io.popen("cd " .. shell_quote(dir) ..
    " && find . -type f -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 -r sha256sum"))
  local listing = pipe:read("*a")
  pipe:close()
  return listing
end

-- Splits the output into the listing and the tree digest (its last line).
local function split_output(output)
  local listing, tree, count = output:match("^(.-)(%x+)  %(tree: (%d+) files%)\n$")
  T.ok(listing, "output ends with the tree digest: " .. output)
  return listing, tree, tonumber(count)
end

local function count_lines(s)
  local n = 0
  for _ in s:gmatch("\n") do n = n + 1 end
  return n
end

local function write(path, data)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
end

T.case("a tree's listing is sha256sum's, its digest that of the listing", function()
  local dir = assert(luv.fs.mkdtemp((os.getenv("TEST_TMPDIR") or "/tmp") .. "/tree-XXXXXX"))
  assert(luv.fs.mkdirp(dir .. "/a/b/c"))
  assert(luv.fs.mkdirp(dir .. "/empty-dir"))
  assert(luv.fs.mkdirp(dir .. "/z"))
  write(dir .. "/empty", "")
  write(dir .. "/with space.txt", "spaces in the name\n")
  write(dir .. "/A-upper", "sorted before a-lower bytewise\n")
  write(dir .. "/a-lower", "after A-upper\n")
  write(dir .. "/a/b/c/deep", "deep down\n")
  write(dir .. "/z/binary", "\0\1\2\255\254" .. string.rep("x", 10))
  -- Several read chunks, and not a multiple of the chunk size.
  local parts = {}
  for i = 1, 30000 do parts[i] = tostring(i * 7919 % 100003) end
  write(dir .. "/a/big", table.concat(parts, ","))
  for i = 1, 12 do write(string.format("%s/z/f%02d", dir, i), "file " .. i .. "\n") end
  assert(luv.fs.symlink("a-lower", dir .. "/link"))   -- not a regular file

  -- With and without a trailing slash.
  for _, arg_dir in ipairs({ dir, dir .. "/" }) do
    local status, output = run_tree_hash(arg_dir)
    T.eq(status, 0, "exit status: " .. output)
    local listing, tree, count = split_output(output)
    local expected = sha256sum_listing(dir)
    T.eq(count_lines(expected), 19, "sha256sum's files")
    T.eq(listing, expected, "listing")
    T.eq(count, 19, "files counted")
    T.eq(tree, luv.crypto.hex(luv.crypto.sha256(listing)), "tree digest")
    local pipe = assert(io.popen("printf '%s' " .. shell_quote(listing) .. " | sha256sum"))
    T.eq(pipe:read("*a"), tree .. "  -\n", "sha256sum of the listing")
    pipe:close()
  end
end)

T.case("without a directory it hashes its own sample tree", function()
  local status, output = run_tree_hash(nil)
  T.eq(status, 0, "exit status: " .. output)
  local listing, tree, count = split_output(output)
  T.eq(count, 6, "files in the sample tree")
  T.eq(count_lines(listing), 6, "listing lines")
  T.match(listing, "^%x+  README\n%x+  docs/notes%.txt\n%x+  empty\n" ..
    "%x+  src/lib/big%.txt\n%x+  src/lib/util%.lua\n%x+  src/main%.lua\n$")
  -- The empty file's digest is well known.
  T.match(listing, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty\n")
  T.eq(tree, luv.crypto.hex(luv.crypto.sha256(listing)), "tree digest")
end)

T.case("a directory that does not exist fails", function()
  local status, output = run_tree_hash((os.getenv("TEST_TMPDIR") or "/tmp") .. "/no-such-dir")
  T.le(1, status, "exit status")
  T.match(output, "ENOENT")
end)

T.run()
