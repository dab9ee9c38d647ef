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

# Packs the checked-out commit as a LuaRocks source rock:
#   tools/make_src_rock.sh [OUT_DIR=.]
# writes OUT_DIR/luv-<version>-1.src.rock, which holds the rockspec and
# luv-<version>.tar.gz (git archive of HEAD: commit first, uncommitted
# changes are not in it). On a Debian 12 machine with the packages of
# tools/packages.txt, `luarocks build luv-<version>-1.src.rock` installs it
# without a network.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(realpath "${1:-.}")
version=$(sed -n 's/^LUV_VERSION = "\(.*\)"$/\1/p' luv/version.bzl)
rockspec=luv-$version-1.rockspec
work=$(mktemp -d "${TMPDIR:-/tmp}/luv-src-rock.XXXXXX")
trap 'rm -rf "$work"' EXIT
git archive --prefix="luv-$version/" -o "$work/luv-$version.tar.gz" HEAD
# The packed rockspec names the archive the rock carries.
sed "s|^  url = \"git+file:.\",|  url = \"file://$work/luv-$version.tar.gz\",|" "$rockspec" > "$work/$rockspec"
grep -q "file://$work/" "$work/$rockspec" || { echo "make_src_rock: no source.url line in $rockspec" >&2; exit 1; }
(cd "$work" && luarocks --lua-version 5.1 pack "$rockspec" >&2)
mv "$work/luv-$version-1.src.rock" "$out/"
echo "$out/luv-$version-1.src.rock"
