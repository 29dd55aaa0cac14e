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
  box, never over the whole layer;
* the per-图斑 work runs on the calling thread.  PyQGIS releases and
  retakes the GIL around its calls, so per-图斑 calls on two threads spend
  more time handing the GIL over than they gain (measured on 2 cores,
  250,000 图斑: cutting on two threads 21.5 s against 15.0 s on one; a
  reader thread gained nothing, as the provider's iterator retakes the GIL
  for every feature; a writer thread measured no faster either).  So the
  work per 图斑 is kept small: one validity call in the usual case,
  attributes read in one call, output written in one call per region with
  its values rounded on arrays (processing.presentation.PresentedSink);
* the one long C++ step, the intersection of boundary 图斑, leaves this
  thread: ``cut_regions`` hands it, a batch of regions at a time, to
  native:intersection on a worker thread (``batchcut``), which needs the
  GIL only to start and to end.

Invalid geometries follow the Processing context's setting: skip (counted),
abort (error naming the feature), or ignore – which for an overlay means
repair with ``makeValid``, since GEOS cannot cut an invalid polygon without
losing area.  ``repair=True`` repairs regardless of the setting.  Every
skipped or repaired geometry is counted and reported.
"""

from dataclasses import dataclass, field

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsWkbTypes,
)

from .areamath import OVERLAP_TOLERANCE_M2
from .i18n import tr
from .piecetable import PieceTable

CHECK_NONE = QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
CHECK_SKIP = QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid
CHECK_ABORT = QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid


@dataclass
class GeometryPolicy:
    """Applies the invalid-geometry rule and counts what it did."""

    mode: int = CHECK_ABORT
    repair: bool = False
    skipped: dict = field(default_factory=dict)  # layer label → count
    repaired: dict = field(default_factory=dict)
    # data-quality findings, reported as warnings and in the report notes
    empty: dict = field(default_factory=dict)  # layer label → {feature ids without geometry}
    duplicates: dict = field(default_factory=dict)  # layer label → {ids of exact copies, counted once}
    overlaps: dict = field(default_factory=dict)  # layer label → {(id kept, id cut): overlap m²}
    empty_regions: dict = field(default_factory=dict)  # layer label → [keys whose features have no area]

    def apply(self, geometry, layer_label, feature_id):
        """Return a usable polygon geometry, or None when it must be skipped."""
        if geometry is None or geometry.isEmpty():
            self.empty.setdefault(layer_label, set()).add(feature_id)
            return None
        if not geometry.boundingBox().isFinite():
            raise QgsProcessingException(
                tr(
                    "Feature {} of “{}” has coordinates that are not numbers (NaN or infinite, e.g. after a "
                    "transformation out of the CRS's range). Check the layer's CRS."
                ).format(feature_id, layer_label)
            )
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
        for note in self.notes():
            feedback.pushWarning(note)

    def notes(self):
        """Every finding as a translated sentence (for warnings and reports)."""
        notes = []
        for label, count in self.skipped.items():
            notes.append(tr("{} invalid geometries in “{}” were skipped.").format(count, label))
        for label, count in self.repaired.items():
            notes.append(tr("{} invalid geometries in “{}” were repaired (makeValid).").format(count, label))
        for label, ids in self.empty.items():
            notes.append(
                tr("{} features of “{}” have no geometry and were left out: {}.").format(len(ids), label, id_list(ids))
            )
        for label, keys in self.empty_regions.items():
            notes.append(
                tr("In “{}”, {} have no usable geometry and were not analysed: {}.").format(
                    label,
                    len(keys),
                    ", ".join(str(k) for k in keys[:MAX_LISTED]) + (" …" if len(keys) > MAX_LISTED else ""),
                )
            )
        for label, ids in self.duplicates.items():
            notes.append(
                tr(
                    "{} features of “{}” are exact copies of another (same geometry and attributes) and were counted once: {}."
                ).format(len(ids), label, id_list(ids))
            )
        for label, pairs in self.overlaps.items():
            text = ", ".join(
                "{}/{} ({:.2f} m²)".format(kept, cut, area) for (kept, cut), area in sorted(pairs.items())[:MAX_LISTED]
            )
            if len(pairs) > MAX_LISTED:
                text += " …"
            notes.append(
                tr(
                    "{} pairs of features of “{}” overlap; the overlap was counted once, for the first feature of "
                    "each pair (first/second): {}."
                ).format(len(pairs), label, text)
            )
        return notes


MAX_LISTED = 20


def id_list(ids):
    ids = sorted(ids)
    text = ", ".join(str(i) for i in ids[:MAX_LISTED])
    return text + (" …" if len(ids) > MAX_LISTED else "")


class DuplicateFilter:
    """Tells exact copies (same geometry bytes and attributes) apart cheaply:
    features are first bucketed by bounding box and attributes, and the
    geometry bytes are compared only within a bucket (rarely more than one)."""

    def __init__(self):
        self._buckets = {}

    def seen(self, geometry, attributes):
        """True when an exact copy was offered before (then it is not kept)."""
        return self.first(geometry, attributes, None) is not None

    def seen_area(self, geometry, area, attributes, fid):
        """``seen`` for candidates whose planar area is known: the area and
        the box's west edge bucket them (two calls, no text conversion)."""
        coarse = (area, geometry.boundingBox().xMinimum())
        bucket = self._buckets.get(coarse)
        if bucket is None:
            self._buckets[coarse] = [(geometry, attributes, None)]
            return False
        wkb = None
        for other, other_attributes, other_wkb in bucket:
            if other_attributes != attributes:
                continue
            wkb = wkb or bytes(geometry.asWkb())
            if (other_wkb or bytes(other.asWkb())) == wkb:
                return True
        bucket.append((geometry, attributes, wkb))
        return False

    def first(self, geometry, attributes, fid):
        """The id of the first exact copy offered before (``fid`` itself when
        the same feature is offered again, e.g. from another tile), or None
        for a feature not seen before (it is registered under ``fid``)."""
        box = geometry.boundingBox()
        coarse = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum(), tuple(map(str, attributes)))
        bucket = self._buckets.get(coarse)
        if bucket is None:
            self._buckets[coarse] = [(geometry, fid)]
            return None
        if fid is not None:
            for _other, other_fid in bucket:
                if other_fid == fid:
                    return fid
        wkb = bytes(geometry.asWkb())
        for other, other_fid in bucket:
            if bytes(other.asWkb()) == wkb:
                return other_fid if other_fid is not None else True
        bucket.append((geometry, fid))
        return None


