"""The 规划指标 dock as a user drives it: shown in a real main window and
painted (grab()) after every step: switch plans, reopen the store, import,
edit, undo, save, delete and add.  Today's crash (QgsAttributeTableView
keeping the selection model of a deleted layer) aborts QGIS on the first
plan switch; these tests reproduce it."""

import processing
import pytest

from landplan_plugin.paths import resource

PLANS = {
    "江西十四五": "jiangxi_14th_natural_resources.csv",
    "县十四五": "county_14th_natural_resources_targets.csv",
}


@pytest.fixture
def two_plan_store(landplan, tmp_path):
    path = tmp_path / "指标库.gpkg"
    for name, table in PLANS.items():
        processing.run(
            "landplan:importindicators",
            {"INPUT": str(resource("indicators", table)), "STORE": str(path), "PLAN_NAME": name},
        )
    return path


@pytest.fixture
def shown_dock(qgis_iface, qgis_app, two_plan_store):
    from qgis.PyQt.QtCore import Qt

    from landplan_plugin.ui.indicator_dock import IndicatorDock

    window = qgis_iface.mainWindow()
    dock = IndicatorDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1400, 900)
    window.show()
    dock.show()
    dock.open_store(str(two_plan_store))
    paint(dock)
    yield dock
    dock._release_layer()
    window.removeDockWidget(dock)
    dock.deleteLater()
    qgis_app.processEvents()


def paint(dock):
    from qgis.PyQt.QtWidgets import QApplication

    QApplication.processEvents()
    image = dock.grab().toImage()
    assert not image.isNull() and image.width() > 100
    dock.view.viewport().repaint()
    QApplication.processEvents()
    return image


def choose_plan(dock, name):
    index = dock.plan_combo.findText(name)
    assert index >= 0, name
    dock.plan_combo.setCurrentIndex(index)
    paint(dock)


def names(dock):
    return sorted(f["name"] for f in dock.layer.getFeatures())


def test_switch_plans_back_and_forth(shown_dock):
    dock = shown_dock
    first = dock.plan_combo.currentText()
    for _ in range(3):
        for name in PLANS:
            choose_plan(dock, name)
            assert dock.plan_combo.currentText() == name
            assert dock.view.model().rowCount() == dock.layer.featureCount() > 0
            dock.view.selectRow(0)
            paint(dock)
    choose_plan(dock, first)


def test_reopen_store_and_import_while_shown(shown_dock, two_plan_store):
    dock = shown_dock
    choose_plan(dock, "县十四五")
    dock.view.selectRow(1)
    paint(dock)
    dock.open_store(str(two_plan_store))  # what Import… does after importing
    paint(dock)
    assert dock.plan_combo.currentText() == "县十四五"  # the chosen plan survives a reopen
    processing.run(
        "landplan:importindicators",
        {
            "INPUT": str(resource("indicators", PLANS["江西十四五"])),
            "STORE": str(two_plan_store),
            "PLAN_NAME": "江西十四五",
        },
    )
    dock.open_store(str(two_plan_store))
    paint(dock)
    choose_plan(dock, "江西十四五")
    assert dock.view.model().rowCount() == 10


def test_edit_undo_save_delete_add_across_switches(shown_dock):
    from landplan_plugin.core.indicators.store import IndicatorStore

    dock = shown_dock
    choose_plan(dock, "江西十四五")
    fid = [f.id() for f in dock.layer.getFeatures() if f["name"] == "高标准农田建设面积"][0]
    assert dock.set_value(fid, "target_value", 3100.0)
    paint(dock)
    dock.layer.undoStack().undo()
    paint(dock)
    assert dock.set_value(fid, "target_value", 3111.0)
    assert dock.save()
    paint(dock)
    choose_plan(dock, "县十四五")
    choose_plan(dock, "江西十四五")
    store = IndicatorStore(dock.store.path)
    assert store.indicator(fid)["target_value"] == 3111.0
    # delete a row and add one, unsaved, then switch away: nothing is written
    before = names(dock)
    dock.layer.selectByIds([fid])
    dock.delete_rows()
    dock.add_row()
    paint(dock)
    choose_plan(dock, "县十四五")
    choose_plan(dock, "江西十四五")
    assert names(dock) == before


def test_undo_redo_buttons_named_and_follow_the_edit_buffer(qgis_iface, qgis_app, two_plan_store):
    """Before a store is open the two history buttons were blank squares;
    now they are named and disabled, then follow the plan's undo stack."""
    from qgis.PyQt.QtCore import Qt

    from landplan_plugin.core.i18n import tr
    from landplan_plugin.ui.indicator_dock import IndicatorDock

    window = qgis_iface.mainWindow()
    dock = IndicatorDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    dock.show()
    qgis_app.processEvents()
    assert dock.grab().width() > 100
    assert [b.text() for b in (dock.undo_button, dock.redo_button)] == [tr("Undo"), tr("Redo")]
    assert not dock.undo_button.isEnabled() and not dock.redo_button.isEnabled()
    dock.open_store(str(two_plan_store))
    paint(dock)
    assert not dock.undo_button.isEnabled()
    fid = next(dock.layer.getFeatures()).id()
    assert dock.set_value(fid, "target_value", 12.5)
    paint(dock)
    assert dock.undo_button.isEnabled() and not dock.redo_button.isEnabled()
    dock.undo_button.click()
    paint(dock)
    assert dock.redo_button.isEnabled()
    dock._release_layer()
    assert dock.undo_button.text() == tr("Undo") and not dock.undo_button.isEnabled()
    window.removeDockWidget(dock)
    dock.deleteLater()
    qgis_app.processEvents()
