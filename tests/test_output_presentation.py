"""Outputs load ready to use: 公顷/亩 companions, output precision, aliases
and styles, in the layer that loads and in the GeoPackage's layer_styles."""

import sqlite3

import processing
import pytest
from qgis.core import QgsProcessing, QgsProcessingContext, QgsProject, QgsVectorLayer

from test_alg_farmland_occupation import county, params, run  # noqa: F401 - fixture reused


def test_summary_has_hectare_and_mu_companions_at_output_precision(landplan, county):  # noqa: F811
    result = run(county, CAPACITY_TABLE="6:700,9:600")
    rows = {f["project_id"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()}
    p1 = rows["P1"]
    names = result["OUTPUT_SUMMARY"].fields().names()
    # existing names keep their place; companions come after them
    assert names[:3] == ["project_id", "total_m2", "farmland_m2"]
    assert names.index("farmland_ha") > names.index("pieces")
    # farmland 2250 + 2379.75 = 4629.75 m² = 0.462975 ha → 0.4630; = 6.944625 亩 → 6.94
    assert p1["farmland_m2"] == 4629.75
    assert p1["farmland_ha"] == 0.463
    assert p1["farmland_mu"] == 6.94
    assert p1["total_m2"] == 10002.5 and p1["total_mu"] == 15.0
    # pieces carry no companions
    assert "area_ha" not in result["OUTPUT_PIECES"].fields().names()


def test_geopackage_outputs_store_aliases_and_style(landplan, county, tmp_path):  # noqa: F811
    pieces = tmp_path / "pieces.gpkg"
    summary = tmp_path / "summary.gpkg"
    run(county, OUTPUT_PIECES=str(pieces), OUTPUT_SUMMARY=str(summary))
    with sqlite3.connect(str(pieces)) as db:
        rows = db.execute("SELECT f_table_name, useAsDefault, styleQML FROM layer_styles").fetchall()
    assert len(rows) == 1 and rows[0][1] == 1
    assert "in_basic_farmland" in rows[0][2] and "0101" in rows[0][2]
    layer = QgsVectorLayer(str(pieces), "pieces", "ogr")
    assert layer.renderer().type() == "RuleRenderer"
    labels = [rule.label() for rule in layer.renderer().rootRule().children()]
    assert "0101 水田" in labels and "Permanent basic farmland" in labels
    assert layer.attributeAlias(layer.fields().lookupField("net_m2")) == "Net area (m²)"
    table = QgsVectorLayer(str(summary), "summary", "ogr")
    assert table.attributeAlias(table.fields().lookupField("farmland_mu")) == "Farmland (mu)"


def test_results_loaded_in_the_gui_are_styled_by_post_processor(landplan, county):  # noqa: F811
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    values = params(county, OUTPUT_REPORT=QgsProcessing.TEMPORARY_OUTPUT)
    result = processing.runAndLoadResults("landplan:farmlandoccupation", values, context=context)
    layer = QgsProject.instance().mapLayer(result["OUTPUT_PIECES"])
    try:
        assert layer.renderer().type() == "RuleRenderer"
        assert layer.attributeAlias(layer.fields().lookupField("dlbm")) == "Land-class code"
        assert result["OUTPUT_REPORT"].endswith(".html")
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_idle_and_change_styles_have_a_class_for_every_status():
    from landplan_plugin.core import change, idle
    from landplan_plugin.processing import presentation

    assert set(presentation.IDLE_COLOURS) == set(idle.STATUSES)
    assert set(presentation.CHANGE_COLOURS) == set(change.CHANGE_TYPES_ZH)


@pytest.mark.parametrize(
    "name, value, expected",
    [("area_m2", 1.005, 1.01), ("area_ha", 0.123456, 0.1235), ("fee", 10.125, 10.13), ("grade", 7.6666, 7.6666)],
)
def test_output_precision(name, value, expected):
    from landplan_plugin.core.outputfields import output_value

    assert output_value(name, value) == expected