def polygonal(geometry):
    """Only the polygon parts of a GEOS result (drops lines and points)."""
    if geometry is None or geometry.isEmpty():
        return None
    if geometry.type() == QgsWkbTypes.GeometryType.PolygonGeometry:
        return geometry
    if QgsWkbTypes.flatType(geometry.wkbType()) == QgsWkbTypes.Type.GeometryCollection:
        parts = [QgsGeometry(part.clone()) for part in geometry.constGet()]
        polys = [p for p in parts if p.type() == QgsWkbTypes.GeometryType.PolygonGeometry and not p.isEmpty()]
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
        """Part of ``other`` inside the region, or None (no area in common).

        A neighbour that only touches gives a line, dropped by the area test
        in ``clip`` (cheaper than a ``touches`` test on every candidate)."""
        const = other.constGet()
        if not self.engine.intersects(const):
            return None
        if self.engine.contains(const):
            return other
        return self.clip(other)

    def clip(self, other):
        """The intersection of a 图斑 the region's boundary crosses, or None.

        It runs on the prepared engine, which already holds the region in
        GEOS form (``QgsGeometry.intersection`` would convert the region
        again for every 图斑)."""
        result = self.engine.intersection(other.constGet())
        if result is None:
            return None
        piece = polygonal(QgsGeometry(result))
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


@dataclass
class RegionJob:
    """What a region's cut needs, read from the layers (``read_region``)."""

    key: object
    region: QgsGeometry
    candidates: list  # QgsFeature copies of the base layer in the region's box
    mask_features: object  # None without a mask layer, else [mask features in the box, unchecked]


