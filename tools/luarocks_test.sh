#!/usr/bin/env bash
# Copyright 2026 The luv Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

# The packaging test (a step of .ci/run, not a Bazel test: it runs Bazel
# itself). Checks that
#   - luv-<version>-1.rockspec carries luv/version.bzl's version and lints;
#   - `luarocks make --tree <temporary tree>` for Lua 5.1 builds luv.so
#     through Bazel and installs it, and a plain lua5.1 with that tree's path
#     (`luarocks path`) loads our luv (its _VERSION, which luvit's lua-luv
#     does not have);
#   - tools/make_src_rock.sh packs HEAD as a source rock, and `luarocks
#     build` of that file alone installs it for Lua 5.4 the same way; a
#     missing system library stops it with LuaRocks' own message, a missing
#     Bazel with one line naming tools/bootstrap.sh;
#   - tools/install.sh --prefix <temporary dir> does the same for every VM,
#     and refuses a directory that would hide Debian's lua-luv.
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

# Installs from the rock that the command ($2...) names into tree$1.
rock_install() {
  local v=$1
  shift
  echo "luarocks --lua-version $v $* --tree $work/tree$v" >&2
  luarocks --lua-version $v "$@" --tree "$work/tree$v" >&2 || fail "luarocks $* ($v) failed"
}

rock_install 5.1 make "$rockspec"
srcrock=$(tools/make_src_rock.sh "$work") || fail "tools/make_src_rock.sh"
[ "$(basename "$srcrock")" = "luv-$version-1.src.rock" ] || fail "make_src_rock made $srcrock"
rock_install 5.4 build "$srcrock"

# What a machine without the packages sees.
out=$(luarocks --lua-version 5.4 build --tree "$work/missing" "$srcrock" LIBZMQ_INCDIR="$work" 2>&1) &&
  fail "luarocks build without zmq.h succeeded"
echo "$out" | grep -q "Could not find header file for LIBZMQ" ||
  fail "no LuaRocks message for a missing libzmq: $out"
mkdir "$work/nobazel"
for program in /usr/bin/*; do
  [ "${program##*/}" = bazel ] || ln -s "$program" "$work/nobazel/"
done
out=$(PATH=$work/nobazel luarocks --lua-version 5.4 --lua-dir /usr build --tree "$work/missing" "$srcrock" 2>&1) &&
  fail "luarocks build without Bazel succeeded"
echo "$out" | grep -q "^luv: Bazel is missing: run tools/bootstrap.sh" ||
  fail "no one-line message for a missing Bazel: $out"

for v in 5.1 5.4; do
  [ -f "$work/tree$v/lib/lua/$v/luv.so" ] || fail "luarocks installed no lib/lua/$v/luv.so"
  got=$(eval "$(luarocks --lua-version $v --tree "$work/tree$v" path)" &&
    lua$v -e 'io.write(tostring(require("luv")._VERSION))') || fail "require('luv') from the $v rocks tree"
  [ "$got" = "luv $version" ] || fail "lua$v loaded _VERSION $got from the rocks tree, expected luv $version"
  luarocks --lua-version $v --tree "$work/tree$v" list --porcelain | grep -q "^luv	$version-1" ||
    fail "luarocks list ($v) does not show luv $version-1"
  rockdir=$(luarocks --lua-version $v --tree "$work/tree$v" show --rock-dir luv)
  head -n 1 "$rockdir/types/luv.lua" | grep -q "^---@meta" || fail "the rock ($v) has no types/luv.lua"
done

for lua in lua5.1 luajit lua5.2 lua5.3 lua5.4; do
  abi=${lua#lua}
  [ "$lua" = luajit ] && abi=5.1
  tools/install.sh --lua $lua --prefix "$work/$lua" >&2 || fail "tools/install.sh --lua $lua"
  got=$(LUA_CPATH="$work/$lua/lib/lua/$abi/?.so" $lua -e 'io.write(tostring(require("luv")._VERSION))') ||
    fail "$lua cannot load what tools/install.sh installed"
  [ "$got" = "luv $version" ] || fail "$lua loaded _VERSION $got, expected luv $version"
  [ -f "$work/$lua/share/luv/types/luv.lua" ] || fail "tools/install.sh --lua $lua installed no annotations"
done
# An install that would hide Debian's lua-luv is refused, unless asked for.
for lua in lua5.1 lua5.4; do
  abi=${lua#lua}
  if [ -f "/usr/lib/x86_64-linux-gnu/lua/$abi/luv.so" ]; then
    out=$(tools/check_shadowing.sh $lua "/usr/local/lib/lua/$abi" 2>&1) &&
      fail "check_shadowing let /usr/local hide Debian's lua-luv for $lua"
    echo "$out" | grep -q "refusing to install into /usr/local/lib/lua/$abi" ||
      fail "check_shadowing's refusal does not say where: $out"
    LUV_SHADOW_DEBIAN_LUV=1 tools/check_shadowing.sh $lua "/usr/local/lib/lua/$abi" 2> /dev/null ||
      fail "LUV_SHADOW_DEBIAN_LUV=1 did not let the install go ahead"
  fi
  tools/check_shadowing.sh $lua "$work/$lua/lib/lua/$abi" || fail "check_shadowing refused a private prefix"
done
echo "luarocks_test: ok"
