#!/usr/bin/env bash
# The packaging test (a step of .ci/run, not a Bazel test: it runs Bazel
# itself). Checks that
#   - luv-<version>-1.rockspec carries luv/version.bzl's version and lints;
#   - `luarocks make --tree <temporary tree>` for Lua 5.1 and 5.4 builds
#     luv.so through Bazel and installs it, and a plain lua5.x with that
#     tree's path (`luarocks path`) loads our luv (its _VERSION, which
#     luvit's lua-luv does not have);
#   - tools/install.sh --prefix <temporary dir> does the same for every VM.
# Prints "luarocks_test: ok" and exits 0, or says what failed and exits 1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/luv-luarocks.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "luarocks_test: $*" >&2; exit 1; }

version=$(sed -n 's/^LUV_VERSION = "\(.*\)"$/\1/p' luv/version.bzl)
rockspec=luv-$version-1.rockspec
[ -f "$rockspec" ] || fail "no $rockspec for luv/version.bzl's version $version"
grep -qx "version = \"$version-1\"" "$rockspec" || fail "$rockspec does not say version = \"$version-1\""
luarocks --lua-version 5.1 lint "$rockspec" || fail "luarocks lint $rockspec"

# luarocks make for each PUC Lua, each into its own tree.
for v in 5.1 5.4; do
  echo "luarocks --lua-version $v make --tree $work/tree$v $rockspec" >&2
  luarocks --lua-version $v make --tree "$work/tree$v" "$rockspec" >&2 || fail "luarocks make ($v) failed"
  [ -f "$work/tree$v/lib/lua/$v/luv.so" ] || fail "luarocks installed no lib/lua/$v/luv.so"
  got=$(eval "$(luarocks --lua-version $v --tree "$work/tree$v" path)" &&
    lua$v -e 'io.write(tostring(require("luv")._VERSION))') || fail "require('luv') from the $v rocks tree"
  [ "$got" = "luv $version" ] || fail "lua$v loaded _VERSION $got from the rocks tree, expected luv $version"
  luarocks --lua-version $v --tree "$work/tree$v" list --porcelain | grep -q "^luv	$version-1" ||
    fail "luarocks list ($v) does not show luv $version-1"
done

for lua in lua5.1 luajit lua5.2 lua5.3 lua5.4; do
  abi=${lua#lua}
  [ "$lua" = luajit ] && abi=5.1
  tools/install.sh --lua $lua --prefix "$work/$lua" >&2 || fail "tools/install.sh --lua $lua"
  got=$(LUA_CPATH="$work/$lua/lib/lua/$abi/?.so" $lua -e 'io.write(tostring(require("luv")._VERSION))') ||
    fail "$lua cannot load what tools/install.sh installed"
  [ "$got" = "luv $version" ] || fail "$lua loaded _VERSION $got, expected luv $version"
done
echo "luarocks_test: ok"
