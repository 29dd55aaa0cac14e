"""farmlandoccupation against the rules a bureau is audited on (issue 15):
the 报批 地类面积表 by 权属 with 田坎 rows and 平差, 城镇村 耕地, 永久基本农田
legality (土地管理法 第三十五条), approval dates and control areas.

Land use (EPSG:4547, origin X0, Y0), planar mode unless said otherwise:
  A (0,0)-(100,100)    0101 KCXS 0.10 KCDLBM 1203 QSXZ 30 集体 V1 石桥村农民集体
  B (100,0)-(200,100)  0103 KCXS 0.05 KCDLBM —    QSXZ 20 国有 S  样例县国有土地  CZCSXM 202A
  C (200,0)-(300,100)  0702            QSXZ 31 集体 V2 杨柳村第一村民小组    CZCSXM 203
  D (300,0)-(400,100)  1101            QSXZ —  (unknown)
Basic farmland: (0,0)-(50,100), half of A.
"""

import processing
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsProcessing, QgsProcessingException

from testdata import rect

X0, Y0 = 455000.0, 3092000.0


def r(x1, y1, x2, y2):
    return rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


FIELDS = [
    ("BSM", "str"),
    ("TBBH", "str"),
    ("DLBM", "str"),
    ("QSXZ", "str"),
    ("QSDWDM", "str"),
    ("QSDWMC", "str"),
    ("TBMJ", "float"),
    ("TBDLMJ", "float"),
    ("KCXS", "float"),
    ("KCDLBM", "str"),
    ("CZCSXM", "str"),
]
PROJECT_FIELDS = [("XMBH", "str"), ("PZRQ", "date"), ("XMLX", "str")]


def parcel(bsm, box, dlbm, qsxz, owner, name, kcxs=0.0, kcdlbm=None, czcsxm=None, tbmj=None):
    return (
        r(*box),
        {
            "BSM": bsm,
            "TBBH": bsm[-2:],
            "DLBM": dlbm,
            "QSXZ": qsxz,
            "QSDWDM": owner,
            "QSDWMC": name,
            "TBMJ": tbmj if tbmj is not None else 10000.0,
            "TBDLMJ": None,
            "KCXS": kcxs,
            "KCDLBM": kcdlbm,
            "CZCSXM": czcsxm,
        },
    )


PARCELS = [
    parcel("3607990000000001", (0, 0, 100, 100), "0101", "30", "V1", "石桥村农民集体", 0.10, "1203"),
    parcel("3607990000000002", (100, 0, 200, 100), "0103", "20", "S", "样例县国有土地", 0.05, None, "202A"),
    parcel("3607990000000003", (200, 0, 300, 100), "0702", "31", "V2", "杨柳村第一村民小组", czcsxm="203"),
    parcel("3607990000000004", (300, 0, 400, 100), "1101", None, None, None),
]


def county(make_gpkg, projects, parcels=PARCELS, name="县.gpkg"):
    return make_gpkg(
        name,
        {
            "DLTB": ("Polygon", "EPSG:4547", FIELDS, parcels),
            "YJJBNT": ("Polygon", "EPSG:4547", [("BSM", "str")], [(r(0, 0, 50, 100), {"BSM": "J1"})]),
            "projects": ("Polygon", "EPSG:4547", PROJECT_FIELDS, projects),
        },
    )


