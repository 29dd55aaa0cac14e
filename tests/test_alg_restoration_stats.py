"""landplan:restorationstats with hand-computed figures (planar mode 2).

R1 (0,0)-(100,100) 矿山 2021 已完成 林地 │ R2 (50,0)-(150,100) 矿山 2021 已完成 林地 (overlaps R1 by 5000)
R3 (200,0)-(300,100) 复垦 2022 在建 0103 │ R4 (0,200)-(100,300) NULL NULL 已完成 耕地
R5 (400,0)-(500,100) 矿山 2021 规划 (left out by the status filter)
After:  A1 (0,0)-(120,100) 0301 │ A2 (120,0)-(300,100) 0103 │ A3 (0,100)-(300,300) 0702
Before: B1 (0,0)-(300,300) 0602
"""

import numpy as np
import processing
import pytest
from osgeo import gdal
from qgis.core import QgsProcessing

from test_raster import make_raster
from testdata import rect

X0, Y0 = 455000.0, 3092000.0
FIELDS = [("XMMC", "str"), ("XFLX", "str"), ("ND", "int"), ("ZT", "str"), ("XFFX", "str")]


def r(x1, y1, x2, y2):
    return rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


@pytest.fixture
def data(make_gpkg):
    return make_gpkg(
        "修复.gpkg",
        {
            "projects": (
                "Polygon",
                "EPSG:4547",
                FIELDS,
                [
                    (r(0, 0, 100, 100), {"XMMC": "R1", "XFLX": "矿山", "ND": 2021, "ZT": "已完成", "XFFX": "林地"}),
                    (r(50, 0, 150, 100), {"XMMC": "R2", "XFLX": "矿山", "ND": 2021, "ZT": "已完成", "XFFX": "林地"}),
                    (r(200, 0, 300, 100), {"XMMC": "R3", "XFLX": "复垦", "ND": 2022, "ZT": "在建", "XFFX": "0103"}),
                    (r(0, 200, 100, 300), {"XMMC": "R4", "ZT": "已完成", "XFFX": "耕地"}),
                    (r(400, 0, 500, 100), {"XMMC": "R5", "XFLX": "矿山", "ND": 2021, "ZT": "规划", "XFFX": "林地"}),
                ],
            ),
            "after": (
                "Polygon",
                "EPSG:4547",
                [("DLBM", "str"), ("TBMJ", "float")],
                [
                    (r(0, 0, 120, 100), {"DLBM": "0301", "TBMJ": 12000.0}),
                    (r(120, 0, 300, 100), {"DLBM": "0103", "TBMJ": 18000.0}),
                    (r(0, 100, 300, 300), {"DLBM": "0702", "TBMJ": 60000.0}),
                ],
            ),
            "before": ("Polygon", "EPSG:4547", [("DLBM", "str")], [(r(0, 0, 300, 300), {"DLBM": "0602"})]),
            "zones": (
                "Polygon",
                "EPSG:4547",
                [("XZMC", "str")],
                [(r(0, 0, 120, 300), {"XZMC": "东乡"}), (r(120, 0, 600, 300), {"XZMC": "西乡"})],
            ),
        },
    )


def run(data, **overrides):
    params = {
        "RESTORATION": data + "|layername=projects",
        "TYPE_FIELD": "XFLX",
        "YEAR_FIELD": "ND",
        "STATUS_FIELD": "ZT",
        "STATUS_FILTER": "已完成,在建",
        "DIRECTION_FIELD": "XFFX",
        "AREA_MODE": 2,
        "OUTPUT_STATS": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_PROJECTS": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_MATRIX": QgsProcessing.TEMPORARY_OUTPUT,
    }
    params.update(overrides)
    result = processing.run("landplan:restorationstats", params)
    stats = {
        tuple(None if str(f[k]) == "NULL" else f[k] for k in ("zone", "type", "year", "direction")): f
        for f in result["OUTPUT_STATS"].getFeatures()
    }
    projects = {f["XMMC"]: f for f in result["OUTPUT_PROJECTS"].getFeatures()}
    matrix = None
    if "OUTPUT_MATRIX" in result:
        matrix = {
            (f["type"], None if str(f["before_group"]) == "NULL" else f["before_group"], f["after_group"]): f["area_m2"]
            for f in result["OUTPUT_MATRIX"].getFeatures()
        }
    return stats, projects, matrix


def test_groups_union_and_total(landplan, data):
    stats, projects, _ = run(data)
    mine = stats[(None, "矿山", "2021", "林地")]
    assert (mine["projects"], mine["area_m2"], mine["gross_m2"], mine["overlap_m2"]) == pytest.approx(
        (2, 15000, 20000, 5000)
    )
    # the direction '0103' is grouped at its first-level class, 耕地 (issue 16)
    assert stats[(None, "复垦", "2022", "耕地")]["area_m2"] == pytest.approx(10000)
    unfilled = stats[(None, "未填写", "未填写", "耕地")]
    assert unfilled["projects"] == 1 and unfilled["area_m2"] == pytest.approx(10000)
    total = stats[("*", "*", "*", "*")]
    assert (total["projects"], total["area_m2"], total["gross_m2"], total["overlap_m2"]) == pytest.approx(
        (4, 35000, 40000, 5000)
    )
    assert "R5" not in projects
    assert projects["R2"]["area_m2"] == pytest.approx(10000)


def test_without_filter_and_optional_keys(landplan, data):
    stats, _, _ = run(data, STATUS_FILTER="", YEAR_FIELD="", DIRECTION_FIELD="")
    mine = stats[(None, "矿山", None, None)]
    assert mine["projects"] == 3 and mine["area_m2"] == pytest.approx(25000)


