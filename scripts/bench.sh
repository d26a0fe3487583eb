#!/usr/bin/env bash
# Runs every benchmark side by side and rewrites docs/benchmarks.md (see bench/compare.py).
set -euo pipefail
build=${1:-build}
exec /usr/bin/python3 "$(dirname "$0")/../bench/compare.py" "$build" ${BENCH_ARGS:-}
