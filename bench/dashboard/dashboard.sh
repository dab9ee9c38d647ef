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

# Regenerates the dashboard from the runs already in bench-results/:
#   bazel run //bench:dashboard [-- DIR]
# DIR (default: bench-results in the directory bazel ran from) holds the
# run-*.json files of //bench:suite; index.html and summary.md go there too.
# The committed runs in docs/bench/ are added to the trend lines.
set -euo pipefail
lua=$(pwd)/$1 tools=$(pwd)/$(dirname "$2")
shift 2
dir=${1:-${BUILD_WORKING_DIRECTORY:-.}/bench-results}
runs=("$dir"/run-*.json)
if [ ! -e "${runs[0]}" ]; then
  echo "no run-*.json in $dir: run bazel run -c opt //bench:suite first" >&2
  exit 1
fi
# The committed full runs (docs/bench/) feed the trend lines too.
history=()
[ -z "${BUILD_WORKSPACE_DIRECTORY:-}" ] || history=("$BUILD_WORKSPACE_DIRECTORY"/docs/bench/run-*.json)
[ ${#history[@]} -eq 0 ] || [ -e "${history[0]}" ] || history=()
LUA_PATH="$tools/?.lua" "$lua" "$tools/generate.lua" "$dir" "${runs[@]}" "${history[@]}"
echo "wrote $dir/index.html and $dir/summary.md" >&2