def run(path, **overrides):
    values = {
        "PROJECTS": path + "|layername=projects",
        "PROJECT_ID_FIELD": "XMBH",
        "LANDUSE": path + "|layername=DLTB",
        "BASIC_FARMLAND": path + "|layername=YJJBNT",
        "AREA_MODE": 2,
        "OUTPUT_PIECES": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_CLASSES": QgsProcessing.TEMPORARY_OUTPUT,
    }
    values.update(overrides)
    result = processing.run("landplan:farmlandoccupation", values)
    rows = {f["project_id"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()}
    classes = [f for f in result["OUTPUT_CLASSES"].getFeatures()]
    return result, rows, classes


def class_key(feature):
    return (feature["project_id"], feature["qsxz_group"], feature["qsdwdm"], feature["dlbm"])


def test_class_table_by_ownership_with_ridge_rows(landplan, make_gpkg):
    # P covers A and B whole: 20000 m² planar
    path = county(make_gpkg, [(r(0, 0, 200, 100), {"XMBH": "P", "PZRQ": "2024-05-20", "XMLX": "交通"})])
    result, rows, classes = run(path)
    table = {class_key(f): (f["dlmc"], f["qsdwmc"], f["area_m2"], f["adjusted_m2"]) for f in classes}
    assert table == {
        # A: net 10000 × 0.9, its 田坎 10000 × 0.1 under KCDLBM 1203
        ("P", "集体", "V1", "0101"): ("水田", "石桥村农民集体", 9000.0, 9000.0),
        ("P", "集体", "V1", "1203"): ("田坎", "石桥村农民集体", 1000.0, 1000.0),
        # B: net 10000 × 0.95; empty KCDLBM → 1203
        ("P", "国有", "S", "0103"): ("旱地", "样例县国有土地", 9500.0, 9500.0),
        ("P", "国有", "S", "1203"): ("田坎", "样例县国有土地", 500.0, 500.0),
    }
    p = rows["P"]
    assert p["control_m2"] == 20000.0
    assert (p["state_m2"], p["collective_m2"]) == (10000.0, 10000.0)
    assert p["approval_date"].toString("yyyy-MM-dd") == "2024-05-20"
    assert p["project_type"] == "交通"
    # 城镇村: B is 202A (independent industrial land of a 建制镇) → its 9500 m² of 耕地 count
    assert p["farmland_in_town_m2"] == 9500.0
    pieces = {f["bsm"]: f for f in result["OUTPUT_PIECES"].getFeatures()}
    assert set(pieces) == {"3607990000000001", "3607990000000002"}
    piece = next(f for f in pieces.values() if f["qsxz"] == "20")
    assert (piece["tbbh"], piece["qsdwdm"], piece["qsdwmc"], piece["czcsxm"]) == ("02", "S", "样例县国有土地", "202A")


def test_town_codes_parameter_and_unknown_ownership(landplan, make_gpkg):
    # P covers B, C and D: B's farmland is in town only when 202 is a town code
    path = county(make_gpkg, [(r(100, 0, 400, 100), {"XMBH": "P", "PZRQ": None, "XMLX": "交通"})])
    _, rows, classes = run(path, TOWN_CODES="201,203")
    p = rows["P"]
    assert p["farmland_in_town_m2"] == 0.0
    # QSXZ 31 (村民小组) is 集体; D has no QSXZ: in neither total, a row of its own
    assert (p["state_m2"], p["collective_m2"], p["total_m2"]) == (10000.0, 10000.0, 30000.0)
    unknown = [f for f in classes if f["qsxz_group"] == "未知"]
    assert [(f["dlbm"], f["area_m2"]) for f in unknown] == [("1101", 10000.0)]
    assert str(p["approval_date"]) == "NULL"


def test_basic_farmland_permitted_per_article_35(landplan, make_gpkg):
    projects = [
        (r(0, 0, 100, 100), {"XMBH": "ROAD", "XMLX": "公路交通"}),  # on 5000 m² of 永农, permitted type
        (r(0, 0, 100, 100), {"XMBH": "HOUSING", "XMLX": "安置小区"}),  # same land, not permitted
        (r(200, 0, 300, 100), {"XMBH": "OFF", "XMLX": "安置小区"}),  # no basic farmland taken
        (r(0, 0, 100, 100), {"XMBH": "UNTYPED", "XMLX": None}),  # type unknown
    ]
    path = county(make_gpkg, projects)
    _, rows, _ = run(path)
    assert rows["HOUSING"]["basic_farmland_m2"] == pytest.approx(4500.0)  # half of A's net 9000
    assert rows["ROAD"]["basic_farmland_permitted"] == 1
    assert rows["HOUSING"]["basic_farmland_permitted"] == 0
    assert rows["OFF"]["basic_farmland_permitted"] == 1
    assert str(rows["UNTYPED"]["basic_farmland_permitted"]) == "NULL"
    # without the basic-farmland layer only a permitted type is known to be fine
    _, rows, _ = run(path, BASIC_FARMLAND=None)
    assert rows["ROAD"]["basic_farmland_permitted"] == 1
    assert str(rows["HOUSING"]["basic_farmland_permitted"]) == "NULL"
    assert str(rows["OFF"]["basic_farmland_permitted"]) == "NULL"
    # a province may list its own permitted types
    _, rows, _ = run(path, PERMITTED_TYPES="安置")
    assert rows["HOUSING"]["basic_farmland_permitted"] == 1 and rows["ROAD"]["basic_farmland_permitted"] == 0


def test_report_names_the_article(landplan, make_gpkg, tmp_path):
    path = county(make_gpkg, [(r(0, 0, 100, 100), {"XMBH": "HOUSING", "XMLX": "安置小区"})])
    report = tmp_path / "占地.html"
    run(path, OUTPUT_REPORT=str(report))
    text = report.read_text(encoding="utf-8")
    assert "第三十五条" in text and "不得占用" in text
    assert "地类面积表" in text and "田坎" in text


def _ellipsoidal(box):
    from landplan_plugin.core.area import EllipsoidalArea

    return EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547")).area(QgsGeometry.fromWkt(r(*box)))


def test_adjustment_by_hand_three_rows_three_hundredths(landplan, make_gpkg):
    # Mode 0: each whole 图斑 gives its TBMJ.  The control area is the project's
    # ellipsoidal area, rounded: 29999.05 m² here (three 100 m cells 45 km west of the CM).
    control = round(_ellipsoidal((0, 0, 300, 100)), 2)
    # the surveyed TBMJ add up to 0.03 m² less: 9000.10 + 10000.20 + (rest)
    first, second = 9000.10, 10000.20
    third = round(control - 0.03 - first - second, 2)
    parcels = [
        parcel("3607990000000001", (0, 0, 100, 100), "0301", "30", "V1", "石桥村", tbmj=first),
        parcel("3607990000000002", (100, 0, 200, 100), "0702", "30", "V1", "石桥村", tbmj=second),
        parcel("3607990000000003", (200, 0, 300, 100), "1101", "30", "V1", "石桥村", tbmj=third),
    ]
    path = county(make_gpkg, [(r(0, 0, 300, 100), {"XMBH": "P", "XMLX": "交通"})], parcels)
    _, rows, classes = run(path, AREA_MODE=0)
    assert rows["P"]["control_m2"] == pytest.approx(control, abs=0.005)
    by_code = {f["dlbm"]: (f["area_m2"], f["adjusted_m2"]) for f in classes}
    # 0.03 m² = three steps of 0.01: one per row, largest first → every row +0.01
    assert by_code == {
        "0301": (first, round(first + 0.01, 2)),
        "0702": (second, round(second + 0.01, 2)),
        "1101": (third, round(third + 0.01, 2)),
    }
    assert round(sum(f["adjusted_m2"] for f in classes), 2) == control


def test_gap_is_not_adjusted(landplan, make_gpkg):
    # the project reaches 20 m beyond the survey: 2000 m² missing, far above the
    # tolerance max(1 m², 0.01 % of 22000 m²): the rows stay as measured
    path = county(make_gpkg, [(r(0, -20, 200, 100), {"XMBH": "P", "XMLX": "交通"})])
    _, rows, classes = run(path)
    assert rows["P"]["control_m2"] == 24000.0
    assert round(sum(f["area_m2"] for f in classes), 2) == 20000.0
    assert all(f["adjusted_m2"] == f["area_m2"] for f in classes)


def test_adjustment_rules_in_core():
    from landplan_plugin.core import classtable

    # 0.05 over three rows: two rounds, largest first → +0.02, +0.02, +0.01
    assert classtable.adjust_cents([500000, 300000, 100000], 900005) == [500002, 300002, 100001]
    # −0.04 over two rows: −0.02 each; a row of 0.00 never takes a step
    assert classtable.adjust_cents([0, 70000, 30000], 99996) == [0, 69998, 29998]
    # half-up as printed, like every output: 2.675 → 2.68 (its binary value is 2.67499…)
    assert classtable.to_cents(0.125) == 13 and classtable.to_cents(2.675) == 268
    assert classtable.ownership_group("10") == "国有" and classtable.ownership_group(33) == "集体"
    assert classtable.ownership_group("") == "未知" and classtable.ownership_group(None) == "未知"
    assert classtable.gap_limit_m2(50000.0) == 5.0 and classtable.gap_limit_m2(2000.0) == 1.0


def test_ellipsoidal_control_area_in_xian80(landplan, make_gpkg):
    # the same project in a Xian 1980 3° CRS: the control area is on the IAG 1975 ellipsoid
    from geographiclib.geodesic import Geodesic
    from qgis.core import QgsCoordinateTransform, QgsProject

    xian = [(rect(455000, 3092000, 456000, 3092429.6), {"DLBM": "0301", "TBMJ": 1.0, "QSXZ": "30"})]
    path = make_gpkg(
        "xian.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:2383", [("DLBM", "str"), ("TBMJ", "float"), ("QSXZ", "str")], xian),
            "projects": ("Polygon", "EPSG:2383", [("XMBH", "str")], [(xian[0][0], {"XMBH": "P"})]),
        },
    )
    _, rows, _ = run(path, BASIC_FARMLAND=None, AREA_MODE=1)
    row = rows["P"]
    dense = QgsGeometry.fromWkt(xian[0][0]).densifyByDistance(50.0)
    dense.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:2383"), QgsCoordinateReferenceSystem("EPSG:4610"), QgsProject.instance()
        )
    )
    polygon = Geodesic(6378140.0, 1 / 298.257).Polygon()
    for point in dense.asPolygon()[0][:-1]:
        polygon.AddPoint(point.y(), point.x())
    reference = abs(polygon.Compute(False, True)[2])
    assert row["control_m2"] == pytest.approx(reference, abs=0.006)
    assert row["total_m2"] == pytest.approx(reference, abs=0.006)
    assert row["control_m2"] < 429600.0  # never more than the planar area


