#!/bin/bash
# Channel ping-pong between two fibers and between two threads, beside a ØMQ
# inproc PAIR doing the same, in one run, under Lua 5.1 and LuaJIT:
#   bazel run -c opt //bench:channels [-- --quick]
# Each figure is the median of three runs; JSON to bench-results/channels.json.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
shift 4
trips=100000
if [ "${1:-}" = --quick ]; then trips=2000; fi
source bench/bench_lib.sh  # from the runfiles, the working directory
export LUA_CPATH="$(dirname "$module")/?.so"

declare -A f
for vm in lua51 luajit; do
  for where in fibers threads; do
    for kind in channel zmq; do
      echo "[$vm] $kind between $where..." >&2
      f[$vm.$kind.$where]=$(run3 "${!vm}" "$script" $kind $where $trips)
    done
  done
done

kmps() { calc "$1 / 1000"; }
printf '\n%-34s %12s %12s\n' "messages/s (thousands)" "Lua 5.1" "LuaJIT"
for where in fibers threads; do
  for kind in channel zmq; do
    printf '%-34s %12s %12s\n' "$kind, two $where" "$(kmps ${f[lua51.$kind.$where]})" \
      "$(kmps ${f[luajit.$kind.$where]})"
  done
  printf '%-34s %12s %12s\n' "  channel / zmq inproc" \
    "$(calc "${f[lua51.channel.$where]} / ${f[lua51.zmq.$where]}")" \
    "$(calc "${f[luajit.channel.$where]} / ${f[luajit.zmq.$where]}")"
done
f[round_trips]=$trips
write_json channels f
