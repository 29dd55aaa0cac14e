"""The indicator store contract, on both back ends (GeoPackage and a real
PostgreSQL server), under kills and races with real processes.

* Versions, audit, conflicts and validation behave the same on both.
* An import killed at a random moment leaves the store whole and all old
  or all new – never some rows of each (≥ 20 kills).
* Two programs save the same row from the same version 100 times, at
  varying delays: exactly one wins each time, the other is refused.
* Files that are not stores are refused without a byte written (GeoPackage).
"""

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import time

import pytest

from landplan_plugin.core.indicators import importer
from landplan_plugin.core.indicators.store import (
    ConflictError,
    IndicatorStore,
    NotAStoreError,
    StoreError,
)

WORKER = os.path.join(os.path.dirname(__file__), "store_worker.py")
PLUGIN_DIR = os.path.dirname(os.path.dirname(importer.__file__.rsplit("core", 1)[0]))
COUNT = 1500


def worker(*args, **kwargs):
    env = dict(os.environ, LANDPLAN_PLUGIN_DIR=PLUGIN_DIR)
    return subprocess.Popen([sys.executable, WORKER] + [str(a) for a in args], env=env, **kwargs)


def targets(backend, location, plan):
    """The plan's target values, read fresh (and the file checked whole)."""
    if backend.kind == "gpkg":
        with sqlite3.connect(location) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = backend.open(location, create=False)
    try:
        found = store.plan(plan)
        return [(i["target_value"],) for i in store.indicators(found["plan_id"])] if found else []
    finally:
        getattr(store, "close", lambda: None)()


def test_versions_audit_conflicts_and_validation(store_backend):
    store = store_backend.open(store_backend.new())
    plan_id = store.upsert_plan("样例县规划", base_year=2020, target_year=2025)
    ind = store.upsert_indicator(
        plan_id, "耕地保有量", seq=1, unit="公顷", target_value=100.0, comparator=">=", attribute="约束性"
    )
    row = store.indicator(ind)
    assert row["row_version"] == 1 and row["updated_at"]
    store.update_indicator(ind, {"target_value": 120.0}, row["row_version"])
    assert store.indicator(ind)["row_version"] == 2
    audit = [a for a in store.audit_rows("lp_indicator") if a["field"] == "target_value"]
    assert float(audit[-1]["old_value"]) == 100.0 and float(audit[-1]["new_value"]) == 120.0
    assert audit[-1]["os_user"] and audit[-1]["changed_at"]
    with pytest.raises(ConflictError, match="your edits were not saved") as stale:
        store.update_indicator(ind, {"target_value": 130.0}, row["row_version"])  # stale version
    assert stale.value.name == "耕地保有量" and stale.value.user == audit[-1]["os_user"]
    assert store.indicator(ind)["target_value"] == 120.0
    with pytest.raises(StoreError):
        store.update_indicator(ind, {"attribute": "重要"}, store.indicator(ind)["row_version"])
    with pytest.raises(StoreError):
        store.upsert_indicator(plan_id, "x", comparator="≥")
    # the dock's save: changes, additions and deletions in one transaction
    version = store.indicator(ind)["row_version"]
    store.apply_edits(plan_id, {ind: {"note": "核定"}}, [{"name": "林地保有量", "seq": 2}], [], {ind: version})
    assert [i["name"] for i in store.indicators(plan_id)] == ["耕地保有量", "林地保有量"]
    with pytest.raises(ConflictError):  # a stale save changes nothing, the addition included
        store.apply_edits(plan_id, {ind: {"note": "x"}}, [{"name": "湿地", "seq": 3}], [], {ind: version})
    assert len(store.indicators(plan_id)) == 2 and store.indicator(ind)["note"] == "核定"
    store.record_observation(ind, 2023, 118.5)
    store.record_observation(ind, 2024, 119.0)
    assert store.latest_observation(ind, 2023)["value"] == 118.5
    assert [o["year"] for o in store.observations(ind)] == [2023, 2024]
    store.delete_indicator(ind, store.indicator(ind)["row_version"])
    assert store.indicator(ind) is None and store.observations(ind) == []
    assert any(a["new_value"] is None and a["field"] == "name" for a in store.audit_rows("lp_indicator"))
    assert store.last_change("lp_indicator", ind)[0] == audit[-1]["os_user"]


