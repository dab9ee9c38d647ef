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

# TLS benchmark: luv's TLS echo server (bench/tls_server.lua, under Lua 5.1
# and LuaJIT) beside Node.js's tls module and a plain C server on libuv and
# OpenSSL's memory BIOs (the limit), all driven by the same OpenSSL load
# generator (tls_load), in one run:
#   bazel run -c opt //bench:tls [-- --quick | --runs N]
# Echo: 1 and 50 connections, handshakes done first, send 64-byte and 4 KiB
# messages in a closed loop. Handshakes: 1 and 16 connections in flight,
# each a new TCP connection with a full TLS 1.3 handshake (the client keeps
# no sessions), one 1-byte echo and close. Every server uses the same EC
# P-256 certificate (made here with the openssl command) and OpenSSL's
# defaults (TLS 1.3, X25519, AES-256-GCM). Each figure is the median of
# five short runs, the servers taking turns; the server's own CPU time per
# round trip or handshake (user + system, from /proc) is reported too.
# Prints tables with ratios to the C server and luv's ratios to Node.js,
# and writes bench-results/tls.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 load=$runfiles/$4
cserver=$runfiles/$5 here=$runfiles/$(dirname "$6")
shift 6
source bench/bench_lib.sh  # from the runfiles, the working directory
BENCH_RUNS=5  # the servers take turns; five samples each by default
bench_options "$@"
seconds=0.5 warmup=0.15 runs=$BENCH_RUNS
if [ "$BENCH_QUICK" = true ]; then seconds=0.1 warmup=0.03; fi
bench_param seconds_per_sample $seconds
bench_param key "EC P-256"
bench_role c limit
ours="$(dirname "$module")/?.so"  # only ours: Debian's lua-luv is also "luv"
node=$(command -v node || command -v nodejs || true)

servers=(c luv51 luvjit node)
[ -n "$node" ] || servers=(c luv51 luvjit)
declare -A label=(
  [c]="C libuv + OpenSSL (limit)"
  [luv51]="luv, Lua 5.1"
  [luvjit]="luv, LuaJIT"
  [node]="Node.js $($node --version 2>/dev/null || echo missing) tls"
)
# "MODE CONNS SIZE": echo round trips, then handshakes (1-byte echo).
configs=("echo 1 64" "echo 1 4096" "echo 50 64" "echo 50 4096" "handshake 1 1" "handshake 16 1")
# --quick is a smoke test: one configuration of each kind.
if [ "$BENCH_QUICK" = true ]; then configs=("echo 50 4096" "handshake 16 1"); fi

declare -A pid port
tmp=$(mktemp -d)
cleanup() {
  for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
  -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
  -keyout "$tmp/key.pem" -out "$tmp/cert.pem" 2> "$tmp/openssl.log" ||
  { cat "$tmp/openssl.log" >&2; exit 1; }
cert=$tmp/cert.pem key=$tmp/key.pem

# start_server NAME: starts NAME's server in the background; sets pid[NAME]
# and port[NAME].
start_server() {
  local fifo=$tmp/$1.fifo
  mkfifo "$fifo"
  case $1 in
    c) "$cserver" "$cert" "$key" > "$fifo" & ;;
    luv51) LUA_CPATH="$ours" "$lua51" "$here/tls_server.lua" "$cert" "$key" > "$fifo" & ;;
    luvjit) LUA_CPATH="$ours" "$luajit" "$here/tls_server.lua" "$cert" "$key" > "$fifo" & ;;
    node) "$node" "$here/tls_node.js" "$cert" "$key" > "$fifo" & ;;
  esac
  pid[$1]=$!
  read -r _ "port[$1]" < "$fifo"
}
for server in "${servers[@]}"; do start_server "$server"; done

ticks_per_second=$(getconf CLK_TCK)
# cpu_ticks PID: user + system time so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
json_field() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The servers take turns within each round, so that load from elsewhere on
# the machine hits them alike; every sample is kept under
# MODE.SERVER.CONNS.SIZE.
declare -A rate_runs p50_runs cpu_runs
errors_seen=""  # "KEY:ERRORS" for every sample with errors
for config in "${configs[@]}"; do
  read -r mode conns size <<< "$config"
  echo "[$mode: $conns connection(s)$([ "$mode" = echo ] && echo " x $size bytes")]" >&2
  for _ in $(seq "$runs"); do
    for server in "${servers[@]}"; do
      key="$mode.$server.$conns.$size"
      before=$(cpu_ticks "${pid[$server]}")
      result=$("$load" --port "${port[$server]}" --ca "$cert" --mode "$mode" \
                 --connections "$conns" --size "$size" --seconds "$seconds" \
                 --warmup "$warmup") ||
        errors_seen+=" $key:$(echo "$result" | json_field errors)"
      after=$(cpu_ticks "${pid[$server]}")
      cpu_runs[$key]+="$(awk -v t=$((after - before)) -v hz="$ticks_per_second" \
          -v n="$(echo "$result" | json_field all_done)" \
          'BEGIN { printf "%.2f", (n > 0 ? t * 1e6 / hz / n : 0) }') "
      rate_runs[$key]+="$(echo "$result" | json_field per_s) "
      p50_runs[$key]+="$(echo "$result" | json_field p50_us) "
    done
  done
