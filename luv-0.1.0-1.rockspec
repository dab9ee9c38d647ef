-- LuaRocks package of luv for Lua 5.1, 5.2, 5.3 and 5.4: `luarocks make`
-- (with --lua-version) in a clone of the repository builds luv.so with
-- Bazel for that Lua (Debian 12 with the packages of tools/packages.txt;
-- ./luvw installs them) and installs it as `luv`. The version is
-- luv/version.bzl's; tools/luarocks_test.sh checks both agree and that
-- `require("luv")` works from the installed tree. For LuaJIT use
-- tools/install.sh --lua luajit.
rockspec_format = "3.0"
package = "luv"
version = "0.1.0-1"
source = {
  -- `luarocks make` builds the working copy it runs in; there is no
  -- published archive to download.
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
build = {
  type = "command",
  -- Built for the interpreter luarocks installs for, staged in the clone.
  build_command = "tools/build_for.sh '$(LUA)' .rock/luv.so",
  install = {
    lib = { luv = ".rock/luv.so" },
  },
}
