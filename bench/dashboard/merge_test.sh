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

# merge.lua: nests the run's metadata, keeps each benchmark's figures,
# computes luv's ratio to every contender both ways round (higher and lower
# is better), and reports a missing, malformed or failed result as such.
#   merge_test.sh LUA MERGE.lua
set -euo pipefail
lua=$(pwd)/$1 tools=$(pwd)/$(dirname "$2")
work=$TEST_TMPDIR/merge
mkdir -p "$work/results"
printf 'date\t2024-01-01T00:00:00Z\ncommit\tabc\nquick\tfalse\nmachine.cores\t2\nmachine.cpu\tSome CPU 3.0\n' > "$work/meta"
printf 'good\tok\t12\t\nwrong\tok\t3\t\nabsent\tok\t1\t\nslow\ttimeout\t240\tstopped after 240 s\n' > "$work/status"
cat > "$work/results/good.json" <<'JSON'
{"schema": "luv-bench/1", "benchmark": "good", "description": "d", "quick": false, "runs": 3,
 "params": {}, "groups": [
  {"id": "rate", "title": "t", "unit": "ops/s", "better": "higher", "figures": [
    {"impl": "luv", "role": "luv", "min": 90, "median": 100, "max": 110, "samples": [90, 100, 110]},
    {"impl": "peer", "role": "peer", "min": 40, "median": 50, "max": 60, "samples": [40, 50, 60]}]},
  {"id": "time", "title": "t", "unit": "s", "better": "lower", "figures": [
    {"impl": "luv", "role": "luv", "min": 2, "median": 2, "max": 2, "samples": [2]},
    {"impl": "floor", "role": "limit", "min": 1, "median": 1, "max": 1, "samples": [1]},
    {"impl": "peer", "role": "peer", "min": 3, "median": 3, "max": 3, "samples": [3]}]}]}
JSON
echo '{"benchmark": "wrong", "rate": 5}' > "$work/results/wrong.json"

LUA_PATH="$tools/?.lua" "$lua" "$tools/merge.lua" "$work/run.json" "$work/meta" "$work/status" "$work/results"
LUA_PATH="$tools/?.lua" "$lua" - "$work/run.json" <<'LUA'
local json = require("json")
local run = json.decode(assert(io.open(arg[1])):read("*a"))
local failures = 0
local function eq(got, want, what)
  if got ~= want then
    failures = failures + 1
    print(string.format("%s: got %s, want %s", what, tostring(got), tostring(want)))
  end
end
eq(run.schema, "luv-bench-run/1", "schema")
eq(run.machine.cores, 2, "machine.cores is a number")
eq(run.machine.cpu, "Some CPU 3.0", "machine.cpu")
eq(run.quick, false, "quick is a boolean")
eq(#run.benchmarks, 4, "benchmarks")
local good, wrong, absent, slow = unpack(run.benchmarks)
eq(good.status, "ok", "good status")
eq(good.seconds, 12, "good seconds")
eq(good.groups[1].ratios.peer, 2, "higher is better: 100 / 50")
eq(good.groups[2].ratios.peer, 1.5, "lower is better: 3 / 2")
eq(good.groups[2].ratios.floor, 0.5, "a limit: 1 / 2")
eq(good.groups[1].figures[1].median, 100, "figures kept")
eq(wrong.status, "bad-result", "not the schema")
eq(absent.status, "bad-result", "no file")
eq(absent.message, "wrote no absent.json", "no file message")
eq(slow.status, "timeout", "timeout kept")
eq(slow.message, "stopped after 240 s", "timeout message")
if failures > 0 then os.exit(1) end
print("merge: all checks passed")
LUA
