#!/usr/bin/env bash
# Install what is needed (scripts/install.sh), then convert every sample to every format:
#   bash scripts/samples.sh              # writes output/<sample>.{tei.xml,pdf,epub,txt,…}
# Extra arguments go to `convert` (for example --check).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/install.sh"
cd "$ROOT"
exec .venv/bin/convert samples/*.txt --to all -o output/ "$@"
