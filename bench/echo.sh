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
# Lua 5.1 and LuaJIT) beside a plain C libuv server (a baseline), luvit's luv
# and Node.js, all driven by the same load generator, in one run:
#   bazel run -c opt //bench:echo [-- --quick | --runs N]
# Each server gets 1, 50 and 500 concurrent connections sending 64-byte and
# 4 KiB messages in a closed loop; each figure is the median of five short
# runs, the servers taking turns. Besides round trips per second and
# latency, the server's own CPU time per round trip (user + system, from
# /proc) is reported: on a machine shared with other work it is the steadier
# measure of what each server costs. Prints tables with ratios to the C
# server and writes bench-results/echo.json (docs/bench-schema.md).
#
# Then the line protocol: clients send lines, the servers read lines and
# write each one back: luv's buffered reader (read_line), luvit's luv
# splitting by hand, Node.js's readline, and the C server's raw echo as the
# limit (c-raw). 1 and 50 connections send one 64-byte line, or 64 lines of 64 bytes
# in one write (4 KiB) that the reader must split; three runs each by
# default (--runs N sets both sections), to stay within //bench:suite's limit.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 load=$runfiles/$4
cserver=$runfiles/$5 here=$runfiles/$(dirname "$6")
shift 6
source bench/bench_lib.sh  # from the runfiles, the working directory
BENCH_RUNS=5  # the servers take turns; five samples each by default
bench_options "$@"
seconds=0.6 warmup=0.15 runs=$BENCH_RUNS
# The line section: three samples of 0.3 s unless --runs says otherwise.
line_seconds=0.3 line_warmup=0.1 line_runs=$BENCH_RUNS
[[ " $* " == *" --runs "* ]] || line_runs=$((BENCH_RUNS < 3 ? BENCH_RUNS : 3))
if [ "$BENCH_QUICK" = true ]; then
  seconds=0.1 warmup=0.03 line_seconds=0.1 line_warmup=0.03
fi
bench_param seconds_per_sample $seconds
bench_param lines_seconds_per_sample $line_seconds
bench_param lines_runs "$line_runs"
# The plain C server does what luv's does, one read and one write per
# message: luv ties with it or beats it, so it is a baseline, not a floor.
bench_role c baseline "a plain C libuv server like luv's own: luv can match or beat it"
# In the line section the C server still echoes raw bytes, splitting no
# lines: a floor for the line servers.
bench_role c-raw limit
ours="$(dirname "$module")/?.so"  # only ours: Debian's lua-luv is also "luv"
system=";;"                       # only Debian's, for luvit's luv
node=$(command -v node || command -v nodejs || true)

servers=(c luv51 luvjit luvit51 luvitjit node)
declare -A label=(
  [c]="C libuv server (the baseline)"
  [luv51]="luv, Lua 5.1"
  [luvjit]="luv, LuaJIT"
  [luvit51]="luvit's luv, Lua 5.1"
  [luvitjit]="luvit's luv, LuaJIT"
  [node]="Node.js $($node --version 2>/dev/null || echo missing)"
)
configs=("1 64" "1 4096" "50 64" "50 4096" "500 64" "500 4096")
# The line section: connections, message size, lines a message.
line_configs=("1 64 1" "50 64 1" "1 4096 64" "50 4096 64")
if [ "$BENCH_QUICK" = true ]; then
  # A smoke test inside //bench:suite's limit on a busy machine: one
  # configuration of each kind.
  configs=("50 4096")
  line_configs=("50 4096 64")
fi
declare -A line_label=(
  [c]="C libuv, raw echo (the limit)"
  [luv51]="luv read_line, Lua 5.1"
  [luvjit]="luv read_line, LuaJIT"
  [luvit51]="luvit's luv, Lua 5.1"
  [luvitjit]="luvit's luv, LuaJIT"
  [node]="Node.js readline"
)

# start_server SECTION NAME: starts NAME's server for SECTION (raw or lines)
# in the background; sets pid[SECTION.NAME], port[SECTION.NAME].
declare -A pid port
start_server() {
  local fifo script
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  case $1.$2 in
    *.c) "$cserver" > "$fifo" & ;;
    raw.luvit*) script=echo_luvit.lua ;;
    raw.luv*) script=echo_server.lua ;;
    raw.node) script=echo_node.js ;;
    lines.luvit*) script=echo_lines_luvit.lua ;;
    lines.luv*) script=echo_lines_server.lua ;;
    lines.node) script=echo_lines_node.js ;;
  esac
  case $2 in
    c) ;;
    luv51) LUA_CPATH="$ours" "$lua51" "$here/$script" > "$fifo" & ;;
    luvjit) LUA_CPATH="$ours" "$luajit" "$here/$script" > "$fifo" & ;;
    luvit51) LUA_CPATH="$system" "$lua51" "$here/$script" > "$fifo" & ;;
    luvitjit) LUA_CPATH="$system" "$luajit" "$here/$script" > "$fifo" & ;;
    node) "$node" "$here/$script" > "$fifo" & ;;
  esac
  pid[$1.$2]=$!
  read -r _ "port[$1.$2]" < "$fifo"
  rm -f "$fifo"
}