def read_features(source, request):
    """Every feature of ``request``, unchecked (``cut_job`` checks them)."""
    return list(source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks))


def read_region(key, region, base_source, attribute_indexes, policy, mask_source=None, mask_label=""):
    """Read what cutting ``region`` needs (feature sources are used here only).
    Geometries are checked by ``cut_job``."""
    box = region.boundingBox()
    mask_features = read_mask(mask_source, box)
    candidates = read_features(
        base_source, QgsFeatureRequest().setFilterRect(box).setSubsetOfAttributes(attribute_indexes)
    )
    # by id, not in the provider's index order: the same order (and the same
    # copy kept, the lowest id) from any provider and from core.vectorcut
    candidates.sort(key=QgsFeature.id)
    return RegionJob(key, region, candidates, mask_features)


def read_mask(mask_source, box):
    """The mask features in ``box``, unchecked (None without a mask layer)."""
    if mask_source is None:
        return None
    return read_features(mask_source, QgsFeatureRequest().setFilterRect(box).setNoAttributes())


def region_parts(region, mask_features, policy, mask_label):
    """[(in_mask, part)]: the region's part inside the mask (1) and outside
    it (0), without empty parts; [(None, region)] without a mask layer
    (``mask_features`` None).  The mask features are checked by the policy."""
    mask_geometries = None
    if mask_features is not None:
        mask_geometries = []
        for feature in mask_features:
            geometry = policy.apply(feature.geometry(), mask_label, feature.id())
            if geometry is not None:
                mask_geometries.append(geometry)
    inside, outside = mask_parts(region, mask_geometries)
    parts = []
    if inside is not None and not inside.isEmpty():
        parts.append((1, inside))
    if outside is not None and not outside.isEmpty():
        parts.append((0 if mask_features is not None else None, outside))
    return parts


def mask_parts(region, mask_geometries):
    """Split ``region`` into (inside mask, outside mask) with the mask
    polygons of its box.  Either may be None."""
    if mask_geometries is None:
        return None, region
    engine = QgsGeometry.createGeometryEngine(region.constGet())
    engine.prepareGeometry()
    parts = [g for g in mask_geometries if engine.intersects(g.constGet())]
    if not parts:
        return None, region
    mask = dissolve(parts)
    inside = polygonal(region.intersection(mask))
    outside = polygonal(region.difference(mask))
    return inside, outside


def cut_job(job, attribute_indexes, policy, base_label, feedback=None, mask_label=""):
    """The pieces of one region (a list, in a deterministic order): each
    candidate checked for validity, cut by the region's prepared parts,
    exact copies counted once, overlaps between 图斑 counted once."""
    plan = plan_job(job, policy, base_label, mask_label)
    return assemble(
        plan, attribute_indexes, policy, base_label, lambda n, _entry, geometry: plan.prepared[n][1].clip(geometry)
    )


@dataclass
class CutPlan:
    """A region's candidates after the prepared tests: ``entries`` holds
    (feature, checked geometry, [(part number, taken whole)]) for every
    candidate with something in common with a part, in reading order."""

    key: object
    region: QgsGeometry
    prepared: list  # [(in_mask, PreparedRegion)]
    entries: list


def plan_job(job, policy, base_label, mask_label=""):
    """Check the candidates and run the cheap prepared tests; the
    intersections of boundary candidates are left to the caller."""
    parts = region_parts(job.region, job.mask_features, policy, mask_label)
    prepared = [(in_mask, PreparedRegion(part)) for in_mask, part in parts]
    entries = []
    if not prepared:
        return CutPlan(job.key, job.region, prepared, entries)
    for feature in job.candidates:
        geometry = feature.geometry()
        if not geometry.isGeosValid():  # valid: the usual case, one call
            geometry = policy.apply(geometry, base_label, feature.id())
            if geometry is None:
                continue
        const = geometry.constGet()
        hits = []
        for n, (_in_mask, part) in enumerate(prepared):
            if part.engine.intersects(const):
                hits.append((n, part.engine.contains(const)))
        if hits:
            entries.append((feature, geometry, hits))
    return CutPlan(job.key, job.region, prepared, entries)


