#!/usr/bin/env bash
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

# Runs one libFuzzer target (ASan + UBSan) for a while:
#   [FUZZ_VM=lua54] bash tools/fuzz.sh codec_decode_fuzzer [seconds=600] [libFuzzer flags...]
# FUZZ_VM builds it against another Lua (lua52, lua53, lua54, luajit; 5.1
# by default).
# It starts from the committed seed corpus but writes what it finds to a
# scratch corpus (under $FUZZ_WORK, default /tmp/luv-fuzz/<target>), never
# into the source tree; crashes land there too. Exit status is libFuzzer's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${1:?usage: tools/fuzz.sh <target> [seconds] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
configs=(--config=fuzz)
[ -n "${FUZZ_VM:-}" ] && configs+=("--config=$FUZZ_VM")
work=${FUZZ_WORK:-/tmp/luv-fuzz}/$target${FUZZ_VM:+-$FUZZ_VM}
mkdir -p "$work/corpus" "$work/artifacts"
bazel build "${configs[@]}" "//fuzz:$target" >&2
binary=$(bazel info "${configs[@]}" bazel-bin)/fuzz/$target
dict=()
[ -f fuzz/codec.dict ] && dict=(-dict=fuzz/codec.dict)
echo "fuzz: $target${FUZZ_VM:+ ($FUZZ_VM)} for ${seconds}s, corpus $work/corpus" >&2
exec "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "${dict[@]}" "$@" \
  "$work/corpus" "fuzz/corpus/$target"
