#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# in build-fuzz/, then runs each for FUZZ_SECONDS seconds (default 60).
#   FUZZ_SECONDS=300 scripts/fuzz.sh            # every target
#   scripts/fuzz.sh config_fuzz                 # only the named targets
# Crashes are written to build-fuzz/crashes/<target>/ and make the script fail; the growing corpus
# is kept in build-fuzz/corpus/<target>/ (seeded from fuzz/corpus/<target>/).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-2}

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found; run scripts/install-deps.sh" >&2
  exit 1
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DEC2_FUZZ=ON -DEC2_SANITIZE=ON \
  -DEC2_BUILD_TESTS=ON -DEC2_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target fuzzers -j "$jobs"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(grep -v '^$' "$build/fuzz/fuzz-targets.txt")
fi

failed=()
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  crashes=$build/crashes/$target
  mkdir -p "$corpus" "$crashes"
  args=(-max_total_time="$seconds" -artifact_prefix="$crashes/" -print_final_stats=1)
  [ -f "$root/fuzz/$target.dict" ] && args+=(-dict="$root/fuzz/$target.dict")
  seeds=()
  [ -d "$root/fuzz/corpus/$target" ] && seeds+=("$root/fuzz/corpus/$target")
  echo "== $target: ${seconds}s"
  if ! "$build/fuzz/$target" "${args[@]}" "$corpus" "${seeds[@]}" 2>"$build/$target.log"; then
    failed+=("$target")
    tail -n 40 "$build/$target.log" >&2
  else
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$build/$target.log" || true
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: failures in: ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
echo "fuzz.sh: no failures"
