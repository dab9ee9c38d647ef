#!/bin/sh
# forbidden_deps_test.sh DEPS_FILE PATTERN: fails, listing them, when any
# target in DEPS_FILE (a genquery's output) matches the extended regular
# expression PATTERN.
set -u
deps=$1 pattern=$2
found=$(grep -E "$pattern" "$deps")
if [ -n "$found" ]; then
  echo "forbidden dependencies:" >&2
  echo "$found" >&2
  exit 1
fi
echo "$(wc -l < "$deps") targets, none forbidden"
