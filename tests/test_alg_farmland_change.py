"""landplan:farmlandchange with hand-computed figures (mode 0).

BEFORE: B1 (0,0)-(100,100) 0101 TBMJ 10000 TBDLMJ 9000 │ B2 (100,0)-(200,100) 0103 10000/9500
        B3 (0,100)-(100,200) 0301 10000/10000          │ B4 (100,100)-(200,200) 0702 10000/10000
AFTER:  A1 (0,0)-(50,100) 0101 5000/4500 (unchanged)   │ A2 (50,0)-(100,100) 0201 5000/5000
        A3 (100,0)-(200,100) 0601 10000/10000          │ A4 (0,100)-(100,200) 0103 10000/9000
        A5 (100,100)-(200,200) 0101 10000/9200
Basic farmland (0,0)-(100,100); zones Z1 = x 0–100, Z2 = x 100–200.
"""

import processing
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProcessing, QgsProject

from testdata import rect

X0, Y0 = 455000.0, 3092000.0
FIELDS = [("BSM", "str"), ("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float"), ("KCXS", "float")]


def r(x1, y1, x2, y2):
    return rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def tb(box, bsm, code, tbmj, tbdlmj):
    return (r(*box), {"BSM": bsm, "DLBM": code, "TBMJ": tbmj, "TBDLMJ": tbdlmj, "KCXS": 1 - tbdlmj / tbmj})


BEFORE = [
    tb((0, 0, 100, 100), "1", "0101", 10000.0, 9000.0),
    tb((100, 0, 200, 100), "2", "0103", 10000.0, 9500.0),
    tb((0, 100, 100, 200), "3", "0301", 10000.0, 10000.0),
    tb((100, 100, 200, 200), "4", "0702", 10000.0, 10000.0),
]
A1 = tb((0, 0, 50, 100), "1", "0101", 5000.0, 4500.0)
A2 = tb((50, 0, 100, 100), "9", "0201", 5000.0, 5000.0)
A3 = tb((100, 0, 200, 100), "2", "0601", 10000.0, 10000.0)
A4 = tb((0, 100, 100, 200), "3", "0103", 10000.0, 9000.0)
A5 = tb((100, 100, 200, 200), "4", "0101", 10000.0, 9200.0)


def county(make_gpkg, after, name="c.gpkg", after_crs="EPSG:4547"):
    return make_gpkg(
        name,
        {
            "before": ("Polygon", "EPSG:4547", FIELDS, BEFORE),
            "after": ("Polygon", after_crs, FIELDS, after),
            "jbnt": ("Polygon", "EPSG:4547", [("BSM", "str")], [(r(0, 0, 100, 100), {"BSM": "J"})]),
            "zones": (
                "Polygon",
                "EPSG:4547",
                [("CUN", "str")],
                [(r(0, 0, 100, 200), {"CUN": "Z1"}), (r(100, 0, 200, 200), {"CUN": "Z2"})],
            ),
        },
    )


