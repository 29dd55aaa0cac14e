"""The shared overlay engine: cut a land-use layer by regions and a mask.

Occupation analysis (projects × 三调), farmland change (survey × survey) and
restoration statistics (projects × zones × land use) are one operation: cut
the polygons of a *base* layer (三调 DLTB) by *regions* (a project, a zone),
optionally split each piece by a *mask* (永久基本农田), and carry the parent
图斑's attributes and planar areas so areas can be apportioned.

How it stays fast at county scale (250k 图斑, thousands of regions):

* the base layer is never read in full: each region asks the provider for
  the features in its bounding box (GeoPackage R-tree), with only the
  attributes needed;
* each region (and its in/out-of-mask parts) gets a prepared GEOS engine;
  a 图斑 wholly inside is taken as is, only boundary 图斑 are intersected;
* the mask is unioned per region from the mask features in the region's
  box, never over the whole layer.

Invalid geometries follow the Processing context's setting: skip (counted),
abort (error naming the feature), or ignore – which for an overlay means
repair with ``makeValid``, since GEOS cannot cut an invalid polygon without
losing area.  ``repair=True`` repairs regardless of the setting.  Every
skipped or repaired geometry is counted and reported.
"""

from dataclasses import dataclass, field

from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsWkbTypes,
)

from .i18n import tr

CHECK_NONE = QgsFeatureRequest.GeometryNoCheck
CHECK_SKIP = QgsFeatureRequest.GeometrySkipInvalid
CHECK_ABORT = QgsFeatureRequest.GeometryAbortOnInvalid


@dataclass
class GeometryPolicy:
    """Applies the invalid-geometry rule and counts what it did."""

    mode: int = CHECK_ABORT
    repair: bool = False
    skipped: dict = field(default_factory=dict)  # layer label → count
    repaired: dict = field(default_factory=dict)

    def apply(self, geometry, layer_label, feature_id):
        """Return a usable polygon geometry, or None when it must be skipped."""
        if geometry is None or geometry.isEmpty():
            return None
        if geometry.isGeosValid():
            return geometry
        # "Ignore invalid features" cannot mean "let GEOS drop area silently":
        # an overlay needs valid input, so such geometries are repaired and counted.
        if self.repair or self.mode == CHECK_NONE:
            fixed = geometry.makeValid()
            fixed = polygonal(fixed)
            self.repaired[layer_label] = self.repaired.get(layer_label, 0) + 1
            return fixed if fixed is not None and not fixed.isEmpty() else None
        if self.mode == CHECK_SKIP:
            self.skipped[layer_label] = self.skipped.get(layer_label, 0) + 1
            return None
        raise QgsProcessingException(
            tr(
                "Feature {} of “{}” has an invalid geometry. Repair it (Fix geometries), tick “Repair invalid "
                "geometries”, or set Processing’s invalid-feature filtering to skip."
            ).format(feature_id, layer_label)
        )

    def report(self, feedback):
        for label, count in self.skipped.items():
            feedback.pushWarning(tr("{} invalid geometries in “{}” were skipped.").format(count, label))
        for label, count in self.repaired.items():
            feedback.pushWarning(tr("{} invalid geometries in “{}” were repaired (makeValid).").format(count, label))


def polygonal(geometry):
    """Only the polygon parts of a GEOS result (drops lines and points)."""
    if geometry is None or geometry.isEmpty():
        return None
    if geometry.type() == QgsWkbTypes.PolygonGeometry:
        return geometry
    if QgsWkbTypes.flatType(geometry.wkbType()) == QgsWkbTypes.GeometryCollection:
        parts = [QgsGeometry(part.clone()) for part in geometry.constGet()]
        polys = [p for p in parts if p.type() == QgsWkbTypes.PolygonGeometry and not p.isEmpty()]
        if not polys:
            return None
        return QgsGeometry.collectGeometry(polys) if len(polys) > 1 else polys[0]
    return None


class PreparedRegion:
    """A region geometry with a prepared GEOS engine for fast tests."""

    def __init__(self, geometry):
        self.geometry = geometry
        self.engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        self.engine.prepareGeometry()

    def cut(self, other):
        """Part of ``other`` inside the region, or None (no area in common)."""
        const = other.constGet()
        if not self.engine.intersects(const):
            return None
        if self.engine.contains(const):
            return other
        piece = polygonal(other.intersection(self.geometry))
        if piece is None or piece.isEmpty() or piece.area() <= 0:
            return None
        return piece


@dataclass
class Piece:
    region_key: object
    geometry: QgsGeometry
    parent_id: int
    attributes: list
    parent_planar: float
    planar: float
    in_mask: object  # 1 inside the mask, 0 outside, None without a mask


def dissolve(geometries):
    """Union of polygon geometries (overlaps count once)."""
    geometries = [g for g in geometries if g is not None and not g.isEmpty()]
    if not geometries:
        return None
    if len(geometries) == 1:
        return geometries[0]
    return polygonal(QgsGeometry.unaryUnion(geometries))


def mask_parts(region, mask_source, policy, mask_label):
    """Split ``region`` into (inside mask, outside mask) with the mask
    features in the region's bounding box.  Either may be None."""
    if mask_source is None:
        return None, region
    request = QgsFeatureRequest().setFilterRect(region.boundingBox()).setNoAttributes()
    parts = []
    engine = QgsGeometry.createGeometryEngine(region.constGet())
    engine.prepareGeometry()
    for feature in mask_source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
        geometry = policy.apply(feature.geometry(), mask_label, feature.id())
        if geometry is not None and engine.intersects(geometry.constGet()):
            parts.append(geometry)
    if not parts:
        return None, region
    mask = dissolve(parts)
    inside = polygonal(region.intersection(mask))
    outside = polygonal(region.difference(mask))
    return inside, outside


def cut_base_by_region(
    region_key,
    region,
    base_source,
    attribute_indexes,
    policy,
    base_label,
    mask_source=None,
    mask_label="",
    feedback=None,
):
    """Yield the pieces of ``base_source`` inside ``region``.

    ``region`` must already be in the base layer's CRS and valid.  With a
    mask, each piece is split into its inside (in_mask=1) and outside (0)
    parts; without one, in_mask is None.
    """
    inside, outside = mask_parts(region, mask_source, policy, mask_label)
    prepared = []
    if inside is not None and not inside.isEmpty():
        prepared.append((1, PreparedRegion(inside)))
    if outside is not None and not outside.isEmpty():
        prepared.append((0 if mask_source is not None else None, PreparedRegion(outside)))
    if not prepared:
        return
    request = QgsFeatureRequest().setFilterRect(region.boundingBox()).setSubsetOfAttributes(attribute_indexes)
    for feature in base_source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks):
        if feedback is not None and feedback.isCanceled():
            return
        geometry = policy.apply(feature.geometry(), base_label, feature.id())
        if geometry is None:
            continue
        parent_planar = None
        attributes = None
        for in_mask, part in prepared:
            piece = part.cut(geometry)
            if piece is None:
                continue
            if parent_planar is None:
                parent_planar = geometry.area()
                attributes = [feature.attribute(i) for i in attribute_indexes]
            planar = parent_planar if piece is geometry else piece.area()
            yield Piece(region_key, piece, feature.id(), attributes, parent_planar, planar, in_mask)
