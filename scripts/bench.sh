#!/usr/bin/env bash
# Runs the benchmarks and updates docs/benchmarks.md. BENCH selects what runs:
#   all (default)  every benchmark side by side; rewrites the whole file (bench/compare.py)
#   accounts       only the 50-account inventory benchmark; rewrites its section (bench/accounts.py)
# BENCH_ARGS are passed on (e.g. BENCH_ARGS="--runs 3").
set -euo pipefail
build=${1:-build}
bench=$(dirname "$0")/../bench
case "${BENCH:-all}" in
  all) exec /usr/bin/python3 "$bench/compare.py" "$build" ${BENCH_ARGS:-} ;;
  accounts) exec /usr/bin/python3 "$bench/accounts.py" "$build" ${BENCH_ARGS:-} ;;
  *) echo "bench.sh: unknown BENCH '${BENCH}' (all, accounts)" >&2; exit 2 ;;
esac
