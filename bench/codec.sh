#!/bin/bash
# luv.codec beside lua-cjson, lua-mpack and lua-MessagePack, encode and
# decode of four payloads, under Lua 5.1 and LuaJIT, in one run:
#   bazel run -c opt //bench:codec [-- --quick | --runs N]
# (bench/codec_bench.lua does the work; run it alone through
# //bench:codec_bench_lua51 for its detailed table.) Prints calls per second
# and ratios, and writes bench-results/codec.json (docs/bench-schema.md).
set -euo pipefail
runfiles=$(pwd)
lua51=$runfiles/$1 luajit=$runfiles/$2 module=$runfiles/$3 script=$runfiles/$4
shift 4
source bench/bench_lib.sh  # from the runfiles, the working directory
bench_options "$@"
seconds=0.4
[ "$BENCH_QUICK" = true ] && seconds=0.02
bench_param seconds_per_measurement $seconds
ours="$(dirname "$module")/?.so;;"  # ours first, then Debian's peers

declare -A payload=(
  [records]="10,000 small records"
  [wide]="a wide table of 2,000 nested records"
  [strings]="a 1 MiB table of 2,048 strings"
  [deep]="a table nested 150 levels deep"
)
for vm in lua51 luajit; do
  name=$([ $vm = lua51 ] && echo "Lua 5.1" || echo LuaJIT)
  for p in records wide strings deep; do
    bench_group $p.encode.$vm calls/s higher "Encoding ${payload[$p]}: calls per second ($name)"
    bench_group $p.decode.$vm calls/s higher "Decoding ${payload[$p]}: calls per second ($name)"
  done
  echo "[$vm] encode and decode, $seconds s per measurement..." >&2
  for _ in $(seq "$BENCH_RUNS"); do
    while read -r group impl value; do
      bench_add "$group.$vm" "$impl" "$value"
    done < <(LUA_CPATH="$ours" "${!vm}" "$script" "$seconds" --figures)
  done
done

printf '\n%-20s %-12s %12s %12s %12s %12s\n' "calls per second" "codec" \
  "enc 5.1" "dec 5.1" "enc JIT" "dec JIT"
for p in records wide strings deep; do
  for impl in ${BENCH_IMPLS[$p.encode.lua51]}; do
    printf '%-20s %-12s %12s %12s %12s %12s\n' "$p" "$impl" \
      "$(bench_median $p.encode.lua51 $impl)" "$(bench_median $p.decode.lua51 $impl)" \
      "$(bench_median $p.encode.luajit $impl)" "$(bench_median $p.decode.luajit $impl)"
  done
done
printf '\n%-20s %-12s %12s %12s %12s %12s\n' "luv is x times" "than" \
  "enc 5.1" "dec 5.1" "enc JIT" "dec JIT"
for p in records wide strings deep; do
  for impl in ${BENCH_IMPLS[$p.encode.lua51]}; do
    [ $impl = luv ] && continue
    printf '%-20s %-12s %12s %12s %12s %12s\n' "$p" "$impl" \
      "$(bench_ratio $p.encode.lua51 luv $impl)" "$(bench_ratio $p.decode.lua51 luv $impl)" \
      "$(bench_ratio $p.encode.luajit luv $impl)" "$(bench_ratio $p.decode.luajit luv $impl)"
  done
done

write_json codec "luv.codec beside lua-cjson, lua-mpack and lua-MessagePack: encode and decode"
