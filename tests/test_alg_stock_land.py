"""landplan:stockland – 批而未供 with hand figures (planar mode)."""

import processing
import pytest
from qgis.core import QgsProcessing, QgsProcessingException

from testdata import rect

X0, Y0 = 455000.0, 3092000.0


def r(x1, y1, x2, y2):
    return rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


@pytest.fixture
def land(make_gpkg):
    return make_gpkg(
        "批.gpkg",
        {
            "approved": (
                "Polygon",
                "EPSG:4547",
                [("PCBH", "str"), ("PZRQ", "str")],
                [
                    (r(0, 0, 200, 100), {"PCBH": "B1", "PZRQ": "2021-06-30"}),
                    (r(200, 0, 300, 100), {"PCBH": "B1", "PZRQ": "2021年6月30日"}),
                    (r(0, 200, 100, 300), {"PCBH": "B2", "PZRQ": "2023/6/30"}),
                ],
            ),
            "supplied": (
                "Polygon",
                "EPSG:4547",
                [("ZDBH", "str")],
                [(r(0, 0, 100, 100), {"ZDBH": "G1"}), (r(250, 0, 350, 100), {"ZDBH": "G2"})],
            ),
        },
    )


def run(land, **overrides):
    params = {
        "APPROVED": land + "|layername=approved",
        "BATCH_ID_FIELD": "PCBH",
        "APPROVAL_DATE_FIELD": "PZRQ",
        "SUPPLIED": land + "|layername=supplied",
        "REFERENCE_DATE": "2024-06-30",
        "AREA_MODE": 2,
        "OUTPUT_UNSUPPLIED": QgsProcessing.TEMPORARY_OUTPUT,
        "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
    }
    params.update(overrides)
    result = processing.run("landplan:stockland", params)
    return (
        {f["batch_id"]: f for f in result["OUTPUT_UNSUPPLIED"].getFeatures()},
        {f["batch_id"]: f for f in result["OUTPUT_SUMMARY"].getFeatures()},
    )


def test_batches_split_into_supplied_and_unsupplied(landplan, land):
    unsupplied, summary = run(land)
    b1, b2 = summary["B1"], summary["B2"]
    assert (b1["approved_m2"], b1["supplied_m2"], b1["unsupplied_m2"]) == pytest.approx((30000, 15000, 15000))
    assert b1["supply_rate"] == pytest.approx(0.5)
    assert (b2["approved_m2"], b2["supplied_m2"], b2["unsupplied_m2"], b2["supply_rate"]) == pytest.approx(
        (10000, 0, 10000, 0)
    )
    assert b1["full_years"] == 3 and b1["years_since_approval"] == pytest.approx(1096 / 365.25)
    assert b2["full_years"] == 1 and b2["years_since_approval"] == pytest.approx(366 / 365.25)
    assert b1["approval_date"].toPyDate().isoformat() == "2021-06-30"
    assert unsupplied["B1"].geometry().area() == pytest.approx(15000)
    assert unsupplied["B1"]["area_m2"] == pytest.approx(15000)
    assert unsupplied["B2"]["area_m2"] == pytest.approx(10000)


def test_ellipsoidal_default(landplan, land):
    _, summary = run(land, AREA_MODE=1)
    assert summary["B1"]["approved_m2"] == pytest.approx(30000 * 0.99995, rel=2e-5)
    assert summary["B1"]["supply_rate"] == pytest.approx(0.5, rel=1e-6)


def test_mode_zero_refused(landplan, land):
    with pytest.raises(QgsProcessingException, match="三调"):
        run(land, AREA_MODE=0)


def test_supply_dates_and_five_year_rate(landplan, make_gpkg):
    # reference 2024-06-30: the five calendar years before are 2019–2023.
    # B1 (2021, 30000 m²) has G1 10000 m² supplied 2022 and G2 5000 m² supplied 2024-08 (after
    # the check: not counted); B2 (2023, 10000 m²) G3 10000 m² without a date (counted, warned);
    # B3 (2017, 20000 m², outside the five years) fully supplied 2018.
    path = make_gpkg(
        "五年.gpkg",
        {
            "approved": (
                "Polygon",
                "EPSG:4547",
                [("PCBH", "str"), ("PZRQ", "str")],
                [
                    (r(0, 0, 300, 100), {"PCBH": "B1", "PZRQ": "2021-06-30"}),
                    (r(0, 200, 100, 300), {"PCBH": "B2", "PZRQ": "2023-06-30"}),
                    (r(400, 0, 600, 100), {"PCBH": "B3", "PZRQ": "2017-03-01"}),
                ],
            ),
            "supplied": (
                "Polygon",
                "EPSG:4547",
                [("ZDBH", "str"), ("GDRQ", "str")],
                [
                    (r(0, 0, 100, 100), {"ZDBH": "G1", "GDRQ": "2022-05-01"}),
                    (r(100, 0, 150, 100), {"ZDBH": "G2", "GDRQ": "2024-08-01"}),
                    (r(0, 200, 100, 300), {"ZDBH": "G3", "GDRQ": None}),
                    (r(400, 0, 600, 100), {"ZDBH": "G4", "GDRQ": "2018-01-01"}),
                ],
            ),
        },
    )
    _, summary = run(path, SUPPLY_DATE_FIELD="GDRQ")
    assert summary["B1"]["supplied_m2"] == pytest.approx(10000)  # G2 comes after the check
    assert summary["B2"]["supplied_m2"] == pytest.approx(10000)
    total = summary["*"]
    assert (total["approved_m2"], total["supplied_m2"]) == pytest.approx((60000, 40000))
    # 2019–2023: (10000 + 10000) ÷ (30000 + 10000) = 0.5; B3 (2017) is outside
    assert total["supply_rate_5y"] == pytest.approx(0.5)
    assert str(summary["B1"]["supply_rate_5y"]) == "NULL"
    # without the date field G2 counts: B1 15000 supplied
    _, summary = run(path)
    assert summary["B1"]["supplied_m2"] == pytest.approx(15000)
