"""Area figures against hand/closed-form values and an independent library."""

import math

import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from landplan_plugin.core import area

A = area.CGCS2000_A
E2 = area.CGCS2000_E2
E = math.sqrt(E2)
B = area.CGCS2000_B


def authalic_q(lat_deg):
    s = math.sin(math.radians(lat_deg))
    return s / (1 - E2 * s * s) + 1 / (2 * E) * math.log((1 + E * s) / (1 - E * s))


def quadrangle_area(lat1, lat2, dlon_deg):
    """Closed-form area of an ellipsoidal quadrangle: b²Δλ/2·[q(φ2) − q(φ1)]."""
    return B * B * math.radians(dlon_deg) / 2 * (authalic_q(lat2) - authalic_q(lat1))


def test_coefficients_match_published_values():
    a, b, c, d, e = area.series_coefficients(E2)
    assert a == pytest.approx(1.00336408983, rel=1e-11)
    assert b == pytest.approx(1.12418938e-3, rel=1e-8)
    assert c == pytest.approx(1.69945947e-6, rel=1e-8)
    assert d == pytest.approx(2.71785785e-9, rel=1e-8)
    assert e == pytest.approx(4.3584e-12, rel=1e-4)


@pytest.mark.parametrize("lat1, lat2, dlon", [(30, 31, 1), (23.5, 23.6, 0.1), (40, 40.01, 0.01), (18, 53, 3)])
def test_trapezoid_series_equals_closed_form(lat1, lat2, dlon):
    lon = np.array([110, 110 + dlon, 110 + dlon, 110, 110])
    lat = np.array([lat1, lat1, lat2, lat2, lat1])
    assert area.ring_area_lonlat(lon, lat) == pytest.approx(quadrangle_area(lat1, lat2, dlon), rel=1e-10)


def test_ring_orientation_and_closure_do_not_matter():
    lon = np.array([110.0, 111.0, 111.0, 110.0])
    lat = np.array([30.0, 30.0, 31.0, 31.0])
    open_ccw = area.ring_area_lonlat(lon, lat)
    closed_cw = area.ring_area_lonlat(lon[::-1], lat[::-1])
    assert open_ccw == pytest.approx(closed_cw, rel=1e-14)
    # 1° × 1° at 30–31°N on CGCS2000: 10,642.39 km² by the closed form; a sphere of
    # R = 6371 km gives R²·Δλ·(sin 31° − sin 30°) = 10,653 km², 0.1 % off, as expected
    assert open_ccw / 1e6 == pytest.approx(10642.39, abs=0.01)
    assert open_ccw / 1e6 == pytest.approx(6371.0**2 * math.radians(1) * (math.sin(math.radians(31)) - 0.5), rel=2e-3)


def densified_square(x0, y0, size, steps=200):
    pts = []
    corners = [(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size)]
    for (xa, ya), (xb, yb) in zip(corners, corners[1:] + corners[:1]):
        for s in np.linspace(0, 1, steps, endpoint=False):
            pts.append((xa + (xb - xa) * s, ya + (yb - ya) * s))
    wkt = "POLYGON((" + ", ".join("{} {}".format(x, y) for x, y in pts + pts[:1]) + "))"
    return QgsGeometry.fromWkt(wkt), pts


@pytest.mark.parametrize("epsg, x0, y0", [(4547, 455000, 3092000), (4547, 380000, 4400000), (4524, 36420000, 2500000)])
def test_ellipsoidal_area_matches_geographiclib(epsg, x0, y0):
    pyproj = pytest.importorskip("pyproj")
    geometry, pts = densified_square(x0, y0, 1000.0)
    ours = area.EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))).area(geometry)
    transformer = pyproj.Transformer.from_crs(epsg, 4490, always_xy=True)
    lon, lat = transformer.transform([p[0] for p in pts], [p[1] for p in pts])
    reference, _ = pyproj.Geod(a=A, f=area.CGCS2000_F).polygon_area_perimeter(lon, lat)
    assert abs(ours - abs(reference)) / abs(reference) < 1e-6


