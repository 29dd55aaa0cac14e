"""A second program writing the indicator store, for the integrity tests.

Runs without QGIS (the store is plain SQLite or PostgreSQL through
psycopg2), so a test can start, kill and race it cheaply.  STORE is a
GeoPackage path or ``pg:SCHEMA:CONNINFO``:

* ``import STORE PLAN COUNT VALUE`` – write a plan of COUNT indicators whose
  targets are all VALUE, in one transaction (core.indicators.importer);
* ``edit STORE`` – read commands ``ID VERSION VALUE DELAY_MS`` from stdin,
  save each as the dock does (IndicatorStore.apply_edits) after the delay,
  answer ``won`` or ``lost`` per line.
"""

import os
import sys
import time

sys.path.insert(0, os.environ.get("LANDPLAN_PLUGIN_DIR", os.path.join(os.path.dirname(__file__), "..")))

from landplan_plugin.core.indicators import importer  # noqa: E402
from landplan_plugin.core.indicators.pg_store import PgLocation  # noqa: E402
from landplan_plugin.core.indicators.store import ConflictError, open_store  # noqa: E402


def location(text):
    if text.startswith("pg:"):
        _pg, schema, conninfo = text.split(":", 2)
        return PgLocation(conninfo, schema)
    return text


def indicators(count, value):
    return [{"seq": n, "name": "指标{:05d}".format(n), "unit": "公顷", "target_value": value} for n in range(count)]


def main(argv):
    if argv[1] == "import":
        store = open_store(location(argv[2]))
        importer.write_plan(store, argv[3], {"base_year": 2020}, indicators(int(argv[4]), float(argv[5])))
        return 0
    store = open_store(location(argv[2]), create=False)
    plan_id = store.plans()[0]["plan_id"]
    for line in sys.stdin:
        indicator_id, version, value, delay = line.split()
        time.sleep(float(delay) / 1000.0)
        try:
            store.apply_edits(
                plan_id,
                {int(indicator_id): {"target_value": float(value)}},
                expected_versions={int(indicator_id): int(version)},
            )
            answer = "won"
        except ConflictError:
            answer = "lost"
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
