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

# Shared by the benchmark runners (sourced, not run). A runner reads its
# options with bench_options, declares groups of comparable figures with
# bench_group, records samples with bench_run or bench_add, prints its own
# table (bench_median, bench_ratio) and ends with write_json. The JSON it
# writes is described in docs/bench-schema.md.

BENCH_RUNS=3       # samples per figure; --quick makes it 1
BENCH_QUICK=false  # --quick: smaller work, one sample, for CI smoke runs
BENCH_GROUPS=()    # group ids, in the order they were declared
declare -A BENCH_TITLE BENCH_UNIT BENCH_BETTER BENCH_IMPLS BENCH_SAMPLES BENCH_ROLE BENCH_REASON BENCH_PARAM

# bench_options ARGS...: the options a user passes after `--`:
#   --quick     one short sample of each figure (seconds in all)
#   --runs N    N samples of each figure (default 3)
bench_options() {
  while [ $# -gt 0 ]; do
    case $1 in
      --quick) BENCH_QUICK=true; BENCH_RUNS=1 ;;
      --runs) BENCH_RUNS=$2; shift ;;
      *) echo "unknown option: $1 (expected --quick or --runs N)" >&2; return 2 ;;
    esac
    shift
  done
}

# bench_pin: for a runner whose programs each use one CPU. It pins the
# runner itself, so every program it starts inherits the same CPU: the
# VMs we measure on can give their two vCPUs very different speeds (bare
# C ran at half to two thirds of its rate on the other vCPU here), and
# the kernel puts each new process on either, so unpinned runs compare
# luv and its peer on different CPUs. The CPU is BENCH_CPU, else the
# first one this shell may run on (a container's cpuset may leave out
# CPU 0). Nothing is pinned on one CPU, without taskset, or if pinning
# fails.
bench_pin() {
  command -v taskset > /dev/null || return 0
  [ "$(nproc)" -gt 1 ] || return 0
  local allowed cpu
  allowed=$(taskset -cp $$ 2> /dev/null) || return 0
  allowed=${allowed##*: }  # "pid N's current affinity list: 0-3,6"
  cpu=${BENCH_CPU:-${allowed%%[-,]*}}
  if ! taskset -cp "$cpu" $$ > /dev/null 2>&1; then
    echo "bench_pin: cannot run on CPU $cpu; the programs are not pinned" >&2
    return 0
  fi
  bench_param pinned_cpu "$cpu"
}

# bench_group ID UNIT BETTER TITLE: declares figures that measure the same
# work, so they can be compared. BETTER is "higher" or "lower".
bench_group() {
  case $3 in higher | lower) ;; *) echo "bench_group $1: BETTER must be higher or lower" >&2; return 2 ;; esac
  BENCH_GROUPS+=("$1")
  BENCH_UNIT[$1]=$2 BENCH_BETTER[$1]=$3 BENCH_TITLE[$1]=$4 BENCH_IMPLS[$1]=""
}

# bench_role IMPL ROLE [REASON]: "limit" for a floor nothing can beat (bare
# C, a plain Lua loop), "baseline" for a plain program luv can beat, with
# REASON saying why in a few words, "peer" (the default) for another
# library. The implementation named "luv" is always luv itself.
bench_role() {
  case $2 in
    limit | peer) ;;
    baseline) [ -n "${3:-}" ] || { echo "bench_role $1: a baseline needs a reason" >&2; return 2; } ;;
    *) echo "bench_role $1: ROLE must be limit, baseline or peer" >&2; return 2 ;;
  esac
  BENCH_ROLE[$1]=$2 BENCH_REASON[$1]=${3:-}
}

# bench_param NAME VALUE: a parameter of the run (a size, a count).
bench_param() { BENCH_PARAM[$1]=$2; }

# bench_add GROUP IMPL VALUE: records one sample.
bench_add() {
  local group=$1 impl=$2 value=$3
  if [ -z "${BENCH_UNIT[$group]+set}" ]; then echo "bench_add: no group $group" >&2; return 2; fi
  if ! [[ $value =~ ^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$ ]]; then
    echo "bench_add $group $impl: not a number: '$value'" >&2
    return 2
  fi
  case " ${BENCH_IMPLS[$group]} " in
    *" $impl "*) ;;
    *) BENCH_IMPLS[$group]="${BENCH_IMPLS[$group]:+${BENCH_IMPLS[$group]} }$impl" ;;
  esac
  BENCH_SAMPLES[$group.$impl]="${BENCH_SAMPLES[$group.$impl]:-}${BENCH_SAMPLES[$group.$impl]:+ }$value"
}

