#!/usr/bin/env bash
# One leg of `make test`: the whole suite on one QGIS (3.22 or 3.40).
# Prints the QGIS version it tested, then pytest's own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
leg="$1"
shift
eval "$(bash scripts/qgis_env.sh "$leg")"
version="$(.venv/bin/python -c 'from qgis.core import Qgis; print(Qgis.version())')"
echo "==== LandPlan tests on QGIS $version (leg $leg) ===="
.venv/bin/python -m pytest tests "$@"
