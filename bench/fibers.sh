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

# Fiber benchmarks beside their peers and limits, in one run:
#   bazel run -c opt //bench:fibers [-- --quick | --runs N]
# The switch rate of two fibers yielding to each other, and 100,000 fibers
# sleeping 0-100 ms, under Lua 5.1, LuaJIT and Lua 5.4, beside cqueues, luvit's luv,
# Node.js, plain coroutines and the bare C limits. Prints a table with
# ratios and writes bench-results/fibers.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3
bare=$runfiles/$4 bareuv=$runfiles/$5 here=$runfiles/$(dirname "$6")
lua54=$runfiles/$7 module54=$runfiles/$8 bare54=$runfiles/$9
shift 9
source bench/bench_lib.sh  # from the runfiles, the working directory
bench_options "$@"
bench_pin  # every program here runs on one CPU
switches=20000000 sleepers=100000 churn=1000000
if [ "$BENCH_QUICK" = true ]; then switches=200000 sleepers=2000 churn=20000; fi
# Ours first, Debian's after.
declare -A ours_for=([lua51]="$(dirname "$module")/?.so;$(dirname "$bare")/?.so;;"
                     [luajit]="$(dirname "$module")/?.so;$(dirname "$bare")/?.so;;"
                     [lua54]="$(dirname "$module54")/?.so;$(dirname "$bare54")/?.so;;")
declare -A vm_name=([lua51]="Lua 5.1" [luajit]=LuaJIT [lua54]="Lua 5.4")
system=";;"                           # luvit's luv is also called "luv"
node=$(command -v node || command -v nodejs || true)

# A coroutine.resume/yield loop pays for a Lua-level call each switch;
# luv's scheduler resumes from C, so it beats the loop: bare-c is the floor.
bench_role coroutine baseline "resumed from a Lua loop; luv resumes fibers from C (bare-c is the floor)"
bench_role bare-c limit
bench_role bare-uv limit
bench_role bare-coroutine limit  # a plain coroutine's bytes: what every fiber holds at least
bench_role coroutine-churn limit  # one plain coroutine per task, resumed once: no scheduler, no join
bench_param switches $switches
bench_param sleepers $sleepers
bench_param churn $churn

for vm in lua51 luajit lua54; do
  interp=${!vm}
  name=${vm_name[$vm]}
  ours=${ours_for[$vm]}
  bench_group switch.$vm switches/s higher "Two fibers yielding to each other: switches per second ($name)"
  bench_group sleepers.$vm s lower "$sleepers fibers each sleeping 0-100 ms: seconds until all joined ($name)"
  bench_group warm.$vm s lower "$sleepers fibers each sleeping 0-100 ms, again in the same process: seconds until all joined ($name)"
  bench_group bytes.$vm bytes lower "Memory per sleeping fiber: bytes of heap ($name)"
  bench_group create.$vm s lower "Creating $sleepers plain coroutines: the Lua floor for any fiber library ($name)"
  bench_group churn.$vm fibers/s higher "$churn short fibers made and joined in waves of 1,000: fibers per second ($name)"

  echo "[$vm] switch rates..." >&2
  bench_run switch.$vm luv env LUA_CPATH="$ours" "$interp" "$here/switch.lua" luv $switches
  bench_run switch.$vm cqueues env LUA_CPATH="$system" "$interp" "$here/switch.lua" cqueues $((switches / 4))
  bench_run switch.$vm luvit-luv env LUA_CPATH="$system" "$interp" "$here/switch.lua" luvit $((switches / 4))
  bench_run switch.$vm coroutine env LUA_CPATH="$ours" "$interp" "$here/switch.lua" coroutine $switches
  bench_run switch.$vm bare-c env LUA_CPATH="$ours" "$interp" "$here/switch.lua" bare $switches

  echo "[$vm] $sleepers sleeping fibers..." >&2
  for _ in $(seq "$BENCH_RUNS"); do
    out=$(LUA_CPATH="$ours" "$interp" "$here/sleepers.lua" $sleepers)
    bench_add sleepers.$vm luv "$(echo "$out" | awk '/sleepers_seconds/ { print $2 }')"
    bench_add warm.$vm luv "$(echo "$out" | awk '/sleepers_warm_seconds/ { print $2 }')"
    bench_add bytes.$vm luv "$(echo "$out" | awk '/bytes_per_fiber/ { print $2 }')"
    out=$("$interp" "$here/sleepers.lua" $sleepers coroutines)
    bench_add create.$vm coroutine "$(echo "$out" | awk '/coroutine_create/ { print $2 }')"
    bench_add bytes.$vm bare-coroutine "$(echo "$out" | awk '/bytes_per_coroutine/ { print $2 }')"
  done
  for _ in $(seq "$BENCH_RUNS"); do
    out=$("$bareuv" $sleepers)
    bench_add sleepers.$vm bare-uv "$(echo "$out" | awk '$1 == "bare_c_uv_timers" { print $2 }')"
    bench_add warm.$vm bare-uv "$(echo "$out" | awk '$1 == "bare_c_uv_timers_warm" { print $2 }')"
  done

  echo "[$vm] churning $churn fibers..." >&2
  bench_run churn.$vm luv env LUA_CPATH="$ours" "$interp" "$here/churn.lua" luv $churn
  bench_run churn.$vm coroutine-churn env LUA_CPATH="$ours" "$interp" "$here/churn.lua" coroutine $churn
  bench_run churn.$vm cqueues env LUA_CPATH="$system" "$interp" "$here/churn.lua" cqueues $churn