def test_other_ellipsoid_refused_in_ellipsoidal_mode(landplan, make_gpkg):
    rows = [(rect(455000, 3092000, 455100, 3092100), {"DLBM": "0301", "TBMJ": 1.0})]
    path = make_gpkg(
        "utm.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:32650", [("DLBM", "str"), ("TBMJ", "float")], rows),
            "projects": ("Polygon", "EPSG:32650", [("XMBH", "str")], [(rows[0][0], {"XMBH": "P"})]),
        },
    )
    with pytest.raises(QgsProcessingException, match="WGS 84|7030"):
        run(path, BASIC_FARMLAND=None, AREA_MODE=1)
    # planar mode needs no ellipsoid
    _, rows, _ = run(path, BASIC_FARMLAND=None, AREA_MODE=2)
    assert rows["P"]["control_m2"] == 10000.0


def test_without_ownership_field_state_and_collective_are_null(landplan, make_gpkg):
    # a survey without QSXZ: ownership is unknown, never 0 m² of 国有 and 集体
    fields = [("DLBM", "str"), ("TBMJ", "float")]
    parcels = [(r(0, 0, 100, 100), {"DLBM": "0301", "TBMJ": 10000.0})]
    path = make_gpkg(
        "无权属.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:4547", fields, parcels),
            "projects": ("Polygon", "EPSG:4547", PROJECT_FIELDS, [(r(0, 0, 100, 100), {"XMBH": "P"})]),
        },
    )
    _, rows, classes = run(path, BASIC_FARMLAND=None)
    assert str(rows["P"]["state_m2"]) == "NULL" and str(rows["P"]["collective_m2"]) == "NULL"
    assert [f["qsxz_group"] for f in classes] == ["未知"]


