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

# Renders the dashboard of the committed fixture runs (testdata/) in headless
# Chromium, three times (all of them, all but the latest, the first two),
# and checks the DOM its script built against the fixtures (check_dom.lua):
# the banner, the summary chart, the legend, every chart, bar, ratio and
# trend line. Also checks that the page refers to nothing outside itself,
# and leaves screenshots in the test's undeclared outputs for a person to
# look at.
#   dashboard_test.sh LUA GENERATE.lua FIXTURE.json...
set -euo pipefail
lua=$(pwd)/$1 tools=$(pwd)/$(dirname "$2")
shift 2
fixtures=()
for f in "$@"; do fixtures+=("$(pwd)/$f"); done

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium is not installed: tools/bootstrap.sh installs it (Debian package chromium);" \
    "without it, leave this test out with --test_tag_filters=-chromium" >&2
  exit 1
fi

export HOME=$TEST_TMPDIR  # Chromium writes caches under HOME
run_chromium() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$TEST_TMPDIR/profile.XXXXXX")" "$@" 2>> "$TEST_TMPDIR/chromium.log"
}

# check NAME FIXTURE...: the page of these runs, rendered and checked.
check() {
  local name=$1 out=$TEST_TMPDIR/$1
  shift
  echo "== $name: the latest of $# run(s) is $(basename "${@: -1}")"
  mkdir -p "$out"
  LUA_PATH="$tools/?.lua" "$lua" "$tools/generate.lua" "$out" "$@"
  # Offline: no script, style, image or link from elsewhere.
  if grep -nE "(src|href)=[\"']?(https?:|//)|url\(|@import" "$out/index.html"; then
    echo "the page refers to something outside itself (above)" >&2
    exit 1
  fi
  if ! run_chromium --dump-dom "file://$out/index.html" > "$out/dom.html"; then
    tail -20 "$TEST_TMPDIR/chromium.log" >&2
    exit 1
  fi
  LUA_PATH="$tools/?.lua" "$lua" "$tools/check_dom.lua" "$out/dom.html" "$@"
  local shot=${TEST_UNDECLARED_OUTPUTS_DIR:-$TEST_TMPDIR}/dashboard-$name.png
  run_chromium --window-size=1200,1600 --screenshot="$shot" "file://$out/index.html" > /dev/null
  [ -s "$shot" ] || { echo "no screenshot" >&2; exit 1; }
  echo "screenshot: $shot"
}

# The fixtures, oldest first: three full runs, one --quick, and a last
# full run on a loaded machine (a limit luv beats, a declared baseline).
# All of them: the latest is loaded (a banner); 3 comparable runs (trends).
check loaded "${fixtures[@]}"
# Without the loaded run: the latest is a full run (no banner).
check full "${fixtures[@]:0:${#fixtures[@]}-1}"
# The first two: a trend of 2 points is not drawn.
check short "${fixtures[@]:0:2}"
