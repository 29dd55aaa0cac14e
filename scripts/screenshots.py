"""make screenshots: regenerate the README's pictures from the sample county.

    make screenshots            (offscreen Qt platform; Chinese UI)

Writes docs/screenshots/: the 规划指标 dock on both plans of one store, the
styled occupation result, a map sheet with a long legend and the transition
matrix of the change report.  Every picture is painted by the real widgets,
renderers and layouts, from the outputs the algorithms write.
"""

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample" / "sample_county.gpkg"


def init(language):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import landplan_plugin
    from landplan_plugin.translation import install_translator

    install_translator(language)
    plugin = landplan_plugin.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def layer(name):
    return "{}|layername={}".format(SAMPLE, name)


def shoot_dock(app, out, work):
    import processing

    from landplan_plugin.core.indicators.store import IndicatorStore
    from landplan_plugin.paths import resource
    from landplan_plugin.ui.indicator_dock import IndicatorDock

    store_path = os.path.join(work, "指标.gpkg")
    for table, name in (
        ("jiangxi_14th_natural_resources.csv", "江西省“十四五”自然资源保护和利用规划"),
        ("county_14th_natural_resources_targets.csv", "样例县“十四五”规划目标"),
    ):
        processing.run(
            "landplan:importindicators",
            {"INPUT": str(resource("indicators", table)), "STORE": store_path, "PLAN_NAME": name},
        )
    store = IndicatorStore(store_path)
    for plan in store.plans():
        rows = store.indicators(plan["plan_id"])
        for row, share in zip(rows[:3], (0.95, 1.02, 0.7)):
            if row.get("target_value"):
                first = plan.get("base_year") or 2021
                store.record_observation(row["indicator_id"], first + 2, row["target_value"] * share)
    dock = IndicatorDock()
    dock.resize(1300, 760)
    dock.open_store(store_path)
    dock.show()
    for index in range(dock.plan_combo.count()):
        dock.plan_combo.setCurrentIndex(index)
        dock.view.resizeColumnsToContents()
        first = next(iter(dock.layer.getFeatures()), None)
        if first is not None:
            dock.layer.selectByIds([first.id()])
        for _ in range(10):
            app.processEvents()
        dock.grab().save(str(out / "dock_plan_{}.png".format(index + 1)))
    dock._release_layer()


def shoot_occupation(out, work):
    import processing
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from landplan_plugin.core.symbology import landuse_renderer

    pieces = os.path.join(work, "pieces.gpkg")
    processing.run(
        "landplan:farmlandoccupation",
        {
            "PROJECTS": layer("projects"),
            "PROJECT_ID_FIELD": "XMBH",
            "LANDUSE": layer("DLTB"),
            "BASIC_FARMLAND": layer("YJJBNT"),
            "REPAIR_INVALID": True,
            "OUTPUT_PIECES": pieces,
            "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
        },
    )
    result = QgsVectorLayer(pieces, "pieces", "ogr")  # opens with the style stored in layer_styles
    base = QgsVectorLayer(layer("DLTB"), "DLTB", "ogr")
    renderer = landuse_renderer("DLBM")
    for category in renderer.categories():
        colour = category.symbol().color()
        colour.setAlpha(70)
        category.symbol().setColor(colour)
    base.setRenderer(renderer)
    settings = QgsMapSettings()
    settings.setLayers([result, base])
    settings.setDestinationCrs(result.crs())
    extent = result.extent()
    extent.scale(1.15)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1000, 760))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(out / "occupation_styled.png"))


def shoot_sheet(out, work):
    import processing
    from qgis.core import QgsVectorLayer

    from testdata import rect, write_gpkg

    extent = QgsVectorLayer(layer("DLTB"), "d", "ogr").extent()
    coverage = write_gpkg(
        Path(work) / "county.gpkg",
        {
            "cov": (
                "Polygon",
                "EPSG:4547",
                [("XMBH", "str"), ("XMMC", "str")],
                [
                    (
                        rect(
                            extent.xMinimum() + 10,
                            extent.yMinimum() + 10,
                            extent.xMaximum() - 10,
                            extent.yMaximum() - 10,
                        ),
                        {"XMBH": "全县", "XMMC": "样例县土地利用现状"},
                    )
                ],
            )
        },
    )
    folder = os.path.join(work, "sheet")
    processing.run(
        "landplan:exportmapsheets",
        {
            "COVERAGE": coverage + "|layername=cov",
            "ID_FIELD": "XMBH",
            "PROJECT_NAME_FIELD": "XMMC",
            "LAYERS": [layer("DLTB"), layer("YJJBNT")],
            "TEMPLATE": 0,
            "ORGANIZATION": "样例县自然资源局",
            "SCALES": "50000,100000",
            "FORMAT": 1,
            "DPI": 90,
            "OUTPUT_FOLDER": folder,
        },
    )
    os.replace(os.path.join(folder, "全县.png"), str(out / "sheet_long_legend.png"))


def shoot_matrix(out, work):
    import processing
    from qgis.PyQt.QtGui import QColor, QImage, QPainter, QTextDocument

    report = os.path.join(work, "change.html")
    processing.run(
        "landplan:farmlandchange",
        {
            "BEFORE": layer("DLTB"),
            "AFTER": layer("DLTB_2023"),
            "REPAIR_INVALID": True,
            "OUTPUT_CHANGES": "TEMPORARY_OUTPUT",
            "OUTPUT_MATRIX": "TEMPORARY_OUTPUT",
            "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT",
            "OUTPUT_REPORT": report,
        },
    )
    text = open(report, encoding="utf-8").read()
    table = re.search(r"<h2>地类转移矩阵.*?</table>", text, re.S).group(0)
    document = QTextDocument()
    document.setDefaultStyleSheet("th, td { padding: 3px; } td { text-align: right; } th { background: #eef0e4; }")
    document.setHtml('<table border="1" cellspacing="0" cellpadding="3">'.join(table.split('<table class="wide">')))
    document.setTextWidth(1500)
    size = document.size()
    image = QImage(int(size.width()) + 20, int(size.height()) + 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(10, 10)
    document.drawContents(painter)
    painter.end()
    image.save(str(out / "change_matrix.png"))


def main():
    sys.path.insert(0, str(ROOT / "tests"))
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app, _plugin = init(os.environ.get("LANDPLAN_SCREENSHOT_LOCALE", "zh_CN"))
    work = tempfile.mkdtemp(prefix="landplan-shots-")
    shoot_dock(app, out, work)
    shoot_occupation(out, work)
    shoot_sheet(out, work)
    shoot_matrix(out, work)
    for path in sorted(out.glob("*.png")):
        print("wrote", path.relative_to(ROOT))
    sys.stdout.flush()
    os._exit(0)  # skip Qt/QGIS teardown order issues at interpreter exit


if __name__ == "__main__":
    main()
