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

# needed_libraries_test.sh LUV_SO: fails when luv.so needs a shared library
# outside the list below. Each listed soname is kept stable across Debian
# releases; anything else (abseil, whose soname changes with every release)
# must be linked statically or not used, or an upgrade breaks every
# installed luv.so.
set -u
so=$1
readelf=$(command -v readelf || command -v llvm-readelf-14 || command -v llvm-readelf)
if [ -z "$readelf" ]; then
  echo "needed_libraries_test: no readelf (Debian binutils or llvm-14)" >&2
  exit 1
fi
allowed='^(libuv\.so\.1|libzmq\.so\.5|libsodium\.so\.23|libssl\.so\.3|libcrypto\.so\.3|libstdc\+\+\.so\.6|libm\.so\.6|libgcc_s\.so\.1|libc\.so\.6|ld-linux-x86-64\.so\.2)$'
needed=$("$readelf" -d "$so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if [ -z "$needed" ]; then
  echo "needed_libraries_test: no NEEDED entries read from $so" >&2
  exit 1
fi
unstable=$(echo "$needed" | grep -Ev "$allowed")
echo "luv.so needs:" $needed
if [ -n "$unstable" ]; then
  echo "luv.so needs libraries without a stable soname:" $unstable >&2
  exit 1
fi
