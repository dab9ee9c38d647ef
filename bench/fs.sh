#!/bin/bash
# Filesystem benchmarks beside plain Lua io and luvit's luv, in one run:
#   bazel run -c opt //bench:fs
# Reads and writes a 256 MiB file in 64 KiB calls from one fiber and from 8
# fibers at once, and stats 10,000 files, under Lua 5.1 and LuaJIT. Each
# figure is the median of three runs. The files live in a temporary
# directory, in the page cache for every contender alike. Prints a table
# with ratios and writes bench-results/fs.json in the directory bazel ran
# from.
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
ours="$(dirname "$module")/?.so;;"  # ours first; io runs use it for the clock
system=";;"                          # luvit's luv is also called "luv"

work=$(mktemp -d "${TMPDIR:-/tmp}/luv-bench-fs.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "[setup] a 256 MiB file and 10,000 small ones in $work..." >&2
LUA_CPATH="$ours" "$lua51" "$script" luv setup "$work"

declare -A figure
median() { sort -g | sed -n 2p; }
# one VM IMPL WORKLOAD: keeps the median figure of three runs.
one() {
  local vm=$1 impl=$2 load=$3 cpath=$ours
  [ "$impl" = luvit ] && cpath=$system
  figure[$vm.$impl.$load]=$(for _ in 1 2 3; do
    LUA_CPATH="$cpath" "${!vm}" "$script" "$impl" "$load" "$work" | awk '{print $2; exit}'
    rm -f "$work/out"
  done | median)
}

for vm in lua51 luajit; do
  echo "[$vm] reads, writes, stats..." >&2
  for load in read1 write1 stat1; do one $vm io $load; done
  for load in read1 write1 read8 write8 stat1 stat8; do one $vm luv $load; done
  for load in read1 write1 read8 write8 stat1 stat8 statsync; do one $vm luvit $load; done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
row() {  # row LABEL KEY: a figure under both VMs
  printf '%-52s %10s %10s\n' "$1" "${figure[lua51.$2]}" "${figure[luajit.$2]}"
}
ratio_row() {  # ratio_row LABEL KEY BASE
  printf '%-52s %10s %10s\n' "$1" "$(ratio "${figure[lua51.$2]}" "${figure[lua51.$3]}")" \
    "$(ratio "${figure[luajit.$2]}" "${figure[luajit.$3]}")"
}

printf '\n%-52s %10s %10s\n' "256 MiB in 64 KiB calls, MB/s" "Lua 5.1" "LuaJIT"
row "read, one fiber: luv" luv.read1
row "read: plain io (blocking floor)" io.read1
row "read, one chain: luvit luv callbacks" luvit.read1
row "read, 8 fibers at once: luv" luv.read8
row "read, 8 chains at once: luvit luv callbacks" luvit.read8
row "write, one fiber: luv" luv.write1
row "write: plain io (blocking floor)" io.write1
row "write, one chain: luvit luv callbacks" luvit.write1
row "write, 8 fibers at once: luv" luv.write8
row "write, 8 chains at once: luvit luv callbacks" luvit.write8
printf '\n%-52s %10s %10s\n' "10,000 stats, per second" "Lua 5.1" "LuaJIT"
row "stat, one fiber: luv" luv.stat1
row "stat, 8 fibers at once: luv" luv.stat8
row "stat, blocking: luvit luv fs_stat without callback" luvit.statsync
row "stat, one chain: luvit luv callbacks" luvit.stat1
row "stat, 8 chains at once: luvit luv callbacks" luvit.stat8
row "io.open + close (plain Lua has no stat)" io.stat1
printf '\n%-52s %10s %10s\n' "ratios (target: one fiber >= 0.8 of io)" "Lua 5.1" "LuaJIT"
ratio_row "read, one fiber: luv / io" luv.read1 io.read1
ratio_row "write, one fiber: luv / io" luv.write1 io.write1
ratio_row "read, 8 fibers: luv / io" luv.read8 io.read1
ratio_row "write, 8 fibers: luv / io" luv.write8 io.write1
ratio_row "read, one fiber: luv / luvit" luv.read1 luvit.read1
ratio_row "write, one fiber: luv / luvit" luv.write1 luvit.write1
ratio_row "read, 8 at once: luv / luvit" luv.read8 luvit.read8
ratio_row "write, 8 at once: luv / luvit" luv.write8 luvit.write8
ratio_row "stat, one fiber: luv / blocking luvit fs_stat" luv.stat1 luvit.statsync
ratio_row "stat, 8 fibers: luv / blocking luvit fs_stat" luv.stat8 luvit.statsync
ratio_row "stat, one fiber: luv / luvit callbacks" luv.stat1 luvit.stat1
ratio_row "stat, 8 at once: luv / luvit" luv.stat8 luvit.stat8

out=${BUILD_WORKING_DIRECTORY:-.}/bench-results
mkdir -p "$out"
{
  echo "{"
  echo "  \"benchmark\": \"fs\", \"bytes\": 268435456, \"chunk\": 65536, \"files\": 10000,"
  echo "  \"units\": {\"read\": \"MB/s\", \"write\": \"MB/s\", \"stat\": \"stats/s\"},"
  first=1
  for key in $(printf '%s\n' "${!figure[@]}" | sort); do
    [ $first = 1 ] || echo ","
    first=0
    printf '  "%s": %s' "$key" "${figure[$key]}"
  done
  echo
  echo "}"
} > "$out/fs.json"
echo "wrote $out/fs.json" >&2
