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

# Runs a Lua script against luv:
#   run_lua.sh [--system-cpath] [--expect FILE] INTERPRETER MODULE VERSION SCRIPT [ARGS...]
# MODULE is the path of luv.so, or "builtin" for a host that links luv in.
# --system-cpath appends Lua's default cpath and path after ours, for
# programs that also load Debian's Lua modules (benchmark peers such as cjson).
# --expect FILE: each line of FILE is an extended regular expression that
# must match a whole line of the script's output, in order (for examples).
# Only our luv.so may be found: Debian's lua-luv installs an unrelated luv.so
# on the default cpath, so the default path is left out and the version that
# loads is checked before the script runs. Paths are relative to the runfiles
# directory, which is the working directory of `bazel test` and `bazel run`.
set -u
system_cpath=
expect=
while :; do
  case "$1" in
    --system-cpath) system_cpath=";;"; shift ;;
    --expect) expect=$(pwd)/$2; shift 2 ;;
    *) break ;;
  esac
done
interpreter=$1 module=$2 version=$3 script=$4
shift 4
here=$(pwd)
if [ "$module" = builtin ]; then
  LUA_CPATH=""
else
  LUA_CPATH="$here/$(dirname "$module")/?.so"
fi
LUA_CPATH="$LUA_CPATH$system_cpath"
export LUA_CPATH
# Tests that start a second interpreter (exit behaviour, stderr) use this.
export LUV_TEST_LUA="$here/$interpreter"
export LUA_PATH="$here/luv/lua/testing/?.lua;$(dirname "$here/$script")/?.lua$system_cpath"
# `bazel run` starts in the runfiles; a program that takes file names wants
# the user's directory.
if [ -n "${BUILD_WORKING_DIRECTORY:-}" ]; then cd "$BUILD_WORKING_DIRECTORY"; fi
check_version="
  local luv = require('luv')
  if luv._VERSION ~= 'luv $version' then
    error('loaded the wrong luv: _VERSION is ' .. tostring(luv._VERSION) .. ', expected luv $version', 0)
  end"
if [ -z "$expect" ]; then
  exec "$here/$interpreter" -e "$check_version" "$here/$script" "$@"
fi
output=$("$here/$interpreter" -e "$check_version" "$here/$script" "$@" 2>&1)
status=$?
printf '%s\n' "$output"
[ "$status" -eq 0 ] || exit "$status"
remaining=$output
while IFS= read -r pattern; do
  # Drop output up to and including the first line that matches.
  line=$(printf '%s\n' "$remaining" | grep -n -m1 -E "^($pattern)\$" | cut -d: -f1)
  if [ -z "$line" ]; then
    echo "expected output line matching: $pattern" >&2
    exit 1
  fi
  remaining=$(printf '%s\n' "$remaining" | tail -n "+$((line + 1))")
done < "$expect"
