"""QGIS-free area arithmetic, shared by the plugin and the Spark jobs.

The area modes, the ellipsoids of Chinese survey data, the 国土 trapezoid
series on a ring of geodetic coordinates, WKB ring reading and the 三调
apportionment.  ``core.area`` wraps these with QGIS geometries and
transforms; ``landplan_spark`` with shapely and pyproj.  See core.area for
what each area figure means.
"""

import math
import re
import struct
from dataclasses import dataclass

import numpy as np

MODE_APPORTIONED = 0
MODE_ELLIPSOIDAL = 1
MODE_PLANAR = 2
AREA_MODES = (MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR)

# CGCS2000 ellipsoid (EPSG:1024)
CGCS2000_A = 6378137.0
CGCS2000_INV_F = 298.257222101
CGCS2000_F = 1.0 / CGCS2000_INV_F
CGCS2000_B = CGCS2000_A * (1.0 - CGCS2000_F)
CGCS2000_E2 = CGCS2000_F * (2.0 - CGCS2000_F)


def series_coefficients(e2):
    """Coefficients A–E of the 国土 trapezoid series for eccentricity² e2."""
    e4, e6, e8 = e2 * e2, e2**3, e2**4
    a = 1 + (3 / 6) * e2 + (30 / 80) * e4 + (35 / 112) * e6 + (630 / 2304) * e8
    b = (1 / 6) * e2 + (15 / 80) * e4 + (21 / 112) * e6 + (420 / 2304) * e8
    c = (3 / 80) * e4 + (7 / 112) * e6 + (180 / 2304) * e8
    d = (1 / 112) * e6 + (45 / 2304) * e8
    e = (5 / 2304) * e8
    return a, b, c, d, e


_COEF = series_coefficients(CGCS2000_E2)

# Overlaps of a land-use layer smaller than this (planar m², per pair) are
# numerical noise of the survey's own topology and are ignored.
OVERLAP_TOLERANCE_M2 = 0.01

# Longest segment (m, in the plane) the series may take as straight in (B, L).
DENSIFY_M = 50.0


@dataclass(frozen=True)
class Ellipsoid:
    name: str
    semi_major: float
    inverse_flattening: float

    @property
    def flattening(self):
        return 1.0 / self.inverse_flattening

    @property
    def semi_minor(self):
        return self.semi_major * (1.0 - self.flattening)

    @property
    def e2(self):
        return self.flattening * (2.0 - self.flattening)


# The ellipsoids of Chinese survey data: 三调 (CGCS2000; GRS80 differs from
# it by 1e-10 in 1/f and counts as the same), 二调-era and older 勘测定界
# files (Xian 1980 = IAG 1975, Beijing 1954 = Krassowsky 1940).
CGCS2000 = Ellipsoid("CGCS2000", CGCS2000_A, CGCS2000_INV_F)
XIAN1980 = Ellipsoid("Xian 1980 (IAG 1975)", 6378140.0, 298.257)
BEIJING1954 = Ellipsoid("Beijing 1954 (Krassowsky 1940)", 6378245.0, 298.3)
AREA_ELLIPSOIDS = (CGCS2000, XIAN1980, BEIJING1954)


def ring_area_lonlat(lon_deg, lat_deg, semi_minor=CGCS2000_B, coefficients=_COEF):
    """Unsigned ellipsoidal area (m²) of one closed ring given in degrees.

    ``lon_deg``/``lat_deg`` are numpy arrays; the ring may or may not repeat
    its first vertex.  Vectorised over the edges.
    """
    lon = np.radians(np.asarray(lon_deg, dtype=float))
    lat = np.radians(np.asarray(lat_deg, dtype=float))
    if lon.size < 3:
        return 0.0
    if lon[0] != lon[-1] or lat[0] != lat[-1]:
        lon = np.append(lon, lon[0])
        lat = np.append(lat, lat[0])
    a, b, c, d, e = coefficients
    # reference meridian at the ring's first vertex keeps ΔL small (precision)
    l0 = lon[0]
    d_l = (lon[:-1] + lon[1:]) / 2.0 - l0
    d_b = lat[1:] - lat[:-1]
    b_m = (lat[:-1] + lat[1:]) / 2.0
    series = (
        a * np.sin(d_b / 2.0) * np.cos(b_m)
        - b * np.sin(3.0 * d_b / 2.0) * np.cos(3.0 * b_m)
        + c * np.sin(5.0 * d_b / 2.0) * np.cos(5.0 * b_m)
        - d * np.sin(7.0 * d_b / 2.0) * np.cos(7.0 * b_m)
        + e * np.sin(9.0 * d_b / 2.0) * np.cos(9.0 * b_m)
    )
    return abs(float(np.sum(2.0 * semi_minor * semi_minor * d_l * series)))