def assemble(plan, attribute_indexes, policy, base_label, clipped):
    """The pieces of a planned region: ``clipped(part number, entry number,
    geometry)`` gives the piece of a boundary candidate (or None)."""
    pieces = {in_mask: [] for in_mask, _part in plan.prepared}
    duplicates = DuplicateFilter()
    for entry, (feature, geometry, hits) in enumerate(plan.entries):
        parent_planar = None
        attributes = None
        for n, whole in hits:
            piece = geometry if whole else clipped(n, entry, geometry)
            if piece is None:
                continue
            if parent_planar is None:
                parent_planar = geometry.area()
                values = feature.attributes()
                attributes = [values[i] for i in attribute_indexes]
                if duplicates.seen_area(geometry, parent_planar, attributes, feature.id()):
                    policy.duplicates.setdefault(base_label, set()).add(feature.id())
                    break
            planar = parent_planar if piece is geometry else piece.area()
            in_mask = plan.prepared[n][0]
            pieces[in_mask].append(Piece(plan.key, piece, feature.id(), attributes, parent_planar, planar, in_mask))
    result = []
    for in_mask, part in plan.prepared:
        result.extend(count_overlaps_once(pieces[in_mask], part.geometry.area(), policy, base_label))
    return result


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
    job = read_region(region_key, region, base_source, attribute_indexes, policy, mask_source, mask_label)
    yield from cut_job(job, attribute_indexes, policy, base_label, feedback)


def cut_regions(
    regions,
    base_source,
    attribute_indexes,
    policy,
    base_label,
    mask_source=None,
    mask_label="",
    feedback=None,
    workers=None,
):
    """Yield (key, region, pieces) for each (key, region), in order.

    Regions are planned on this thread (reading, validity, prepared tests)
    and their boundary intersections run in batches on ``workers`` threads
    (``batchcut``; None: one per further core, 0: none), so the next batch
    is read while the last is cut.  Output and figures are the same for any
    number of workers."""
    from . import batchcut

    runner = batchcut.BatchRunner(batchcut.worker_threads() if workers is None else workers)
    pending = []  # handles of started batches, oldest first

    def finish(handle):
        for plan, clipped in runner.finish(handle).planned():
            yield plan.key, plan.region, assemble(plan, attribute_indexes, policy, base_label, clipped)

    try:
        batch = None
        for key, region in regions:
            if feedback is not None and feedback.isCanceled():
                runner.cancel()
                return
            if batch is None:
                batch = batchcut.BoundaryBatch(base_source.sourceCrs())
            job = read_region(key, region, base_source, attribute_indexes, policy, mask_source, mask_label)
            batch.add(plan_job(job, policy, base_label, mask_label))
            if len(batch.pairs) >= batchcut.BATCH_PAIRS or len(batch.plans) >= batchcut.BATCH_REGIONS:
                pending.append(runner.start(batch))
                batch = None
                while len(pending) > runner.workers:
                    yield from finish(pending.pop(0))
        if batch is not None:
            pending.append(runner.start(batch))
        while pending:
            if feedback is not None and feedback.isCanceled():
                runner.cancel()
                return
            yield from finish(pending.pop(0))
    finally:
        runner.close()


def piece_tables(cut, width):
    """(spans, PieceTable) per region of ``cut_regions``' (key, region,
    pieces), as ``vectorcut.cut_tables`` gives them: pieces with ``width``
    attributes, geometries as MultiPolygon (the pieces layer's type)."""
    for key, region, pieces in cut:
        for piece in pieces:
            if not QgsWkbTypes.isMultiType(piece.geometry.wkbType()):
                piece.geometry = QgsGeometry(piece.geometry)
                piece.geometry.convertToMultiType()
        yield [(key, region, 0, len(pieces))], PieceTable.of_pieces(pieces, width)