done

declare -A rate p50 cpu
for key in "${!rate_runs[@]}"; do
  rate[$key]=$(printf '%s\n' ${rate_runs[$key]} | median)
  p50[$key]=$(printf '%s\n' ${p50_runs[$key]} | median)
  cpu[$key]=$(printf '%s\n' ${cpu_runs[$key]} | median)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
column() {  # column MODE CONNS SIZE: a column's heading
  if [ "$1" = echo ]; then echo "$2 x $3 B"; else echo "hs, $2 at once"; fi
}
# table KIND TITLE: a row per server, a column per configuration.
table() {
  local kind=$1 title=$2 config mode conns size server key c
  printf '\n%s\n%-28s' "$title" "server"
  for config in "${configs[@]}"; do
    read -r mode conns size <<< "$config"
    printf '%17s' "$(column "$mode" "$conns" "$size")"
  done
  printf '\n'
  for server in "${servers[@]}"; do
    printf '%-28s' "${label[$server]}"
    for config in "${configs[@]}"; do
      read -r mode conns size <<< "$config"
      key=$mode.$server.$conns.$size c=$mode.c.$conns.$size
      case $kind in
        rate) printf '%17s' "${rate[$key]} ($(ratio "${rate[$key]}" "${rate[$c]}"))" ;;
        p50) printf '%17s' "${p50[$key]}" ;;
        cpu) printf '%17s' "${cpu[$key]} ($(ratio "${cpu[$key]}" "${cpu[$c]}"))" ;;
      esac
    done
    printf '\n'
  done
}
table rate "round trips or handshakes (hs) per second (ratio to the C server)"
table p50 "latency p50 in microseconds (a round trip; a whole connection for hs)"
table cpu "server CPU time per round trip or handshake in microseconds (ratio to the C server)"
# luv against the targets: above 1, luv is faster.
printf '\n%s\n%-28s' "luv's rate beside Node.js and the C limit (targets: >= 1 and, on echo, >= 0.8)" "luv"
for config in "${configs[@]}"; do
  read -r mode conns size <<< "$config"
  printf '%17s' "$(column "$mode" "$conns" "$size")"
done
printf '\n'
for vm in 51 jit; do
  for other in node c; do
    [ "$other" = node ] && [ -z "$node" ] && continue
    printf '%-28s' "$([ $vm = 51 ] && echo "Lua 5.1" || echo LuaJIT) / $([ $other = c ] && echo C || echo Node.js)"
    for config in "${configs[@]}"; do
      read -r mode conns size <<< "$config"
      printf '%17s' "$(ratio "${rate[$mode.luv$vm.$conns.$size]}" "${rate[$mode.$other.$conns.$size]}")"
    done
    printf '\n'
  done
done

# The samples, in the common format: per configuration and interpreter,
# luv on that interpreter, and Node.js and C (which do not depend on the
# interpreter) in both.
for config in "${configs[@]}"; do
  read -r mode conns size <<< "$config"
  for vm in lua51 luajit; do
    name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
    suffix=$([ $vm = lua51 ] && echo 51 || echo jit)
    if [ "$mode" = echo ]; then
      id=echo.$conns.$size.$vm what="TLS echo, $conns connection(s) x $size B messages"
      bench_group "$id.rps" rt/s higher "$what: round trips per second ($name)"
      bench_group "$id.cpu" us lower "$what: server CPU per round trip ($name)"
    else
      id=handshake.$conns.$vm what="TLS 1.3 full handshakes, $conns connection(s) at once"
      bench_group "$id.rps" hs/s higher "$what: handshakes per second ($name)"
      bench_group "$id.cpu" us lower "$what: server CPU per handshake ($name)"
    fi
    for server in "${servers[@]}"; do
      case $server in
        luv$suffix) impl=luv ;;
        c | node) impl=$server ;;
        *) continue ;;
      esac
      key=$mode.$server.$conns.$size
      for value in ${rate_runs[$key]}; do bench_add "$id.rps" $impl "$value"; done
      for value in ${cpu_runs[$key]}; do bench_add "$id.cpu" $impl "$value"; done
    done
  done
done
write_json tls "TLS echo round trips and full handshakes per second, with server CPU: luv beside Node.js's tls and a C libuv + OpenSSL server"

if [ -n "$errors_seen" ]; then
  echo "tls_load failed or reported errors (mode.server.conns.size:errors):$errors_seen" >&2
  exit 1
fi
