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

# Builds luv.so (optimized) for the Lua interpreter given and copies it to
# OUT (a file): tools/build_for.sh INTERPRETER OUT [ROCK_PREFIX]
# The interpreter is asked which VM it is, so a path works as well as a
# name (luarocks passes the path of the one it installs for). Lua 5.1 and
# LuaJIT get the same build. Prints the directory below a prefix where that
# interpreter looks for C modules (lib/lua/5.x).
# ROCK_PREFIX, from the rockspec, is where luarocks keeps the rock
# (<tree>/lib/luarocks/rocks-5.x/luv/<version>): the build is refused if
# that tree's lib/lua/5.x would hide Debian's lua-luv
# (tools/check_shadowing.sh).
set -euo pipefail
lua=$1 out=$2 rock_prefix=${3:-}
vm=$("$lua" -e 'io.write(rawget(_G, "jit") and "luajit" or _VERSION:gsub("%D", ""))') ||
  { echo "tools/build_for.sh: cannot run $lua" >&2; exit 1; }
case $vm in
  51) config=() abi=5.1 ;;
  luajit) config=() abi=5.1 ;;
  52) config=(--config=lua52) abi=5.2 ;;
  53) config=(--config=lua53) abi=5.3 ;;
  54) config=(--config=lua54) abi=5.4 ;;
  *) echo "tools/build_for.sh: $lua is Lua '$vm'; luv supports 5.1 to 5.4 and LuaJIT" >&2; exit 2 ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -n "$rock_prefix" ]; then
  tools/check_shadowing.sh "$lua" "${rock_prefix%/lib/luarocks/rocks-*}/lib/lua/$abi"
fi
command -v bazel > /dev/null ||
  { echo "luv: Bazel is missing: run tools/bootstrap.sh (it installs the Debian packages of tools/packages.txt)" >&2; exit 1; }
bazel build -c opt "${config[@]}" //luv:luv.so >&2
built=$(bazel info -c opt "${config[@]}" bazel-bin 2> /dev/null)/luv/luv.so
mkdir -p "$(dirname "$out")"
install -m 755 "$built" "$out"
# An unpacked source rock is deleted after the build: stop its Bazel server.
[ -e .git ] || bazel shutdown 2> /dev/null || true
echo "lib/lua/$abi"