def count_overlaps_once(pieces, part_area, policy, base_label):
    """Pieces of one region part with overlaps between 图斑 counted once.

    In a clean survey the pieces tile the part, so their planar areas add up
    to at most its area; only when they add up to more is there an overlap
    to find (cheap in the usual case).  The 图斑 read first (lowest id) keeps
    the overlapped area; the other's piece loses it, and the pair is noted."""
    total = sum(p.planar for p in pieces)
    if total <= part_area + OVERLAP_TOLERANCE_M2:
        return pieces
    from qgis.core import QgsSpatialIndex

    pieces = sorted(pieces, key=lambda p: p.parent_id)
    index = QgsSpatialIndex()
    kept = []
    for piece in pieces:
        geometry = piece.geometry
        for n in index.intersects(geometry.boundingBox()):
            other = kept[n]
            overlap = polygonal(geometry.intersection(other.geometry))
            if overlap is None or overlap.area() <= OVERLAP_TOLERANCE_M2:
                continue
            pairs = policy.overlaps.setdefault(base_label, {})
            pair = (other.parent_id, piece.parent_id)
            pairs[pair] = pairs.get(pair, 0.0) + overlap.area()
            geometry = polygonal(geometry.difference(other.geometry))
            if geometry is None:
                break
        if geometry is None or geometry.isEmpty() or geometry.area() <= 0:
            continue
        if geometry is not piece.geometry:
            piece.geometry = geometry
            piece.planar = geometry.area()
        index.addFeature(len(kept), geometry.boundingBox())
        kept.append(piece)
    return kept


# ---------------------------------------------------------------------------
# Survey × survey overlay (farmland change), streamed in tiles
# ---------------------------------------------------------------------------


@dataclass
class SurveyPiece:
    before_id: int
    before_attributes: list
    before_planar: float
    after_id: int
    after_attributes: list
    after_planar: float
    geometry: QgsGeometry
    planar: float


@dataclass
class CoverageLeftover:
    """Planar area of a 图斑 of one survey that no 图斑 of the other covers."""

    side: str  # 'before' or 'after'
    feature_id: int
    attributes: list
    planar: float
    uncovered_planar: float


def _tile_size(extent, count, per_tile=10000):
    import math

    area = max(extent.width() * extent.height(), 1.0)
    tiles = max(1.0, count / float(per_tile))
    return max(math.sqrt(area / tiles), 1.0)


