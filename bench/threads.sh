#!/bin/bash
# Thread benchmarks, luv beside luvit's luv (Debian lua-luv), in one run:
#   bazel run -c opt //bench:threads
# spawn+join latency of an empty function, and a fan-out of 1, 2 and 4
# threads doing the same CPU work (speedup = threads x T(1) / T(threads)).
# Each figure is the median of three runs; JSON to bench-results/threads.json.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
ours="$(dirname "$module")/?.so"
system=";;"  # luvit's luv is also called "luv": never with ours on the path

source bench/bench_lib.sh  # from the runfiles, the working directory

declare -A f
for vm in lua51 luajit; do
  interp=${!vm}
  for impl in luv luvit; do
    cpath=$ours; [ $impl = luvit ] && cpath=$system
    echo "[$vm] $impl..." >&2
    f[$vm.$impl.latency]=$(run3 env LUA_CPATH="$cpath" "$interp" "$script" $impl latency 2000)
    for n in 1 2 4; do
      f[$vm.$impl.fanout$n]=$(run3 env LUA_CPATH="$cpath" "$interp" "$script" $impl fanout $n)
    done
  done
done

printf '\n%-40s %10s %10s %10s %10s\n' "" "luv 5.1" "luvit 5.1" "luv JIT" "luvit JIT"
printf '%-40s %10s %10s %10s %10s\n' "spawn+join of an empty function (us)" \
  "${f[lua51.luv.latency]}" "${f[lua51.luvit.latency]}" "${f[luajit.luv.latency]}" "${f[luajit.luvit.latency]}"
for n in 1 2 4; do
  row=()
  for key in lua51.luv lua51.luvit luajit.luv luajit.luvit; do
    row+=("$(calc "$n * ${f[$key.fanout1]} / ${f[$key.fanout$n]}")")
  done
  printf '%-40s %10s %10s %10s %10s\n' "speedup with $n threads (x)" "${row[@]}"
done
printf '\nluv spawn+join time / luvit luv: Lua 5.1 %s, LuaJIT %s (below 1: luv is faster)\n' \
  "$(calc "${f[lua51.luv.latency]} / ${f[lua51.luvit.latency]}")" \
  "$(calc "${f[luajit.luv.latency]} / ${f[luajit.luvit.latency]}")"
printf 'cores: %s\n' "$(nproc)"

write_json threads f
