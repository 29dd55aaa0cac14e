"""landplan:ellipsoidarea through processing.run on real GeoPackages."""

import processing
import pytest
from qgis.core import QgsProcessing, QgsProcessingException, QgsVectorLayer

from testdata import rect


def run(params):
    params = dict(params)
    params.setdefault("OUTPUT", QgsProcessing.TEMPORARY_OUTPUT)
    return processing.run("landplan:ellipsoidarea", params)


def test_square_areas_and_units(landplan, make_gpkg):
    # 1000 m × 1000 m square at 455–456 km E, 3092–3093 km N in EPSG:4547
    path = make_gpkg(
        "sq.gpkg",
        {
            "DLTB": (
                "Polygon",
                "EPSG:4547",
                [("TBMJ", "float"), ("名称", "str")],
                [(rect(455000, 3092000, 456000, 3093000), {"TBMJ": 999950.0, "名称": "水田图斑"})],
            )
        },
    )
    result = run({"INPUT": path + "|layername=DLTB", "TBMJ_FIELD": "TBMJ"})
    layer = result["OUTPUT"]
    feature = next(layer.getFeatures())
    assert feature["area_planar_m2"] == pytest.approx(1000000.0)
    ellipsoid = feature["area_ellipsoid_m2"]
    assert 999920 < ellipsoid < 999970  # GK scale ≈ 1.000025 at 45 km from the CM
    # written at output precision: 0.01 m², 0.0001 ha, 0.01 mu
    assert feature["area_ha"] == pytest.approx(ellipsoid / 10000, abs=5e-5)
    assert feature["area_mu"] == pytest.approx(ellipsoid * 3 / 2000, abs=0.005)
    assert feature["tbmj_diff_m2"] == pytest.approx(ellipsoid - 999950.0)
    assert feature["名称"] == "水田图斑"
    assert result["TOTAL_ELLIPSOID_M2"] == pytest.approx(ellipsoid)
    assert result["FEATURE_COUNT"] == 1


def test_sample_county_tbmj_matches(landplan, sample_gpkg):
    # the sample's TBMJ was computed like the national software, vertices as given:
    # with DENSIFY_M = 0 it is reproduced to its storage rounding (0.005 m²)
    as_given = run({"INPUT": str(sample_gpkg) + "|layername=DLTB", "TBMJ_FIELD": "TBMJ", "DENSIFY_M": 0})
    assert max(abs(f["tbmj_diff_m2"]) for f in as_given["OUTPUT"].getFeatures()) <= 0.006
    # densified to 50 m, the cells' ~100 m edges move each area by less than 0.005 m²
    result = run({"INPUT": str(sample_gpkg) + "|layername=DLTB", "TBMJ_FIELD": "TBMJ"})
    layer = result["OUTPUT"]
    diffs = [abs(f["tbmj_diff_m2"]) for f in layer.getFeatures()]
    assert len(diffs) == 2997
    assert max(diffs) <= 0.011
    assert sum(1 for f in layer.getFeatures() if f["geom_valid"] == 0) == 3  # the three bow-ties
    # the county is 6 km × 5 km: planar ≈ 30 km² (the bow-ties leave small holes),
    # and 45 km west of the CM the ellipsoidal area is ≈ 5e-5 smaller than planar
    assert result["TOTAL_PLANAR_M2"] == pytest.approx(30e6, rel=2e-3)
    valid = [f for f in layer.getFeatures() if f["geom_valid"] == 1]
    ratio = sum(f["area_ellipsoid_m2"] for f in valid) / sum(f["area_planar_m2"] for f in valid)
    assert 0.99990 < ratio < 0.99999


def test_geographic_layer_gets_no_planar_area(landplan, make_gpkg):
    path = make_gpkg(
        "geo.gpkg",
        {"p": ("Polygon", "EPSG:4490", [("x", "int")], [(rect(110, 30, 111, 31), {"x": 1})])},
    )
    result = run({"INPUT": path + "|layername=p"})
    feature = next(result["OUTPUT"].getFeatures())
    assert feature["area_planar_m2"] is None or str(feature["area_planar_m2"]) == "NULL"
    assert feature["area_ellipsoid_m2"] / 1e6 == pytest.approx(10642.39, abs=0.01)


def test_non_numeric_tbmj_is_refused(landplan, make_gpkg):
    path = make_gpkg(
        "bad.gpkg",
        {"p": ("Polygon", "EPSG:4547", [("TBMJ", "str")], [(rect(455000, 3092000, 455100, 3092100), {"TBMJ": "x"})])},
    )
    with pytest.raises(QgsProcessingException):
        run({"INPUT": path + "|layername=p", "TBMJ_FIELD": "TBMJ"})


def test_input_is_not_modified(landplan, sample_gpkg):
    before = sample_gpkg.read_bytes()
    run({"INPUT": str(sample_gpkg) + "|layername=DLTB"})
    layer = QgsVectorLayer(str(sample_gpkg) + "|layername=DLTB", "d", "ogr")
    assert "area_ellipsoid_m2" not in layer.fields().names()
    del layer
    assert sample_gpkg.read_bytes() == before