def test_import_killed_at_random_moments_is_all_or_nothing(store_backend):
    location = store_backend.new()
    path = store_backend.worker_location(location)
    assert worker("import", path, "规划", COUNT, 1).wait() == 0
    assert {v for (v,) in targets(store_backend, location, "规划")} == {1.0}
    started = time.monotonic()
    assert worker("import", path, "规划", COUNT, 2).wait() == 0
    duration = time.monotonic() - started
    rng = random.Random(20261125)
    outcomes = {"old": 0, "new": 0}
    value = 2.0
    for kill in range(24):
        value += 1
        before = {v for (v,) in targets(store_backend, location, "规划")}
        process = worker("import", path, "规划", COUNT, value)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        process.kill()
        process.wait()
        rows = targets(store_backend, location, "规划")
        assert len(rows) == COUNT, "kill {}: {} rows".format(kill, len(rows))
        seen = {v for (v,) in rows}
        assert seen in (before, {value}), "kill {}: mixed targets {}".format(kill, sorted(seen)[:5])
        outcomes["new" if seen == {value} and before != {value} else "old"] += 1
    # the kills must have landed inside imports, not only before or after
    assert outcomes["old"] >= 3, outcomes
    # a new plan killed mid-way is absent or complete
    for _ in range(3):
        process = worker("import", path, "新规划", COUNT, 9)
        time.sleep(rng.uniform(0.0, duration))
        process.kill()
        process.wait()
        assert len(targets(store_backend, location, "新规划")) in (0, COUNT)


def test_two_editors_saving_the_same_row_exactly_one_wins(store_backend):
    location = store_backend.new()
    path = store_backend.worker_location(location)
    store = store_backend.open(location)
    importer.write_plan(store, "规划", {}, [{"seq": 1, "name": "耕地保有量", "unit": "公顷", "target_value": 100.0}])
    indicator_id = store.indicators(store.plan("规划")["plan_id"])[0]["indicator_id"]
    editors = [worker("edit", path, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    rng = random.Random(7)
    wins = [0, 0]
    try:
        for round_number in range(100):
            version = store.indicator(indicator_id)["row_version"]
            values = (1000.0 + round_number, 5000.0 + round_number)
            delays = (rng.uniform(0, 6), rng.uniform(0, 6))
            for editor, value, delay in zip(editors, values, delays):
                editor.stdin.write("{} {} {} {:.2f}\n".format(indicator_id, version, value, delay))
                editor.stdin.flush()
            answers = [editor.stdout.readline().strip() for editor in editors]
            assert sorted(answers) == ["lost", "won"], "round {}: {}".format(round_number, answers)
            winner = answers.index("won")
            wins[winner] += 1
            row = store.indicator(indicator_id)
            assert row["row_version"] == version + 1
            assert row["target_value"] == values[winner]
    finally:
        for editor in editors:
            editor.stdin.close()
            editor.wait(timeout=30)
    assert min(wins) > 0, wins  # both orders happened
    audit = [a for a in store.audit_rows("lp_indicator") if a["field"] == "target_value" and a["old_value"]]
    assert len(audit) == 100  # one audited change per round (after the insert), none lost or doubled


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture
def data_gpkg(tmp_path):
    from osgeo import ogr

    path = str(tmp_path / "数据.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("DLTB", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DLBM", ogr.OFTString))
    ds = None
    return path


def test_files_that_are_not_stores_are_refused_untouched(tmp_path, data_gpkg):
    before = digest(data_gpkg)
    for kwargs in ({}, {"create": False}, {"readonly": True}):
        with pytest.raises(NotAStoreError):
            IndicatorStore(data_gpkg, **kwargs)
    assert digest(data_gpkg) == before
    text = tmp_path / "table.gpkg"
    text.write_text("名称,数值\n耕地,1\n", encoding="utf-8")
    with pytest.raises(NotAStoreError):
        IndicatorStore(str(text))
    assert text.read_text(encoding="utf-8") == "名称,数值\n耕地,1\n"
    with pytest.raises(StoreError):
        IndicatorStore(str(tmp_path / "missing.gpkg"), readonly=True)
    assert not (tmp_path / "missing.gpkg").exists()
    # on explicit request, the tables join the data GeoPackage
    IndicatorStore(data_gpkg, adopt=True).upsert_plan("规划")
    with sqlite3.connect(data_gpkg) as db:
        assert db.execute("SELECT count(*) FROM DLTB").fetchone()[0] == 0
        assert db.execute("SELECT name FROM lp_plan").fetchone()[0] == "规划"


def test_readonly_store_cannot_write(tmp_path):
    path = str(tmp_path / "s.gpkg")
    IndicatorStore(path).upsert_plan("规划")
    before = digest(path)
    store = IndicatorStore(path, readonly=True)
    assert store.plan("规划") is not None
    with pytest.raises(StoreError, match="read-only"):
        store.upsert_plan("其他")
    assert digest(path) == before


def test_busy_store_waits_then_names_the_lock(tmp_path):
    path = str(tmp_path / "s.gpkg")
    IndicatorStore(path)
    store = IndicatorStore(path, busy_timeout=0.3)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="locked by another program or user"):
            store.upsert_plan("x")
        assert time.monotonic() - started >= 0.25  # it waited before refusing
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.upsert_plan("x")  # free again: the write goes through
