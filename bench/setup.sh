#!/usr/bin/env bash
# Install the project (scripts/install.sh) and the benchmark's anchors: Debian's pandoc (2.17)
# WeasyPrint and typst (PyPI, pinned in bench/requirements.txt), then run the benchmark:
#   bash bench/setup.sh            # figures into bench/results.md
#   bash bench/setup.sh --corpus 50 --single 3   # a quicker run
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/install.sh"
cd "$ROOT"
if ! command -v pandoc >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc </dev/null
fi
.venv/bin/python -m pip -q install -r bench/requirements.txt 2> >(grep -v "^WARNING: Location" >&2)
exec .venv/bin/python bench/run.py "$@"
