#!/bin/bash
# ØMQ benchmarks, luv beside the plain C limit, in one run:
#   bazel run -c opt //bench:zmq [-- --quick]
# PUSH/PULL throughput (16 B and 1 KiB messages) and REQ/REP round trips
# between two threads over inproc:// and tcp://127.0.0.1, under Lua 5.1 and
# LuaJIT (bench/zmq_bench.lua) and in C (bench/zmq_limit.c); and the CPU
# that fibers waiting on idle sockets use. Each figure is the median of
# five runs; the three programs take turns, so a load that comes and goes
# on the machine hits them alike. Prints a table with ratios and writes
# bench-results/zmq.json in the directory bazel ran from.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3
limit=$runfiles/$4 script=$runfiles/$5
shift 5
small=1000000 large=300000 trips=20000 idle_seconds=2 idle_fibers=100
if [ "${1:-}" = --quick ]; then small=50000 large=20000 trips=2000 idle_seconds=0.5; fi
export LUA_CPATH="$(dirname "$module")/?.so"  # ours only: Debian's lua-luv is also "luv"

rounds=5
median() { sort -g | sed -n "$(((rounds + 1) / 2))p"; }

declare -A figure
cases=("thr inproc 16 $small" "thr inproc 1024 $large" "thr tcp 16 $small"
       "thr tcp 1024 $large" "lat inproc 16 $trips" "lat tcp 16 $trips")
for case in "${cases[@]}"; do
  read -r mode transport size count <<< "$case"
  key="$mode.$transport.$size"
  echo "[$key] C, Lua 5.1, LuaJIT..." >&2
  c="" a="" b=""
  for _ in $(seq $rounds); do
    c+="$("$limit" $mode $transport $size $count | awk '{print $2}')"$'\n'
    a+="$("$lua51" "$script" $mode $transport $size $count | awk '{print $2}')"$'\n'
    b+="$("$luajit" "$script" $mode $transport $size $count | awk '{print $2}')"$'\n'
  done
  figure[c.$key]=$(printf '%s' "$c" | median)
  figure[lua51.$key]=$(printf '%s' "$a" | median)
  figure[luajit.$key]=$(printf '%s' "$b" | median)
done
echo "[idle] $idle_fibers fibers waiting ${idle_seconds}s..." >&2
figure[lua51.idle]=$("$lua51" "$script" idle $idle_fibers $idle_seconds | awk '{print $2}')
figure[luajit.idle]=$("$luajit" "$script" idle $idle_fibers $idle_seconds | awk '{print $2}')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
thousands() { awk -v a="$1" 'BEGIN { printf "%.0f", a / 1000 }'; }
row() {  # row LABEL KEY SCALE: a figure per VM and luv's ratio to C
  local c=${figure[c.$2]} a=${figure[lua51.$2]} b=${figure[luajit.$2]}
  if [ "$3" = rate ]; then
    printf '%-30s %10s %10s %6sx %10s %6sx\n' "$1" "$(thousands $c)" "$(thousands $a)" \
      "$(ratio $a $c)" "$(thousands $b)" "$(ratio $b $c)"
  else  # a time: the ratio is C's time over luv's, so higher is better here too
    printf '%-30s %10s %10s %6sx %10s %6sx\n' "$1" "$c" "$a" "$(ratio $c $a)" "$b" "$(ratio $c $b)"
  fi
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
  $idle_fibers $idle_seconds "${figure[lua51.idle]}" "${figure[luajit.idle]}"

out=${BUILD_WORKING_DIRECTORY:-.}/bench-results
mkdir -p "$out"
{
  echo "{"
  echo "  \"benchmark\": \"zmq\", \"messages_16b\": $small, \"messages_1kib\": $large,"
  echo "  \"round_trips\": $trips, \"idle_fibers\": $idle_fibers, \"idle_seconds\": $idle_seconds,"
  first=1
  for key in "${!figure[@]}"; do
    [ $first = 1 ] || echo ","
    first=0
    printf '  "%s": %s' "$key" "${figure[$key]}"
  done
  echo
  echo "}"
} > "$out/zmq.json"
echo "wrote $out/zmq.json" >&2
