#!/usr/bin/env bash
# Every source file in the repository carries the Apache-2.0 notice near its
# top (LICENSE's appendix asks for it): a step of .ci/run, reading the files
# git tracks. Prints "license_headers_test: N files ok" or lists the files
# without it and exits 1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
missing=()
count=0
while IFS= read -r file; do
  count=$((count + 1))
  head -n 20 "$file" | grep -q 'Licensed under the Apache License, Version 2.0' ||
    missing+=("$file")
done < <(git ls-files -- '*.cc' '*.h' '*.c' '*.lua' '*.sh' '*.bzl' '*.bazel' '*.BUILD' \
  '*.js' '*.css' '*.html' '*.rockspec' WORKSPACE luvw .ci/run)
if [ ${#missing[@]} -gt 0 ]; then
  printf 'license_headers_test: no Apache-2.0 notice in %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "license_headers_test: $count files ok"