# ---------------------------------------------------------------------------
# Per-piece rules (core.occupation.piece_areas / PieceRules), no QGIS needed
# ---------------------------------------------------------------------------


def test_piece_areas_apportioned_hand_figures_and_general_path_agree():
    from landplan_plugin.core.areamath import MODE_APPORTIONED
    from landplan_plugin.core.occupation import piece_areas

    # 30 m² of a 120 m² 图斑: share 1/4 of TBMJ 1000 and TBDLMJ 900
    assert piece_areas(MODE_APPORTIONED, 30.0, 120.0, None, 1000.0, 900.0, 0.1) == (250.0, 25.0, 225.0, False)
    # the usual piece takes a short path; text values take the general one: same figures
    for planar, parent, tbmj, tbdlmj, kcxs in (
        (30.0, 120.0, 1000.0, 900.0, None),
        (7.3, 7.3, 12.34, 12.34, 0.0),
        (130.0, 120.0, 1000.0, 1200.0, 10.5),  # share capped at 1, net capped at area
        (0.1, 3.0, 0.0, 0.0, 1.0),
    ):
        fast = piece_areas(MODE_APPORTIONED, planar, parent, None, tbmj, tbdlmj, kcxs)
        general = piece_areas(
            MODE_APPORTIONED, planar, parent, None, str(tbmj), str(tbdlmj), None if kcxs is None else str(kcxs)
        )
        assert fast == general