def test_zone_boundary_cuts_projects(landplan, data):
    stats, _, _ = run(data, ZONES=data + "|layername=zones", ZONE_FIELD="XZMC")
    east = stats[("东乡", "矿山", "2021", "林地")]
    assert (east["projects"], east["area_m2"], east["gross_m2"], east["overlap_m2"]) == pytest.approx(
        (2, 12000, 17000, 5000)
    )
    west = stats[("西乡", "矿山", "2021", "林地")]
    assert (west["projects"], west["area_m2"]) == pytest.approx((1, 3000))
    assert stats[("西乡", "复垦", "2022", "耕地")]["area_m2"] == pytest.approx(10000)
    assert stats[("东乡", "未填写", "未填写", "耕地")]["area_m2"] == pytest.approx(10000)


def test_direction_and_matrix(landplan, data):
    stats, projects, matrix = run(
        data, LANDUSE_AFTER=data + "|layername=after", LANDUSE_BEFORE=data + "|layername=before"
    )
    assert projects["R1"]["direction_share"] == pytest.approx(1.0) and projects["R1"]["direction_met"] == 1
    assert projects["R2"]["direction_share"] == pytest.approx(0.7) and projects["R2"]["direction_met"] == pytest.approx(
        0.7
    )
    assert projects["R3"]["direction_met"] == 1  # declared 0103, land is 0103 (耕地)
    assert projects["R4"]["direction_share"] == pytest.approx(0.0) and projects["R4"]["direction_met"] == 0
    assert matrix == pytest.approx(
        {
            ("矿山", "工矿用地", "林地"): 12000,
            ("矿山", "工矿用地", "耕地"): 3000,
            ("复垦", "工矿用地", "耕地"): 10000,
            ("未填写", "工矿用地", "住宅用地"): 10000,
        }
    )
    _, _, after_only = run(data, LANDUSE_AFTER=data + "|layername=after")
    assert after_only[("矿山", None, "林地")] == pytest.approx(12000)


def test_apportioned_matrix_uses_survey_area(landplan, data):
    # mode 0: matrix areas are TBMJ shares of the later survey (A1: TBMJ 12000 for 12000 m² → same figures)
    _, projects, matrix = run(data, AREA_MODE=0, LANDUSE_AFTER=data + "|layername=after")
    assert matrix[("复垦", None, "耕地")] == pytest.approx(10000)
    assert 9999 < projects["R3"]["area_m2"] < 10000  # project areas are ellipsoidal in mode 0


def test_ndvi_means_ignore_nodata(landplan, data, tmp_path):
    before = make_raster(
        tmp_path / "b.tif", np.full((30, 50), 0.1, dtype=np.float32), nodata=-9999, dtype=gdal.GDT_Float32
    )
    after_array = np.full((30, 50), 0.3, dtype=np.float32)
    after_array[:, :10] = 0.6
    after_array[20, 0:10] = -9999  # 10 nodata pixels inside R1 (rows 20-29 are y 0-100)
    after = make_raster(tmp_path / "a.tif", after_array, nodata=-9999, dtype=gdal.GDT_Float32)
    _, projects, _ = run(data, NDVI_BEFORE=before, NDVI_AFTER=after)
    assert projects["R1"]["ndvi_after"] == pytest.approx(0.6, abs=1e-6)
    # R2 covers cols 5-14: 45 valid pixels at 0.6 (5 of its 50 there are nodata) and 50 at 0.3
    assert projects["R2"]["ndvi_after"] == pytest.approx((45 * 0.6 + 50 * 0.3) / 95, abs=1e-6)
    assert projects["R2"]["ndvi_before"] == pytest.approx(0.1, abs=1e-6)
    assert projects["R2"]["ndvi_change"] == pytest.approx((45 * 0.6 + 50 * 0.3) / 95 - 0.1, abs=1e-6)


def test_report(landplan, data, tmp_path):
    path = tmp_path / "修复.html"
    run(data, OUTPUT_REPORT=str(path), LANDUSE_AFTER=data + "|layername=after")
    text = path.read_text(encoding="utf-8")
    assert "矿山" in text and "合计" in text and "未填写" in text


def test_net_area_matrix_keeps_field_ridges_apart(landplan, make_gpkg, data):
    # A2 (0103) with TBMJ 18000 and TBDLMJ 16200: R3's 10000 m² share is 9000 m² of
    # 耕地 and 1000 m² of 田坎, not 10000 m² of 耕地 (issue 16)
    after = make_gpkg(
        "后.gpkg",
        {
            "after": (
                "Polygon",
                "EPSG:4547",
                [("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float")],
                [
                    (r(0, 0, 120, 100), {"DLBM": "0301", "TBMJ": 12000.0, "TBDLMJ": 12000.0}),
                    (r(120, 0, 300, 100), {"DLBM": "0103", "TBMJ": 18000.0, "TBDLMJ": 16200.0}),
                    (r(0, 100, 300, 300), {"DLBM": "0702", "TBMJ": 60000.0, "TBDLMJ": 60000.0}),
                ],
            )
        },
    )
    _, _, matrix = run(data, AREA_MODE=0, LANDUSE_AFTER=after + "|layername=after")
    assert matrix[("复垦", None, "耕地")] == pytest.approx(9000)
    assert matrix[("复垦", None, "田坎")] == pytest.approx(1000)


def test_directions_are_grouped_by_first_level_class():
    from landplan_plugin.core import restoration

    assert {restoration.normalize_direction(d) for d in ("0103", "旱地", "耕地", "0101")} == {"耕地"}
    assert restoration.normalize_direction("园地") == "种植园用地"
    assert restoration.normalize_direction("建设用地") == "建设用地"
    assert restoration.normalize_direction("未填写") == "未填写"
    assert restoration.normalize_direction("绿化带") == "绿化带"  # not a class: kept as written