# bench_run GROUP IMPL COMMAND...: runs COMMAND $BENCH_RUNS times and records
# the second field of the first line it prints ("<name> <figure>").
bench_run() {
  local group=$1 impl=$2 value
  shift 2
  for _ in $(seq "$BENCH_RUNS"); do
    value=$("$@" | awk 'NR == 1 { print $2 }')
    bench_add "$group" "$impl" "$value"
  done
}

# bench_stat GROUP IMPL min|median|max: a statistic of the samples.
bench_stat() {
  local samples=${BENCH_SAMPLES[$1.$2]:-}
  # One sample (--quick): it is every statistic; no sort or awk to start.
  if [ -n "$samples" ] && [[ $samples != *" "* ]]; then
    printf '%s\n' "$samples"
    return
  fi
  printf '%s\n' ${BENCH_SAMPLES[$1.$2]} | sort -g | awk -v want="$3" '
    { v[NR] = $1 }
    END {
      if (NR == 0) exit 1
      if (want == "min") x = v[1]
      else if (want == "max") x = v[NR]
      else if (NR % 2) x = v[(NR + 1) / 2]
      else x = (v[NR / 2] + v[NR / 2 + 1]) / 2
      print x
    }'
}

# bench_median GROUP IMPL: the median sample.
bench_median() { bench_stat "$1" "$2" median; }

# calc EXPR: an awk expression, printed with two decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

# bench_ratio GROUP IMPL OTHER: how many times better IMPL does than OTHER
# (medians; above 1 IMPL is better, whichever way the unit goes).
bench_ratio() {
  local a b
  a=$(bench_median "$1" "$2") b=$(bench_median "$1" "$3")
  if [ "${BENCH_BETTER[$1]}" = higher ]; then calc "$a / $b"; else calc "$b / $a"; fi
}

# bench_json_string TEXT: TEXT as a JSON string.
bench_json_string() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

# write_json NAME DESCRIPTION: writes every group to $LUV_BENCH_OUT/NAME.json
# (default: bench-results/ in the directory bazel ran from).
write_json() {
  local name=$1 description=$2
  local out=${LUV_BENCH_OUT:-${BUILD_WORKING_DIRECTORY:-.}/bench-results}
  mkdir -p "$out"
  local group impl key sep gsep fsep role reason samples stats escaped
  {
    printf '{\n  "schema": "luv-bench/1",\n  "benchmark": %s,\n' "$(bench_json_string "$name")"
    printf '  "description": %s,\n' "$(bench_json_string "$description")"
    printf '  "quick": %s,\n  "runs": %s,\n  "params": {' "$BENCH_QUICK" "$BENCH_RUNS"
    sep=""
    for key in $(printf '%s\n' "${!BENCH_PARAM[@]}" | sort); do
      printf '%s\n    %s: ' "$sep" "$(bench_json_string "$key")"
      if [[ ${BENCH_PARAM[$key]} =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
        printf '%s' "${BENCH_PARAM[$key]}"
      else
        bench_json_string "${BENCH_PARAM[$key]}"
      fi
      sep=","
    done
    printf '%s},\n  "groups": [' "${sep:+$'\n  '}"
    gsep=""
    for group in "${BENCH_GROUPS[@]}"; do
      [ -n "${BENCH_IMPLS[$group]}" ] || continue
      printf '%s\n    {"id": %s, "title": %s, "unit": %s, "better": "%s",\n     "figures": [' \
        "$gsep" "$(bench_json_string "$group")" "$(bench_json_string "${BENCH_TITLE[$group]}")" \
        "$(bench_json_string "${BENCH_UNIT[$group]}")" "${BENCH_BETTER[$group]}"
      fsep=""
      for impl in ${BENCH_IMPLS[$group]}; do
        role=${BENCH_ROLE[$impl]:-peer} reason=""
        [ "$impl" = luv ] && role=luv
        [ -z "${BENCH_REASON[$impl]:-}" ] || reason=" \"reason\": $(bench_json_string "${BENCH_REASON[$impl]}"),"
        samples=${BENCH_SAMPLES[$group.$impl]} escaped=${impl//\\/\\\\}
        escaped=${escaped//\"/\\\"}
        if [[ $samples == *" "* ]]; then
          stats=("$(bench_stat "$group" "$impl" min)" "$(bench_stat "$group" "$impl" median)"
                 "$(bench_stat "$group" "$impl" max)")
        else
          stats=("$samples" "$samples" "$samples")  # one sample: no subshells
        fi
        printf '%s\n       {"impl": "%s", "role": "%s",%s "min": %s, "median": %s, "max": %s, "samples": [%s]}' \
          "$fsep" "$escaped" "$role" "$reason" "${stats[@]}" "${samples// /, }"
        fsep=","
      done
      printf ']}'
      gsep=","
    done
    printf '\n  ]\n}\n'
  } > "$out/$name.json"
  echo "wrote $out/$name.json" >&2
}