ticks_per_second=$(getconf CLK_TCK)
# cpu_ticks PID: user + system time so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

json_field() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

if [ -z "$node" ]; then servers=(c luv51 luvjit luvit51 luvitjit); fi
trap 'for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for server in "${servers[@]}"; do start_server raw "$server"; done

# measure SECTION SECONDS WARMUP RUNS CONFIGS...: the servers take turns
# within each round, so that load from elsewhere on the machine hits them
# alike; every sample is kept under SECTION.SERVER.CONNS.SIZE. A config is
# "CONNS SIZE" or "CONNS SIZE LINES". The C server is the raw one in both
# sections.
declare -A rps_runs p50_runs p99_runs cpu_runs
errors_seen=""  # "KEY:ERRORS" for every sample with errors
measure() {
  local section=$1 secs=$2 warm=$3 rounds=$4 config conns size lines key result before after
  local server at
  shift 4
  for config in "$@"; do
    read -r conns size lines <<< "$config"
    echo "[$section: ${conns} connections x ${size} bytes${lines:+ in $lines line(s)}]" >&2
    for _ in $(seq "$rounds"); do
      for server in "${servers[@]}"; do
        key="$section.$server.$conns.$size"
        at=$([ "$server" = c ] && echo raw.c || echo "$section.$server")
        before=$(cpu_ticks "${pid[$at]}")
        result=$("$load" --port "${port[$at]}" --connections "$conns" --size "$size" \
                   ${lines:+--lines "$lines"} --seconds "$secs" --warmup "$warm") ||
          errors_seen+=" $key:$(echo "$result" | json_field errors)"
        after=$(cpu_ticks "${pid[$at]}")
        cpu_runs[$key]+="$(awk -v t=$((after - before)) -v hz="$ticks_per_second" \
            -v n="$(echo "$result" | json_field all_round_trips)" \
            'BEGIN { printf "%.2f", (n > 0 ? t * 1e6 / hz / n : 0) }') "
        rps_runs[$key]+="$(echo "$result" | json_field round_trips_per_s) "
        p50_runs[$key]+="$(echo "$result" | json_field p50_us) "
        p99_runs[$key]+="$(echo "$result" | json_field p99_us) "
      done
    done
  done
}
measure raw "$seconds" "$warmup" "$runs" "${configs[@]}"
# The line servers replace the raw ones (the C server stays: the limit here).
for server in "${servers[@]}"; do
  [ "$server" = c ] && continue
  kill "${pid[raw.$server]}" 2>/dev/null || true
  start_server lines "$server"
done
measure lines "$line_seconds" "$line_warmup" "$line_runs" "${line_configs[@]}"

declare -A rps p50 p99 cpu
for key in "${!rps_runs[@]}"; do
  rps[$key]=$(printf '%s\n' ${rps_runs[$key]} | median)
  p50[$key]=$(printf '%s\n' ${p50_runs[$key]} | median)
  p99[$key]=$(printf '%s\n' ${p99_runs[$key]} | median)
  cpu[$key]=$(printf '%s\n' ${cpu_runs[$key]} | median)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# cell KIND KEY C_KEY: one table cell.
cell() {
  case $1 in
    rps) echo "${rps[$2]} ($(ratio "${rps[$2]}" "${rps[$3]}"))" ;;
    latency) echo "${p50[$2]} / ${p99[$2]}" ;;
    cpu) echo "${cpu[$2]} ($(ratio "${cpu[$2]}" "${cpu[$3]}"))" ;;
  esac
}
# table SECTION KIND TITLE: a row per server, a column per configuration.
table() {
  local section=$1 kind=$2 title=$3 config conns size lines server name
  local -a columns
  if [ "$section" = raw ]; then columns=("${configs[@]}"); else columns=("${line_configs[@]}"); fi
  printf '\n%s\n%-30s' "$title" "server"
  for config in "${columns[@]}"; do
    read -r conns size lines <<< "$config"
    printf '%18s' "${conns} x ${size} B${lines:+/$lines}"
  done
  printf '\n'
  local first_conns first_size
  read -r first_conns first_size _ <<< "${columns[0]}"
  for server in "${servers[@]}"; do
    [ -n "${rps[$section.$server.$first_conns.$first_size]:-}" ] || continue
    if [ "$section" = raw ]; then name=${label[$server]}; else name=${line_label[$server]}; fi
    printf '%-30s' "$name"
    for config in "${columns[@]}"; do
      read -r conns size lines <<< "$config"
      printf '%18s' "$(cell "$kind" "$section.$server.$conns.$size" "$section.c.$conns.$size")"
    done
    printf '\n'
  done
}
table raw rps "round trips per second (ratio to the C server)"
table raw latency "latency p50 / p99 in microseconds"
table raw cpu "server CPU time per round trip in microseconds (ratio to the C server)"

