"""Plan indicators: parser, store (schema, audit, conflicts), import, measures, status."""

import sqlite3
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessing, QgsProcessingException, QgsVectorLayer

from landplan_plugin.core.indicators import parse, status
from landplan_plugin.core.indicators.store import IndicatorStore
from landplan_plugin.paths import resource
from testdata import rect

JIANGXI = str(resource("indicators", "jiangxi_14th_natural_resources.csv"))
COUNTY = str(resource("indicators", "county_14th_natural_resources_targets.csv"))


@pytest.mark.parametrize(
    "cell, value, comparator, cumulative, text",
    [
        ("[117.32]", 117.32, None, True, None),
        ("≥300", 300, ">=", False, None),
        ("300以上", 300, ">=", False, None),
        ("不少于300", 300, ">=", False, None),
        ("≤90", 90, "<=", False, None),
        ("90以内", 90, "<=", False, None),
        ("不超过 90", 90, "<=", False, None),
        ("=52", 52, "=", False, None),
        ("52", 52, None, False, None),
        ("落实国家要求", None, None, False, "落实国家要求"),
        ("—", None, None, False, None),
        ("", None, None, False, None),
        ("[18]", 18, None, True, None),
    ],
)
def test_parse_value_forms(cell, value, comparator, cumulative, text):
    got = parse.parse_value(cell)
    assert (got["value"], got["comparator"], got["cumulative"], got["text"]) == (value, comparator, cumulative, text)


def test_parse_value_notes_and_footnotes():
    got = parse.parse_value("20 (较 2020 年)")
    assert got["value"] == 20 and got["note"] == "较 2020 年"
    got = parse.parse_value("4067.69 ¹")
    assert got["value"] == 4067.69 and got["footnotes"] == ["1"]
    assert parse.split_name_unit("2.新增生态修复面积（公顷）") == ("新增生态修复面积", "公顷", [])
    assert parse.infer_comparator("新增建设用地规模") == "<=" and parse.infer_comparator("绿色矿山建设比例") == ">="


def test_store_schema_is_registered_and_versioned(tmp_path):
    path = tmp_path / "指标.gpkg"
    store = IndicatorStore(path)
    assert store.schema_version() == 1
    conn = sqlite3.connect(path)
    contents = {r[0]: r[1] for r in conn.execute("SELECT table_name, data_type FROM gpkg_contents")}
    conn.close()
    for table in ("lp_plan", "lp_indicator", "lp_observation", "lp_audit"):
        assert contents[table] == "attributes"
        layer = QgsVectorLayer("{}|layername={}".format(path, table), table, "ogr")
        assert layer.isValid()
    layer = QgsVectorLayer("{}|layername=lp_indicator".format(path), "x", "ogr")
    for field in (
        "indicator_id",
        "plan_id",
        "seq",
        "category",
        "name",
        "unit",
        "base_value",
        "base_text",
        "target_value",
        "target_text",
        "comparator",
        "attribute",
        "cumulative",
        "measure",
        "note",
    ):
        assert field in layer.fields().names()


def run_import(store_path, path=JIANGXI, plan="江西省十四五自然资源保护和利用规划"):
    return processing.run("landplan:importindicators", {"INPUT": path, "STORE": str(store_path), "PLAN_NAME": plan})


def test_import_jiangxi_table(landplan, tmp_path):
    store_path = tmp_path / "新.gpkg"
    assert run_import(store_path)["IMPORTED"] == 10
    store = IndicatorStore(store_path)
    plan = store.plan("江西省十四五自然资源保护和利用规划")
    assert (plan["base_year"], plan["target_year"]) == (2020, 2025)
    rows = {i["name"]: i for i in store.indicators(plan["plan_id"])}
    farmland = rows["耕地保有量"]
    assert (
        farmland["base_value"] == 4067.69 and farmland["target_text"] == "落实国家要求" and farmland["unit"] == "万亩"
    )
    assert "2020 年度国土变更调查" in farmland["note"] and farmland["measure"] == "farmland_area"
    assert rows["新增建设用地规模"]["cumulative"] == 1 and rows["新增建设用地规模"]["base_value"] == 117.32
    water = rows["单位 GDP 用水量下降率"]
    assert water["target_value"] == 20 and "较 2020 年" in water["note"] and "每万元" in water["note"]
    assert rows["单位 GDP 建设用地使用面积下降率"]["base_value"] is None
    assert rows["高标准农田建设面积"]["comparator"] == ">=" and rows["高标准农田建设面积"]["category"] == "资源利用"
    assert rows["废弃露天矿山治理数量"]["category"] == "生态保护"
    # importing again updates, never duplicates
    run_import(store_path)
    assert len(store.indicators(plan["plan_id"])) == 10


