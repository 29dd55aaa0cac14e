#!/usr/bin/env bash
# Install what LandPlan needs from Debian when it is missing (QGIS 3.22 LTR,
# GDAL, Qt tools for translations, a CJK font, poppler for PDF checks,
# PostgreSQL 15 + PostGIS 3 and psycopg2 for the shared indicator store's tests,
# Java 17 for the Spark jobs, GEOS's headers to build shapely on QGIS's GEOS).
# Idempotent: does nothing when everything is there.
set -euo pipefail

PACKAGES=(qgis python3-qgis qgis-providers python3-gdal gdal-bin xvfb fonts-noto-cjk fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming
          python3-venv python3-dev libgeos-dev python3-pyproj pyqt5-dev-tools qttools5-dev-tools poppler-utils
          python3-openpyxl python3-jinja2 postgresql-15 postgresql-15-postgis-3 python3-psycopg2
          openjdk-17-jre-headless)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "LandPlan setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
