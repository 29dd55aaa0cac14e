"""landplan:farmlandoccupation with hand-computed figures.

Land use (EPSG:4547, origin X0, Y0; 100 m cells):
  T1 (0,0)-(100,100)   0101 TBMJ 9990  TBDLMJ 9000  KCXS 0.1   GDDB 6
  T2 (100,0)-(200,100) 0103 TBMJ 10020 TBDLMJ NULL  KCXS 0.05  GDDB 9
  T3 (0,100)-(100,200) 0702 TBMJ 10000 TBDLMJ 10000
  T4 (100,100)-(200,200) 1101 TBMJ 10000 TBDLMJ 10000
  T5 (200,0)-(300,200) 0101K TBMJ 20000 TBDLMJ 20000 (not farmland)
Basic farmland: (0,0)-(75,200).
P1: two features (50,50)-(150,100) and (50,90)-(150,150), overlapping by 10 m
    → one square (50,50)-(150,150) = a quarter of T1..T4.
P2: (150,50)-(250,150) → a quarter of T2 and T4, a quarter of T5.
"""

import processing
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from testdata import rect

X0, Y0 = 455000.0, 3092000.0


def r(x1, y1, x2, y2):
    return rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


LANDUSE_FIELDS = [
    ("DLBM", "str"),
    ("TBMJ", "float"),
    ("TBDLMJ", "float"),
    ("KCXS", "float"),
    ("GDDB", "int"),
    ("ZLDWDM", "str"),
]


def landuse_rows(extra=()):
    return [
        (r(0, 0, 100, 100), {"DLBM": "0101", "TBMJ": 9990.0, "TBDLMJ": 9000.0, "KCXS": 0.1, "GDDB": 6, "ZLDWDM": "V1"}),
        (r(100, 0, 200, 100), {"DLBM": "0103", "TBMJ": 10020.0, "KCXS": 0.05, "GDDB": 9, "ZLDWDM": "V1"}),
        (r(0, 100, 100, 200), {"DLBM": "0702", "TBMJ": 10000.0, "TBDLMJ": 10000.0, "KCXS": 0.0, "ZLDWDM": "V2"}),
        (r(100, 100, 200, 200), {"DLBM": "1101", "TBMJ": 10000.0, "TBDLMJ": 10000.0, "ZLDWDM": "V2"}),
        (r(200, 0, 300, 200), {"DLBM": "0101K", "TBMJ": 20000.0, "TBDLMJ": 20000.0, "ZLDWDM": "V2"}),
        *extra,
    ]


@pytest.fixture
def county(make_gpkg):
    return make_gpkg(
        "县.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:4547", LANDUSE_FIELDS, landuse_rows()),
            "YJJBNT": ("Polygon", "EPSG:4547", [("BSM", "str")], [(r(0, 0, 75, 200), {"BSM": "J1"})]),
            "projects": (
                "Polygon",
                "EPSG:4547",
                [("XMBH", "str"), ("XMMC", "str")],
                [
                    (r(50, 50, 150, 100), {"XMBH": "P1", "XMMC": "工业园"}),
                    (r(50, 90, 150, 150), {"XMBH": "P1", "XMMC": "工业园"}),
                    (r(150, 50, 250, 150), {"XMBH": "P2", "XMMC": "道路"}),
                ],
            ),
        },
    )


def params(county, **overrides):
    values = {
        "PROJECTS": county + "|layername=projects",
        "PROJECT_ID_FIELD": "XMBH",
        "LANDUSE": county + "|layername=DLTB",
        "BASIC_FARMLAND": county + "|layername=YJJBNT",
        "OUTPUT_PIECES": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
    }
    values.update(overrides)
    return values


def run(county, **overrides):
    return processing.run("landplan:farmlandoccupation", params(county, **overrides))


