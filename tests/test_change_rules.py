"""farmlandchange against 自然资发〔2021〕166号 (issue 16): no 进出平衡 verdict that
hides a breach.  Planar mode, hand figures; 100 m cells at (X0 + 100·i, Y0).

Cells before → after (grade after):
  A 0101 g6, in 永农 → 0301 林地          out 10000, 水田 out 10000, 永农 → 林地 10000
  B 0201 园地         → 0101 g8           in 10000, 水田 in 10000
  C 0404 其他草地     → 0103 g7           in 10000 (草地) or from unused (三大类)
  D 0702 宅基地       → 0102 g5           reclaimed 10000
  E 0103 g7           → 0601 工业         非农化 10000
  F 0103 KCXS 0.1     → 0103 KCXS 0.2     restated −1000 (net 9000 → 8000)
"""

import processing
import pytest
from qgis.core import QgsProcessing

from testdata import rect

X0, Y0 = 455000.0, 3092000.0
FIELDS = [("DLBM", "str"), ("KCXS", "float"), ("GDDB", "int"), ("ZLDWDM", "str")]


def cell(i, width=1):
    return rect(X0 + 100 * i, Y0, X0 + 100 * (i + width), Y0 + 100)


def row(i, dlbm, kcxs=0.0, grade=None, village="V1"):
    return (cell(i), {"DLBM": dlbm, "KCXS": kcxs, "GDDB": grade, "ZLDWDM": village})


BEFORE = [
    row(0, "0101", grade=6),
    row(1, "0201"),
    row(2, "0404"),
    row(3, "0702"),
    row(4, "0103", grade=7),
    row(5, "0103", 0.1, 7),
]
AFTER = [
    row(0, "0301"),
    row(1, "0101", grade=8),
    row(2, "0103", grade=7),
    row(3, "0102", grade=5),
    row(4, "0601"),
    row(5, "0103", 0.2, 7),
]


def survey(make_gpkg, before=BEFORE, after=AFTER, extra=None, name="c.gpkg"):
    layers = {
        "before": ("Polygon", "EPSG:4547", FIELDS, before),
        "after": ("Polygon", "EPSG:4547", FIELDS, after),
        "basic": ("Polygon", "EPSG:4547", [("BSM", "str")], [(cell(0), {"BSM": "J1"})]),
    }
    layers.update(extra or {})
    return make_gpkg(name, layers)


