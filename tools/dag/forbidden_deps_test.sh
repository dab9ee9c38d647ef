#!/bin/sh
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
