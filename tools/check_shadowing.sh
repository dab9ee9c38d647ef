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

# Refuses an install that would hide another module named luv (Debian's
# lua-luv: luvit's libuv binding, a different library) from every program
# of that Lua on this machine:
#   tools/check_shadowing.sh INTERPRETER DIR
# DIR is where luv.so would go. If DIR is on the interpreter's default
# package.cpath ahead of a directory that holds another luv.so, this prints
# why and what to do instead, and exits 1, unless LUV_SHADOW_DEBIAN_LUV=1
# says the user means it. Exits 0 otherwise.
set -euo pipefail
lua=$1 dir=$(realpath -m "$2")
cpath=$(env -u LUA_CPATH -u LUA_CPATH_5_1 -u LUA_CPATH_5_2 -u LUA_CPATH_5_3 -u LUA_CPATH_5_4 \
  "$lua" -e 'io.write(package.cpath)')
ours=no
hidden=
IFS=';' read -ra templates <<< "$cpath"
for template in "${templates[@]}"; do
  case $template in /*) ;; *) continue ;; esac
  candidate=${template//\?/luv}
  if [ "$ours" = no ]; then
    [ "$(realpath -m "$candidate")" = "$dir/luv.so" ] && ours=yes
  elif [ -f "$candidate" ]; then
    hidden=$candidate
    break
  fi
done
[ -n "$hidden" ] || exit 0
package=$(dpkg -S "$hidden" 2> /dev/null | cut -d: -f1 || true)
owner=
[ -n "$package" ] && owner=" (Debian package $package, luvit's libuv binding)"
if [ "${LUV_SHADOW_DEBIAN_LUV:-}" = 1 ]; then
  echo "luv: installing into $dir hides $hidden$owner, as LUV_SHADOW_DEBIAN_LUV=1 asks" >&2
  exit 0
fi
cat >&2 << MESSAGE
luv: refusing to install into $dir: $lua looks there before
$hidden$owner, a different
module also named "luv", so every $lua program on this machine that does
require("luv") would get ours instead and break.
Install into a project directory instead:
  tools/install.sh --lua $lua --prefix ./lua_modules   (then LUA_CPATH="./lua_modules/lib/lua/<version>/?.so;;")
  luarocks --tree ./lua_modules ...                     (then eval "\$(luarocks --tree ./lua_modules path)")
or, if you mean it, set LUV_SHADOW_DEBIAN_LUV=1 (tools/install.sh --shadow-debian-luv).
MESSAGE
exit 1