def run(path, **overrides):
    params = {
        "BEFORE": path + "|layername=before",
        "AFTER": path + "|layername=after",
        "BASIC_FARMLAND": path + "|layername=jbnt",
        "OUTPUT_CHANGES": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_MATRIX": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
    }
    params.update(overrides)
    result = processing.run("landplan:farmlandchange", params)
    summary = {f["zone"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()}
    matrix = {
        (f["zone"] if str(f["zone"]) != "NULL" else None, f["from_group"], f["to_group"]): f["area_m2"]
        for f in result["OUTPUT_MATRIX"].getFeatures()
    }
    changes = list(result["OUTPUT_CHANGES"].getFeatures())
    return summary, matrix, changes


def test_change_types_and_inout_balance(landplan, make_gpkg):
    summary, matrix, changes = run(county(make_gpkg, [A1, A2, A3, A4, A5]))
    assert list(summary) == ["*"]
    t = summary["*"]
    assert t["farmland_before_m2"] == pytest.approx(9000 + 9500)
    assert t["farmland_after_m2"] == pytest.approx(4500 + 9000 + 9200)
    assert t["net_change_m2"] == pytest.approx(4200)
    assert t["out_agricultural_m2"] == pytest.approx(4500)
    assert t["in_agricultural_m2"] == pytest.approx(9000)
    assert t["inout_balance_m2"] == pytest.approx(4500)
    assert t["inout_ok"] == 1
    assert t["to_construction_m2"] == pytest.approx(9500)
    assert t["basic_farmland_out_m2"] == pytest.approx(4500)
    assert t["from_construction_m2"] == pytest.approx(9200)
    kinds = sorted((f["from_dlbm"], f["to_dlbm"], f["change_type"], round(f["area_m2"], 6)) for f in changes)
    assert kinds == [
        ("0101", "0201", "farmland_to_agricultural", 5000.0),
        ("0103", "0601", "farmland_to_construction", 10000.0),
        ("0301", "0103", "agricultural_to_farmland", 10000.0),
        ("0702", "0101", "construction_to_farmland", 10000.0),
    ]
    orchard = [f for f in changes if f["to_dlbm"] == "0201"][0]
    assert orchard["in_basic_farmland"] == 1 and orchard["from_group"] == "耕地" and orchard["to_group"] == "种植园用地"
    expected = {
        (None, "耕地", "耕地"): 4500,
        (None, "田坎", "田坎"): 500,
        (None, "耕地", "种植园用地"): 4500,
        (None, "田坎", "种植园用地"): 500,
        (None, "耕地", "工矿用地"): 9500,
        (None, "田坎", "工矿用地"): 500,
        (None, "林地", "耕地"): 9000,
        (None, "林地", "田坎"): 1000,
        (None, "住宅用地", "耕地"): 9200,
        (None, "住宅用地", "田坎"): 800,
    }
    assert matrix == pytest.approx(expected)


def test_inout_not_balanced(landplan, make_gpkg):
    forest_stays = tb((0, 100, 100, 200), "3", "0301", 10000.0, 10000.0)
    summary, _, _ = run(county(make_gpkg, [A1, A2, A3, forest_stays, A5]))
    t = summary["*"]
    assert t["in_agricultural_m2"] == 0 and t["out_agricultural_m2"] == pytest.approx(4500)
    assert t["inout_balance_m2"] == pytest.approx(-4500) and t["inout_ok"] == 0


def test_zones(landplan, make_gpkg):
    path = county(make_gpkg, [A1, A2, A3, A4, A5])
    summary, matrix, changes = run(path, ZONES=path + "|layername=zones", ZONE_FIELD="CUN")
    assert set(summary) == {"Z1", "Z2", "*"}
    z1, z2 = summary["Z1"], summary["Z2"]
    assert (z1["farmland_before_m2"], z1["farmland_after_m2"]) == pytest.approx((9000, 13500))
    assert (z1["out_agricultural_m2"], z1["in_agricultural_m2"], z1["inout_ok"]) == pytest.approx((4500, 9000, 1))
    assert (z2["farmland_before_m2"], z2["farmland_after_m2"]) == pytest.approx((9500, 9200))
    assert (z2["to_construction_m2"], z2["from_construction_m2"]) == pytest.approx((9500, 9200))
    assert summary["*"]["farmland_before_m2"] == pytest.approx(18500)
    assert matrix[("Z1", "林地", "耕地")] == pytest.approx(9000)
    assert sorted(f["zone"] for f in changes) == ["Z1", "Z1", "Z2", "Z2"]


def test_piece_across_zone_boundary_is_cut(landplan, make_gpkg):
    path = county(make_gpkg, [A1, A2, A3, A4, A5])
    zones = make_gpkg(
        "z.gpkg",
        {
            "z": (
                "Polygon",
                "EPSG:4547",
                [("CUN", "str")],
                [(r(0, 0, 150, 200), {"CUN": "W"}), (r(150, 0, 200, 200), {"CUN": "E"})],
            )
        },
    )
    summary, _, _ = run(path, ZONES=zones + "|layername=z", ZONE_FIELD="CUN")
    # B2 (0103, net 9500) is cut in half at x = 150
    assert summary["E"]["to_construction_m2"] == pytest.approx(4750)
    assert summary["W"]["to_construction_m2"] == pytest.approx(4750)


def test_mismatched_extents_are_reported_not_counted(landplan, make_gpkg):
    outside = tb((300, 0, 400, 100), "7", "0101", 10000.0, 9000.0)
    summary, _, changes = run(county(make_gpkg, [A1, A2, A3, A4, outside]))
    t = summary["*"]
    assert t["uncovered_before_m2"] == pytest.approx(10000)  # B4 has no AFTER counterpart
    assert t["uncovered_after_m2"] == pytest.approx(10000)
    assert t["from_construction_m2"] == 0
    assert t["farmland_after_m2"] == pytest.approx(4500 + 9000)  # the outside 图斑 is not counted
    assert len(changes) == 3


def test_after_in_other_crs(landplan, make_gpkg):
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()
    )
    after = []
    for wkt, values in [A1, A2, A3, A4, A5]:
        g = QgsGeometry.fromWkt(wkt).densifyByCount(10)
        g.transform(transform)
        after.append((g.asWkt(13), values))
    summary, _, _ = run(county(make_gpkg, after, after_crs="EPSG:4490"))
    t = summary["*"]
    assert t["farmland_after_m2"] == pytest.approx(22700, rel=1e-4)
    assert t["to_construction_m2"] == pytest.approx(9500, rel=1e-4)


