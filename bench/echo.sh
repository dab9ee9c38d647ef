#!/bin/bash
# Echo benchmark: luv's echo server (the reference's canonical one, under
# Lua 5.1 and LuaJIT) beside a plain C libuv server (the limit), luvit's luv
# and Node.js, all driven by the same load generator, in one run:
#   bazel run -c opt //bench:echo [-- --quick]
# Each server gets 1, 50 and 500 concurrent connections sending 64-byte and
# 4 KiB messages in a closed loop; each figure is the median of five short
# runs, the servers taking turns. Besides round trips per second and
# latency, the server's own CPU time per round trip (user + system, from
# /proc) is reported: on a machine shared with other work it is the steadier
# measure of what each server costs. Prints tables with ratios to the C
# server and writes bench-results/echo.json in the directory bazel ran from.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 load=$runfiles/$4
cserver=$runfiles/$5 here=$runfiles/$(dirname "$6")
shift 6
seconds=0.6 warmup=0.15 runs=5
if [ "${1:-}" = --quick ]; then seconds=0.2 warmup=0.05 runs=1; fi
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
printf '\nround trips per second (ratio to the C server)\n'
printf '%-26s' "server"
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
    key="$server.$conns.$size"
    printf '%18s' "${rps[$key]} ($(ratio "${rps[$key]}" "${rps[c.$conns.$size]}"))"
  done
  printf '\n'
done
printf '\nlatency p50 / p99 in microseconds\n'
printf '%-26s' "server"
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
    key="$server.$conns.$size"
    printf '%18s' "${p50[$key]} / ${p99[$key]}"
  done
  printf '\n'
done

printf '\nserver CPU time per round trip in microseconds (ratio to the C server)\n'
printf '%-26s' "server"
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
    key="$server.$conns.$size"
    printf '%18s' "${cpu[$key]} ($(ratio "${cpu[$key]}" "${cpu[c.$conns.$size]}"))"
  done
  printf '\n'
done

out=${BUILD_WORKING_DIRECTORY:-.}/bench-results
mkdir -p "$out"
{
  echo "{"
  echo "  \"benchmark\": \"echo\", \"seconds\": $seconds, \"runs\": $runs,"
  echo "  \"results\": ["
  first=1
  for key in "${!rps[@]}"; do
    IFS=. read -r server conns size <<< "$key"
    [ $first = 1 ] || echo ","
    first=0
    printf '    {"server": "%s", "connections": %s, "size": %s, "round_trips_per_s": %s, "p50_us": %s, "p99_us": %s, "ratio_to_c": %s, "cpu_us_per_round_trip": %s, "cpu_ratio_to_c": %s}' \
      "$server" "$conns" "$size" "${rps[$key]}" "${p50[$key]}" "${p99[$key]}" \
      "$(ratio "${rps[$key]}" "${rps[c.$conns.$size]}")" "${cpu[$key]}" \
      "$(ratio "${cpu[$key]}" "${cpu[c.$conns.$size]}")"
  done
  echo
  echo "  ]"
  echo "}"
} > "$out/echo.json"
echo "wrote $out/echo.json" >&2