done

if [ -n "$node" ]; then
  echo "[node] switch rate and sleepers..." >&2
  for _ in $(seq "$BENCH_RUNS"); do
    rate=$("$node" "$here/fibers_node.js" switch $((switches / 4)) | awk 'NR == 1 { print $2 }')
    out=$("$node" --expose-gc "$here/fibers_node.js" sleepers $sleepers)
    churned=$("$node" "$here/fibers_node.js" churn $churn | awk 'NR == 1 { print $2 }')
    for vm in lua51 luajit lua54; do
      bench_add churn.$vm node "$churned"
      bench_add switch.$vm node "$rate"
      bench_add sleepers.$vm node "$(echo "$out" | awk '/sleepers_seconds/ { print $2 }')"
      bench_add bytes.$vm node "$(echo "$out" | awk '/bytes_per_task/ { print $2 }')"
    done
  done
else
  echo "[node] not installed: Node.js is left out" >&2
fi

mps() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1e6 }'; }
has() { [ -n "${BENCH_SAMPLES[$1.$2]:-}" ]; }
printf '\n%-44s %12s %12s %12s\n' "switches per second (millions)" "Lua 5.1" "LuaJIT" "Lua 5.4"
for impl in luv bare-c coroutine cqueues luvit-luv node; do
  has switch.lua51 $impl || continue
  case $impl in
    luv) label="luv: two fibers, luv.fiber.yield()" ;;
    bare-c) label="limit: bare C lua_resume loop" ;;
    coroutine) label="limit: Lua coroutine.resume/yield" ;;
    cqueues) label="cqueues: two coroutines, cqueues.poll()" ;;
    luvit-luv) label="luvit luv: coroutines from idle callbacks" ;;
    node) label="Node.js: two async functions, await" ;;
  esac
  printf '%-44s %12s %12s %12s\n' "$label" "$(mps "$(bench_median switch.lua51 $impl)")" \
    "$(mps "$(bench_median switch.luajit $impl)")" "$(mps "$(bench_median switch.lua54 $impl)")"
done
printf '\n%-44s %12s %12s %12s\n' "luv is this many times faster than" "Lua 5.1" "LuaJIT" "Lua 5.4"
for impl in bare-c coroutine cqueues luvit-luv node; do
  has switch.lua51 $impl || continue
  printf '%-44s %12s %12s %12s\n' "$impl" "$(bench_ratio switch.lua51 luv $impl)" \
    "$(bench_ratio switch.luajit luv $impl)" "$(bench_ratio switch.lua54 luv $impl)"
done
printf '\n%-44s %12s %12s %12s\n' "$sleepers sleepers: seconds until all joined" "Lua 5.1" "LuaJIT" "Lua 5.4"
for impl in luv bare-uv node; do
  has sleepers.lua51 $impl || continue
  printf '%-44s %12s %12s %12s\n' "$impl" "$(bench_median sleepers.lua51 $impl)" \
    "$(bench_median sleepers.luajit $impl)" "$(bench_median sleepers.lua54 $impl)"
done
for impl in luv bare-uv; do
  printf '%-44s %12s %12s %12s\n' "$impl, again in the same process" "$(bench_median warm.lua51 $impl)" \
    "$(bench_median warm.luajit $impl)" "$(bench_median warm.lua54 $impl)"
done
printf '%-44s %12s %12s %12s\n' "the Lua floor: $sleepers coroutine.create" \
  "$(bench_median create.lua51 coroutine)" "$(bench_median create.luajit coroutine)" \
  "$(bench_median create.lua54 coroutine)"
printf '%-44s %12s %12s %12s\n' "bytes per sleeping fiber: luv" \
  "$(bench_median bytes.lua51 luv)" "$(bench_median bytes.luajit luv)" "$(bench_median bytes.lua54 luv)"
printf '%-44s %12s %12s %12s\n' "bytes per plain coroutine (the floor)" \
  "$(bench_median bytes.lua51 bare-coroutine)" "$(bench_median bytes.luajit bare-coroutine)" \
  "$(bench_median bytes.lua54 bare-coroutine)"
printf '\n%-44s %12s %12s %12s\n' "$churn fibers in waves of 1,000: per second (M)" "Lua 5.1" "LuaJIT" "Lua 5.4"
for impl in luv coroutine-churn cqueues node; do
  has churn.lua51 $impl || continue
  printf '%-44s %12s %12s %12s\n' "$impl" "$(mps "$(bench_median churn.lua51 $impl)")" \
    "$(mps "$(bench_median churn.luajit $impl)")" "$(mps "$(bench_median churn.lua54 $impl)")"
done
if has bytes.lua51 node; then
  printf '%-44s %12s\n' "bytes per sleeping task: Node.js" "$(bench_median bytes.lua51 node)"
fi

write_json fibers "Fiber switch rate and many sleeping fibers, luv beside cqueues, luvit's luv, Node.js and the bare limits"
