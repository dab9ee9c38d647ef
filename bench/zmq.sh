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

# ØMQ benchmarks, luv beside the plain C limit, in one run:
#   bazel run -c opt //bench:zmq [-- --quick | --runs N]
# PUSH/PULL throughput (16 B and 1 KiB messages) and REQ/REP round trips
# between two threads over inproc:// and tcp://127.0.0.1, under Lua 5.1 and
# LuaJIT (bench/zmq_bench.lua) and in C (bench/zmq_limit.c); and the CPU
# that fibers waiting on idle sockets use. Five samples of each figure by
# default; the three programs take turns, so a load that comes and goes on
# the machine hits them alike. Prints a table with ratios and writes
# bench-results/zmq.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3
limit=$runfiles/$4 script=$runfiles/$5
shift 5
source bench/bench_lib.sh  # from the runfiles, the working directory
BENCH_RUNS=5  # the three programs take turns; five samples each by default
bench_options "$@"
small=1000000 large=300000 trips=20000 idle_seconds=2 idle_fibers=100
if [ "$BENCH_QUICK" = true ]; then small=50000 large=20000 trips=2000 idle_seconds=0.5; fi
export LUA_CPATH="$(dirname "$module")/?.so"  # ours only: Debian's lua-luv is also "luv"
bench_param messages_16b $small
bench_param messages_1kib $large
bench_param round_trips $trips
bench_param idle_fibers $idle_fibers
bench_role c limit

cases=("thr inproc 16 $small PUSH/PULL over inproc, 16 B messages"
       "thr inproc 1024 $large PUSH/PULL over inproc, 1 KiB messages"
       "thr tcp 16 $small PUSH/PULL over tcp, 16 B messages"
       "thr tcp 1024 $large PUSH/PULL over tcp, 1 KiB messages"
       "lat inproc 16 $trips REQ/REP round trip over inproc, 16 B"
       "lat tcp 16 $trips REQ/REP round trip over tcp, 16 B")
for case in "${cases[@]}"; do
  read -r mode transport size count title <<< "$case"
  key="$mode.$transport.$size"
  for vm in lua51 luajit; do
    name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
    if [ $mode = thr ]; then
      bench_group $key.$vm msg/s higher "$title: messages per second ($name)"
    else
      bench_group $key.$vm us lower "$title: microseconds ($name)"
    fi
  done
  echo "[$key] C, Lua 5.1, LuaJIT..." >&2
  for _ in $(seq "$BENCH_RUNS"); do
    c=$("$limit" $mode $transport $size $count | awk '{print $2}')
    bench_add $key.lua51 c "$c"
    bench_add $key.luajit c "$c"
    bench_add $key.lua51 luv "$("$lua51" "$script" $mode $transport $size $count | awk '{print $2}')"
    bench_add $key.luajit luv "$("$luajit" "$script" $mode $transport $size $count | awk '{print $2}')"
  done
done
echo "[idle] $idle_fibers fibers waiting ${idle_seconds}s..." >&2
for vm in lua51 luajit; do
  name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
  bench_group idle.$vm percent lower "CPU of $idle_fibers fibers waiting on idle sockets: % of a core ($name)"
  bench_add idle.$vm luv "$("${!vm}" "$script" idle $idle_fibers $idle_seconds | awk '{print $2}')"
done

thousands() { awk -v a="$1" 'BEGIN { printf "%.0f", a / 1000 }'; }
row() {  # row LABEL KEY rate|time: a figure per VM and luv's ratio to C
  local c a b
  c=$(bench_median $2.lua51 c) a=$(bench_median $2.lua51 luv) b=$(bench_median $2.luajit luv)
  if [ "$3" = rate ]; then c=$(thousands $c) a=$(thousands $a) b=$(thousands $b); fi
  printf '%-30s %10s %10s %6sx %10s %6sx\n' "$1" "$c" "$a" "$(bench_ratio $2.lua51 luv c)" \
    "$b" "$(bench_ratio $2.luajit luv c)"
}
printf '\n%-30s %10s %10s %7s %10s %7s\n' "throughput (1000 messages/s)" "C limit" "Lua 5.1" "vs C" \
  "LuaJIT" "vs C"
row "PUSH/PULL inproc, 16 B" thr.inproc.16 rate
row "PUSH/PULL inproc, 1 KiB" thr.inproc.1024 rate
row "PUSH/PULL tcp, 16 B" thr.tcp.16 rate
row "PUSH/PULL tcp, 1 KiB" thr.tcp.1024 rate
printf '\n%-30s %10s %10s %7s %10s %7s\n' "round trip (microseconds)" "C limit" "Lua 5.1" "C/luv" \
  "LuaJIT" "C/luv"
row "REQ/REP inproc, 16 B" lat.inproc.16 time
row "REQ/REP tcp, 16 B" lat.tcp.16 time
printf '\nTargets: throughput >= 0.5x C over inproc, >= 0.8x over tcp.\n'
printf '%d fibers waiting on idle sockets for %ss: Lua 5.1 %s%%, LuaJIT %s%% of a core\n' \
  $idle_fibers $idle_seconds "$(bench_median idle.lua51 luv)" "$(bench_median idle.luajit luv)"

write_json zmq "ØMQ: PUSH/PULL throughput and REQ/REP round trips between two luv threads, beside a plain C libzmq program"