def test_hole_and_multipart_areas():
    crs = QgsCoordinateReferenceSystem("EPSG:4490")
    calc = area.EllipsoidalArea(crs)
    outer = "(110 30, 111 30, 111 31, 110 31, 110 30)"
    hole = "(110.25 30.25, 110.75 30.25, 110.75 30.75, 110.25 30.75, 110.25 30.25)"
    with_hole = calc.area(QgsGeometry.fromWkt("POLYGON({}, {})".format(outer, hole)))
    expected = quadrangle_area(30, 31, 1) - quadrangle_area(30.25, 30.75, 0.5)
    assert with_hole == pytest.approx(expected, rel=1e-10)
    multi = calc.area(
        QgsGeometry.fromWkt("MULTIPOLYGON(({}), ((112 30, 113 30, 113 31, 112 31, 112 30)))".format(outer))
    )
    assert multi == pytest.approx(2 * quadrangle_area(30, 31, 1), rel=1e-10)


def test_ellipsoidal_area_of_z_geometry_ignores_z():
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    flat = QgsGeometry.fromWkt("POLYGON((455000 3092000, 456000 3092000, 456000 3093000, 455000 3092000))")
    with_z = QgsGeometry.fromWkt(
        "POLYGON Z((455000 3092000 10, 456000 3092000 20, 456000 3093000 30, 455000 3092000 10))"
    )
    calc = area.EllipsoidalArea(crs)
    assert calc.area(with_z) == pytest.approx(calc.area(flat), rel=1e-14)


def test_planar_area_off_central_meridian_is_larger_than_ellipsoidal():
    # 45 km west of 114°E: GK scale ≈ 1 + y²/2R² → planar area larger by ≈ 5e-5
    geometry = QgsGeometry.fromWkt(
        "POLYGON((455000 3092000, 456000 3092000, 456000 3093000, 455000 3093000, 455000 3092000))"
    )
    ellipsoid = area.EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547")).area(geometry)
    assert area.planar_area(geometry) == 1000000.0
    assert 1.00003 < 1000000.0 / ellipsoid < 1.00008


def test_apportion_with_tbdlmj():
    # piece is a quarter of the 图斑: TBMJ 1002 → 250.5; TBDLMJ 901.8 → 225.45; 田坎 25.05
    got = area.apportion(250.0, 1000.0, 1002.0, 901.8, 0.1)
    assert got == pytest.approx((250.5, 25.05, 225.45), rel=1e-12)


def test_apportion_falls_back_to_kcxs():
    got = area.apportion(250.0, 1000.0, 1002.0, None, 0.1)
    assert got == pytest.approx((250.5, 25.05, 225.45), rel=1e-12)
    assert area.apportion(250.0, 1000.0, 1002.0, None, None) == pytest.approx((250.5, 0.0, 250.5))
    assert area.apportion(250.0, 0.0, 1002.0) is None
    assert area.apportion(250.0, 1000.0, None) is None


def test_apportion_share_is_clamped():
    # rounding can make a piece slightly larger than its parent; never more than TBMJ
    assert area.apportion(1000.0001, 1000.0, 500.0, 450.0)[0] == 500.0


def test_apportion_arrays_matches_scalar():
    nan = float("nan")
    a, tk, net, ok = area.apportion_arrays(
        [250.0, 250.0, 250.0, 10.0],
        [1000.0, 1000.0, 1000.0, 0.0],
        [1002.0, 1002.0, nan, 5.0],
        [901.8, nan, 1.0, 5.0],
        [0.1, 0.1, 0.1, 0.0],
    )
    assert list(ok) == [True, True, False, False]
    assert a[:2] == pytest.approx([250.5, 250.5])
    assert net[:2] == pytest.approx([225.45, 225.45])
    assert tk[:2] == pytest.approx([25.05, 25.05])


# ---- ellipsoid of the layer's CRS, densified edges (issue 15) ----------------

GEOGRAPHIC_OF = {
    "CGCS2000": "EPSG:4490",
    "Xian 1980 (IAG 1975)": "EPSG:4610",
    "Beijing 1954 (Krassowsky 1940)": "EPSG:4214",
}


def _rectangle(x0, y0, width, height):
    return QgsGeometry.fromWkt(
        "POLYGON(({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(x0, y0, x0 + width, y0 + height)
    )


