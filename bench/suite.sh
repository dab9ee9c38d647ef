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

# Every benchmark in //bench with its peers, in one run:
#   bazel run -c opt //bench:suite [-- --quick] [--only NAME,...] [--timeout SECONDS]
# Finds the benchmarks (every sh_binary in //bench tagged "benchmark" whose
# script is bench/<name>.sh; see docs/bench-schema.md for the contract),
# builds them with -c opt, runs each under a time limit, merges their
# results into bench-results/run-<date>-<commit>.json in the directory bazel
# ran from, and regenerates the dashboard there (bench-results/index.html)
# from those runs and the committed full runs in docs/bench/. (Not named
# "all": that is a Bazel wildcard.)
# Progress goes to stderr. Exits non-zero if any benchmark failed, timed
# out or wrote no valid result; the others are kept all the same.
set -euo pipefail
runfiles=$(pwd)
lua=$runfiles/$1 luajit=$runfiles/$2 tools=$runfiles/$(dirname "$3")
shift 3

quick=false only="" limit=""
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=true ;;
    --only) only=$2; shift ;;
    --timeout) limit=$2; shift ;;
    *) echo "usage: bazel run -c opt //bench:suite [-- --quick] [--only NAME,...] [--timeout SECONDS]" >&2
       exit 2 ;;
  esac
  shift
done
# Seconds each benchmark may take: the full run of all of them must stay
# under 10 minutes on a 2-core machine, the --quick run under a minute when
# the machine is idle (each benchmark's quick run takes a few seconds; the
# limit is for a busy machine).
[ -n "$limit" ] || limit=$([ $quick = true ] && echo 45 || echo 240)

workspace=${BUILD_WORKSPACE_DIRECTORY:?"run me with bazel run -c opt //bench:suite"}
results=${BUILD_WORKING_DIRECTORY:-$workspace}/bench-results
mkdir -p "$results"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/luv-bench-suite.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
say() { echo "[bench:suite] $*" >&2; }
cd "$workspace"

mapfile -t targets < <(bazel query --noshow_progress \
  'kind(sh_binary, attr(tags, "\bbenchmark\b", //bench:*)) intersect attr(srcs, "//bench:[^ ]+\.sh", //bench:*)' \
  2> "$tmp/query.log" | sort)
if [ ${#targets[@]} -eq 0 ]; then
  cat "$tmp/query.log" >&2
  say "found no benchmark in //bench"
  exit 1
fi
if [ -n "$only" ]; then
  mapfile -t targets < <(printf '%s\n' "${targets[@]}" | grep -xF -f <(tr , '\n' <<< "$only" | sed 's|^|//bench:|') || true)
  [ ${#targets[@]} -gt 0 ] || { say "no benchmark named $only"; exit 2; }
fi
say "${#targets[@]} benchmark(s): ${targets[*]##*:}$([ $quick = true ] && echo ' (quick)')"

# The code measured: the commit when the run starts.
commit=$(git -C "$workspace" rev-parse HEAD 2> /dev/null || echo unknown)
dirty=false
[ -z "$(git -C "$workspace" status --porcelain --untracked-files=no 2> /dev/null)" ] || dirty=true
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)  # the machine is shared: say how busy

say "building with -c opt..."
if ! bazel build -c opt --keep_going --noshow_progress "${targets[@]}" > "$tmp/build.log" 2>&1; then
  say "some benchmarks did not build (they are reported as failed):"
  grep -E '^ERROR' "$tmp/build.log" | head -20 >&2 || true
fi

mkdir -p "$tmp/results"
: > "$tmp/status"
# The run scripts first, so that no Bazel command (which may wait for
# another client of the same server) runs between the benchmarks or counts
# in their seconds.
started=$(date +%s)
for target in "${targets[@]}"; do
  name=${target##*:}
  if ! bazel run -c opt --noshow_progress --script_path="$tmp/$name.run" "$target" \
      > "$tmp/$name.build.log" 2>&1; then
    rm -f "$tmp/$name.run"
  fi
done
say "prepared ${#targets[@]} run scripts in $(($(date +%s) - started)) s"

failures=0 index=0
for target in "${targets[@]}"; do
  name=${target##*:}
  index=$((index + 1))
  say "[$index/${#targets[@]}] $name (at most $limit s)"
  start=$(date +%s)
  status=ok message=""
  if [ ! -f "$tmp/$name.run" ]; then
    status=failed message="did not build"
    tail -5 "$tmp/$name.build.log" >&2
  else
    set +e
    LUV_BENCH_OUT="$tmp/results" timeout --kill-after=10 "$limit" \
      bash "$tmp/$name.run" $([ $quick = true ] && echo --quick) 2>&1 | tee "$tmp/$name.log" >&2
    rc=${PIPESTATUS[0]}
    set -e
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
      status=timeout message="stopped after $limit s"
    elif [ $rc -ne 0 ]; then
      status=failed message="exited with status $rc"
    elif [ ! -s "$tmp/results/$name.json" ]; then
      status=failed message="wrote no $name.json to \$LUV_BENCH_OUT"
    fi
  fi
  seconds=$(($(date +%s) - start))
  if [ $status = ok ]; then say "$name: ok in $seconds s"; else
    failures=$((failures + 1)); say "$name: $status: $message"
  fi
  printf '%s\t%s\t%s\t%s\n' "$name" "$status" "$seconds" "$message" >> "$tmp/status"
done

# What the figures were measured on and with.
version() { "$@" 2>&1 | head -1 | awk '{ print $1, $2 }'; }
package() { dpkg-query -W -f='${Version}' "$1" 2> /dev/null || echo missing; }
{
  printf 'date\t%s\ncommit\t%s\ndirty\t%s\nquick\t%s\n' "$date" "$commit" "$dirty" "$quick"
  printf 'command\tbazel run -c opt //bench:suite%s\n' "$([ $quick = true ] && echo ' -- --quick')"
  printf 'machine.cpu\t%s\n' "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  printf 'machine.cores\t%s\n' "$(nproc)"
  printf 'machine.memory_bytes\t%s\n' "$(awk '/^MemTotal/ { printf "%.0f\n", $2 * 1024 }' /proc/meminfo)"
  printf 'machine.kernel\t%s\n' "$(uname -sr)"
  printf 'machine.os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")"
  printf 'machine.lua\t%s\n' "$(version "$lua" -v)"
  printf 'machine.luajit\t%s\n' "$(version "$luajit" -v)"
  printf 'machine.load_average_start\t%s\n' "$load_start"
  printf 'machine.load_average\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  for p in lua-cqueues lua-luv lua-cjson lua-mpack lua-messagepack nodejs libuv1 libzmq5; do
    printf 'peers.%s\t%s\n' "$p" "$(package $p)"
  done
} > "$tmp/meta"

run=$results/run-$(date -u -d "$date" +%Y%m%dT%H%M%SZ)-${commit:0:10}.json
LUA_PATH="$tools/?.lua" "$lua" "$tools/merge.lua" "$run" "$tmp/meta" "$tmp/status" "$tmp/results"
say "wrote $run"
history=("$workspace"/docs/bench/run-*.json)  # committed full runs: the trends
[ -e "${history[0]}" ] || history=()
LUA_PATH="$tools/?.lua" "$lua" "$tools/generate.lua" "$results" "$results"/run-*.json "${history[@]}"
say "wrote $results/index.html and $results/summary.md"
say "took $(($(date +%s) - $(date -u -d "$date" +%s))) s in all$([ $quick = true ] && echo ' (quick)')"
echo "$run"
[ $failures -eq 0 ] || { say "$failures benchmark(s) failed"; exit 1; }
