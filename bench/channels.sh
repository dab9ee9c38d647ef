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

# Channel ping-pong between two fibers and between two threads, beside a ØMQ
# inproc PAIR doing the same, in one run, under Lua 5.1, LuaJIT and Lua 5.4:
#   bazel run -c opt //bench:channels [-- --quick | --runs N]
# Prints a table and writes bench-results/channels.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
lua54=$runfiles/$5 module54=$runfiles/$6
shift 6
source bench/bench_lib.sh  # from the runfiles, the working directory
bench_options "$@"
trips=100000
[ "$BENCH_QUICK" = true ] && trips=2000
bench_param round_trips $trips
declare -A vm_name=([lua51]="Lua 5.1" [luajit]=LuaJIT [lua54]="Lua 5.4")
declare -A cpath=([lua51]="$(dirname "$module")/?.so" [luajit]="$(dirname "$module")/?.so"
                  [lua54]="$(dirname "$module54")/?.so")

for vm in lua51 luajit lua54; do
  name=${vm_name[$vm]}
  export LUA_CPATH=${cpath[$vm]}
  for where in fibers threads; do
    bench_group $where.$vm msg/s higher "Ping-pong between two $where: messages per second ($name)"
    echo "[$vm] channel and zmq between $where..." >&2
    bench_run $where.$vm luv "${!vm}" "$script" channel $where $trips
    bench_run $where.$vm zmq-inproc "${!vm}" "$script" zmq $where $trips
  done
done

kmps() { calc "$1 / 1000"; }
printf '\n%-34s %12s %12s %12s\n' "messages/s (thousands)" "Lua 5.1" "LuaJIT" "Lua 5.4"
for where in fibers threads; do
  for impl in luv zmq-inproc; do
    label=$([ $impl = luv ] && echo "luv.channel" || echo "ØMQ inproc PAIR")
    printf '%-34s %12s %12s %12s\n' "$label, two $where" "$(kmps "$(bench_median $where.lua51 $impl)")" \
      "$(kmps "$(bench_median $where.luajit $impl)")" "$(kmps "$(bench_median $where.lua54 $impl)")"
  done
  printf '%-34s %12s %12s %12s\n' "  channel / ØMQ" "$(bench_ratio $where.lua51 luv zmq-inproc)" \
    "$(bench_ratio $where.luajit luv zmq-inproc)" "$(bench_ratio $where.lua54 luv zmq-inproc)"
done

write_json channels "Channel ping-pong between fibers and between threads, beside a ØMQ inproc PAIR"
