"""The shared indicator store on a real PostgreSQL server: what only a
database can do (roles, triggers, other tools' edits, notifications), the
Processing algorithms on it, and copying stores both ways.

Figures are small and hand-made: the Jiangxi table has 10 indicators; the
hand-made plan below has 2 indicators and 3 yearly values.
"""

import processing
import psycopg2
import pytest
from qgis.core import QgsProcessingException, QgsProviderRegistry

from landplan_plugin.core.indicators.pg_store import PgLocation
from landplan_plugin.core.indicators.store import StorePermissionError, open_store
from test_indicators import JIANGXI


def rows_of(store):
    """Everything a store holds, without ids (they differ between stores)."""
    plans = []
    for plan in store.plans():
        indicators = []
        for indicator in store.indicators(plan["plan_id"]):
            values = [
                (o["year"], o["value"], o["source"], o["note"]) for o in store.observations(indicator["indicator_id"])
            ]
            kept = {k: v for k, v in indicator.items() if k not in ("indicator_id", "plan_id", "updated_at")}
            indicators.append((sorted(kept.items()), values))
        kept = {k: v for k, v in plan.items() if k not in ("plan_id", "updated_at")}
        plans.append((sorted(kept.items()), indicators))
    return plans


def hand_plan(store):
    plan_id = store.upsert_plan("样例县国土空间总体规划", region_name="样例县", base_year=2020, target_year=2035)
    farmland = store.upsert_indicator(
        plan_id, "耕地保有量", seq=1, unit="公顷", target_value=41580.0, comparator=">=", attribute="约束性"
    )
    construction = store.upsert_indicator(
        plan_id, "建设用地总规模", seq=2, unit="公顷", target_value=9830.5, comparator="<=", attribute="约束性"
    )
    store.record_observation(farmland, 2023, 41602.18)
    store.record_observation(farmland, 2024, 41590.02)
    store.record_observation(construction, 2024, 9644.7, note="年度变更调查")
    store.update_indicator(farmland, {"note": "含即可恢复"}, store.indicator(farmland)["row_version"])
    return plan_id, farmland


def test_database_versions_and_audits_edits_made_outside_landplan(pg_server):
    location = pg_server.new_store()
    store = open_store(location)
    _plan_id, farmland = hand_plan(store)
    # alice edits with a plain SQL client (as pgAdmin or QGIS's attribute table would)
    with psycopg2.connect(pg_server.as_user("alice")) as db, db.cursor() as cursor:
        cursor.execute(
            "UPDATE {}.lp_indicator SET target_value = 41600, row_version = 1 WHERE indicator_id = %s".format(
                location.schema
            ),
            (farmland,),
        )
    row = store.indicator(farmland)
    assert row["target_value"] == 41600.0 and row["row_version"] == 3  # bumped by the trigger, not set back to 1
    last = store.audit_rows("lp_indicator")[-1]
    assert (last["os_user"], last["field"], last["old_value"], last["new_value"]) == (
        "alice",
        "target_value",
        "41580",
        "41600",
    )
    # the database refuses values the plugin refuses
    with psycopg2.connect(pg_server.as_user("alice")) as db, db.cursor() as cursor:
        for statement in (
            "UPDATE {}.lp_indicator SET attribute = '重要'",
            "UPDATE {}.lp_indicator SET comparator = '≥'",
            "UPDATE {}.lp_indicator SET cumulative = 2",
            "INSERT INTO {}.lp_indicator (plan_id, name) VALUES (99999, '无此规划')",
            "INSERT INTO {}.lp_audit (table_name, row_id, field) VALUES ('lp_indicator', 1, '伪造')",
            "DELETE FROM {}.lp_audit",
        ):
            with pytest.raises(psycopg2.Error):
                cursor.execute(statement.format(location.schema))
            db.rollback()


def test_viewer_reads_but_every_write_is_refused(pg_server, landplan):
    location = pg_server.new_store()
    plan_id, farmland = hand_plan(open_store(location))
    viewer = open_store(pg_server.location_for(location, "carol"))
    assert viewer.plan("样例县国土空间总体规划")["plan_id"] == plan_id and not viewer.can_write()
    assert open_store(pg_server.location_for(location, "bob")).can_write()
    version = viewer.indicator(farmland)["row_version"]
    with pytest.raises(StorePermissionError, match="may only read"):
        viewer.apply_edits(plan_id, {farmland: {"target_value": 1.0}}, expected_versions={farmland: version})
    with pytest.raises(StorePermissionError):
        viewer.record_observation(farmland, 2025, 1.0)
    with psycopg2.connect(pg_server.as_user("carol")) as db, db.cursor() as cursor:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cursor.execute("DELETE FROM {}.lp_plan".format(location.schema))
    with pytest.raises(QgsProcessingException, match="may only read"):
        processing.run(
            "landplan:importindicators",
            {
                "INPUT": str(JIANGXI),
                "STORE_CONNECTION": pg_server.as_user("carol"),
                "STORE_SCHEMA": location.schema,
                "PLAN_NAME": "江西",
            },
        )
    assert open_store(location).indicator(farmland)["row_version"] == version  # nothing changed


