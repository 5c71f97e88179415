#!/usr/bin/env bash
# Install what is needed (scripts/install.sh), then run the test suite:
#   bash scripts/test.sh                 # all tests, in parallel (pytest-xdist, one worker per core)
#   bash scripts/test.sh -k schema -n0   # extra arguments go to pytest (-n0: no parallelism)
# The exit code is pytest's, except that "no tests collected" (pytest's 5) is a failure too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/install.sh"
cd "$ROOT"

args=()
# Parallel unless the caller chose (-n/--numprocesses, or -p no:xdist).
if [[ " $* " != *" -n"* && " $* " != *" --numprocesses"* && " $* " != *"no:xdist"* ]]; then
    args+=(-n "${CONVERT_TEST_WORKERS:-auto}")
fi

set +e
.venv/bin/python -m pytest "${args[@]}" "$@"
rc=$?
set -e
if ((rc == 5)); then
    echo "test.sh: pytest collected no tests; failing" >&2
    exit 1
fi
exit "$rc"