def summary(result):
    return {f["project_id"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()}


def test_apportioned_mode_hand_figures(landplan, county):
    result = run(county, CAPACITY_TABLE="6:700,9:600")
    rows = summary(result)
    p1 = rows["P1"]
    assert p1["total_m2"] == pytest.approx(2497.5 + 2505 + 2500 + 2500)
    assert p1["farmland_m2"] == pytest.approx(2250 + 2379.75)
    assert p1["paddy_m2"] == pytest.approx(2250)
    assert p1["dry_m2"] == pytest.approx(2379.75)
    assert p1["irrigated_m2"] == pytest.approx(0)
    assert p1["tk_m2"] == pytest.approx(247.5 + 125.25)
    assert p1["basic_farmland_m2"] == pytest.approx(1125)
    assert p1["farmland_grade"] == pytest.approx((2250 * 6 + 2379.75 * 9) / 4629.75)
    # 2250 m² = 3.375 亩 × 700 + 2379.75 m² = 3.569625 亩 × 600
    assert p1["capacity_kg"] == 4504.28  # 2362.5 + 2141.775 = 4504.275, written half-up at 0.01 kg
    assert p1["agricultural_m2"] == pytest.approx(2497.5 + 2505)
    assert p1["construction_m2"] == pytest.approx(2500)
    assert p1["unused_m2"] == pytest.approx(2500)
    assert p1["agricultural_m2"] + p1["construction_m2"] + p1["unused_m2"] == pytest.approx(p1["total_m2"])

    p2 = rows["P2"]  # overlaps P1: analysed on its own
    assert p2["total_m2"] == pytest.approx(2505 + 2500 + 5000)
    assert p2["farmland_m2"] == pytest.approx(2379.75)
    assert p2["paddy_m2"] == pytest.approx(0)  # 0101K is not paddy
    assert p2["basic_farmland_m2"] == pytest.approx(0)
    assert p2["agricultural_m2"] == pytest.approx(2505 + 5000)


def test_pieces_split_by_basic_farmland(landplan, county):
    result = run(county)
    pieces = [f for f in result["OUTPUT_PIECES"].getFeatures() if f["project_id"] == "P1" and f["dlbm"] == "0101"]
    assert sorted(f["in_basic_farmland"] for f in pieces) == [0, 1]
    for f in pieces:
        assert f["area_m2"] == pytest.approx(1248.75)
        assert f["net_m2"] == pytest.approx(1125)
        assert f["tk_m2"] == pytest.approx(123.75)
        assert f["dlmc"] == "水田" and f["land_group"] == "耕地" and f["zldwdm"] == "V1" and f["grade"] == 6
        assert f.geometry().area() == pytest.approx(1250)
    fields = result["OUTPUT_PIECES"].fields().names()
    for name in (
        "project_id",
        "dlbm",
        "dlmc",
        "land_group",
        "zldwdm",
        "grade",
        "in_basic_farmland",
        "area_m2",
        "tk_m2",
        "net_m2",
    ):
        assert name in fields


def test_planar_mode_uses_kcxs(landplan, county):
    p1 = summary(run(county, AREA_MODE=2))["P1"]
    assert p1["total_m2"] == pytest.approx(10000)
    assert p1["tk_m2"] == pytest.approx(2500 * 0.1 + 2500 * 0.05)
    assert p1["farmland_m2"] == pytest.approx(2250 + 2375)
    assert p1["capacity_kg"] is None or str(p1["capacity_kg"]) == "NULL"


def test_ellipsoidal_mode_matches_region_area(landplan, county):
    from landplan_plugin.core.area import EllipsoidalArea

    p1 = summary(run(county, AREA_MODE=1))["P1"]
    expected = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547")).area(QgsGeometry.fromWkt(r(50, 50, 150, 150)))
    assert p1["total_m2"] == pytest.approx(expected, abs=0.005)  # rounded to 0.01 m² at output
    assert 9999.0 < p1["total_m2"] < 10000.0


def test_without_basic_farmland_and_optional_fields(landplan, county):
    result = run(county, BASIC_FARMLAND=None, TBDLMJ_FIELD="", GRADE_FIELD="", ZLDWDM_FIELD="")
    p1 = summary(result)["P1"]
    # without TBDLMJ, T1's 田坎 = 2497.5 × 0.1
    assert p1["tk_m2"] == pytest.approx(249.75 + 125.25)
    assert p1["basic_farmland_m2"] == 0
    assert p1["farmland_grade"] is None or str(p1["farmland_grade"]) == "NULL"
    assert all(f["in_basic_farmland"] == 0 for f in result["OUTPUT_PIECES"].getFeatures())


def test_reprojected_projects_give_same_figures(landplan, county, make_gpkg):
    source = QgsCoordinateReferenceSystem("EPSG:4547")
    target = QgsCoordinateReferenceSystem("EPSG:4490")
    transform = QgsCoordinateTransform(source, target, QgsProject.instance())
    rows = []
    for wkt, xmbh in ((r(50, 50, 150, 150), "P1"),):
        geometry = QgsGeometry.fromWkt(wkt)
        geometry = geometry.densifyByCount(50)
        geometry.transform(transform)
        rows.append((geometry.asWkt(12), {"XMBH": xmbh}))
    geo = make_gpkg("geo.gpkg", {"p": ("Polygon", "EPSG:4490", [("XMBH", "str")], rows)})
    p1 = summary(run(county, PROJECTS=geo + "|layername=p"))["P1"]
    assert p1["total_m2"] == pytest.approx(10002.5, rel=1e-5)
    assert p1["farmland_m2"] == pytest.approx(4629.75, rel=1e-5)


def test_invalid_geometry_stops_or_is_repaired(landplan, make_gpkg):
    bowtie = "POLYGON(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))".format(X0 + 300, Y0, X0 + 400, Y0 + 100)
    extra = [(bowtie, {"DLBM": "0103", "TBMJ": 5000.0, "TBDLMJ": 5000.0})]
    path = make_gpkg(
        "bad.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:4547", LANDUSE_FIELDS, landuse_rows(extra)),
            "projects": ("Polygon", "EPSG:4547", [("XMBH", "str")], [(r(250, 0, 400, 100), {"XMBH": "P"})]),
        },
    )
    with pytest.raises(QgsProcessingException):
        run(path, BASIC_FARMLAND=None)
    result = run(path, BASIC_FARMLAND=None, REPAIR_INVALID=True)
    p = summary(result)["P"]
    # T5 quarter (50 × 100 of 100 × 200 → 5000) plus the whole repaired bow-tie (two triangles)
    assert p["total_m2"] == pytest.approx(5000 + 5000)


