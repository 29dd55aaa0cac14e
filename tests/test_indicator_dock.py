"""The 规划指标 dock: edit a cell, undo it, the GeoPackage is unchanged;
a conflicting save is refused; a valid save is audited."""

import processing
import pytest

from landplan_plugin.core.indicators.store import IndicatorStore
from landplan_plugin.paths import resource


@pytest.fixture
def store_path(landplan, tmp_path):
    path = tmp_path / "指标库.gpkg"
    processing.run(
        "landplan:importindicators",
        {
            "INPUT": str(resource("indicators", "jiangxi_14th_natural_resources.csv")),
            "STORE": str(path),
            "PLAN_NAME": "江西十四五",
        },
    )
    return path


@pytest.fixture
def dock(qgis_iface, store_path):
    from landplan_plugin.ui.indicator_dock import IndicatorDock

    widget = IndicatorDock()
    widget.open_store(str(store_path))
    yield widget
    widget._release_layer()
    widget.deleteLater()


def dump(path):
    """Every row of the store's tables (QGIS switches the file to WAL mode when
    editing, so the file's header bytes may differ: compare the content)."""
    import sqlite3

    conn = sqlite3.connect(str(path))
    try:
        return {
            t: conn.execute("SELECT * FROM {} ORDER BY 1".format(t)).fetchall()
            for t in ("lp_plan", "lp_indicator", "lp_observation", "lp_audit", "lp_meta")
        }
    finally:
        conn.close()


def row_id(dock, name):
    return [f.id() for f in dock.layer.getFeatures() if f["name"] == name][0]


def test_dock_edit_then_undo_leaves_store_unchanged(dock, store_path):
    assert dock.objectName() == "LandPlanIndicatorDock"
    assert dock.plan_combo.currentText() == "江西十四五"
    assert dock.view.model().rowCount() == 10
    before = dump(store_path)
    fid = row_id(dock, "高标准农田建设面积")
    assert dock.set_value(fid, "target_value", 3100.0)
    assert dock.layer.getFeature(fid)["target_value"] == 3100.0
    dock.layer.undoStack().undo()
    assert dock.layer.getFeature(fid)["target_value"] == 3079.0
    dock._release_layer()
    assert dump(store_path) == before


def test_dock_refuses_invalid_cell(dock):
    fid = row_id(dock, "耕地保有量")
    assert not dock.set_value(fid, "attribute", "重要")
    # the column's alias and the allowed values, no "check failed"
    assert "Attribute" in dock.message.text() and "约束性" in dock.message.text()
    assert "check failed" not in dock.message.text() and "attribute" not in dock.message.text()
    assert dock.layer.getFeature(fid)["attribute"] == "约束性"


def test_dock_save_is_audited_and_conflicts_refused(dock, store_path):
    fid = row_id(dock, "高标准农田建设面积")
    assert dock.set_value(fid, "target_value", 3100.0)
    assert dock.save()
    store = IndicatorStore(store_path)
    assert store.indicator(fid)["target_value"] == 3100.0
    audit = [a for a in store.audit_rows("lp_indicator") if a["row_id"] == fid and a["field"] == "target_value"]
    assert audit[-1]["old_value"] == "3079.0" and audit[-1]["new_value"] == "3100.0"
    # someone else saves the row meanwhile: our next save is refused
    other = store.indicator(fid)
    store.update_indicator(fid, {"target_value": 3200.0}, other["row_version"])
    assert dock.set_value(fid, "target_value", 3300.0)
    assert not dock.save()
    assert "was changed by" in dock.message.text() and "since you opened it" in dock.message.text()
    assert store.indicator(fid)["target_value"] == 3200.0


def status_texts(dock):
    table = dock.status_table
    return [" ".join(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]


def test_status_table_coloured(dock):
    table = dock.status_table
    assert table.rowCount() == 10 and table.columnCount() == 4
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Indicator",
        "Target",
        "Latest value (year)",
        "Status",
    ]
    assert {table.item(r, 3).data(0x0100) for r in range(10)} <= {"no_data", "no_target"}
    assert table.item(0, 3).background().color().name() in ("#bdbdbd", "#90caf9")


def test_table_columns_read_as_a_specialist_expects(dock):
    layer = dock.layer
    names = layer.fields().names()
    assert layer.attributeAlias(names.index("base_value")) == "Base value"
    hidden = {c.name for c in layer.attributeTableConfig().columns() if c.hidden}
    assert {"row_version", "updated_at", "plan_id", "measure"} <= hidden and "name" not in hidden
    assert not layer.attributeTableConfig().actionWidgetVisible()
    blank = layer.conditionalStyles().fieldStyles("note")[0]
    assert blank.rule() == "@value IS NULL" and blank.validTextColor() and blank.textColor().alpha() <= 1
    from qgis.core import QgsApplication

    model = dock.dual.masterModel()
    null_text = QgsApplication.nullRepresentation()
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    empty = [i for i in cells if model.data(i, 0) == null_text]
    filled = [model.index(r, model.fieldCol(names.index("name"))) for r in range(model.rowCount())]
    assert empty and all(model.data(i, 9).alpha() <= 1 for i in empty)  # ForegroundRole: invisible
    assert all(
        model.data(i, 9) is None or not model.data(i, 9).isValid() or model.data(i, 9).alpha() == 255 for i in filled
    )