echo
echo "Line echo: messages of N bytes in L lines (N B/L); the C server echoes raw bytes"
table lines rps "lines: round trips per second (ratio to the C server)"
table lines latency "lines: latency p50 / p99 in microseconds"
table lines cpu "lines: server CPU time per round trip in microseconds (ratio to the C server)"
# luv's read_line beside its peers on the same interpreter: above 1, luv is
# faster (round trips) or cheaper (CPU).
printf '\n%s\n%-30s' "lines: luv's advantage, round trips / CPU (above 1: luv better)" "luv beside"
for config in "${line_configs[@]}"; do
  read -r conns size lines <<< "$config"
  printf '%18s' "${conns} x ${size} B/$lines"
done
printf '\n'
for peer in luvit node; do
  for vm in 51 jit; do
    [ "$peer" = node ] && [ -z "$node" ] && continue
    other=$([ $peer = luvit ] && echo "luvit$vm" || echo node)
    printf '%-30s' "$([ $peer = luvit ] && echo "luvit's luv" || echo Node.js), $([ $vm = 51 ] && echo "Lua 5.1" || echo LuaJIT)"
    for config in "${line_configs[@]}"; do
      read -r conns size lines <<< "$config"
      a=lines.luv$vm.$conns.$size b=lines.$other.$conns.$size
      printf '%18s' "$(ratio "${rps[$a]}" "${rps[$b]}") / $(ratio "${cpu[$b]}" "${cpu[$a]}")"
    done
    printf '\n'
  done
done

# The samples, in the common format: per configuration and interpreter,
# luv's server on that interpreter beside luvit's luv on it, and Node.js
# and C (which do not depend on the interpreter) in both.
declare -A impl_of=([c]=c [node]=node)
# add_samples SECTION GROUP_PREFIX CONNS SIZE VM_SUFFIX: bench_add for each
# server of that configuration.
add_samples() {
  local section=$1 prefix=$2 conns=$3 size=$4 suffix=$5 vm server impl key value
  vm=$([ "$suffix" = 51 ] && echo lua51 || echo luajit)
  for server in "${servers[@]}"; do
    case $server in
      luv$suffix) impl=luv ;;
      luvit$suffix) impl=luvit-luv ;;
      c) impl=c
         # Raw echo, no splitting: less work than any line server, a floor.
         [ "$section" = lines ] && impl=c-raw ;;
      node) impl=${impl_of[$server]} ;;
      *) continue ;;
    esac
    key="$section.$server.$conns.$size"
    for value in ${rps_runs[$key]}; do bench_add ${prefix}rps.$conns.$size.$vm $impl "$value"; done
    for value in ${cpu_runs[$key]}; do bench_add ${prefix}cpu.$conns.$size.$vm $impl "$value"; done
  done
}
for config in "${configs[@]}"; do
  read -r conns size <<< "$config"
  for vm in lua51 luajit; do
    name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
    suffix=$([ $vm = lua51 ] && echo 51 || echo jit)
    bench_group rps.$conns.$size.$vm rt/s higher \
      "Echo, $conns connection(s) x $size B messages: round trips per second ($name)"
    bench_group cpu.$conns.$size.$vm us lower \
      "Echo, $conns connection(s) x $size B messages: server CPU per round trip ($name)"
    add_samples raw "" "$conns" "$size" $suffix
  done
done
for config in "${line_configs[@]}"; do
  read -r conns size lines <<< "$config"
  for vm in lua51 luajit; do
    name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
    suffix=$([ $vm = lua51 ] && echo 51 || echo jit)
    bench_group lines.rps.$conns.$size.$vm rt/s higher \
      "Line echo, $conns connection(s) x $size B in $lines line(s): round trips per second ($name)"
    bench_group lines.cpu.$conns.$size.$vm us lower \
      "Line echo, $conns connection(s) x $size B in $lines line(s): server CPU per round trip ($name)"
    add_samples lines lines. "$conns" "$size" $suffix
  done
done
write_json echo "Echo server round trips and server CPU, raw and line by line: luv beside luvit's luv, Node.js and a C libuv server"

if [ -n "$errors_seen" ]; then
  echo "echo_load failed or reported errors (section.server.conns.size:errors):$errors_seen" >&2
  exit 1
fi
