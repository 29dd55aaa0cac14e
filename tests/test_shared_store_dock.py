"""The 规划指标 dock on a shared PostgreSQL store, shown and painted:
edit, undo and save as on a GeoPackage (audited with the login); a viewer
sees the table read-only; a change saved by another editor shows within a
few seconds, and an unsaved edit of that row is flagged with who changed it.
"""

import time

import processing
import pytest
from qgis.PyQt.QtWidgets import QApplication

from landplan_plugin.core.indicators.store import open_store
from landplan_plugin.paths import resource


@pytest.fixture
def shared(pg_server, landplan):
    location = pg_server.new_store()
    processing.run(
        "landplan:importindicators",
        {
            "INPUT": str(resource("indicators", "jiangxi_14th_natural_resources.csv")),
            "STORE_CONNECTION": location.conninfo,
            "STORE_SCHEMA": location.schema,
            "PLAN_NAME": "江西十四五",
        },
    )
    return location


@pytest.fixture
def warnings(monkeypatch):
    """The refusal dialogs a shown dock opens (recorded instead of blocking)."""
    from qgis.PyQt.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def open_dock(qgis_iface, pg_server, shared, warnings):
    from landplan_plugin.ui.indicator_dock import IndicatorDock

    docks = []

    def factory(user):
        dock = IndicatorDock()
        assert dock.open_shared_store(pg_server.as_user(user), shared.schema)
        dock.show()
        QApplication.processEvents()
        assert not dock.grab().isNull()  # painted
        docks.append(dock)
        return dock

    yield factory
    for dock in docks:
        dock.close()
        dock._release_layer()
        dock._stop_listening()
        dock.deleteLater()
    QApplication.processEvents()


def fid_of(dock, name):
    return [f.id() for f in dock.layer.getFeatures() if f["name"] == name][0]


def id_of(store, name):
    return [i for i in store.indicators(store.plan("江西十四五")["plan_id"]) if i["name"] == name][0]


def wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_shared_dock_edits_undoes_and_saves_as_the_login(open_dock, pg_server, shared, warnings):
    dock = open_dock("alice")
    assert dock.layer.providerType() == "postgres" and dock.view.model().rowCount() == 10
    assert dock.layer.isEditable() and dock.save_button.isEnabled()
    owner = open_store(shared)
    row = id_of(owner, "高标准农田建设面积")
    fid = fid_of(dock, "高标准农田建设面积")
    assert dock.set_value(fid, "target_value", 3100.0)
    dock.layer.undoStack().undo()
    assert dock.layer.getFeature(fid)["target_value"] == 3079.0
    assert owner.indicator(row["indicator_id"])["row_version"] == row["row_version"]  # nothing written
    assert dock.set_value(fid, "target_value", 3100.0)
    assert dock.save(), dock.message.text()
    saved = owner.indicator(row["indicator_id"])
    assert saved["target_value"] == 3100.0 and saved["row_version"] == row["row_version"] + 1
    last = owner.audit_rows("lp_indicator")[-1]
    assert (last["os_user"], last["field"], last["new_value"]) == ("alice", "target_value", "3100")
    # bob saves the same row meanwhile: alice's next save is refused, naming bob
    bob = open_store(pg_server.location_for(shared, "bob"))
    bob.update_indicator(row["indicator_id"], {"target_value": 3200.0}, saved["row_version"])
    dock._listener[1].setEnabled(False)  # no live refresh here: the save itself must refuse
    assert dock.set_value(fid, "target_value", 3300.0)
    assert not dock.save()
    assert "bob" in dock.message.text() and "高标准农田建设面积" in dock.message.text()
    assert warnings == [dock.message.text()]  # and said so in a dialog
    assert owner.indicator(row["indicator_id"])["target_value"] == 3200.0


def test_viewer_sees_the_table_read_only(open_dock):
    dock = open_dock("carol")
    assert dock.view.model().rowCount() == 10
    assert not dock.layer.isEditable()
    assert not any(b.isEnabled() for b in (dock.save_button, dock.add_button, dock.delete_button, dock.record_button))
    assert "Read-only" in dock.message.text() and "viewer" in dock.message.text()
    assert not dock.set_value(fid_of(dock, "耕地保有量"), "note", "x") or not dock.layer.isModified()


def test_changes_saved_by_another_editor_show_live(open_dock, pg_server, shared):
    dock = open_dock("alice")
    bob = open_store(pg_server.location_for(shared, "bob"))
    farmland = id_of(bob, "耕地保有量")
    bob.update_indicator(farmland["indicator_id"], {"note": "国家下达"}, farmland["row_version"])
    fid = fid_of(dock, "耕地保有量")
    # wait for the dock's own reload: getFeature reads the database, which shows
    # bob's row as soon as he commits, before the notification has arrived
    assert wait_for(lambda: "bob" in dock.message.text()), dock.message.text()
    assert dock.layer.getFeature(fid)["note"] == "国家下达"
    assert dock.loaded_versions[fid] == farmland["row_version"] + 1  # a save now starts from bob's version
    # alice edits a row, bob changes the same row: alice is told which and by whom, before saving
    water = fid_of(dock, "高标准农田建设面积")
    assert dock.set_value(water, "target_value", 3111.0)
    row = id_of(bob, "高标准农田建设面积")
    bob.update_indicator(row["indicator_id"], {"target_value": 3222.0}, row["row_version"])
    assert wait_for(lambda: "bob" in dock.message.text() and "高标准农田建设面积" in dock.message.text())
    assert "will be refused" in dock.message.text()
    assert dock.layer.getFeature(water)["target_value"] == 3111.0  # her unsaved edit is kept, not reloaded away
    assert not dock.save()
