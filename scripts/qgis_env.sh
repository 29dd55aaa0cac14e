#!/usr/bin/env bash
# Print the environment (as `export` lines) that selects one installed QGIS:
#   eval "$(bash scripts/qgis_env.sh 3.22)"   Debian 12's own QGIS (/usr)
#   eval "$(bash scripts/qgis_env.sh 3.40)"   the LTR unpacked by setup_qgis340.sh
# QGIS_PROCESS names the qgis_process binary of that QGIS (the tests, the demo
# and the benchmarks call it).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
case "${1:-3.22}" in
  3.22)
    echo "export QGIS_PROCESS=/usr/bin/qgis_process.bin"
    echo "unset QGIS_PREFIX_PATH"
    ;;
  3.40)
    P="$ROOT/.qgis-3.40/usr"
    test -d "$P" || { echo "QGIS 3.40 not set up: run bash scripts/setup_qgis340.sh" >&2; exit 1; }
    echo "export QGIS_PREFIX_PATH=$P"
    echo "export PYTHONPATH=$P/lib/python3/dist-packages:$P/share/qgis/python/plugins\${PYTHONPATH:+:\$PYTHONPATH}"
    echo "export QGIS_PROCESS=$P/bin/qgis_process.bin"
    ;;
  *)
    echo "unknown QGIS leg: $1 (3.22 or 3.40)" >&2
    exit 1
    ;;
esac