def run(path, **overrides):
    params = {
        "BEFORE": path + "|layername=before",
        "AFTER": path + "|layername=after",
        "BASIC_FARMLAND": path + "|layername=basic",
        "AREA_MODE": 2,
        "OUTPUT_CHANGES": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_MATRIX": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
    }
    params.update(overrides)
    result = processing.run("landplan:farmlandchange", params)
    return {f["zone"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()}, result


def assert_identities(r):
    flows = (
        r["in_agricultural_m2"]
        + r["reclaimed_m2"]
        + r["from_unused_m2"]
        - r["out_agricultural_m2"]
        - r["to_construction_m2"]
        - r["to_unused_m2"]
    )
    assert r["net_m2"] == pytest.approx(flows, abs=0.01)
    assert r["net_change_m2"] == pytest.approx(r["net_m2"] - r["exempt_out_m2"] + r["restated_m2"], abs=0.01)


def test_every_flow_has_a_column_and_the_net_adds_up(landplan, make_gpkg):
    rows, _ = run(survey(make_gpkg))
    t = rows["*"]
    assert (t["farmland_before_m2"], t["farmland_after_m2"], t["net_change_m2"]) == (29000, 38000, 9000)
    assert (t["out_agricultural_m2"], t["in_agricultural_m2"]) == (10000, 20000)  # C's 0404 counts as 草地
    assert (t["reclaimed_m2"], t["from_unused_m2"], t["to_construction_m2"], t["to_unused_m2"]) == (10000, 0, 10000, 0)
    assert (t["net_m2"], t["restated_m2"], t["exempt_out_m2"]) == (10000, -1000, 0)
    assert_identities(t)
    assert (t["paddy_out_m2"], t["paddy_in_m2"], t["paddy_ok"]) == (10000, 10000, 1)
    # out: A grade 6; in: B grade 8 and C grade 7 → 7.5, worse than 6
    assert (t["grade_out"], t["grade_in"], t["quality_ok"]) == (6, 7.5, 0)
    assert (t["basic_to_agri_m2"], t["basic_to_construction_m2"]) == (10000, 0)
    assert t["balance_ok"] == 1 and t["inout_ok"] == 1
    assert t["verdict"] == "不平衡"
    assert "质量" in t["reasons"] and "永久基本农田转为其他农用地 15.00 亩" in t["reasons"]


def test_other_grass_both_ways(landplan, make_gpkg):
    path = survey(make_gpkg)
    rows, _ = run(path, GRASS_AS_AGRICULTURAL=False)
    t = rows["*"]
    # 三大类 reading: 0404 is 未利用地, so C is 未利用地开发, not 进出平衡 inflow
    assert (t["in_agricultural_m2"], t["from_unused_m2"]) == (10000, 10000)
    assert t["grade_in"] == 8
    assert_identities(t)


@pytest.mark.parametrize(
    "after_b, grade_b, basic, reason",
    [
        ("0103", 6, False, "水田流入少于流出 15.00 亩"),  # dry land in for paddy out: 水田 short
        ("0101", 9, False, "流入耕地质量等别低于流出耕地"),  # grade 9 in for grade 6 out
        ("0101", 6, True, "永久基本农田转为其他农用地 15.00 亩（禁止）"),  # balanced but 永农 → 林地
    ],
)
def test_each_breach_alone_makes_it_unbalanced(landplan, make_gpkg, after_b, grade_b, basic, reason):
    before = [row(0, "0101", grade=6), row(1, "0201")]
    after = [row(0, "0301"), row(1, after_b, grade=grade_b)]
    path = survey(make_gpkg, before, after)
    rows, _ = run(path, BASIC_FARMLAND=path + "|layername=basic" if basic else None)
    t = rows["*"]
    assert (t["out_agricultural_m2"], t["in_agricultural_m2"], t["balance_ok"]) == (10000, 10000, 1)
    assert t["verdict"] == "不平衡"
    assert t["reasons"] == reason


def test_clean_exchange_is_balanced_and_missing_grades_are_unchecked(landplan, make_gpkg):
    path = survey(make_gpkg, [row(0, "0101", grade=6), row(1, "0201")], [row(0, "0301"), row(1, "0101", grade=5)])
    rows, _ = run(path, BASIC_FARMLAND=None)
    assert rows["*"]["verdict"] == "平衡" and rows["*"]["reasons"] == ""
    path = survey(make_gpkg, [row(0, "0101"), row(1, "0201")], [row(0, "0301"), row(1, "0101")], name="nograde.gpkg")
    rows, _ = run(path, BASIC_FARMLAND=None)
    assert str(rows["*"]["quality_ok"]) == "NULL"
    assert rows["*"]["verdict"] == "未核查"


def test_exempt_area_outflow_is_not_counted(landplan, make_gpkg):
    exempt = {"exempt": ("Polygon", "EPSG:4547", [("LX", "str")], [(cell(0), {"LX": "生态退耕"})])}
    path = survey(make_gpkg, extra=exempt)
    rows, _ = run(path, EXEMPT=path + "|layername=exempt", EXEMPT_TYPE_FIELD="LX")
    t = rows["*"]
    assert (t["out_agricultural_m2"], t["exempt_out_m2"], t["paddy_out_m2"]) == (0, 10000, 0)
    assert t["net_m2"] == 20000 and t["net_change_m2"] == 9000
    assert_identities(t)


def test_group_by_village_code_without_geometric_cut(landplan, make_gpkg):
    # the boundary moved: cell 0 was V1 and is now V2; cell 1 stays V2
    before = [row(0, "0101", grade=6, village="V1"), row(1, "0201", village="V2")]
    after = [row(0, "0301", village="V2"), row(1, "0101", grade=6, village="V2")]
    zones = {
        "zones": ("Polygon", "EPSG:4547", [("MC", "str")], [(cell(0, 2), {"MC": "一个区域"})]),
    }
    path = survey(make_gpkg, before, after, extra=zones)
    rows, _ = run(path, GROUP_BY=1, BASIC_FARMLAND=None)
    assert set(rows) == {"V1", "V2", "*"}
    # outflow belongs to the before 图斑's village, inflow to the after 图斑's
    assert (rows["V1"]["out_agricultural_m2"], rows["V1"]["in_agricultural_m2"]) == (10000, 0)
    assert (rows["V2"]["out_agricultural_m2"], rows["V2"]["in_agricultural_m2"]) == (0, 10000)
    assert rows["V1"]["verdict"] == "不平衡" and rows["V2"]["verdict"] == "平衡"
    for r in rows.values():
        assert_identities(r)
    # the same data by zone polygon: one zone holding both
    rows, _ = run(path, ZONES=path + "|layername=zones", ZONE_FIELD="MC", BASIC_FARMLAND=None)
    assert rows["一个区域"]["verdict"] == "平衡"


def test_sample_identity_on_every_row(landplan, sample_gpkg, tmp_path):
    report = tmp_path / "change.html"
    rows, _ = run(
        str(sample_gpkg),
        BEFORE=str(sample_gpkg) + "|layername=DLTB",
        AFTER=str(sample_gpkg) + "|layername=DLTB_2023",
        BASIC_FARMLAND=str(sample_gpkg) + "|layername=YJJBNT",
        ZONES=str(sample_gpkg) + "|layername=XZQ",
        ZONE_FIELD="XZQMC",
        AREA_MODE=0,
        REPAIR_INVALID=True,
        YEAR_BEFORE=2019,
        YEAR_AFTER=2023,
        OUTPUT_REPORT=str(report),
    )
    for r in rows.values():
        assert_identities(r)
    t = rows["*"]
    # the figures: 水田 291.14 亩 out, none in; 复垦 63.30 亩; 0404 → 耕地 57.14 亩 counted in
    assert t["paddy_out_m2"] * 3 / 2000 == pytest.approx(291.14, abs=0.01)
    assert t["paddy_in_m2"] == 0
    assert t["reclaimed_m2"] * 3 / 2000 == pytest.approx(63.30, abs=0.01)
    assert t["in_agricultural_m2"] * 3 / 2000 == pytest.approx(442.38 + 57.14, abs=0.02)
    assert t["basic_to_agri_m2"] * 3 / 2000 == pytest.approx(143.15, abs=0.02)
    assert t["verdict"] == "不平衡"
    text = report.read_text(encoding="utf-8")
    assert "2019 年至 2023 年" in text and "不平衡" in text and "水田流入少于流出" in text
