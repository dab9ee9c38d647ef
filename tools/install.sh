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

# Builds luv.so (optimized) and installs it where a Lua interpreter finds it:
#   tools/install.sh [--lua lua5.1|luajit|lua5.2|lua5.3|lua5.4] [--prefix DIR]
#                    [--shadow-debian-luv]
# Each VM looks in DIR/lib/lua/<its version> (Lua 5.1 and LuaJIT share
# lib/lua/5.1 and one build). A build for one VM refuses another by name.
# The default DIR, /usr/local, comes before Debian's own modules on the
# cpath: if Debian's lua-luv (luvit's binding, also named luv) is installed
# for that Lua, the install is refused unless --shadow-debian-luv says to
# hide it (tools/check_shadowing.sh). With a DIR off the default path, the
# script prints the LUA_CPATH to use.
set -euo pipefail
lua=lua5.1 prefix=/usr/local
while [ $# -gt 0 ]; do
  case $1 in
    --lua) lua=$2; shift ;;
    --prefix) prefix=$2; shift ;;
    --shadow-debian-luv) export LUV_SHADOW_DEBIAN_LUV=1 ;;
    *) echo "usage: tools/install.sh [--lua lua5.1|luajit|lua5.2|lua5.3|lua5.4] [--prefix DIR] [--shadow-debian-luv]" >&2; exit 2 ;;
  esac
  shift
done
case $lua in
  lua5.1 | luajit | lua5.2 | lua5.3 | lua5.4) ;;
  *) echo "tools/install.sh: --lua must be lua5.1, luajit, lua5.2, lua5.3 or lua5.4, not $lua" >&2; exit 2 ;;
esac
command -v "$lua" > /dev/null || { echo "tools/install.sh: $lua is not installed" >&2; exit 1; }

cd "$(dirname "${BASH_SOURCE[0]}")/.."
abi=$("$lua" -e 'io.write(rawget(_G, "jit") and "5.1" or _VERSION:match("%d+%.%d+"))')
tools/check_shadowing.sh "$lua" "$prefix/lib/lua/$abi"
version=$(sed -n 's/^LUV_VERSION = "\(.*\)"$/\1/p' luv/version.bzl)
echo "building luv $version for $lua..." >&2
staged=$(mktemp -d)
trap 'rm -rf "$staged"' EXIT
libdir=$(tools/build_for.sh "$lua" "$staged/luv.so")
dest=$prefix/$libdir
mkdir -p "$dest"
install -m 755 "$staged/luv.so" "$dest/luv.so"
echo "installed $dest/luv.so" >&2
# Editors' annotations (LuaLS: add the directory to workspace.library).
mkdir -p "$prefix/share/luv/types"
install -m 644 types/luv.lua "$prefix/share/luv/types/luv.lua"
echo "installed $prefix/share/luv/types/luv.lua (LuaLS annotations)" >&2

# The installed file must load, and be ours (luvit's luv has no _VERSION).
LUA_CPATH="$dest/?.so" "$lua" -e "
  local v = require('luv')._VERSION
  assert(v == 'luv $version', 'loaded ' .. tostring(v) .. ', expected luv $version')"
if env -u LUA_CPATH -u LUA_CPATH_5_1 -u LUA_CPATH_5_2 -u LUA_CPATH_5_3 -u LUA_CPATH_5_4 "$lua" -e "assert(require('luv')._VERSION == 'luv $version')" 2> /dev/null; then
  echo "$lua finds it on its default path: require(\"luv\") works as is" >&2
else
  echo "$lua does not look in $dest by default; use:" >&2
  echo "  export LUA_CPATH=\"$dest/?.so;;\"" >&2
fi
