#!/usr/bin/env bash
# Runs one libFuzzer target (ASan + UBSan) for a while:
#   bash tools/fuzz.sh codec_decode_fuzzer [seconds=600] [extra libFuzzer flags...]
# It starts from the committed seed corpus but writes what it finds to a
# scratch corpus (under $FUZZ_WORK, default /tmp/luv-fuzz/<target>), never
# into the source tree; crashes land there too. Exit status is libFuzzer's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${1:?usage: tools/fuzz.sh <target> [seconds] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
work=${FUZZ_WORK:-/tmp/luv-fuzz}/$target
mkdir -p "$work/corpus" "$work/artifacts"
bazel build --config=fuzz "//fuzz:$target" >&2
binary=$(bazel info --config=fuzz bazel-bin)/fuzz/$target
dict=()
[ -f fuzz/codec.dict ] && dict=(-dict=fuzz/codec.dict)
echo "fuzz: $target for ${seconds}s, corpus $work/corpus" >&2
exec "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "${dict[@]}" "$@" \
  "$work/corpus" "fuzz/corpus/$target"