def overlay_surveys(
    before_source,
    after_source,
    before_indexes,
    after_indexes,
    policy,
    before_label,
    after_label,
    after_crs=None,
    transform_context=None,
    feedback=None,
    per_tile=10000,
    stats=None,
):
    """Yield SurveyPiece for every area two survey layers share, then
    CoverageLeftover for 图斑 partly or wholly outside the other layer.

    Streams in square tiles sized for about ``per_tile`` BEFORE features: a
    BEFORE 图斑 belongs to the tile holding its bounding-box centre; the
    AFTER 图斑 around it are read from the provider with a rectangle filter
    and indexed in memory for that tile only.  Identical geometries (most
    图斑 between two yearly surveys) are matched byte for byte without GEOS.
    """
    # Overlapping AFTER 图斑 (a topology error) would give a BEFORE 图斑 more
    # than its own area: its pieces' shares are then scaled to sum to one and
    # stats['overlaps_after'] counts the BEFORE 图斑 concerned;
    # stats['overlaps_before'] counts AFTER 图斑 covered more than once.
    if stats is None:
        stats = {}
    stats.setdefault("overlaps_after", 0)
    stats.setdefault("overlaps_before", 0)
    from qgis.core import QgsRectangle, QgsSpatialIndex

    extent = QgsRectangle(before_source.sourceExtent())
    if after_crs is None:
        extent.combineExtentWith(after_source.sourceExtent())
    total = before_source.featureCount()
    size = _tile_size(extent, max(total, 1), per_tile)
    nx = max(1, int((extent.width() / size) + 1))
    ny = max(1, int((extent.height() / size) + 1))
    after_cover = {}  # fid → [attributes, planar, covered planar]; None: skipped
    after_keys = DuplicateFilter()  # exact AFTER copies: the first fid is kept
    done = 0
    for ty in range(ny):
        for tx in range(nx):
            if feedback is not None and feedback.isCanceled():
                return
            x0 = extent.xMinimum() + tx * size
            y0 = extent.yMinimum() + ty * size
            tile = QgsRectangle(x0, y0, x0 + size, y0 + size)
            request = QgsFeatureRequest().setFilterRect(tile).setSubsetOfAttributes(before_indexes)
            befores = []
            seen_before = DuplicateFilter()  # copies share a box centre, so a tile
            reach = QgsRectangle(tile)
            for feature in before_source.getFeatures(
                request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
            ):
                box = feature.geometry().boundingBox()
                cx, cy = box.center().x(), box.center().y()
                if not (x0 <= cx < x0 + size and y0 <= cy < y0 + size):
                    continue
                geometry = policy.apply(feature.geometry(), before_label, feature.id())
                if geometry is None:
                    continue
                attributes = [feature.attribute(i) for i in before_indexes]
                if seen_before.seen(geometry, attributes):
                    policy.duplicates.setdefault(before_label, set()).add(feature.id())
                    continue
                befores.append((feature.id(), attributes, geometry))
                reach.combineExtentWith(box)
            after_request = QgsFeatureRequest().setFilterRect(reach).setSubsetOfAttributes(after_indexes)
            if after_crs is not None:
                after_request.setDestinationCrs(after_crs, transform_context)
            index = QgsSpatialIndex()
            afters = {}
            for feature in after_source.getFeatures(
                after_request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
            ):
                fid = feature.id()
                if fid not in after_cover:
                    geometry = policy.apply(feature.geometry(), after_label, fid)
                    if geometry is None:
                        after_cover[fid] = None
                        continue
                    attributes = [feature.attribute(i) for i in after_indexes]
                    if after_keys.first(geometry, attributes, fid) not in (None, fid):
                        policy.duplicates.setdefault(after_label, set()).add(fid)
                        after_cover[fid] = None
                        continue
                    after_cover[fid] = [attributes, geometry.area(), 0.0]
                else:
                    if after_cover[fid] is None:
                        continue
                    geometry = feature.geometry()
                    if not geometry.isGeosValid():
                        geometry = policy.apply(geometry, after_label, fid)
                        if geometry is None:
                            continue
                afters[fid] = (geometry, bytes(geometry.asWkb()))
                index.addFeature(fid, geometry.boundingBox())
            for before_id, before_attributes, geometry in befores:
                before_planar = geometry.area()
                covered = 0.0
                wkb = None
                engine = None
                found = []
                candidates = index.intersects(geometry.boundingBox())
                wkb = bytes(geometry.asWkb())
                twin = [a for a in candidates if afters[a][1] == wkb]
                if twin:
                    # unchanged 图斑: the identical AFTER 图斑 covers it all; its
                    # neighbours can only touch it in a clean survey
                    candidates = twin[:1]
                for after_id in candidates:
                    after_geometry, after_wkb = afters[after_id]
                    if after_wkb == wkb:
                        piece = geometry
                    else:
                        if engine is None:
                            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
                            engine.prepareGeometry()
                        const = after_geometry.constGet()
                        # neighbours in a tessellation only touch: a prepared
                        # touches() test is far cheaper than an intersection
                        if not engine.intersects(const):
                            continue
                        if engine.contains(const):
                            piece = after_geometry
                        elif engine.touches(const):
                            continue
                        else:
                            piece = polygonal(geometry.intersection(after_geometry))
                            if piece is None or piece.isEmpty():
                                continue
                    planar = piece.area()
                    if planar <= 0:
                        continue
                    covered += planar
                    cover = after_cover[after_id]
                    cover[2] += planar
                    found.append(
                        SurveyPiece(
                            before_id, before_attributes, before_planar, after_id, cover[0], cover[1], piece, planar
                        )
                    )
                if covered > before_planar * (1 + 1e-9) + 1e-6:
                    stats["overlaps_after"] += 1
                    for piece in found:
                        piece.before_planar = covered  # shares of this 图斑 sum to one
                yield from found
                leftover = before_planar - covered
                if leftover > max(1e-6 * before_planar, 1e-6):
                    yield CoverageLeftover("before", before_id, before_attributes, before_planar, leftover)
                done += 1
            if feedback is not None and total:
                feedback.setProgress(min(99, int(100.0 * done / total)))
    # AFTER 图斑 never reached by a BEFORE 图斑 were not read yet
    request = QgsFeatureRequest().setSubsetOfAttributes(after_indexes)
    if after_crs is not None:
        request.setDestinationCrs(after_crs, transform_context)
    for feature in after_source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
        fid = feature.id()
        cover = after_cover.get(fid, "missing")
        if cover is None:
            continue
        if cover == "missing":
            geometry = policy.apply(feature.geometry(), after_label, fid)
            if geometry is None:
                continue
            attributes = [feature.attribute(i) for i in after_indexes]
            if after_keys.first(geometry, attributes, fid) not in (None, fid):
                policy.duplicates.setdefault(after_label, set()).add(fid)
                continue
            planar = geometry.area()
            yield CoverageLeftover("after", fid, attributes, planar, planar)
            continue
        attributes, planar, covered = cover
        if covered > planar * (1 + 1e-9) + 1e-6:
            stats["overlaps_before"] += 1
        if planar - covered > max(1e-6 * planar, 1e-6):
            yield CoverageLeftover("after", fid, attributes, planar, planar - covered)


