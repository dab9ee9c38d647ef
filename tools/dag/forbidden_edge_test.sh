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

# Proves that the visibility lists enforce DESIGN.md's DAG: building a
# target in luv/codec that depends on luv/uv must fail with a visibility
# error (and with nothing else). Runs Bazel itself, so it is a CI step, not
# a Bazel test.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
output=$(bazel build --nobuild //luv/codec/forbidden_edge:codec_uses_uv 2>&1)
status=$?
if [ "$status" -eq 0 ]; then
  echo "FAIL: //luv/codec/forbidden_edge:codec_uses_uv built; the codec may use libuv" >&2
  exit 1
fi
if ! grep -q "is not visible from target '//luv/codec/forbidden_edge:codec_uses_uv'" <<<"$output"; then
  echo "FAIL: the build failed, but not for visibility:" >&2
  echo "$output" >&2
  exit 1
fi
echo "PASS: //luv/uv refuses //luv/codec/forbidden_edge (visibility)"