def test_import_county_box_with_units_in_names(landplan, tmp_path):
    store_path = tmp_path / "county.gpkg"
    run_import(store_path, COUNTY, "样例县十四五")
    store = IndicatorStore(store_path)
    rows = {i["name"]: i for i in store.indicators(store.plan("样例县十四五")["plan_id"])}
    assert rows["新增建设用地规模"]["unit"] == "平方公里" and rows["新增建设用地规模"]["comparator"] == "<="
    assert rows["新增生态修复面积"]["target_value"] == 300 and rows["新增生态修复面积"]["comparator"] == ">="
    assert rows["矿山数量"]["comparator"] == "<=" and "推断" in rows["矿山数量"]["note"]
    assert rows["国土开发强度"]["measure"] == "development_intensity" and rows["耕地保有量"]["unit"] == "公顷"


def test_measure_and_status(landplan, tmp_path, make_gpkg):
    # land use: 0101 10 ha (TBDLMJ 9 ha), 0702 2 ha, 0301 8 ha → farmland 9 ha, construction 2/20 = 10 %
    X0, Y0 = 455000.0, 3092000.0
    lu = make_gpkg(
        "lu.gpkg",
        {
            "DLTB": (
                "Polygon",
                "EPSG:4547",
                [("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float")],
                [
                    (rect(X0, Y0, X0 + 100, Y0 + 1000), {"DLBM": "0101", "TBMJ": 100000.0, "TBDLMJ": 90000.0}),
                    (rect(X0 + 100, Y0, X0 + 200, Y0 + 200), {"DLBM": "0702", "TBMJ": 20000.0, "TBDLMJ": 20000.0}),
                    (rect(X0 + 200, Y0, X0 + 300, Y0 + 800), {"DLBM": "0301", "TBMJ": 80000.0, "TBDLMJ": 80000.0}),
                ],
            )
        },
    )
    store_path = tmp_path / "m.gpkg"
    run_import(store_path, COUNTY, "样例县十四五")
    store = IndicatorStore(store_path)
    plan = store.plan("样例县十四五")
    rows = {i["name"]: i for i in store.indicators(plan["plan_id"])}
    # give 耕地保有量 a numeric target of 8 ha and 国土开发强度 a cap of 12 %
    store.update_indicator(
        rows["耕地保有量"]["indicator_id"],
        {"target_value": 8.0, "comparator": ">=", "target_text": None},
        rows["耕地保有量"]["row_version"],
    )
    store.update_indicator(
        rows["国土开发强度"]["indicator_id"],
        {"target_value": 12.0, "comparator": "<=", "target_text": None},
        rows["国土开发强度"]["row_version"],
    )
    store.upsert_plan("样例县十四五", base_year=2020, target_year=2025)
    result = processing.run(
        "landplan:measureindicators",
        {
            "STORE": str(store_path),
            "PLAN_NAME": "样例县十四五",
            "YEAR": 2023,
            "LANDUSE": lu + "|layername=DLTB",
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        },
    )
    assert result["RECORDED"] == 3  # farmland, construction, intensity (no layers for the others)
    recorded = {f["measure"]: f["value"] for f in result["OUTPUT"].getFeatures()}
    assert recorded["farmland_area"] == pytest.approx(9.0)  # 公顷
    assert recorded["construction_area"] == pytest.approx(2.0)
    assert recorded["development_intensity"] == pytest.approx(10.0)
    obs = store.observations(rows["耕地保有量"]["indicator_id"])
    assert obs[0]["source"] == "landplan:measureindicators" and obs[0]["year"] == 2023
    out = processing.run(
        "landplan:indicatorstatus",
        {"STORE": str(store_path), "PLAN_NAME": "样例县十四五", "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
    )
    statuses = {f["name"]: f["status"] for f in out["OUTPUT"].getFeatures()}
    assert statuses["耕地保有量"] == "met"
    assert statuses["国土开发强度"] == "met"
    assert statuses["生态保护红线面积"] == "no_data"
    assert statuses["新增生态修复面积"] == "no_data"
    with pytest.raises(QgsProcessingException, match="No plan"):
        processing.run(
            "landplan:indicatorstatus",
            {"STORE": str(store_path), "PLAN_NAME": "无", "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
        )


@pytest.mark.parametrize(
    "indicator, value, year, expected",
    [
        ({"target_value": 100, "comparator": ">=", "base_value": 80}, 100, 2023, "met"),
        ({"target_value": 100, "comparator": ">=", "base_value": 80}, 92, 2023, "on_track"),  # path: 80 + 3/5·20 = 92
        ({"target_value": 100, "comparator": ">=", "base_value": 80}, 91.9, 2023, "at_risk"),
        ({"target_value": 100, "comparator": ">=", "base_value": 80}, 99, 2025, "not_met"),
        ({"target_value": 90, "comparator": "<=", "cumulative": 1}, 91, 2023, "not_met"),
        ({"target_value": 90, "comparator": "<=", "cumulative": 1}, 54, 2023, "met"),  # path 0 → 90: 54 in 2023
        ({"target_value": 90, "comparator": "<=", "cumulative": 1}, 54.1, 2023, "at_risk"),
        ({"target_value": 52, "comparator": "="}, 52, 2023, "met"),
        ({"target_value": 52, "comparator": "="}, 53, 2023, "at_risk"),
        ({"target_value": 52, "comparator": "="}, 53, 2025, "not_met"),
        ({"target_value": None, "target_text": "落实国家要求"}, 5, 2023, "no_target"),
        ({"target_value": 5, "comparator": ">="}, None, 2023, "no_data"),
    ],
)
def test_status_boundaries(indicator, value, year, expected):
    assert status.status(indicator, value, year, 2020, 2025) == expected


def test_import_is_all_or_nothing(landplan, tmp_path, monkeypatch):
    """An import that fails half-way (here: the fourth indicator) leaves the
    store exactly as it was: one transaction, not one per indicator."""
    import sqlite3

    import processing
    from qgis.core import QgsProcessingException

    from landplan_plugin.core.indicators.store import IndicatorStore
    from landplan_plugin.paths import resource

    table = str(resource("indicators", "jiangxi_14th_natural_resources.csv"))
    store_path = str(tmp_path / "指标.gpkg")
    processing.run("landplan:importindicators", {"INPUT": table, "STORE": store_path, "PLAN_NAME": "规划"})

    def snapshot():
        with sqlite3.connect(store_path) as db:
            return db.execute(
                "SELECT indicator_id, name, target_value, row_version FROM lp_indicator ORDER BY 1"
            ).fetchall()

    before = snapshot()
    calls = []
    original = IndicatorStore.upsert_indicator

    def failing(self, plan_id, name, **fields):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("disk gone")
        return original(self, plan_id, name, **fields)

    monkeypatch.setattr(IndicatorStore, "upsert_indicator", failing)
    with pytest.raises((QgsProcessingException, OSError)):
        processing.run("landplan:importindicators", {"INPUT": table, "STORE": store_path, "PLAN_NAME": "新规划"})
    assert snapshot() == before
    with sqlite3.connect(store_path) as db:
        assert db.execute("SELECT count(*) FROM lp_plan WHERE name = '新规划'").fetchone()[0] == 0


def county_store_measured(tmp_path, landuse, restoration):
    """The county's target table imported into a fresh store, then measured
    for 2023 from ``landuse`` and ``restoration``: (store path, result)."""
    store_path = tmp_path / "指标.gpkg"
    table = Path(__file__).resolve().parent.parent / "resources" / "indicators"
    processing.run(
        "landplan:importindicators",
        {
            "INPUT": str(table / "county_14th_natural_resources_targets.csv"),
            "STORE": str(store_path),
            "PLAN_NAME": "样例县",
        },
    )
    result = processing.run(
        "landplan:measureindicators",
        {
            "STORE": str(store_path),
            "PLAN_NAME": "样例县",
            "YEAR": 2023,
            "LANDUSE": landuse,
            "RESTORATION": restoration,
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        },
    )
    return store_path, result


def test_sample_restoration_indicators_count_only_finished_work(landplan, tmp_path, sample_gpkg):
    # issue 16: 2023's restoration is the union of projects done (已完成 …) by 2023:
    # 石桥 quarry 1 and 2 (mines), 龙岗 brickworks, 桃源 erosion control and 杨柳 (done,
    # no year: counted, warned) = 114.99 ha; 新塘 (在建) and 白鹭 (规划, 2024) are left out.
    # Mine restoration: 52.00 ha. Before issue 16 both read 312.98 ha.
    store_path, result = county_store_measured(
        tmp_path, str(sample_gpkg) + "|layername=DLTB_2023", str(sample_gpkg) + "|layername=restoration"
    )
    values = {f["indicator"]: f for f in result["OUTPUT"].getFeatures()}
    assert values["新增生态修复面积"]["measure"] == "restoration_area"
    assert values["新增生态修复面积"]["value"] == pytest.approx(114.99, abs=0.005)
    assert values["历史遗留矿山修复面积"]["measure"] == "mine_restoration_area"
    assert values["历史遗留矿山修复面积"]["value"] == pytest.approx(52.00, abs=0.005)
    out = processing.run(
        "landplan:indicatorstatus",
        {"STORE": str(store_path), "PLAN_NAME": "样例县", "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
    )
    statuses = {f["name"]: f["status"] for f in out["OUTPUT"].getFeatures()}
    assert statuses["新增生态修复面积"] == "at_risk" and statuses["历史遗留矿山修复面积"] == "at_risk"


def test_empty_restoration_layer_records_nothing(landplan, tmp_path, sample_gpkg, make_gpkg):
    empty = make_gpkg("空.gpkg", {"r": ("Polygon", "EPSG:4547", [("ZT", "str"), ("ND", "int"), ("XFLX", "str")], [])})
    _, result = county_store_measured(tmp_path, str(sample_gpkg) + "|layername=DLTB_2023", empty + "|layername=r")
    measured = {f["measure"] for f in result["OUTPUT"].getFeatures()}
    assert "restoration_area" not in measured and "mine_restoration_area" not in measured
    assert "farmland_area" in measured