def test_algorithms_on_a_saved_qgis_connection(pg_server, landplan, tmp_path):
    """initstore, importindicators and indicatorstatus through a connection
    saved in QGIS's registry (as a user sets it up in the Browser)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    settings = dict(part.split("=", 1) for part in pg_server.as_user("postgres").split())
    uri = "host={host} port={port} dbname='{dbname}' user='{user}'".format(**settings)
    metadata.saveConnection(metadata.createConnection(uri, {"saveUsername": True}), "县局共享库")
    result = processing.run("landplan:initstore", {"CONNECTION": "县局共享库", "SCHEMA": "planning"})
    assert (result["EDITOR_ROLE"], result["VIEWER_ROLE"]) == ("planning_editor", "planning_viewer")
    processing.run("landplan:initstore", {"CONNECTION": "县局共享库", "SCHEMA": "planning"})  # again: no change
    shared = {"STORE_CONNECTION": "县局共享库", "STORE_SCHEMA": "planning"}
    result = processing.run("landplan:importindicators", dict(shared, INPUT=str(JIANGXI), PLAN_NAME="江西"))
    assert result["IMPORTED"] == 10
    status = processing.run(
        "landplan:indicatorstatus", dict(shared, PLAN_NAME="江西", OUTPUT=str(tmp_path / "status.gpkg"))
    )
    from qgis.core import QgsVectorLayer

    assert QgsVectorLayer(status["OUTPUT"], "s", "ogr").featureCount() == 10
    audit = open_store(PgLocation(pg_server.conninfo, "planning")).audit_rows("lp_indicator")
    assert {a["os_user"] for a in audit} == {"postgres"}
    with pytest.raises(QgsProcessingException, match="not both"):
        processing.run(
            "landplan:indicatorstatus", dict(shared, STORE=str(tmp_path / "x.gpkg"), PLAN_NAME="江西", OUTPUT="memory:")
        )
    with pytest.raises(QgsProcessingException, match="no PostgreSQL connection named"):
        processing.run(
            "landplan:indicatorstatus", {"STORE_CONNECTION": "没有这个连接", "PLAN_NAME": "江西", "OUTPUT": "memory:"}
        )
    with pytest.raises(QgsProcessingException, match="initstore"):
        processing.run(
            "landplan:indicatorstatus",
            {"STORE_CONNECTION": "县局共享库", "STORE_SCHEMA": "public", "PLAN_NAME": "江西", "OUTPUT": "memory:"},
        )


def test_copy_geopackage_to_postgresql_and_back_gives_the_same_rows(pg_server, landplan, tmp_path):
    source = str(tmp_path / "个人.gpkg")
    processing.run("landplan:importindicators", {"INPUT": str(JIANGXI), "STORE": source, "PLAN_NAME": "江西"})
    hand_plan(open_store(source))
    location = pg_server.new_store()
    shared = {"TARGET_CONNECTION": location.conninfo, "TARGET_SCHEMA": location.schema}
    result = processing.run("landplan:copystore", dict(shared, SOURCE=source))
    audit_before = len(open_store(source).audit_rows())
    assert (result["PLANS"], result["INDICATORS"], result["OBSERVATIONS"], result["AUDIT_ROWS"]) == (
        2,
        12,
        3,
        audit_before,
    )
    assert rows_of(open_store(location)) == rows_of(open_store(source))
    # history came along (who and when), then the copy's own inserts by the copier
    shared_audit = open_store(location).audit_rows()
    assert [(a["field"], a["os_user"]) for a in shared_audit[:audit_before]] == [
        (a["field"], a["os_user"]) for a in open_store(source).audit_rows()
    ]
    # a second copy is refused, nothing written; REPLACE replaces
    with pytest.raises(QgsProcessingException, match="already has"):
        processing.run("landplan:copystore", dict(shared, SOURCE=source))
    assert len(open_store(location).audit_rows()) == len(shared_audit)
    processing.run("landplan:copystore", dict(shared, SOURCE=source, REPLACE=True))
    assert rows_of(open_store(location)) == rows_of(open_store(source))
    # and back into a new GeoPackage
    back = str(tmp_path / "回传.gpkg")
    result = processing.run(
        "landplan:copystore",
        {"SOURCE_CONNECTION": location.conninfo, "SOURCE_SCHEMA": location.schema, "TARGET": back},
    )
    assert rows_of(open_store(back)) == rows_of(open_store(source))
    assert result["AUDIT_ROWS"] == len(open_store(location).audit_rows())
