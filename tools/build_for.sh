#!/usr/bin/env bash
# Builds luv.so (optimized) for the Lua interpreter given and copies it to
# OUT (a file): tools/build_for.sh INTERPRETER OUT
# The interpreter is asked which VM it is, so a path works as well as a
# name (luarocks passes the path of the one it installs for). Prints the
# directory below a prefix where that interpreter looks for C modules
# (lib/lua/5.x).
set -euo pipefail
lua=$1 out=$2
vm=$("$lua" -e 'io.write(rawget(_G, "jit") and "luajit" or _VERSION:gsub("%D", ""))') ||
  { echo "tools/build_for.sh: cannot run $lua" >&2; exit 1; }
case $vm in
  51) config=() abi=5.1 ;;
  luajit) config=(--config=luajit) abi=5.1 ;;
  52) config=(--config=lua52) abi=5.2 ;;
  53) config=(--config=lua53) abi=5.3 ;;
  54) config=(--config=lua54) abi=5.4 ;;
  *) echo "tools/build_for.sh: $lua is Lua '$vm'; luv supports 5.1 to 5.4 and LuaJIT" >&2; exit 2 ;;
esac
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bazel build -c opt "${config[@]}" //luv:luv.so >&2
built=$(bazel info -c opt "${config[@]}" bazel-bin 2> /dev/null)/luv/luv.so
mkdir -p "$(dirname "$out")"
install -m 755 "$built" "$out"
echo "lib/lua/$abi"