def _geodesic_area(geometry, crs, ellipsoid):
    """GeographicLib's geodesic area of ``geometry`` densified to 50 m, its
    vertices inverse-projected by QGIS to the CRS's EPSG geographic CRS (a
    different path from the one under test)."""
    from geographiclib.geodesic import Geodesic
    from qgis.core import QgsCoordinateTransform, QgsProject

    dense = geometry.densifyByDistance(50.0)
    dense.transform(
        QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(GEOGRAPHIC_OF[ellipsoid.name]), QgsProject.instance())
    )
    polygon = Geodesic(ellipsoid.semi_major, ellipsoid.flattening).Polygon()
    for point in dense.asPolygon()[0][:-1]:
        polygon.AddPoint(point.y(), point.x())
    _count, _perimeter, value = polygon.Compute(False, True)
    return abs(value)


@pytest.mark.parametrize(
    "epsg, x0, ellipsoid",
    [
        (4547, 455000, area.CGCS2000),  # CGCS2000 3° CM 114E, no prefix
        (4526, 38455000, area.CGCS2000),  # CGCS2000 3° zone 38, prefixed
        (2383, 455000, area.XIAN1980),  # Xian 1980 3° CM 114E
        (2362, 38455000, area.XIAN1980),  # Xian 1980 3° zone 38
        (2436, 455000, area.BEIJING1954),  # Beijing 1954 3° CM 117E
        (2414, 38455000, area.BEIJING1954),  # Beijing 1954 3° zone 38
        (21480, 350000, area.BEIJING1954),  # Beijing 1954 6° zone 20, 150 km off the CM
    ],
)
def test_rectangle_agrees_with_geographiclib_on_each_ellipsoid(epsg, x0, ellipsoid):
    crs = QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))
    calculator = area.EllipsoidalArea(crs)
    assert calculator.ellipsoid == ellipsoid
    rectangle = _rectangle(x0, 3092000, 1000.0, 429.6)  # 1 km × 0.43 km
    ours = calculator.area(rectangle)
    reference = _geodesic_area(rectangle, crs, ellipsoid)
    assert abs(ours - reference) / reference < 1e-7
    assert ours < rectangle.area()  # a Gauss–Krüger plane (k = 1) never shrinks areas


def test_ellipsoids_give_different_areas_for_the_same_coordinates():
    # the same plane rectangle (zone 38, CM 114E) on three ellipsoids: the
    # areas differ with the ellipsoid's curvature; computing all on CGCS2000
    # (the old behaviour) would make them equal
    rectangle = _rectangle(38455000, 3092000, 1000.0, 429.6)
    values = [
        area.EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:{}".format(epsg))).area(rectangle)
        for epsg in (4526, 2362, 2414)
    ]
    assert len({round(v, 6) for v in values}) == 3


@pytest.mark.parametrize("x0", [350000, 455000, 498000, 500500, 560000, 640000])
@pytest.mark.parametrize("size", [(1000.0, 429.6), (5000.0, 40.0), (40.0, 5000.0)])
def test_ellipsoidal_never_exceeds_planar_in_gauss_kruger(x0, size):
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    geometry = _rectangle(x0, 3092000, *size)
    assert area.EllipsoidalArea(crs).area(geometry) <= geometry.area()


def test_densify_changes_only_long_edges():
    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    short = _rectangle(455000, 3092000, 40.0, 30.0)  # every edge already under 50 m
    assert area.EllipsoidalArea(crs).area(short) == area.EllipsoidalArea(crs, densify_m=None).area(short)


def test_other_ellipsoids_are_refused_by_name():
    from qgis.core import QgsProcessingException

    for code in ("EPSG:32650", "EPSG:4326"):
        calculator = area.EllipsoidalArea(QgsCoordinateReferenceSystem(code))
        with pytest.raises(QgsProcessingException, match="EPSG:7030"):
            calculator.area(_rectangle(455000, 3092000, 10, 10))


def test_custom_proj_crs_on_xian80_is_recognised():
    crs = QgsCoordinateReferenceSystem.fromProj(
        "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +a=6378140 +rf=298.257 +units=m +no_defs"
    )
    calculator = area.EllipsoidalArea(crs)
    assert calculator.ellipsoid == area.XIAN1980
    rectangle = _rectangle(38455000, 3092000, 1000.0, 429.6)
    reference = area.EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:2362")).area(rectangle)
    assert calculator.area(rectangle) == pytest.approx(reference, rel=1e-12)
