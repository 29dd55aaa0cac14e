"""landplan:idleland: every status and boundary, reference date 2024-06-30.

Periods follow 民法典 Arts. 201–202: a year counted from a date is full on the
day after its anniversary (2023-06-30 → idle from 2024-07-01)."""

import numpy as np
import processing
import pytest
from qgis.core import QgsProcessing, QgsProcessingException

from test_raster import make_raster
from testdata import rect

X0, Y0 = 455000.0, 3092000.0
FIELDS = [
    ("ZDBH", "str"),
    ("agreed", "str"),
    ("delivery", "str"),
    ("started", "str"),
    ("suspended", "str"),
    ("dev_area", "float"),
    ("invested", "float"),
    ("total", "float"),
    ("price", "float"),
    ("gov", "str"),
]


def parcel(i, **values):
    x = X0 + (i % 10) * 200
    y = Y0 + (i // 10) * 200
    return (rect(x, y, x + 100, y + 100), dict({"ZDBH": values.pop("id")}, **values))


PARCELS = [
    parcel(0, id="nodata"),
    parcel(1, id="two_years", agreed="2022-06-29", price=1000.0),
    parcel(2, id="one_year_exact", agreed="2023/6/30", price=1000.0),
    parcel(3, id="day_before", agreed="2023年7月1日"),
    parcel(4, id="warn_90", agreed="20230927"),
    parcel(5, id="overdue_91", agreed="2023-09-28"),
    parcel(6, id="gov", agreed="2022-01-01", gov="规划调整"),
    parcel(7, id="check", agreed="2022-01-01", gov="规划调整"),
    parcel(8, id="partial_area", agreed="2021-01-01", started="2021-05-01", suspended="2023-06-29", dev_area=3000.0),
    parcel(
        9,
        id="partial_invest",
        agreed="2021-01-01",
        started="2021-05-01",
        suspended="2023-01-01",
        dev_area=5000.0,
        invested=20.0,
        total=100.0,
    ),
    parcel(
        10, id="started_recent_stop", agreed="2021-01-01", started="2021-05-01", suspended="2023-07-01", dev_area=1000.0
    ),
    parcel(
        11,
        id="started_gov",
        agreed="2021-01-01",
        started="2021-05-01",
        suspended="2022-01-01",
        dev_area=1000.0,
        gov="军事管制",
    ),
    parcel(12, id="delivery_only", delivery="2022-06-01", price=500.0),
    parcel(13, id="bad_date", agreed="2023-13-45"),
    parcel(
        14,
        id="started_ok",
        agreed="2021-01-01",
        started="2021-05-01",
        suspended="2020-01-01",
        dev_area=9000.0,
        invested=90.0,
        total=100.0,
    ),
    parcel(15, id="future", agreed="2024-12-01"),
]

EXPECTED = {
    "nodata": "no_data",
    "two_years": "idle_2y",
    "one_year_exact": "warning",  # the anniversary itself: idle only from the next day
    "day_before": "warning",
    "warn_90": "warning",
    "overdue_91": "overdue",  # past its start date, 91 days before becoming idle
    "gov": "government",
    "check": "check",
    "partial_area": "idle_partial",
    "partial_invest": "idle_partial",
    "started_recent_stop": "warning",  # suspended 2023-07-01: a year full on 2024-07-02
    "started_gov": "government",
    "delivery_only": "idle_1y",
    "bad_date": "no_data",
    "started_ok": "normal",
    "future": "normal",
}


@pytest.fixture
def parcels_gpkg(make_gpkg):
    return make_gpkg("供地.gpkg", {"supply": ("Polygon", "EPSG:4547", FIELDS, PARCELS)}) + "|layername=supply"


@pytest.fixture
def builtup(tmp_path):
    # 10 m raster over the first two rows of parcels; parcel 7 ("check") 40 % class 2
    cols, rows = 200, 40
    array = np.zeros((rows, cols), dtype=np.uint8)
    # parcel 7 spans x 1400–1500, y 0–100 → cols 140–149, rows 30–39 (from the top)
    array[30:34, 140:150] = 2
    # parcel 6 ("gov") gets 2 pixels only: 2 % < 1/3
    array[39, 120:122] = 2
    # imagery agreeing with the records of the started parcels: parcel 9 (50 %)
    # at cols 180–189, rows 30–39; parcel 14 (90 %) at cols 80–89, rows 10–19
    array[30:35, 180:190] = 2
    array[10:19, 80:90] = 2
    return make_raster(tmp_path / "建成.tif", array)


def run(parcels, **overrides):
    params = {
        "PARCELS": parcels,
        "PARCEL_ID_FIELD": "ZDBH",
        "AGREED_START_FIELD": "agreed",
        "DELIVERY_DATE_FIELD": "delivery",
        "ACTUAL_START_FIELD": "started",
        "SUSPENDED_SINCE_FIELD": "suspended",
        "DEVELOPED_AREA_FIELD": "dev_area",
        "INVESTED_FIELD": "invested",
        "TOTAL_INVESTMENT_FIELD": "total",
        "PRICE_FIELD": "price",
        "GOV_CAUSE_FIELD": "gov",
        "REFERENCE_DATE": "2024-06-30",
        "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
    }
    params.update(overrides)
    result = processing.run("landplan:idleland", params)
    return {f["ZDBH"]: f for f in result["OUTPUT"].getFeatures()}, {
        f["status"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()
    }


def test_every_status(landplan, parcels_gpkg, builtup):
    rows, summary = run(parcels_gpkg, BUILTUP_RASTER=builtup, BUILTUP_VALUES="2,3")
    assert {k: rows[k]["status"] for k in EXPECTED} == EXPECTED
    assert str(rows["one_year_exact"]["fee"]) == "NULL"
    assert rows["one_year_exact"]["days_overdue"] == 366  # 2023-06-30 → 2024-06-30 (leap year)
    assert rows["one_year_exact"]["deadline"].toPyDate().isoformat() == "2023-06-30"
    assert rows["two_years"]["fee"] is None or str(rows["two_years"]["fee"]) == "NULL"
    assert "无偿收回" in rows["two_years"]["disposal"]
    assert rows["delivery_only"]["deadline"].toPyDate().isoformat() == "2023-06-01"
    assert rows["delivery_only"]["fee"] == pytest.approx(100.0)
    assert rows["check"]["raster_ratio"] == pytest.approx(0.4)
    assert rows["check"]["status_zh"] == "需实地核查"
    assert rows["gov"]["raster_ratio"] == pytest.approx(0.02)
    assert rows["partial_area"]["developed_ratio"] == pytest.approx(0.3)
    assert rows["partial_invest"]["invest_ratio"] == pytest.approx(0.2)
    assert "无法识别" in rows["bad_date"]["evidence"]
    assert summary["idle_1y"]["parcels"] == 1
    assert summary["idle_1y"]["fee"] == pytest.approx(100.0)
    assert summary["idle_1y"]["area_m2"] == pytest.approx(10000.0, rel=1e-3)  # ellipsoidal by default
    assert summary["warning"]["parcels"] == 4
    assert rows["partial_invest"]["imagery_ratio"] == pytest.approx(0.5)
    assert sum(f["parcels"] for f in summary.values()) == len(PARCELS)


def test_without_raster_check_becomes_government(landplan, parcels_gpkg):
    rows, _ = run(parcels_gpkg)
    assert rows["check"]["status"] == "government"


def test_february_29(landplan, make_gpkg):
    path = make_gpkg("leap.gpkg", {"s": ("Polygon", "EPSG:4547", FIELDS, [parcel(0, id="leap", agreed="2024-02-29")])})
    # 29 Feb + 1 year: the period ends on 28 Feb (month-end) and is full on 1 Mar
    first_day, _ = run(path + "|layername=s", REFERENCE_DATE="2025-03-01")
    assert first_day["leap"]["status"] == "idle_1y"
    on_end, _ = run(path + "|layername=s", REFERENCE_DATE="2025-02-28")
    assert on_end["leap"]["status"] == "warning"
    day_before, _ = run(path + "|layername=s", REFERENCE_DATE="2025-02-27")
    assert day_before["leap"]["status"] == "warning"
    assert day_before["leap"]["days_overdue"] == 364


def test_thresholds_are_parameters(landplan, parcels_gpkg):
    rows, _ = run(parcels_gpkg, DEVELOPED_THRESHOLD=0.25, WARNING_DAYS=0)
    assert rows["partial_area"]["status"] == "normal"  # 30 % ≥ 25 %
    assert rows["warn_90"]["status"] == "overdue"  # no warning window: past the start date


def test_raster_in_other_crs(landplan, parcels_gpkg, tmp_path):
    # the same raster content in EPSG:4548 (CM 117°) would be elsewhere; use a raster in 4547 but
    # parcels in CGCS2000 geographic (4490) instead: counts must not change
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject

    from testdata import write_gpkg

    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()
    )
    geo_rows = []
    for wkt, values in PARCELS[6:8]:
        g = QgsGeometry.fromWkt(wkt).densifyByCount(20)
        g.transform(transform)
        geo_rows.append((g.asWkt(12), values))
    path = write_gpkg(tmp_path / "geo.gpkg", {"s": ("Polygon", "EPSG:4490", FIELDS, geo_rows)})
    array = np.zeros((40, 200), dtype=np.uint8)
    array[30:34, 140:150] = 2
    raster = make_raster(tmp_path / "b.tif", array)
    rows, _ = run(path + "|layername=s", BUILTUP_RASTER=raster, BUILTUP_VALUES="2")
    assert rows["check"]["status"] == "check"
    assert rows["check"]["raster_ratio"] == pytest.approx(0.4, abs=0.02)


def test_bad_inputs(landplan, parcels_gpkg):
    with pytest.raises(QgsProcessingException):
        run(parcels_gpkg, AGREED_START_FIELD="", DELIVERY_DATE_FIELD="")
    with pytest.raises(QgsProcessingException):
        run(parcels_gpkg, PRICE_FIELD="gov")  # text as price
    with pytest.raises(QgsProcessingException):
        run(parcels_gpkg, PARCEL_ID_FIELD="nope")


def test_report(landplan, parcels_gpkg, tmp_path):
    report = tmp_path / "闲置.html"
    run(parcels_gpkg, OUTPUT_REPORT=str(report))
    text = report.read_text(encoding="utf-8")
    assert "闲置满一年" in text and "one_year_exact" in text and "2024-06-30" in text


# ---- periods and statuses to the letter (issue 16) ----------------------------------------------


def one(make_gpkg, name="p.gpkg", **values):
    path = make_gpkg(name, {"s": ("Polygon", "EPSG:4547", FIELDS, [parcel(0, id="P", **values)])})
    return path + "|layername=s"


@pytest.mark.parametrize(
    "values, day_before, first_day, status",
    [
        # not started, agreed 2023-06-30: one year full on 2024-07-01, two on 2025-07-01
        ({"agreed": "2023-06-30"}, "2024-06-30", "2024-07-01", "idle_1y"),
        ({"agreed": "2023-06-30"}, "2025-06-30", "2025-07-01", "idle_2y"),
        # started, under 1/3 developed, suspended 2023-03-31
        (
            {"agreed": "2022-01-01", "started": "2022-03-01", "suspended": "2023-03-31", "dev_area": 1000.0},
            "2024-03-31",
            "2024-04-01",
            "idle_partial",
        ),
        (
            {"agreed": "2022-01-01", "started": "2022-03-01", "suspended": "2023-03-31", "dev_area": 1000.0},
            "2025-03-31",
            "2025-04-01",
            "idle_partial_2y",
        ),
    ],
)
def test_each_idle_status_begins_the_day_after_the_anniversary(
    landplan, make_gpkg, values, day_before, first_day, status
):
    path = one(make_gpkg, **values)
    before, _ = run(path, REFERENCE_DATE=day_before)
    after, _ = run(path, REFERENCE_DATE=first_day)
    assert after["P"]["status"] == status
    assert before["P"]["status"] != status


def test_overdue_then_warning_then_idle(landplan, make_gpkg):
    # agreed 2024-03-01, not started: 122 days later it is overdue, not normal
    path = one(make_gpkg, agreed="2024-03-01")
    assert run(path, REFERENCE_DATE="2024-07-01")[0]["P"]["status"] == "overdue"
    assert run(path, REFERENCE_DATE="2024-02-29")[0]["P"]["status"] == "normal"
    # becomes idle on 2025-03-02; 90 days before that is 2024-12-02
    assert run(path, REFERENCE_DATE="2024-12-02")[0]["P"]["status"] == "warning"
    assert run(path, REFERENCE_DATE="2024-12-01")[0]["P"]["status"] == "overdue"


def test_started_parcels_contradicted_by_imagery_both_ways(landplan, make_gpkg, tmp_path):
    # parcel 0 covers cols 0–9, rows 30–39 of a 40 × 200 raster
    full = np.zeros((40, 200), dtype=np.uint8)
    full[30:40, 0:10] = 2
    built = make_raster(tmp_path / "full.tif", full)
    empty = make_raster(tmp_path / "empty.tif", np.zeros((40, 200), dtype=np.uint8))
    common = {"agreed": "2022-01-01", "started": "2022-03-01", "suspended": "2023-01-01"}
    # records 1.7 % developed (would be idle_partial), imagery 100 %: field check
    low = one(make_gpkg, "low.gpkg", dev_area=170.0, **common)
    rows, _ = run(low, BUILTUP_RASTER=built, BUILTUP_VALUES="2")
    assert rows["P"]["status"] == "check"
    assert rows["P"]["developed_ratio"] == pytest.approx(0.017) and rows["P"]["imagery_ratio"] == pytest.approx(1.0)
    assert "1.7%" in rows["P"]["evidence"] and "100.0%" in rows["P"]["evidence"]
    # records 10 % without suspension (normal by the records), imagery 100 %: check too
    ten = one(make_gpkg, "ten.gpkg", agreed="2022-01-01", started="2022-03-01", dev_area=1000.0)
    assert run(ten, BUILTUP_RASTER=built, BUILTUP_VALUES="2")[0]["P"]["status"] == "check"
    # records 90 % developed, imagery 0 %: check the other way
    high = one(make_gpkg, "high.gpkg", dev_area=9000.0, **common)
    assert run(high, BUILTUP_RASTER=empty, BUILTUP_VALUES="2")[0]["P"]["status"] == "check"
    # both agree: the records decide
    assert run(high, BUILTUP_RASTER=built, BUILTUP_VALUES="2")[0]["P"]["status"] == "normal"


def test_fee_in_ten_thousand_yuan(landplan, make_gpkg, tmp_path):
    path = one(make_gpkg, agreed="2023-01-01", price=350.0)  # 350 万元
    report = tmp_path / "idle.html"
    rows, summary = run(path, PRICE_UNIT=1, REFERENCE_DATE="2024-06-30", OUTPUT_REPORT=str(report))
    assert rows["P"]["status"] == "idle_1y"
    assert rows["P"]["fee"] == pytest.approx(70.0) and rows["P"]["fee_unit"] == "万元"
    assert summary["idle_1y"]["fee"] == pytest.approx(70.0) and summary["idle_1y"]["fee_unit"] == "万元"
    assert "土地闲置费（万元）" in report.read_text(encoding="utf-8")
    # idle_partial is idle land (Art. 2): it pays the fee too
    partial = one(
        make_gpkg, "partial.gpkg", agreed="2022-01-01", started="2022-03-01", suspended="2023-01-01", dev_area=500.0,
        price=100.0,
    )  # fmt: skip
    assert run(partial)[0]["P"]["fee"] == pytest.approx(20.0)


def test_area_mode_planar_and_ellipsoidal(landplan, make_gpkg):
    path = one(make_gpkg, agreed="2023-01-01")
    ellipsoidal = run(path)[0]["P"]["parcel_area_m2"]
    planar = run(path, AREA_MODE=2)[0]["P"]["parcel_area_m2"]
    assert planar == 10000.0
    assert 9999.0 < ellipsoidal < 10000.0  # 45 km west of the CM: ≈ 5e-5 smaller