class ZoneSplitter:
    """Splits pieces by zone polygons (prepared engines + spatial index)."""

    def __init__(self, zones):
        from qgis.core import QgsSpatialIndex

        self.zones = []
        self.index = QgsSpatialIndex()
        for n, (key, geometry) in enumerate(zones):
            region = PreparedRegion(geometry)
            self.zones.append((key, region))
            self.index.addFeature(n, geometry.boundingBox())

    def split(self, geometry, planar=None):
        """[(zone key or None, geometry, planar area)] covering ``geometry``."""
        if not self.zones:
            return [(None, geometry, geometry.area() if planar is None else planar)]
        parts = []
        covered = 0.0
        for n in self.index.intersects(geometry.boundingBox()):
            key, region = self.zones[n]
            piece = region.cut(geometry)
            if piece is None:
                continue
            area = geometry.area() if piece is geometry else piece.area()
            if piece is geometry:
                return [(key, geometry, area)]
            parts.append((key, piece, area))
            covered += area
        total = geometry.area() if planar is None else planar
        if total - covered > max(1e-9 * total, 1e-6):
            rest = geometry
            for _key, piece, _area in parts:
                rest = polygonal(rest.difference(piece)) if rest is not None else None
            if rest is not None and not rest.isEmpty():
                parts.append((None, rest, rest.area()))
        return parts


class MaskSplitter:
    """Splits pieces into inside (1) / outside (0) a mask layer's polygons."""

    def __init__(self, geometries):
        from qgis.core import QgsSpatialIndex

        self.geometries = list(geometries)
        self.index = QgsSpatialIndex()
        for n, geometry in enumerate(self.geometries):
            self.index.addFeature(n, geometry.boundingBox())
        self.engines = {}

    def _engine(self, n):
        if n not in self.engines:
            self.engines[n] = PreparedRegion(self.geometries[n])
        return self.engines[n]

    def split(self, geometry):
        candidates = []
        for n in self.index.intersects(geometry.boundingBox()):
            region = self._engine(n)
            if not region.engine.intersects(geometry.constGet()):
                continue
            if region.engine.contains(geometry.constGet()):
                return [(1, geometry)]
            candidates.append(self.geometries[n])
        if not candidates:
            return [(0, geometry)]
        mask = dissolve(candidates)
        inside = polygonal(geometry.intersection(mask))
        outside = polygonal(geometry.difference(mask))
        parts = []
        if inside is not None and not inside.isEmpty() and inside.area() > 0:
            parts.append((1, inside))
        if outside is not None and not outside.isEmpty() and outside.area() > 0:
            parts.append((0, outside))
        return parts
