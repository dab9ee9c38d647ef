-- LuaRocks package of luv for Lua 5.1: `luarocks make` in a clone of the
-- repository builds luv.so with Bazel (Debian 12 with the packages of
-- tools/packages.txt; ./luvw installs them) and installs it as `luv`.
-- The version is luv/version.bzl's; tools/luarocks_test.sh checks both
-- agree and that `require("luv")` works from the installed tree. For
-- LuaJIT use tools/install.sh --lua luajit.
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
  "lua >= 5.1, < 5.2",
}
build = {
  type = "command",
  -- bazel-bin points at the optimized build once this has run.
  build_command = "bazel build -c opt //luv:luv.so",
  install = {
    lib = { luv = "bazel-bin/luv/luv.so" },
  },
}