def test_unknown_code_and_empty_projects(landplan, make_gpkg):
    path = make_gpkg(
        "odd.gpkg",
        {
            "DLTB": (
                "Polygon",
                "EPSG:4547",
                LANDUSE_FIELDS,
                [(r(0, 0, 100, 100), {"DLBM": "9999", "TBMJ": 10000.0, "TBDLMJ": 10000.0})],
            ),
            "projects": ("Polygon", "EPSG:4547", [("XMBH", "str")], [(r(0, 0, 50, 100), {"XMBH": "X"})]),
            "none": ("Polygon", "EPSG:4547", [("XMBH", "str")], []),
        },
    )
    x = summary(run(path, BASIC_FARMLAND=None))["X"]
    assert x["unknown_m2"] == pytest.approx(5000) and x["total_m2"] == pytest.approx(5000)
    empty = run(path, BASIC_FARMLAND=None, PROJECTS=path + "|layername=none")
    assert empty["OUTPUT_SUMMARY"].featureCount() == 0
    assert empty["OUTPUT_PIECES"].featureCount() == 0


def test_bad_input_errors(landplan, county, make_gpkg):
    with pytest.raises(QgsProcessingException, match="NOPE"):
        run(county, DLBM_FIELD="NOPE")
    with pytest.raises(QgsProcessingException):
        run(county, TBMJ_FIELD="DLBM")  # text field as area
    with pytest.raises(QgsProcessingException):
        run(county, TBMJ_FIELD="")  # mode 0 needs TBMJ
    with pytest.raises(QgsProcessingException):
        run(county, CAPACITY_TABLE="6:abc")
    numeric_codes = make_gpkg(
        "num.gpkg",
        {
            "DLTB": (
                "Polygon",
                "EPSG:4547",
                [("DLBM", "int"), ("TBMJ", "float")],
                [(r(0, 0, 100, 100), {"DLBM": 101, "TBMJ": 1.0})],
            )
        },
    )
    with pytest.raises(QgsProcessingException, match="leading zero"):
        run(
            county,
            LANDUSE=numeric_codes + "|layername=DLTB",
            BASIC_FARMLAND=None,
            TBDLMJ_FIELD="",
            KCXS_FIELD="",
            GRADE_FIELD="",
            ZLDWDM_FIELD="",
        )
    geographic = make_gpkg(
        "geo_lu.gpkg",
        {
            "DLTB": (
                "Polygon",
                "EPSG:4490",
                LANDUSE_FIELDS,
                [(rect(114, 28, 114.01, 28.01), {"DLBM": "0101", "TBMJ": 1.0})],
            )
        },
    )
    with pytest.raises(QgsProcessingException, match="geographic"):
        run(county, LANDUSE=geographic + "|layername=DLTB", BASIC_FARMLAND=None)


