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

# Thread benchmarks, luv beside luvit's luv (Debian lua-luv), in one run:
#   bazel run -c opt //bench:threads [-- --quick | --runs N]
# spawn+join latency of an empty function, and a fan-out of 1, 2 and 4
# threads doing the same CPU work (speedup = threads x T(1) / T(threads)).
# Prints a table and writes bench-results/threads.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
shift 4
source bench/bench_lib.sh  # from the runfiles, the working directory
bench_options "$@"
ours="$(dirname "$module")/?.so"
system=";;"  # luvit's luv is also called "luv": never with ours on the path
spawns=2000
[ "$BENCH_QUICK" = true ] && spawns=200
bench_param spawns $spawns
bench_param cores "$(nproc)"

for vm in lua51 luajit; do
  interp=${!vm}
  name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
  bench_group latency.$vm us lower "Spawning and joining a thread running an empty function: microseconds ($name)"
  for n in 1 2 4; do
    bench_group fanout$n.$vm s lower "$n thread(s) each doing the same CPU work: wall seconds ($name)"
  done
  for impl in luv luvit-luv; do
    cpath=$ours mode=luv
    if [ $impl = luvit-luv ]; then cpath=$system mode=luvit; fi
    echo "[$vm] $impl..." >&2
    bench_run latency.$vm $impl env LUA_CPATH="$cpath" "$interp" "$script" $mode latency $spawns
    for n in 1 2 4; do
      bench_run fanout$n.$vm $impl env LUA_CPATH="$cpath" "$interp" "$script" $mode fanout $n
    done
  done
done

printf '\n%-40s %10s %10s %10s %10s\n' "" "luv 5.1" "luvit 5.1" "luv JIT" "luvit JIT"
printf '%-40s %10s %10s %10s %10s\n' "spawn+join of an empty function (us)" \
  "$(bench_median latency.lua51 luv)" "$(bench_median latency.lua51 luvit-luv)" \
  "$(bench_median latency.luajit luv)" "$(bench_median latency.luajit luvit-luv)"
for n in 1 2 4; do
  row=()
  for vm in lua51 luajit; do
    for impl in luv luvit-luv; do
      row+=("$(calc "$n * $(bench_median fanout1.$vm $impl) / $(bench_median fanout$n.$vm $impl)")")
    done
  done
  printf '%-40s %10s %10s %10s %10s\n' "speedup with $n threads (x)" "${row[@]}"
done
printf '\nluv spawn+join is this many times faster than luvit luv: Lua 5.1 %s, LuaJIT %s\n' \
  "$(bench_ratio latency.lua51 luv luvit-luv)" "$(bench_ratio latency.luajit luv luvit-luv)"
printf 'cores: %s\n' "$(nproc)"

write_json threads "OS threads: spawn+join latency and CPU fan-out, luv beside luvit's luv"