@pytest.mark.parametrize("kcxs", [150.0, -0.1, float("nan")])
def test_piece_areas_refuses_a_bad_ridge_coefficient_even_with_tbdlmj(kcxs):
    from landplan_plugin.core.areamath import MODE_APPORTIONED
    from landplan_plugin.core.occupation import piece_areas

    with pytest.raises(ValueError):
        piece_areas(MODE_APPORTIONED, 30.0, 120.0, None, 1000.0, 900.0, kcxs)


def test_piece_rules_record_counts_fallbacks_and_unknown_codes():
    from landplan_plugin.core.areamath import MODE_APPORTIONED
    from landplan_plugin.core.occupation import PieceRules
    from landplan_plugin.core.overlay import Piece

    slots = {"dlbm": 0, "tbmj": 1, "tbdlmj": 2, "kcxs": None, "grade": 3, "zldwdm": 4, "bsm": 5}
    rules = PieceRules(MODE_APPORTIONED, slots, lambda geometry: 44.0)
    paddy = rules.record("P1", Piece("P1", None, 1, ["0101", 200.0, 180.0, 2.0, 3607.0, " 7 "], 100.0, 50.0, 1))
    assert (paddy.area_m2, paddy.tk_m2, paddy.net_m2) == (100.0, 10.0, 90.0)
    assert (paddy.dlbm, paddy.dlmc, paddy.grade, paddy.zldwdm, paddy.bsm, paddy.in_basic_farmland) == (
        "0101",
        "水田",
        2.0,
        "3607",
        "7",
        1,
    )
    # no TBMJ: the ellipsoidal area of the piece stands in (counted); 9999 is no 三调 code (counted)
    odd = rules.record("P1", Piece("P1", None, 2, ["9999", None, None, 0.0, None, None], 100.0, 50.0, None))
    assert (odd.area_m2, odd.dlbm, odd.category, odd.grade, odd.in_basic_farmland) == (44.0, "9999", None, None, 0)
    assert rules.fallbacks == 1 and rules.unknown_codes == {"9999": 1}


