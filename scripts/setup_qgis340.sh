#!/usr/bin/env bash
# QGIS 3.40 LTR beside Debian 12's own QGIS 3.22, for the second test leg.
#
# How the two live side by side:
# * the versioned libraries (libqgis-core3.40.6 …) have their own package
#   names and sonames, so apt installs them from bookworm-backports next to
#   3.22's (their dependencies come from bookworm main);
# * the six packages whose names 3.22 also uses (qgis, qgis-common,
#   python3-qgis, python3-qgis-common, qgis-providers, qgis-providers-common)
#   are downloaded and unpacked into $PREFIX (default .qgis-3.40) instead of
#   installed.  scripts/qgis_env.sh then points PYTHONPATH, QGIS_PREFIX_PATH
#   and PATH there.
# Idempotent: does nothing when $PREFIX/.complete exists.
set -euo pipefail

PREFIX="${1:-$(cd "$(dirname "$0")/.." && pwd)/.qgis-3.40}"
VERSION="${QGIS340_VERSION:-3.40.6}"
SUITE=bookworm-backports

if [ -f "$PREFIX/.complete" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

if ! grep -rqs "$SUITE" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "LandPlan setup: adding Debian's $SUITE suite (QGIS $VERSION LTR)"
  echo "deb http://deb.debian.org/debian $SUITE main" | $SUDO tee /etc/apt/sources.list.d/landplan-$SUITE.list >/dev/null
  $SUDO apt-get update -qq
fi
if ! apt-cache show "libqgis-core$VERSION" >/dev/null 2>&1; then
  $SUDO apt-get update -qq
fi

LIBS=(libqgis-core libqgis-gui libqgis-analysis libqgis-3d libqgis-app libqgis-native libqgis-server libqgispython)
WANT=()
for lib in "${LIBS[@]}"; do
  WANT+=("$lib$VERSION/$SUITE")
done
# python3-qgis 3.40's own Python dependencies that 3.22 did not pull in
WANT+=(python3-pyqt5.qtmultimedia python3-pyqt5.qtpositioning python3-pyqt5.qtserialport python3-yaml
       python3-pygments python3-psycopg2 python3-lxml python3-owslib)
echo "LandPlan setup: installing QGIS $VERSION libraries beside 3.22"
$SUDO apt-get install -y -qq --no-install-recommends "${WANT[@]}" >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  apt-get download -qq \
    "qgis/$SUITE" "qgis-common/$SUITE" "python3-qgis/$SUITE" "python3-qgis-common/$SUITE" \
    "qgis-providers/$SUITE" "qgis-providers-common/$SUITE"
)
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
for deb in "$work"/*.deb; do
  dpkg-deb -x "$deb" "$PREFIX"
done
# qgis_process loads its Python support from <prefix>/lib/libqgispython.so
for so in /usr/lib/libqgispython.so."$VERSION"; do
  ln -sf "$so" "$PREFIX/usr/lib/libqgispython.so"
  ln -sf "$so" "$PREFIX/usr/lib/$(basename "$so")"
done
touch "$PREFIX/.complete"
echo "LandPlan setup: QGIS $VERSION unpacked in $PREFIX"
