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

-- A tree hasher: walks a directory, hashes every regular file with SHA-256
-- (a few files at once, each read in chunks by its own fiber), and prints
-- "<hex digest>  <path>" sorted by path, as `sha256sum` does, then the
-- SHA-256 of that listing: a digest of the whole tree.
--   bazel run //examples:tree_hash -- [DIRECTORY]
-- Without a directory it hashes a small tree it creates (and removes).
-- Symbolic links and other non-files are left out, as `find -type f` would.
local luv = require("luv")

local CONCURRENCY = 4        -- files hashed at once
local CHUNK = 64 * 1024      -- bytes per read

-- The SHA-256 of the file at `path`, in hexadecimal.
local function hash_file(path)
  local file = assert(luv.fs.open(path, "r"))
  local hash = luv.crypto.hash("sha256")
  while true do
    local n, data = file:read(CHUNK)
    assert(n, data)
    if n == 0 then break end
    hash:update(data)
  end
  file:close()
  return luv.crypto.hex(hash:digest())
end

-- The regular files below `root`, as paths relative to it, sorted bytewise.
local function list_files(root)
  local entries = assert(luv.fs.walk(root))
  local files = {}
  for _, entry in ipairs(entries) do
    if entry.type == "file" then files[#files + 1] = entry.path:sub(#root + 2) end
  end
  table.sort(files)
  return files
end

-- Hashes `files` (relative to `root`) with CONCURRENCY fibers that take the
-- next file in turn; returns their digests, in the same order.
local function hash_files(root, files)
  local digests, next_index = {}, 1
  local workers = {}
  for w = 1, math.min(CONCURRENCY, #files) do
    workers[w] = luv.fiber.create(function()
      while next_index <= #files do
        local i = next_index      -- fibers take turns only where they wait,
        next_index = i + 1        -- so taking the next index is safe
        digests[i] = hash_file(root .. "/" .. files[i])
      end
    end):ready()
  end
  for _, worker in ipairs(workers) do worker:join() end
  return digests
end

-- A sample tree: nested directories, an empty file, a file of several
-- chunks and a symbolic link (which is not hashed).
local function make_sample_tree()
  local root = assert(luv.fs.mkdtemp((luv.tmpdir() or "/tmp") .. "/tree-hash-XXXXXX"))
  assert(luv.fs.mkdirp(root .. "/src/lib"))
  assert(luv.fs.mkdirp(root .. "/docs"))
  assert(luv.fs.writefile(root .. "/README", "a sample tree\n"))
  assert(luv.fs.writefile(root .. "/empty", ""))
  assert(luv.fs.writefile(root .. "/docs/notes.txt", "one\ntwo\nthree\n"))
  assert(luv.fs.writefile(root .. "/src/main.lua", 'print("hello")\n'))
  assert(luv.fs.writefile(root .. "/src/lib/util.lua", "return {}\n"))
  local lines = {}
  for i = 1, 20000 do lines[i] = string.format("line %05d", i) end
  assert(luv.fs.writefile(root .. "/src/lib/big.txt", table.concat(lines, "\n") .. "\n"))
  assert(luv.fs.symlink("README", root .. "/link-to-readme"))
  return root
end

-- Removes the tree `make_sample_tree` made: walk lists each directory
-- before its contents, so going backwards empties directories first.
local function remove_tree(root)
  local entries = assert(luv.fs.walk(root))
  for i = #entries, 1, -1 do
    local entry = entries[i]
    if entry.type == "directory" then
      assert(luv.fs.rmdir(entry.path))
    else
      assert(luv.fs.unlink(entry.path))
    end
  end
  assert(luv.fs.rmdir(root))
end

local root = arg and arg[1]
local sample = not root
if sample then root = make_sample_tree() end
root = root:gsub("(.)/+$", "%1")   -- "dir/" and "dir" list the same paths

local files = list_files(root)
local digests = hash_files(root, files)
local listing = {}
for i, path in ipairs(files) do
  listing[i] = digests[i] .. "  " .. path .. "\n"
end
listing = table.concat(listing)
io.write(listing)
-- The tree's digest is the SHA-256 of the listing above, so
-- `sha256sum FILES... | sha256sum` (sorted the same way) gives it too.
print(luv.crypto.hex(luv.crypto.sha256(listing)) .. "  (tree: " .. #files .. " files)")

if sample then remove_tree(root) end