def test_piece_rules_on_arrays_equal_piece_areas_row_by_row():
    """PieceRules.records works the usual piece on arrays and every other
    through piece_areas: each row must be exactly what piece_areas and
    make_record give for it alone, whatever mix a table holds."""
    import numpy as np

    from landplan_plugin.core.areamath import MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR
    from landplan_plugin.core.occupation import PieceRules, make_record, piece_areas
    from landplan_plugin.core.piecetable import PieceTable
    from landplan_plugin.core.values import key_text

    # dlbm, tbmj, tbdlmj, kcxs, grade, zldwdm; planar, parent planar, in_mask
    rows = [
        (("0101", 1000.0, 900.0, 0.1, 2.0, "3607"), 30.0, 120.0, 1),  # hand: 250 m², net 225, 田坎 25
        (("0103", 1000.0, None, 0.1, 3.0, None), 30.0, 120.0, 0),  # no TBDLMJ: 田坎 = area × KCXS
        (("0103", "1,000.00", "９００", 0.1, "2", " 7 "), 30.0, 120.0, None),  # numbers as text
        (("0102", 1000.0, 900.0, 10.5, None, None), 30.0, 120.0, 0),  # KCXS as a percent
        (("0101", None, None, 0.1, None, None), 30.0, 120.0, 0),  # no TBMJ: ellipsoidal fallback
        (("0101", float("nan"), 900.0, None, None, None), 30.0, 120.0, 0),  # NaN TBMJ reads as none
        (("0201", -5.0, None, None, None, None), 30.0, 120.0, 0),  # negative TBMJ: fallback
        (("0101", 1000.0, 900.0, None, None, None), 30.0, 0.0, 0),  # parent without area: fallback
        (("0101", 1000.0, 2000.0, None, None, None), 150.0, 120.0, 1),  # share capped at 1, net at area
        (("9999", 10.0, 10.0, 0.0, None, None), 1.0, 3.0, 0),  # unknown code
        ((None, 10.0, 10.0, 0.0, None, None), 1.0, 3.0, 0),  # NULL code
    ]
    slots = {"dlbm": 0, "tbmj": 1, "tbdlmj": 2, "kcxs": 3, "grade": 4, "zldwdm": 5}
    ellipsoidal = {n: 31.0 + n for n in range(len(rows))}  # a distinct "ellipsoidal area" per piece
    for mode in (MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR):
        table = PieceTable(
            ["P1"] * len(rows),
            list(range(len(rows))),
            [[values[k] for values, *_rest in rows] for k in range(6)],
            np.array([parent for _v, _p, parent, _m in rows]),
            np.array([planar for _v, planar, _parent, _m in rows]),
            [mask for *_rest, mask in rows],
            list(range(len(rows))),  # the "geometry" of a row is its number
        )
        rules = PieceRules(mode, slots, lambda row: ellipsoidal[row])
        records, columns = rules.records(table)
        fallbacks = 0
        for n, ((dlbm, tbmj, tbdlmj, kcxs, grade, zldwdm), planar, parent, mask) in enumerate(rows):
            area, tk, net, fell = piece_areas(mode, planar, parent, ellipsoidal[n], tbmj, tbdlmj, kcxs)
            fallbacks += fell
            expected = make_record("P1", dlbm, key_text(zldwdm), grade, mask, area, tk, net)
            assert records[n] == expected, (mode, n)
            assert (columns["area_m2"][n], columns["tk_m2"][n], columns["net_m2"][n]) == (area, tk, net)
        assert rules.fallbacks == fallbacks
        assert rules.unknown_codes == {"9999": 1, None: 1}
        assert columns["planar_m2"] is table.planar
    apportioned = PieceRules(MODE_APPORTIONED, slots, lambda row: ellipsoidal[row]).records(table)[0]
    assert (apportioned[0].area_m2, apportioned[0].net_m2, apportioned[0].tk_m2) == (250.0, 225.0, 25.0)
    assert apportioned[0].dlmc == "水田" and apportioned[0].in_basic_farmland == 1
    assert apportioned[4].area_m2 == 35.0  # the fallback's ellipsoidal area
    assert (apportioned[8].area_m2, apportioned[8].net_m2) == (1000.0, 1000.0)
