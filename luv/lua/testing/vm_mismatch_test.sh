#!/bin/sh
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

# Loads luv.so built for each VM into every interpreter: the matching one
# (and LuaJIT for the 5.1 build) loads it, every other one refuses it with
# a message naming both VMs, never "undefined symbol" from dlopen.
#   vm_mismatch_test.sh SO51 SO52 SO53 SO54 LUA51 LUAJIT LUA52 LUA53 LUA54
set -u
so51=$1 so52=$2 so53=$3 so54=$4
shift 4
failed=0
# check MODULE BUILT_FOR INTERPRETER HOST_NAME EXPECT(ok|refused)
check() {
  out=$(LUA_CPATH="$(dirname "$1")/?.so" "$3" -e '
    local ok, err = pcall(require, "luv")
    io.write(ok and "ok" or tostring(err))' 2>&1)
  if [ "$5" = ok ]; then
    want="ok"
    [ "$out" = ok ] && return
  else
    want="luv [0-9.]* was built for $2 but is loaded by $4: build it for $4 "
    printf '%s' "$out" | grep -q "^$want" && return
  fi
  echo "FAIL: the $2 build in $4 ($3): expected '$want', got: $out"
  failed=1
}
for pair in "$so51:Lua 5.1" "$so52:Lua 5.2" "$so53:Lua 5.3" "$so54:Lua 5.4"; do
  so=${pair%%:*} built=${pair#*:}
  for host in "$1:Lua 5.1" "$2:LuaJIT" "$3:Lua 5.2" "$4:Lua 5.3" "$5:Lua 5.4"; do
    interpreter=${host%%:*} name=${host#*:}
    expect=refused
    [ "$built" = "$name" ] && expect=ok
    [ "$built" = "Lua 5.1" ] && [ "$name" = LuaJIT ] && expect=ok
    check "$so" "$built" "$interpreter" "$name" "$expect"
  done
done
[ "$failed" -eq 0 ] && echo "every build loads where it should and is refused by name elsewhere"
exit "$failed"