def test_report_and_inputs_untouched(landplan, county, tmp_path):
    before = open(county, "rb").read()
    report = tmp_path / "报告.html"
    result = run(county, CAPACITY_TABLE="default", OUTPUT_REPORT=str(report), PROJECT_NAME_FIELD="XMMC")
    text = report.read_text(encoding="utf-8")
    assert "P1" in text and "工业园" in text and "水田" in text and "永久基本农田" in text
    assert "3.3750" not in text  # paddy 2250 m² = 3.38 亩, rounded for display only
    assert "3.38" in text
    assert result["OUTPUT_REPORT"] == str(report)
    layer = QgsVectorLayer(county + "|layername=DLTB", "x", "ogr")
    assert layer.featureCount() == 5
    del layer
    assert open(county, "rb").read() == before


def test_all_outputs_in_one_geopackage(landplan, county, tmp_path, monkeypatch):
    """The pieces close (and build their spatial index) on a thread while
    the summary is worked out; a summary and class table in the same file
    wait for it, so every layer is whole and indexed."""
    from qgis.core import QgsVectorLayer

    from landplan_plugin.processing import presentation
    from landplan_plugin.processing.algorithms import farmland_occupation

    same = []
    monkeypatch.setattr(
        farmland_occupation, "same_file", lambda a, b: same.append(presentation.same_file(a, b)) or same[-1]
    )
    out = tmp_path / "成果.gpkg"
    layers = {"OUTPUT_PIECES": "pieces", "OUTPUT_SUMMARY": "summary", "OUTPUT_CLASSES": "classes"}
    outputs = {key: "ogr:dbname='{}' table=\"{}\" (geom)".format(out, name) for key, name in layers.items()}
    result = run(county, **outputs)
    assert same == [True, True], "the summary and the class table waited for the pieces to close"
    alone = run(county, OUTPUT_CLASSES=QgsProcessing.TEMPORARY_OUTPUT)
    for key, name in layers.items():
        layer = QgsVectorLayer("{}|layername={}".format(out, name), name, "ogr")
        assert layer.isValid() and str(out) in result[key]
        expected = alone[key] if not isinstance(alone[key], str) else QgsVectorLayer(alone[key], name, "ogr")
        assert layer.featureCount() == expected.featureCount() > 0
    pieces = QgsVectorLayer("{}|layername=pieces".format(out), "pieces", "ogr")
    assert pieces.dataProvider().hasSpatialIndex() == pieces.dataProvider().SpatialIndexPresence.SpatialIndexPresent
