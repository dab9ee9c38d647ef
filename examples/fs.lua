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

-- The filesystem: a fiber writes a file and reads it back while the main
-- state waits for it, then the main state lists, stats and removes.
--   bazel run //examples:fs
local luv = require("luv")

local tmp = os.getenv("TEST_TMPDIR") or "/tmp"
local dir = luv.fs.mkdtemp(tmp .. "/luv-fs-XXXXXX")

local f1 = luv.fiber.create(function(path)
   local file = luv.fs.open(path, "w+", "644")
   -- writes without an offset follow each other
   print("WRITE:", file:write("Hello World!\n"))
   print("WRITE:", file:write("from a fiber\n"))

   -- read from the start
   local nbytes, data = file:read(1024, 0)
   print("READ:", nbytes)
   io.write(data)

   local stat = file:stat()
   print("SIZE:", stat.size, "PERM:", stat.perm, "IS_FILE:", stat.is_file)
   file:close()
end, dir .. "/hello.txt")

f1:join()

luv.fs.mkdir(dir .. "/subdir")
local entries = luv.fs.readdir(dir)
for i = 1, #entries do
   print("ENTRY:", entries[i], luv.fs.stat(dir .. "/" .. entries[i]).type)
end

print("UNLINK:", luv.fs.unlink(dir .. "/hello.txt"))
-- failures return false, a message and the error's name
print("STAT:", luv.fs.stat(dir .. "/hello.txt"))

luv.fs.rmdir(dir .. "/subdir")
luv.fs.rmdir(dir)
