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

# luv.codec beside lua-cjson, lua-mpack and lua-MessagePack, encode and
# decode of four payloads, under Lua 5.1, LuaJIT and Lua 5.4, in one run:
#   bazel run -c opt //bench:codec [-- --quick | --runs N]
# (bench/codec_bench.lua does the work; run it alone through
# //bench:codec_bench_lua51 for its detailed table.) Prints calls per second
# and ratios, and writes bench-results/codec.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
lua54=$runfiles/$5 module54=$runfiles/$6
shift 6
source bench/bench_lib.sh  # from the runfiles, the working directory
bench_options "$@"
bench_pin  # each VM's process measures every codec on one CPU
seconds=0.4
[ "$BENCH_QUICK" = true ] && seconds=0.02
bench_param seconds_per_measurement $seconds
# Ours first, then Debian's peers.
declare -A cpath=([lua51]="$(dirname "$module")/?.so;;" [luajit]="$(dirname "$module")/?.so;;"
                  [lua54]="$(dirname "$module54")/?.so;;")
declare -A vm_name=([lua51]="Lua 5.1" [luajit]=LuaJIT [lua54]="Lua 5.4")

declare -A payload=(
  [records]="10,000 small records"
  [wide]="a wide table of 2,000 nested records"
  [strings]="a 1 MiB table of 2,048 strings"
  [deep]="a table nested 150 levels deep"
)
for vm in lua51 luajit lua54; do
  name=${vm_name[$vm]}
  for p in records wide strings deep; do
    bench_group $p.encode.$vm calls/s higher "Encoding ${payload[$p]}: calls per second ($name)"
    bench_group $p.decode.$vm calls/s higher "Decoding ${payload[$p]}: calls per second ($name)"
  done
  echo "[$vm] encode and decode, $seconds s per measurement..." >&2
  for _ in $(seq "$BENCH_RUNS"); do
    while read -r group impl value; do
      bench_add "$group.$vm" "$impl" "$value"
    done < <(LUA_CPATH="${cpath[$vm]}" "${!vm}" "$script" "$seconds" --figures)
  done
done

# A peer missing under a VM (lua-mpack has no 5.4 build) prints "-".
median() { [ -n "${BENCH_SAMPLES[$1.$2]:-}" ] && bench_median "$1" "$2" || echo -; }
ratio() { [ -n "${BENCH_SAMPLES[$1.$3]:-}" ] && bench_ratio "$1" "$2" "$3" || echo -; }
printf '\n%-20s %-12s %10s %10s %10s %10s %10s %10s\n' "calls per second" "codec" \
  "enc 5.1" "dec 5.1" "enc JIT" "dec JIT" "enc 5.4" "dec 5.4"
for p in records wide strings deep; do
  for impl in ${BENCH_IMPLS[$p.encode.lua51]}; do
    printf '%-20s %-12s %10s %10s %10s %10s %10s %10s\n' "$p" "$impl" \
      "$(median $p.encode.lua51 $impl)" "$(median $p.decode.lua51 $impl)" \
      "$(median $p.encode.luajit $impl)" "$(median $p.decode.luajit $impl)" \
      "$(median $p.encode.lua54 $impl)" "$(median $p.decode.lua54 $impl)"
  done
done
printf '\n%-20s %-12s %10s %10s %10s %10s %10s %10s\n' "luv is x times" "than" \
  "enc 5.1" "dec 5.1" "enc JIT" "dec JIT" "enc 5.4" "dec 5.4"
for p in records wide strings deep; do
  for impl in ${BENCH_IMPLS[$p.encode.lua51]}; do
    [ $impl = luv ] && continue
    printf '%-20s %-12s %10s %10s %10s %10s %10s %10s\n' "$p" "$impl" \
      "$(ratio $p.encode.lua51 luv $impl)" "$(ratio $p.decode.lua51 luv $impl)" \
      "$(ratio $p.encode.luajit luv $impl)" "$(ratio $p.decode.luajit luv $impl)" \
      "$(ratio $p.encode.lua54 luv $impl)" "$(ratio $p.decode.lua54 luv $impl)"
  done
done

write_json codec "luv.codec beside lua-cjson, lua-mpack and lua-MessagePack: encode and decode"