def test_recording_limited_to_the_plan_years(dock):
    fid = row_id(dock, "高标准农田建设面积")
    dock.layer.selectByIds([fid])
    plan = dock.store.plan(dock.plan_combo.currentText())
    assert dock.year_spin.maximum() == plan["target_year"] and dock.year_spin.minimum() == plan["base_year"]
    dock.year_spin.setRange(1949, 2200)  # as if typed past the range
    dock.year_spin.setValue(plan["target_year"] + 1)
    dock.value_spin.setValue(0.0)
    dock.record_value()
    assert dock.store.observations(fid) == [] and "outside the plan period" in dock.message.text()


def test_dock_records_values_and_exports(dock, tmp_path):
    fid = row_id(dock, "高标准农田建设面积")
    dock.layer.selectByIds([fid])
    dock.year_spin.setValue(2023)
    dock.value_spin.setValue(2800.0)
    dock.record_value()
    assert dock.observation_list.count() == 1
    assert "2800" in dock.observation_list.item(0).text()
    statuses = status_texts(dock)

    assert any(
        "高标准农田建设面积" in s and "On track" in s and "2800.00 万亩（2023）" in s for s in statuses
    )  # path 2305.7 → 3079: 2769.7 in 2023
    assert "entered by hand" in dock.observation_list.item(0).text()
    csv_path = dock.export_to(str(tmp_path / "指标.csv"))
    text = open(csv_path, encoding="utf-8-sig").read()
    assert "高标准农田建设面积" in text and "按进度" in text
    assert "2800.00" in text and "2800.0," not in text  # value at the unit's precision
    html = dock.export_to(str(tmp_path / "指标.html"))
    assert "按进度" in open(html, encoding="utf-8").read()
    dock.chart.grab()  # paints without error


def test_xlsx_round_trip(dock, tmp_path, landplan):
    openpyxl = pytest.importorskip("openpyxl")
    path = dock.export_to(str(tmp_path / "指标.xlsx"))
    sheet = openpyxl.load_workbook(path).active
    assert sheet.cell(1, 3).value == "指标" and sheet.cell(2, 3).value == "耕地保有量"
    # the exported sheet imports back as a plan (XLSX import through openpyxl)
    store = tmp_path / "again.gpkg"
    result = processing.run("landplan:importindicators", {"INPUT": path, "STORE": str(store), "PLAN_NAME": "再导入"})
    assert result["IMPORTED"] == 10
    again = IndicatorStore(store)
    rows = {i["name"]: i for i in again.indicators(again.plan("再导入")["plan_id"])}
    assert rows["高标准农田建设面积"]["target_value"] == 3079 and rows["耕地保有量"]["target_text"] == "落实国家要求"


def test_two_docks_saving_the_same_row_one_wins(qgis_iface, store_path):
    """Two editors (two docks, each with its own layer and edit buffer) edit
    the same indicator from the same version: the first save wins, the
    second is refused with the reason and changes nothing."""
    from landplan_plugin.ui.indicator_dock import IndicatorDock

    first, second = IndicatorDock(), IndicatorDock()
    try:
        for dock in (first, second):
            dock.open_store(str(store_path))
        fid = row_id(first, "高标准农田建设面积")
        assert first.set_value(fid, "target_value", 3111.0)
        assert second.set_value(fid, "target_value", 3222.0)
        assert first.save()
        assert not second.save()
        assert "was changed by" in second.message.text() and "since you opened it" in second.message.text()
        row = IndicatorStore(store_path).indicator(fid)
        assert row["target_value"] == 3111.0 and row["row_version"] == 2
        # the winner keeps editing on the saved data
        assert first.layer.isEditable() and first.layer.getFeature(fid)["target_value"] == 3111.0
        assert first.loaded_versions[fid] == 2
    finally:
        for dock in (first, second):
            dock._release_layer()
            dock.deleteLater()


def test_dock_refuses_a_data_geopackage_untouched(qgis_iface, tmp_path):
    import hashlib

    from osgeo import ogr

    from landplan_plugin.ui.indicator_dock import IndicatorDock

    path = str(tmp_path / "数据.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    ds.CreateLayer("DLTB", None, ogr.wkbPolygon)
    ds = None
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    dock = IndicatorDock()
    try:
        assert dock.open_store(path) is False
        assert "not an indicator store" in dock.message.text()
        assert dock.store is None
    finally:
        dock.deleteLater()
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before
