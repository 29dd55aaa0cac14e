"""Area figures: planar, ellipsoidal (国土调查 formula) and 三调 apportioned.

Three numbers exist for every polygon and the bureau must know which one it
reports:

* **planar** – the area in the projected (Gauss–Krüger) plane, what
  ``QgsGeometry.area()`` gives.  Off the central meridian it is larger than
  the ground area (scale factor up to ~1.0014 at the edge of a 3° zone).
* **ellipsoidal** – the 椭球面积 of 国土调查办发[2008]32号 / TD/T 1055-2019:
  inverse-project every vertex to geodetic (B, L) on the ellipsoid of the
  layer's own CRS (CGCS2000; Xian 1980 / IAG 1975; Beijing 1954 /
  Krassowsky: ``AREA_ELLIPSOIDS``, any other is refused) and sum, edge by
  edge, the ellipsoidal trapezoid between the edge and a reference meridian
  with the series formula (standards.md §3.5).
  The series takes each edge as straight in (B, L), but a straight edge of
  the Gauss–Krüger plane is a curve there; on a 1 km edge that is tens of
  m².  So each edge is first densified in the plane to segments of at most
  ``DENSIFY_M`` = 50 m, as production tools do: the curve's deviation from
  its chords then falls below 1e-7 of the area (a 1 km × 0.43 km rectangle
  agrees with GeographicLib's geodesic area to that), while 三调 图斑,
  whose edges are mostly shorter than 50 m, keep their vertices as given
  and so their TBMJ.  Layers in geographic coordinates are not densified:
  their edges already are straight in (B, L).
* **apportioned** – for a piece cut from a 三调 图斑: the 图斑's surveyed
  TBMJ and TBDLMJ in proportion to the piece's *planar* share of the parent
  (projection distortion cancels in the ratio).  田坎 = TBMJ share − TBDLMJ
  share; where TBDLMJ is missing, 田坎 = TBMJ share × KCXS.

Area modes shared by all algorithms: 0 = apportioned survey area,
1 = ellipsoidal, 2 = planar.
"""

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsEllipsoidUtils,
    QgsGeometry,
    QgsProcessingException,
    QgsWkbTypes,
)

# the QGIS-free arithmetic lives in areamath (shared with landplan_spark)
from .areamath import (  # noqa: F401 (re-exported)
    AREA_ELLIPSOIDS,
    AREA_MODES,
    BEIJING1954,
    CGCS2000,
    CGCS2000_A,
    CGCS2000_B,
    CGCS2000_E2,
    CGCS2000_F,
    CGCS2000_INV_F,
    DENSIFY_M,
    MODE_APPORTIONED,
    MODE_ELLIPSOIDAL,
    MODE_PLANAR,
    XIAN1980,
    Ellipsoid,
    apportion,
    apportion_arrays,
    datumless,
    match_ellipsoid,
    polygon_rings_from_wkb,
    ring_area_lonlat,
    series_coefficients,
    wkb_area_lonlat,
)
from .i18n import tr


def geometry_area_lonlat(geometry, ellipsoid=CGCS2000):
    """Ellipsoidal area (m²) of a polygon geometry already in lon/lat on ``ellipsoid``."""
    if geometry is None or geometry.isEmpty():
        return 0.0
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return wkb_area_lonlat(bytes(geometry.asWkb()), ellipsoid)


def ellipsoid_of(crs):
    """The area ellipsoid of ``crs`` (one of AREA_ELLIPSOIDS) or raise a
    translated QgsProcessingException naming the ellipsoid found."""
    if crs is None or not crs.isValid():
        raise QgsProcessingException(tr("Ellipsoidal area needs a layer with a valid coordinate reference system."))
    params = QgsEllipsoidUtils.ellipsoidParameters(crs.ellipsoidAcronym())
    if params.valid:
        inverse = params.inverseFlattening
        if not inverse or not math.isfinite(inverse):
            inverse = params.semiMajor / (params.semiMajor - params.semiMinor)
        known = match_ellipsoid(params.semiMajor, inverse)
        if known is not None:
            return known
    found = crs.ellipsoidAcronym() or "?"
    if params.valid:
        found = "{} (a = {}, 1/f = {})".format(found, params.semiMajor, params.inverseFlattening)
    raise QgsProcessingException(
        tr(
            "The ellipsoidal (国土) area is defined on CGCS2000, Xian 1980 and Beijing 1954 only, but “{}” uses "
            "the ellipsoid {}. Reproject the layer to a CGCS2000 Gauss–Krüger CRS, or use planar area (mode 2)."
        ).format(crs.description() or crs.authid(), found)
    )


class EllipsoidalArea:
    """Computes 国土 ellipsoidal areas for geometries in ``source_crs``.

    Edges are densified in the plane to ``densify_m``; vertices are then
    inverse-projected to geodetic (B, L) on the CRS's own ellipsoid with
    QGIS's transforms (PROJ), the datum left alone: both ends of the
    transform are the layer's projection and its geographic counterpart
    without datum parameters, so no datum shift can creep in.

    The ellipsoid is resolved on first use (``require()`` checks it up
    front), so an algorithm in planar mode never trips on an exotic CRS.
    """

    def __init__(self, source_crs, transform_context=None, densify_m=DENSIFY_M):
        self.source_crs = source_crs
        self.densify_m = densify_m
        self._context = transform_context or QgsCoordinateTransformContext()
        self._ellipsoid = None
        self._transform = None

    def require(self):
        """Resolve the ellipsoid and the inverse projection, or raise."""
        if self._ellipsoid is not None:
            return self._ellipsoid
        ellipsoid = ellipsoid_of(self.source_crs)
        if not self.source_crs.isGeographic():
            source = QgsCoordinateReferenceSystem.fromProj(datumless(self.source_crs.toProj(), ellipsoid))
            target = QgsCoordinateReferenceSystem.fromProj(datumless("+proj=longlat", ellipsoid))
            if not source.isValid() or not target.isValid():
                raise QgsProcessingException(
                    tr("Cannot set up the inverse projection of “{}” for the ellipsoidal area.").format(
                        self.source_crs.description() or self.source_crs.authid()
                    )
                )
            self._transform = QgsCoordinateTransform(source, target, self._context)
        self._ellipsoid = ellipsoid
        return ellipsoid

    @property
    def ellipsoid(self):
        return self.require()

    def area(self, geometry):
        if geometry is None or geometry.isEmpty():
            return 0.0
        ellipsoid = self.require()
        if self._transform is not None:
            if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                geometry = QgsGeometry(geometry.constGet().segmentize())
            if self.densify_m:
                geometry = geometry.densifyByDistance(self.densify_m)
            else:
                geometry = QgsGeometry(geometry)
            geometry.transform(self._transform)
        return geometry_area_lonlat(geometry, ellipsoid)


def planar_area(geometry):
    if geometry is None or geometry.isEmpty():
        return 0.0
    return geometry.area()
