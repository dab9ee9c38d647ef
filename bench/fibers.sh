#!/bin/bash
# Fiber benchmarks beside their peers and limits, in one run:
#   bazel run -c opt //bench:fibers [-- --quick]
# Each figure is the median of three runs. Prints a table with ratios and
# writes bench-results/fibers.json in the directory bazel ran from.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3
bare=$runfiles/$4 bareuv=$runfiles/$5 here=$runfiles/$(dirname "$6")
shift 6
switches=20000000 sleepers=100000
if [ "${1:-}" = --quick ]; then switches=200000 sleepers=2000; fi
ours="$(dirname "$module")/?.so;$(dirname "$bare")/?.so;;"  # ours first, Debian's after
system=";;"                           # luvit's luv is also called "luv"

source bench/bench_lib.sh  # from the runfiles, the working directory

declare -A figure
for vm in lua51 luajit; do
  interp=${!vm}
  echo "[$vm] switch rates..." >&2
  figure[$vm.luv]=$(run3 env LUA_CPATH="$ours" "$interp" "$here/switch.lua" luv $switches)
  figure[$vm.coroutine]=$(run3 env LUA_CPATH="$ours" "$interp" "$here/switch.lua" coroutine $switches)
  figure[$vm.cqueues]=$(run3 env LUA_CPATH="$system" "$interp" "$here/switch.lua" cqueues $((switches / 4)))
  figure[$vm.luvit]=$(run3 env LUA_CPATH="$system" "$interp" "$here/switch.lua" luvit $((switches / 4)))
  figure[$vm.bare]=$(run3 env LUA_CPATH="$ours" "$interp" "$here/switch.lua" bare $switches)
  echo "[$vm] 100,000 sleeping fibers..." >&2
  out=$(LUA_CPATH="$ours" "$interp" "$here/sleepers.lua" $sleepers)
  figure[$vm.sleepers]=$(echo "$out" | awk '/sleepers_seconds/ {print $2}')
  figure[$vm.bytes]=$(echo "$out" | awk '/bytes/ {print $2}')
  figure[$vm.create]=$(echo "$out" | awk '/coroutine_create/ {print $2}')
done
figure[bare_uv]=$(run3 "$bareuv" $sleepers)

ratio() { calc "$1 / $2"; }
mps() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1e6 }'; }
printf '\n%-44s %12s %12s\n' "switches per second (millions)" "Lua 5.1" "LuaJIT"
for key in luv bare coroutine cqueues luvit; do
  case $key in
    luv) label="luv: two fibers, luv.fiber.yield()" ;;
    bare) label="limit: bare C lua_resume loop" ;;
    coroutine) label="limit: Lua coroutine.resume/yield" ;;
    cqueues) label="cqueues: two coroutines, cqueues.poll()" ;;
    luvit) label="luvit luv: coroutines from idle callbacks" ;;
  esac
  printf '%-44s %12s %12s\n' "$label" "$(mps ${figure[lua51.$key]})" "$(mps ${figure[luajit.$key]})"
done
printf '\n%-44s %12s %12s\n' "luv ratio to" "Lua 5.1" "LuaJIT"
for key in bare coroutine cqueues luvit; do
  printf '%-44s %12s %12s\n' "$key" "$(ratio ${figure[lua51.luv]} ${figure[lua51.$key]})" \
    "$(ratio ${figure[luajit.luv]} ${figure[luajit.$key]})"
done
printf '\n%d fibers sleeping 0-100 ms: Lua 5.1 %ss, LuaJIT %ss; bare C libuv %ss (%s and %s times)\n' \
  $sleepers "${figure[lua51.sleepers]}" "${figure[luajit.sleepers]}" "${figure[bare_uv]}" \
  "$(ratio ${figure[lua51.sleepers]} ${figure[bare_uv]})" "$(ratio ${figure[luajit.sleepers]} ${figure[bare_uv]})"
printf 'the Lua floor, %d plain coroutine.create calls: Lua 5.1 %ss, LuaJIT %ss\n' \
  $sleepers "${figure[lua51.create]}" "${figure[luajit.create]}"
printf 'Lua heap per sleeping fiber: Lua 5.1 %s bytes, LuaJIT %s bytes\n' \
  "${figure[lua51.bytes]}" "${figure[luajit.bytes]}"

figure[switches]=$switches
figure[sleepers_count]=$sleepers
write_json fibers figure