def polygon_rings_from_wkb(wkb):
    """Yield (polygon_index, ring_index, xy array) from Polygon/MultiPolygon WKB.

    Handles ISO and EWKB-style Z/M flags; only x and y are returned.
    """
    view = memoryview(wkb)
    offset = 0

    def read_header(off):
        order = "<" if view[off] == 1 else ">"
        (gtype,) = struct.unpack_from(order + "I", view, off + 1)
        has_z = bool(gtype & 0x80000000) or (gtype % 10000) // 1000 in (1, 3)
        has_m = bool(gtype & 0x40000000) or (gtype % 10000) // 1000 in (2, 3)
        base = (gtype & 0x0FFFFFFF) % 1000
        return order, base, 2 + int(has_z) + int(has_m), off + 5

    def read_polygon(off, order, dims, poly_index):
        (n_rings,) = struct.unpack_from(order + "I", view, off)
        off += 4
        rings = []
        for ring_index in range(n_rings):
            (n_pts,) = struct.unpack_from(order + "I", view, off)
            off += 4
            dtype = np.dtype(np.float64).newbyteorder(order)
            coords = np.frombuffer(view, dtype=dtype, count=n_pts * dims, offset=off)
            off += 8 * n_pts * dims
            rings.append((poly_index, ring_index, coords.reshape(n_pts, dims)[:, :2]))
        return rings, off

    order, base, dims, offset = read_header(offset)
    if base == 3:
        rings, _ = read_polygon(offset, order, dims, 0)
        return rings
    if base == 6:
        (n_polys,) = struct.unpack_from(order + "I", view, offset)
        offset += 4
        rings = []
        for index in range(n_polys):
            p_order, p_base, p_dims, offset = read_header(offset)
            part, offset = read_polygon(offset, p_order, p_dims, index)
            rings.extend(part)
        return rings
    raise ValueError("not a polygon geometry (WKB type {})".format(base))


def wkb_area_lonlat(wkb, ellipsoid=None):
    """Ellipsoidal area (m²) of Polygon/MultiPolygon WKB already in lon/lat
    on ``ellipsoid`` (CGCS2000 by default): outer rings minus holes."""
    ellipsoid = ellipsoid or CGCS2000
    coefficients = _COEF if ellipsoid == CGCS2000 else series_coefficients(ellipsoid.e2)
    semi_minor = ellipsoid.semi_minor
    total = 0.0
    for _poly, ring_index, xy in polygon_rings_from_wkb(wkb):
        area = ring_area_lonlat(xy[:, 0], xy[:, 1], semi_minor, coefficients)
        total += area if ring_index == 0 else -area
    return total


def match_ellipsoid(semi_major, inverse_flattening):
    """The area ellipsoid with these parameters (one of AREA_ELLIPSOIDS) or None."""
    for known in AREA_ELLIPSOIDS:
        if abs(semi_major - known.semi_major) < 1e-3 and abs(inverse_flattening - known.inverse_flattening) < 1e-6:
            return known
    return None


def datumless(proj, ellipsoid):
    """``proj`` without datum shifts, on ``ellipsoid``: the layer's own
    inverse projection, never a datum transformation."""
    kept = [t for t in proj.split() if not re.match(r"\+(?:datum|towgs84|nadgrids|ellps|a|b|rf|f|R)=", t)]
    kept = [t for t in kept if t != "+no_defs" and t != "+type=crs"]
    kept.append("+a={!r} +rf={!r} +no_defs".format(ellipsoid.semi_major, ellipsoid.inverse_flattening))
    return " ".join(kept)


def apportion(piece_planar, parent_planar, tbmj, tbdlmj=None, kcxs=None):
    """三调 apportionment of one piece: returns (area, tk, net) in m².

    ``area`` = TBMJ × share, ``net`` = TBDLMJ × share, ``tk`` = area − net.
    Without TBDLMJ, ``tk`` = area × KCXS; without both, tk = 0.
    The share is the piece's planar area over the parent's, clamped to [0, 1]
    (a piece can never hold more than its parent's survey area).
    """
    if parent_planar is None or parent_planar <= 0 or tbmj is None:
        return None
    share = min(max(piece_planar / parent_planar, 0.0), 1.0)
    area = tbmj * share
    if tbdlmj is not None and not _is_nan(tbdlmj):
        net = tbdlmj * share
        tk = area - net
    elif kcxs is not None and not _is_nan(kcxs):
        tk = area * kcxs
        net = area - tk
    else:
        tk = 0.0
        net = area
    return area, tk, net


def apportion_arrays(piece_planar, parent_planar, tbmj, tbdlmj, kcxs):
    """Vectorised :func:`apportion` over numpy arrays (NaN = missing).

    Returns (area, tk, net, ok) where ``ok`` is False where the survey area
    could not be apportioned (missing TBMJ or zero parent area).
    """
    piece_planar = np.asarray(piece_planar, dtype=float)
    parent_planar = np.asarray(parent_planar, dtype=float)
    tbmj = np.asarray(tbmj, dtype=float)
    tbdlmj = np.asarray(tbdlmj, dtype=float)
    kcxs = np.asarray(kcxs, dtype=float)
    ok = np.isfinite(tbmj) & np.isfinite(parent_planar) & (parent_planar > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.clip(np.where(ok, piece_planar / parent_planar, 0.0), 0.0, 1.0)
    area = np.where(ok, tbmj * share, np.nan)
    net_from_dlmj = tbdlmj * share
    tk_from_kcxs = area * np.where(np.isfinite(kcxs), kcxs, 0.0)
    net = np.where(np.isfinite(tbdlmj), net_from_dlmj, area - tk_from_kcxs)
    tk = area - net
    return area, tk, net, ok


def _is_nan(value):
    return isinstance(value, float) and math.isnan(value)
