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

-- LuaRocks package of luv for Lua 5.1 (and LuaJIT: the same build), 5.2,
-- 5.3 and 5.4. In a clone, `luarocks make` (with --lua-version) builds
-- luv.so with Bazel for that Lua and installs it as `luv`;
-- tools/make_src_rock.sh packs the checked-out commit as a source rock
-- that `luarocks build luv-<version>-1.src.rock` installs offline. Either
-- needs Debian 12 with the packages of tools/packages.txt (run
-- tools/bootstrap.sh). The version is luv/version.bzl's;
-- tools/luarocks_test.sh checks both agree and that `require("luv")` works
-- from the installed tree.
rockspec_format = "3.0"
package = "luv"
version = "0.1.0-1"
source = {
  -- `luarocks make` builds the working copy it runs in; a source rock
  -- made by tools/make_src_rock.sh carries the archive this names.
  url = "git+file:.",
}
description = {
  summary = "Fibers on libuv, OS threads, channels, ØMQ and a safe binary codec",
  detailed = [[
Blocking-looking calls suspend only the calling fiber (a scheduled
coroutine) while libuv's event loop keeps the rest running; real OS
threads with their own Lua states; ZeroMQ in the same loop; a fast codec
that is safe on hostile input. Not luvit's luv (Debian lua-luv), which
installs a different module of the same name.
]],
  license = "Apache-2.0",
}
dependencies = {
  "lua >= 5.1, < 5.5",
}
-- Checked before building, with LuaRocks' own message when one is missing
-- (Debian: libuv1-dev, libzmq3-dev, libsodium-dev).
external_dependencies = {
  LIBUV = { header = "uv.h", library = "uv" },
  LIBZMQ = { header = "zmq.h", library = "zmq" },
  LIBSODIUM = { header = "sodium.h", library = "sodium" },
}
build = {
  type = "command",
  -- Built for the interpreter luarocks installs for, staged in the source
  -- tree; refused if the rocks tree would hide Debian's lua-luv.
  build_command = "tools/build_for.sh '$(LUA)' .rock/luv.so '$(PREFIX)'",
  install = {
    lib = { luv = ".rock/luv.so" },
  },
  -- LuaLS annotations, for editors: <rock dir>/types/luv.lua
  -- (`luarocks show --rock-dir luv`).
  copy_directories = { "types" },
}
