# Shared by the benchmark runners (sourced, not run).

# median: the middle of three numbers on stdin.
median() { sort -g | sed -n 2p; }

# run3 COMMAND...: the median of the second field of the first line that
# three runs of COMMAND print ("<name> <figure>").
run3() { for _ in 1 2 3; do "$@" | awk '{print $2; exit}'; done | median; }

# calc EXPR: an awk expression, printed with two decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

# write_json NAME ARRAY: writes the associative array named ARRAY (figure
# name -> number) to bench-results/NAME.json in the directory bazel ran from.
write_json() {
  local name=$1
  local -n figures=$2
  local out=${BUILD_WORKING_DIRECTORY:-.}/bench-results
  mkdir -p "$out"
  {
    echo "{"
    printf '  "benchmark": "%s"' "$name"
    local key
    for key in "${!figures[@]}"; do printf ',\n  "%s": %s' "$key" "${figures[$key]}"; done
    printf '\n}\n'
  } > "$out/$name.json"
  echo "wrote $out/$name.json" >&2
}
