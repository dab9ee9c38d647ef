#!/bin/bash
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

# Filesystem benchmarks beside plain Lua io, luvit's luv and bare C libuv
# (the thread pool every fs call goes through), in one run:
#   bazel run -c opt //bench:fs [-- --quick | --runs N]
# Reads and writes a 256 MiB file in 64 KiB calls from one fiber and from 8
# fibers at once, and stats 10,000 files, under Lua 5.1 and LuaJIT. The
# files live in a temporary directory, in the page cache for every
# contender alike. Prints a table with ratios and writes
# bench-results/fs.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
bare_uv=$runfiles/$5
shift 5
source bench/bench_lib.sh  # from the runfiles, the working directory
bench_options "$@"
ours="$(dirname "$module")/?.so;;"  # ours first; io runs use it for the clock
system=";;"                          # luvit's luv is also called "luv"
mib=256 files=10000
if [ "$BENCH_QUICK" = true ]; then mib=16 files=1000; fi
bench_param file_mib $mib
bench_param chunk_bytes 65536
bench_param files $files
# Not floors for reads: luv reads data already in the page cache at once
# (preadv2 RWF_NOWAIT) where libuv always goes through its thread pool, and
# Lua's io builds each 64 KiB string from 8 KiB pieces.
bench_role io baseline "Lua's io reads through stdio and copies each chunk (in 8 KiB pieces on Lua 5.1)"
bench_role luvit-luv-blocking limit
bench_role bare-uv baseline "luv reads page-cached data at once; bare libuv always uses its thread pool"

work=$(mktemp -d "${TMPDIR:-/tmp}/luv-bench-fs.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "[setup] a $mib MiB file and $files small ones in $work..." >&2
LUA_CPATH="$ours" "$lua51" "$script" luv setup "$work" $mib $files

# one GROUP IMPL WORKLOAD VM: $BENCH_RUNS samples of one workload.
one() {
  local group=$1 impl=$2 load=$3 vm=$4 cpath=$ours mode=$2
  case $impl in luvit-luv*) cpath=$system mode=luvit ;; esac
  for _ in $(seq "$BENCH_RUNS"); do
    bench_add "$group" "$impl" \
      "$(LUA_CPATH="$cpath" "${!vm}" "$script" $mode $load "$work" $mib $files | awk 'NR == 1 { print $2 }')"
    rm -f "$work/out"
  done
}

for vm in lua51 luajit; do
  name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
  bench_group read1.$vm MB/s higher "Reading $mib MiB in 64 KiB calls, one at a time ($name)"
  bench_group read8.$vm MB/s higher "Reading $mib MiB in 64 KiB calls, 8 fibers or callback chains at once ($name)"
  bench_group write1.$vm MB/s higher "Writing $mib MiB in 64 KiB calls, one at a time ($name)"
  bench_group write8.$vm MB/s higher "Writing $mib MiB in 64 KiB calls, 8 fibers or callback chains at once ($name)"
  bench_group stat1.$vm stats/s higher "Stat of $files files, one at a time ($name)"
  bench_group stat8.$vm stats/s higher "Stat of $files files, 8 fibers or callback chains at once ($name)"
  echo "[$vm] reads, writes, stats..." >&2
  for load in read1 write1 read8 write8 stat1 stat8; do
    one $load.$vm luv $load $vm
    one $load.$vm luvit-luv $load $vm
  done
  one read1.$vm io read1 $vm
  one write1.$vm io write1 $vm
  one stat1.$vm luvit-luv-blocking statsync $vm
  for load in read1 write1; do
    for _ in $(seq "$BENCH_RUNS"); do
      bench_add $load.$vm bare-uv "$("$bare_uv" $load "$work" $mib | awk '{ print $2 }')"
      rm -f "$work/out"
    done
  done
done

printf '\n%-52s %10s %10s\n' "MB/s or stats/s (median)" "Lua 5.1" "LuaJIT"
for group in read1 read8 write1 write8 stat1 stat8; do
  for impl in ${BENCH_IMPLS[$group.lua51]}; do
    printf '%-52s %10s %10s\n' "$group: $impl" "$(bench_median $group.lua51 $impl)" \
      "$(bench_median $group.luajit $impl)"
  done
done
printf '\n%-52s %10s %10s\n' "luv is this many times faster than" "Lua 5.1" "LuaJIT"
for group in read1 read8 write1 write8 stat1 stat8; do
  for impl in ${BENCH_IMPLS[$group.lua51]}; do
    [ $impl = luv ] && continue
    printf '%-52s %10s %10s\n' "$group: $impl" "$(bench_ratio $group.lua51 luv $impl)" \
      "$(bench_ratio $group.luajit luv $impl)"
  done
done

write_json fs "Filesystem: reads, writes and stats from fibers, luv beside plain io and luvit's luv"
