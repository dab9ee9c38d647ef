#!/usr/bin/env bash
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
