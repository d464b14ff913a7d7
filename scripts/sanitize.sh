#!/usr/bin/env bash
# Builds the unit and integration tests with AddressSanitizer + UBSan (RCS_SANITIZE=ON) in build-asan
# and runs them. Only the test executables are built (not the GUI app or benches) so the whole run stays
# well under 30 minutes on 2 cores. Extra arguments go to ctest (e.g. -R tst_slot_set).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${RCS_ASAN_BUILD_DIR:-build-asan}
jobs=${RCS_JOBS:-2}
labels=${RCS_SANITIZE_LABELS:-unit|integration}

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRCS_SANITIZE=ON >/dev/null

# ctest test names are the executable target names (rcs_add_test registers one per executable).
mapfile -t targets < <(cd "$build_dir" && ctest -N -L "$labels" | sed -n 's/^ *Test *#[0-9]*: *//p')
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "sanitize.sh: no tests carry the labels '$labels'" >&2
  exit 1
fi
echo "sanitize.sh: building ${#targets[@]} test executables with ASan+UBSan in $build_dir"
# -k 0: one target that does not build (e.g. a half-edited file in a shared tree) does not keep the
# others from building and running; its test then shows as "Not Run" and the script fails.
build_status=0
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]}" -- -k 0 || build_status=$?

# halt_on_error makes any UBSan finding fail the test instead of only printing it. Qt and hiredis keep
# some allocations for the process lifetime, so leak detection is left to the explicit LSan opt-in.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=${RCS_DETECT_LEAKS:-0}:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build_dir"
build_seconds=$SECONDS
test_status=0
ctest --output-on-failure --parallel "$jobs" -L "$labels" --timeout 1200 "$@" || test_status=$?
echo "sanitize.sh: build $((build_seconds / 60)) min $((build_seconds % 60)) s, total $((SECONDS / 60)) min $((SECONDS % 60)) s"
if [[ $build_status -ne 0 ]]; then
  echo "sanitize.sh: some test executables did not build (see above)" >&2
  exit "$build_status"
fi
exit "$test_status"
