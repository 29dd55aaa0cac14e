"""Screenshot of the 规划指标 dock with the imported Jiangxi table.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_dock.py docs/indicator_dock.png

Imports the seed table into a scratch store, records two observations so the
status colours show, opens the dock in a window and grabs it.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(target):
    from run import init_qgis

    app, plugin = init_qgis()
    import processing

    from landplan_plugin.core.indicators.store import IndicatorStore
    from landplan_plugin.paths import resource
    from landplan_plugin.ui.indicator_dock import IndicatorDock

    folder = tempfile.mkdtemp()
    store_path = os.path.join(folder, "指标.gpkg")
    processing.run(
        "landplan:importindicators",
        {
            "INPUT": str(resource("indicators", "jiangxi_14th_natural_resources.csv")),
            "STORE": store_path,
            "PLAN_NAME": "江西省“十四五”自然资源保护和利用规划",
        },
    )
    store = IndicatorStore(store_path)
    plan = store.plans()[0]
    rows = {i["name"]: i for i in store.indicators(plan["plan_id"])}
    store.record_observation(rows["高标准农田建设面积"]["indicator_id"], 2023, 2800.0)
    store.record_observation(rows["新发现大中型规模矿产地"]["indicator_id"], 2023, 9.0)
    dock = IndicatorDock()
    dock.resize(1300, 760)
    dock.open_store(store_path)
    dock.view.resizeColumnsToContents()
    dock.show()
    for _ in range(20):
        app.processEvents()
    dock.grab().save(str(target))
    print("wrote", target)
    dock._release_layer()
    sys.stdout.flush()
    os._exit(0)  # skip Qt/QGIS teardown order issues at interpreter exit


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "indicator_dock.png")