def test_report(landplan, make_gpkg, tmp_path):
    report = tmp_path / "变化.html"
    run(county(make_gpkg, [A1, A2, A3, A4, A5]), OUTPUT_REPORT=str(report))
    text = report.read_text(encoding="utf-8")
    assert "进出平衡" in text and "合计" in text and "种植园用地" in text


def test_sample_county_totals_match_survey_tables(landplan, sample_gpkg):
    """Where both surveys cover the county, farmland before/after must equal
    the sums of TBDLMJ of farmland 图斑 in each layer (apportionment is exact)."""
    from osgeo import ogr

    path = str(sample_gpkg)
    summary, matrix, _ = run(
        path.replace("|", ""),
        BEFORE=path + "|layername=DLTB",
        AFTER=path + "|layername=DLTB_2023",
        BASIC_FARMLAND=path + "|layername=YJJBNT",
        REPAIR_INVALID=True,
    )
    ds = ogr.Open(path)
    sums = {}
    for name in ("DLTB", "DLTB_2023"):
        layer = ds.ExecuteSQL(
            "SELECT SUM(TBDLMJ) AS s, SUM(TBMJ) AS t FROM {} WHERE DLBM IN ('0101','0102','0103')".format(name)
        )
        row = layer.GetNextFeature()
        sums[name] = row.GetField("s")
        ds.ReleaseResultSet(layer)
    total_tbmj = ds.ExecuteSQL("SELECT SUM(TBMJ) AS t FROM DLTB")
    tbmj = total_tbmj.GetNextFeature().GetField("t")
    ds.ReleaseResultSet(total_tbmj)
    t = summary["*"]
    assert t["farmland_before_m2"] == pytest.approx(sums["DLTB"], rel=1e-9)
    assert t["farmland_after_m2"] == pytest.approx(sums["DLTB_2023"], rel=1e-9)
    assert t["uncovered_before_m2"] == pytest.approx(0, abs=1e-3) and t["uncovered_after_m2"] == pytest.approx(
        0, abs=1e-3
    )
    assert sum(matrix.values()) == pytest.approx(tbmj, rel=1e-9)


def test_overlapping_after_polygons_never_count_area_twice(landplan, make_gpkg):
    a1 = tb((0, 0, 60, 100), "1", "0101", 6000.0, 5400.0)
    a2 = tb((40, 0, 100, 100), "9", "0201", 6000.0, 6000.0)  # overlaps a1 by 20 × 100
    summary, matrix, _ = run(county(make_gpkg, [a1, a2, A3, A4, A5]))
    t = summary["*"]
    assert t["farmland_before_m2"] == pytest.approx(9000 + 9500)  # B1 still counts 9000 once
    # B1's 12,000 m² of pieces are scaled to its 10,000: half each (6000/12000)
    assert t["out_agricultural_m2"] == pytest.approx(4500)
    assert sum(
        v for k, v in matrix.items() if k[1] in ("耕地", "田坎") and k[2] in ("耕地", "田坎", "种植园用地")
    ) == pytest.approx(10000)


def test_crosstab_in_sandiao_order_with_totals():
    """Hand figures: 1000 m² 耕地→林地, 300 m² 耕地→耕地, 2 m² 耕地→田坎
    (below 0.005 亩: an empty cell), 600 m² 林地→耕地."""
    from landplan_plugin.core.change import crosstab

    columns, rows, column_totals, total = crosstab(
        [("林地", "耕地", 600.0), ("耕地", "林地", 1000.0), ("耕地", "耕地", 300.0), ("耕地", "田坎", 2.0)]
    )
    assert columns == ["耕地", "林地"]  # 田坎 column totals 2 m² < 3.33 m²: dropped
    assert [r[0] for r in rows] == ["耕地", "林地"]
    assert rows[0] == ("耕地", [300.0, 1000.0], 1302.0)
    assert rows[1] == ("林地", [600.0, None], 600.0)
    assert column_totals == [900.0, 1000.0] and total == 1902.0
