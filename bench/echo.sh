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

# Echo benchmark: luv's echo server (the reference's canonical one, under
# Lua 5.1 and LuaJIT) beside a plain C libuv server (the limit), luvit's luv
# and Node.js, all driven by the same load generator, in one run:
#   bazel run -c opt //bench:echo [-- --quick | --runs N]
# Each server gets 1, 50 and 500 concurrent connections sending 64-byte and
# 4 KiB messages in a closed loop; each figure is the median of five short
# runs, the servers taking turns. Besides round trips per second and
# latency, the server's own CPU time per round trip (user + system, from
# /proc) is reported: on a machine shared with other work it is the steadier
# measure of what each server costs. Prints tables with ratios to the C
# server and writes bench-results/echo.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 load=$runfiles/$4
cserver=$runfiles/$5 here=$runfiles/$(dirname "$6")
shift 6
source bench/bench_lib.sh  # from the runfiles, the working directory
BENCH_RUNS=5  # the servers take turns; five samples each by default
bench_options "$@"
seconds=0.6 warmup=0.15 runs=$BENCH_RUNS
if [ "$BENCH_QUICK" = true ]; then seconds=0.2 warmup=0.05; fi
bench_param seconds_per_sample $seconds
bench_role c limit
ours="$(dirname "$module")/?.so"  # only ours: Debian's lua-luv is also "luv"
system=";;"                       # only Debian's, for luvit's luv
node=$(command -v node || command -v nodejs || true)

servers=(c luv51 luvjit luvit51 luvitjit node)
declare -A label=(
  [c]="C libuv server (the limit)"
  [luv51]="luv, Lua 5.1"
  [luvjit]="luv, LuaJIT"
  [luvit51]="luvit's luv, Lua 5.1"
  [luvitjit]="luvit's luv, LuaJIT"
  [node]="Node.js $($node --version 2>/dev/null || echo missing)"
)
configs=("1 64" "1 4096" "50 64" "50 4096" "500 64" "500 4096")

# start_server NAME: starts it in the background; sets pid[NAME], port[NAME].
declare -A pid port
start_server() {
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  case $1 in
    c) "$cserver" > "$fifo" & ;;
    luv51) LUA_CPATH="$ours" "$lua51" "$here/echo_server.lua" > "$fifo" & ;;
    luvjit) LUA_CPATH="$ours" "$luajit" "$here/echo_server.lua" > "$fifo" & ;;
    luvit51) LUA_CPATH="$system" "$lua51" "$here/echo_luvit.lua" > "$fifo" & ;;
    luvitjit) LUA_CPATH="$system" "$luajit" "$here/echo_luvit.lua" > "$fifo" & ;;
    node) "$node" "$here/echo_node.js" > "$fifo" & ;;
  esac
  pid[$1]=$!
  read -r _ "port[$1]" < "$fifo"
  rm -f "$fifo"
}

ticks_per_second=$(getconf CLK_TCK)
# cpu_ticks PID: user + system time so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

json_field() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

if [ -z "$node" ]; then servers=(c luv51 luvjit luvit51 luvitjit); fi
for server in "${servers[@]}"; do start_server "$server"; done
trap 'for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# The servers take turns within each round, so that load from elsewhere on
# the machine hits them alike; the median of the rounds is kept.
declare -A rps_runs p50_runs p99_runs cpu_runs rps p50 p99 cpu
for config in "${configs[@]}"; do
  read -r conns size <<< "$config"
  echo "[${conns} connections x ${size} bytes]" >&2
  for _ in $(seq "$runs"); do
    for server in "${servers[@]}"; do
      key="$server.$conns.$size"
      before=$(cpu_ticks "${pid[$server]}")
      result=$("$load" --port "${port[$server]}" --connections "$conns" --size "$size" \
                 --seconds "$seconds" --warmup "$warmup")
      after=$(cpu_ticks "${pid[$server]}")
      cpu_runs[$key]+="$(awk -v t=$((after - before)) -v hz="$ticks_per_second" \
          -v n="$(echo "$result" | json_field all_round_trips)" \
          'BEGIN { printf "%.2f", (n > 0 ? t * 1e6 / hz / n : 0) }') "
      rps_runs[$key]+="$(echo "$result" | json_field round_trips_per_s) "
      p50_runs[$key]+="$(echo "$result" | json_field p50_us) "
      p99_runs[$key]+="$(echo "$result" | json_field p99_us) "
    done
  done
done
for key in "${!rps_runs[@]}"; do
  rps[$key]=$(printf '%s\n' ${rps_runs[$key]} | median)
  p50[$key]=$(printf '%s\n' ${p50_runs[$key]} | median)
  p99[$key]=$(printf '%s\n' ${p99_runs[$key]} | median)
  cpu[$key]=$(printf '%s\n' ${cpu_runs[$key]} | median)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# cell KIND KEY C_KEY: one table cell.
cell() {
  case $1 in
    rps) echo "${rps[$2]} ($(ratio "${rps[$2]}" "${rps[$3]}"))" ;;
    latency) echo "${p50[$2]} / ${p99[$2]}" ;;
    cpu) echo "${cpu[$2]} ($(ratio "${cpu[$2]}" "${cpu[$3]}"))" ;;
  esac
}
# table KIND TITLE: a row per server, a column per configuration.
table() {
  printf '\n%s\n%-26s' "$2" "server"
  local config conns size server
  for config in "${configs[@]}"; do
    read -r conns size <<< "$config"
    printf '%18s' "${conns} x ${size} B"
  done
  printf '\n'
  for server in "${servers[@]}"; do
    [ -n "${rps[$server.1.64]:-}" ] || continue
    printf '%-26s' "${label[$server]}"
    for config in "${configs[@]}"; do
      read -r conns size <<< "$config"
      printf '%18s' "$(cell "$1" "$server.$conns.$size" "c.$conns.$size")"
    done
    printf '\n'
  done
}
table rps "round trips per second (ratio to the C server)"
table latency "latency p50 / p99 in microseconds"
table cpu "server CPU time per round trip in microseconds (ratio to the C server)"

# The samples, in the common format: per configuration and interpreter,
# luv's server on that interpreter beside luvit's luv on it, and Node.js
# and C (which do not depend on the interpreter) in both.
declare -A impl_of=([c]=c [node]=node)
for config in "${configs[@]}"; do
  read -r conns size <<< "$config"
  for vm in lua51 luajit; do
    name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
    suffix=$([ $vm = lua51 ] && echo 51 || echo jit)
    bench_group rps.$conns.$size.$vm rt/s higher \
      "Echo, $conns connection(s) x $size B messages: round trips per second ($name)"
    bench_group cpu.$conns.$size.$vm us lower \
      "Echo, $conns connection(s) x $size B messages: server CPU per round trip ($name)"
    for server in "${servers[@]}"; do
      case $server in
        luv$suffix) impl=luv ;;
        luvit$suffix) impl=luvit-luv ;;
        c | node) impl=${impl_of[$server]} ;;
        *) continue ;;
      esac
      key="$server.$conns.$size"
      for value in ${rps_runs[$key]}; do bench_add rps.$conns.$size.$vm $impl "$value"; done
      for value in ${cpu_runs[$key]}; do bench_add cpu.$conns.$size.$vm $impl "$value"; done
    done
  done
done
write_json echo "Echo server round trips and server CPU: luv beside luvit's luv, Node.js and a C libuv server"
