"""The vectorised cut: ``overlay.cut_regions`` in bulk, on shapely ≥ 2.

``overlay.cut_regions`` calls PyQGIS once or more per 图斑; at county
scale that per-feature Python is most of farmlandoccupation's time, and a
second thread cannot share it (the GIL).  This engine gives the same
pieces with the per-图斑 work done in bulk:

* the candidates come from the GeoPackage's R-tree (one SQL scan) and are
  read in chunks of projects with GDAL's Arrow stream, only the fields the
  rules need;
* validity, the tests against each project's parts (contains: the 图斑 is
  taken whole; intersects: it is cut), the intersections and the planar
  areas run in shapely's vectorised GEOS calls, which release the GIL, on
  worker threads (one per core, at most two), while the calling thread
  turns the finished chunks' pieces into records and writes them;
* the pieces of a chunk come as one ``PieceTable`` (columns, no object per
  piece), which the rules read on arrays (``occupation.PieceRules.records``);
* the rest is ``overlay``'s own code, so the rules cannot drift: the parts
  inside and outside the basic farmland (``region_parts``, on the features
  each project's own request would give, read once per chunk), the
  invalid-geometry policy (``GeometryPolicy.apply``, called only for the
  few 图斑 GEOS finds invalid) and overlaps counted once
  (``count_overlaps_once``, on the pieces of a chunk where planar areas
  show an overlap).

It is used when QGIS's Python has shapely ≥ 2 built on QGIS's own GEOS
(``same_geos``: the OSGeo4W and distribution packages are; on Debian 12
``pip install --no-binary shapely shapely`` with libgeos-dev builds it,
beside Debian's numpy) and the 三调 layer is a whole GeoPackage table with
a spatial index (``geopackage_table``); otherwise ``overlay.cut_regions``
runs.  ``LANDPLAN_VECTORISED=0`` turns it off.

What is the same as ``overlay.cut_regions`` (tested on the same files):
the pieces, their order (project, then inside/outside the basic farmland,
then 图斑 by fid), parents, attributes and in_mask; exact copies counted
once (the lowest fid kept); overlaps counted once; empty, invalid and
non-finite geometries handled and counted by the same policy.  What may
differ: planar areas are GEOS's (shapely) where ``overlay`` uses QGIS's
own (on the 250,000-图斑 bench county both engines write the same bytes,
pieces and summary; elsewhere the figures agree to far below the 0.01 m²
the outputs are rounded to); an invalid 图斑 in two projects' boxes
is counted once here (``overlay`` counts it per box); with "abort" the
error names the first invalid 图斑 of the first chunk that has one.
"""

import os
import sqlite3
import threading
import urllib.parse
from collections import deque
from contextlib import closing
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from qgis.core import QgsGeometry, QgsRectangle

from .areamath import OVERLAP_TOLERANCE_M2
from .overlay import Piece, count_overlaps_once, read_mask, region_parts
from .piecetable import PieceTable

try:
    import shapely

    if int(shapely.__version__.split(".")[0]) < 2:
        shapely = None
    else:
        from .polygonparts import POLYGON, polygonal
except ImportError:  # QGIS's Python without shapely: overlay.cut_regions runs
    shapely = None

# the workers share the run's GeometryPolicy (counts of skipped and repaired 图斑)
_POLICY_LOCK = threading.Lock()
# 图斑 per chunk: enough to amortise the calls; with two workers three chunks
# are in hand at once (1,000,000 图斑: 800 MB peak against 910 MB with 20,000)
CHUNK_CANDIDATES = 10000


def version():
    return shapely.__version__ if shapely is not None else None


def same_geos():
    """True when shapely was built on the GEOS QGIS runs (major.minor).
    A wheel that bundles another GEOS must not run here: in qgis_process
    and QGIS on Linux, QGIS's GEOS is loaded first and shadows most of the
    wheel's GEOS C functions, so the wheel would mix two GEOS versions
    (seen: shapely 2.1.2's wheel, GEOS 3.13, under QGIS's 3.11 fails to
    write WKB)."""
    from qgis.core import Qgis

    return shapely is not None and tuple(shapely.geos_version[:2]) == (Qgis.geosVersionMajor(), Qgis.geosVersionMinor())


def worker_threads():
    """Worker threads cutting chunks: one per core, at most two.  The
    calling thread waits for GEOS part of the time (the per-图斑 engine's
    ``batchcut`` leaves it a core of its own), so on 2 cores two workers
    were measured faster: 250,000 图斑, 6.1 s against 6.85 s with one."""
    from qgis.PyQt.QtCore import QThread

    return max(0, min(2, QThread.idealThreadCount()))


def available():
    """True when the vectorised engine can run in this Python."""
    return shapely is not None and os.environ.get("LANDPLAN_VECTORISED", "1") != "0" and same_geos()


@dataclass
class GeoPackageSurvey:
    """A GeoPackage table the engine reads directly: ``fields`` in the order
    of the piece attributes."""

    path: str
    table: str
    fid_column: str
    geometry_column: str
    rtree: str
    fields: list
    has_z: bool = False

    @classmethod
    def open(cls, table, fields):
        """The survey for ``table`` ((path, name) of ``geopackage_table``),
        or None when the engine cannot read it (no spatial index, a curved
        or non-polygon geometry type, a field OGR does not know)."""
        from osgeo import ogr

        if table is None or not available() or not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):  # GDAL ≥ 3.6
            return None
        path, name = table
        dataset = ogr.Open(path)
        layer = dataset.GetLayerByName(name) if dataset is not None else None
        if layer is None:
            return None
        if ogr.GT_Flatten(layer.GetGeomType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            return None
        if ogr.GT_HasM(layer.GetGeomType()):
            return None
        known = {layer.GetLayerDefn().GetFieldDefn(n).GetName() for n in range(layer.GetLayerDefn().GetFieldCount())}
        if not set(fields) <= known:
            return None
        fid_column, geometry_column = layer.GetFIDColumn(), layer.GetGeometryColumn()
        rtree = "rtree_{}_{}".format(name, geometry_column)
        with _connect(path) as connection:
            found = connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()
        if not fid_column or not found:
            return None
        return cls(path, name, fid_column, geometry_column, rtree, list(fields), bool(ogr.GT_HasZ(layer.GetGeomType())))


def _connect(path):
    """A read-only SQLite connection, closed when the ``with`` ends."""
    return closing(sqlite3.connect("file:{}?mode=ro".format(urllib.parse.quote(os.path.abspath(path))), uri=True))


def _quoted(name):
    return '"{}"'.format(name.replace('"', '""'))


@dataclass
class _Chunk:
    """Consecutive projects and what the worker needs to cut them."""

    regions: list  # [(key, region QgsGeometry, [(in_mask, part QgsGeometry)])]
    boxes: np.ndarray  # each region's box: xmin, ymin, xmax, ymax
    fids: np.ndarray  # candidate 图斑 (R-tree boxes meeting a project's box)
    pair_regions: np.ndarray  # (region, candidate) pairs the R-tree gave: region number
    pair_fids: np.ndarray  # and fid
    part_wkb: list  # WKB of every part, in order


@dataclass
class _Cut:
    """The worker's result for a chunk: one row per piece, in output order."""

    part: np.ndarray
    fid: np.ndarray
    wkb: list
    planar: np.ndarray
    parent_planar: np.ndarray
    attributes: list  # one list per survey field
    bounds: np.ndarray  # each piece's box: xmin, ymin, xmax, ymax


def cut_tables(
    regions, survey, policy, base_label, mask_source=None, mask_label="", feedback=None, workers=None
):  # fmt: skip
    """Yield (spans, PieceTable) per chunk of consecutive (key, region), in
    order, from the GeoPackage ``survey``: the pieces ``overlay.cut_regions``
    gives, as one table; ``spans``: [(key, region, first row, end row)]."""
    workers = worker_threads() if workers is None else workers
    regions = list(regions)
    candidates = _candidates(survey, [region.boundingBox() for _key, region in regions])
    executor = ThreadPoolExecutor(max_workers=workers) if workers else None
    pending = deque()
    try:
        for start, stop in _chunk_bounds(candidates, CHUNK_CANDIDATES):
            if feedback is not None and feedback.isCanceled():
                return
            chunk = _prepare(regions[start:stop], candidates[start:stop], mask_source, mask_label, policy)
            job = (chunk, survey, policy, base_label)
            pending.append(executor.submit(_cut_chunk, *job) if executor else _Done(_cut_chunk(*job)))
            pending[-1].chunk = chunk
            while len(pending) > workers:
                yield _table(pending.popleft(), policy, base_label)
        while pending:
            if feedback is not None and feedback.isCanceled():
                return
            yield _table(pending.popleft(), policy, base_label)
    finally:
        if executor is not None:
            for future in pending:
                future.cancel()
            executor.shutdown(wait=True)


class _Done:
    """A result computed on the calling thread, shaped like a Future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def _candidates(survey, boxes):
    """For each region box, the fids (sorted) whose R-tree box meets it:
    one indexed SQL query per region.  The R-tree holds float32 boxes
    rounded outwards, so this is a superset; the worker drops the 图斑 whose
    own box meets no region's."""
    query = "SELECT id FROM {} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?".format(_quoted(survey.rtree))
    found = []
    with _connect(survey.path) as connection:
        for box in boxes:
            rows = connection.execute(query, (box.xMinimum(), box.xMaximum(), box.yMinimum(), box.yMaximum()))
            fids = np.array(rows.fetchall(), dtype=np.int64).reshape(-1)
            fids.sort()
            found.append(fids)
    return found


def _chunk_bounds(candidates, size):
    """(start, stop) of consecutive regions with about ``size`` candidates;
    the first chunks are smaller (size/16, /8, /4, /2), so the calling
    thread, which takes longer per 图斑 than the worker, waits only for a
    small first one."""
    start, count, limit = 0, 0, max(size // 16, 1)
    for n, fids in enumerate(candidates):
        count += len(fids)
        if count >= limit:
            yield start, n + 1
            start, count, limit = n + 1, 0, min(limit * 2, size)
    if start < len(candidates):
        yield start, len(candidates)


def _prepare(regions, candidates, mask_source, mask_label, policy):
    """A chunk's regions split by the mask (``overlay.region_parts``, on this
    thread: it reads the mask through its feature source)."""
    prepared, part_wkb = [], []
    boxes = [region.boundingBox() for _key, region in regions]
    masks = _masks(mask_source, boxes)
    for (key, region), mask in zip(regions, masks):
        parts = region_parts(region, mask, policy, mask_label)
        prepared.append((key, region, parts))
        part_wkb.extend(bytes(part.asWkb()) for _in_mask, part in parts)
    pair_fids = np.concatenate(candidates) if len(candidates) else np.zeros(0, dtype=np.int64)
    pair_regions = np.repeat(np.arange(len(candidates)), [len(fids) for fids in candidates])
    boxes = np.array([_bounds(box) for box in boxes]).reshape(-1, 4)
    return _Chunk(prepared, boxes, np.unique(pair_fids), pair_regions, pair_fids, part_wkb)


def _masks(mask_source, boxes):
    """``read_mask`` of each box, from one request for the chunk's extent
    (one provider query instead of one per project): each box gets the
    features whose geometry meets it, in the provider's order, as the
    provider's rectangle filter gives them."""
    if mask_source is None or not boxes:
        return [None] * len(boxes)
    extent = QgsRectangle(boxes[0])
    for box in boxes[1:]:
        extent.combineExtentWith(box)
    features = read_mask(mask_source, extent)
    shapes = [feature.geometry() for feature in features]
    own = np.array([_bounds(shape.boundingBox()) if not shape.isEmpty() else [np.nan] * 4 for shape in shapes])
    own = own.reshape(-1, 4)
    found = []
    for box in boxes:
        bounds = np.array(_bounds(box))
        meets = _meet(own, bounds)
        with np.errstate(invalid="ignore"):
            inside = (own[:, :2] >= bounds[:2]).all(axis=1) & (own[:, 2:] <= bounds[2:]).all(axis=1)
        # a box that is not inside the project's box: its geometry must meet it (as the filter tests)
        found.append([features[n] for n in np.flatnonzero(meets).tolist() if inside[n] or shapes[n].intersects(box)])
    return found


def _bounds(rectangle):
    return [rectangle.xMinimum(), rectangle.yMinimum(), rectangle.xMaximum(), rectangle.yMaximum()]


def _meet(boxes, others):
    """Whether each box (xmin, ymin, xmax, ymax rows) meets its other box,
    edges included; NaN (no box) meets nothing."""
    with np.errstate(invalid="ignore"):
        return (boxes[:, :2] <= others[..., 2:]).all(axis=-1) & (boxes[:, 2:] >= others[..., :2]).all(axis=-1)


# ---- the worker's part: bulk GEOS, no PyQGIS call but for the policy ----------------------


def _cut_chunk(chunk, survey, policy, base_label):
    """The pieces of a chunk's 图斑 by its parts, in output order."""
    fids, wkbs, columns = _read(survey, chunk.fids)
    geometries = shapely.from_wkb(wkbs, on_invalid="ignore")
    if len(fids):
        near = _near(chunk, fids, geometries)
        fids, wkbs, geometries = fids[near], wkbs[near], geometries[near]
        columns = [column[near] for column in columns]
    usable = _apply_policy(geometries, wkbs, fids, policy, base_label)
    parts = shapely.from_wkb(np.array(chunk.part_wkb, dtype=object)) if chunk.part_wkb else np.zeros(0, object)
    shapely.prepare(parts)
    rows = np.flatnonzero(usable)
    if not len(rows) or not len(parts):
        return _empty_cut(len(columns))
    # the tree holds the 图斑 and the (prepared) parts ask it: GEOS prepares
    # the querying geometry, so a few parts are prepared, not every 图斑
    part, found = shapely.STRtree(geometries[rows]).query(parts, predicate="intersects")
    source = rows[found]
    whole = shapely.contains(parts[part], geometries[source])
    parent_planar = shapely.area(geometries[source])
    planar = parent_planar.copy()
    bounds = shapely.bounds(geometries[source])
    pieces = wkbs[source].copy()
    # the pieces layer is MultiPolygon: a whole Polygon 图斑 is wrapped
    single = np.flatnonzero(whole & (shapely.get_type_id(geometries[source]) == POLYGON))
    if len(single):
        pieces[single] = _wrapped(pieces[single], geometries[source[single]])
    cut = np.flatnonzero(~whole)
    if len(cut):
        # region first, as overlay's prepared engine does: the same vertex order
        clipped = polygonal(shapely.intersection(parts[part[cut]], geometries[source[cut]]))
        present = ~shapely.is_missing(clipped)
        areas = np.zeros(len(cut))
        areas[present] = shapely.area(clipped[present])
        planar[cut] = areas
        bounds[cut[present]] = shapely.bounds(clipped[present])
        pieces[cut[present]] = _multi_wkb(clipped[present])
        pieces[cut[~present]] = None
    kept = np.flatnonzero(whole | (planar > 0))
    source, part, pieces, planar, parent_planar, bounds = _take(
        kept, source, part, pieces, planar, parent_planar, bounds
    )
    copies = _later_copies(source, geometries, wkbs, columns, fids)
    if copies.any():
        policy.duplicates.setdefault(base_label, set()).update(int(f) for f in np.unique(fids[source[copies]]))
        kept = np.flatnonzero(~copies)
        source, part, pieces, planar, parent_planar, bounds = _take(
            kept, source, part, pieces, planar, parent_planar, bounds
        )
    order = np.lexsort((fids[source], part))
    source, part, pieces, planar, parent_planar, bounds = _take(
        order, source, part, pieces, planar, parent_planar, bounds
    )
    attributes = [column[source].tolist() for column in columns]
    return _Cut(part, fids[source], pieces.tolist(), planar, parent_planar, attributes, bounds)


def _multi_wkb(geometries):
    """ISO WKB (QGIS reads ISO Z types, not the extended ones) of polygons
    and multipolygons, each polygon as a one-part MultiPolygon."""
    wkbs = shapely.to_wkb(geometries, flavor="iso")
    single = np.flatnonzero(shapely.get_type_id(geometries) == POLYGON)
    if len(single):
        wkbs[single] = _wrapped(wkbs[single], geometries[single])
    return wkbs


# little-endian ISO Polygon headers → the header of a one-part MultiPolygon holding it
_MULTI = {
    b"\x01\x03\x00\x00\x00": b"\x01\x06\x00\x00\x00\x01\x00\x00\x00",
    b"\x01\xeb\x03\x00\x00": b"\x01\xee\x03\x00\x00\x01\x00\x00\x00",
}


def _wrapped(wkbs, geometries):
    """Polygon WKB as one-part MultiPolygon WKB: by its header where it is
    little-endian ISO (GeoPackages as GDAL writes them: one Python step a
    piece, cheaper than GEOS writing the WKB again), else by GEOS."""
    wrapped = [_MULTI[wkb[:5]] + wkb if wkb[:5] in _MULTI else None for wkb in wkbs.tolist()]
    result = np.empty(len(wrapped), dtype=object)
    result[:] = wrapped
    other = np.flatnonzero(shapely.is_missing(result))  # None: not a header we know
    if len(other):
        multi = shapely.multipolygons(geometries[other], indices=np.arange(len(other)))
        result[other] = shapely.to_wkb(multi, flavor="iso")
    return result


def _take(rows, *arrays):
    return tuple(array[rows] for array in arrays)


def _empty_cut(width):
    nothing = np.zeros(0, dtype=np.int64)
    return _Cut(nothing, nothing, [], np.zeros(0), np.zeros(0), [[] for _n in range(width)], np.zeros((0, 4)))


def _near(chunk, fids, geometries):
    """Rows of the 图斑 (``fids``, sorted) whose own box meets the box of a
    region that found them in the R-tree (its boxes are rounded outwards),
    and those without a box (empty, unreadable, not finite), for the
    policy to judge."""
    bounds = shapely.bounds(geometries)
    missing = ~np.isfinite(bounds).all(axis=1)
    rows = np.searchsorted(fids, chunk.pair_fids)
    found = rows < len(fids)
    found[found] = fids[rows[found]] == chunk.pair_fids[found]
    meets = _meet(bounds[rows[found]], chunk.boxes[chunk.pair_regions[found]])
    return np.union1d(rows[found][meets], np.flatnonzero(missing))


def _read(survey, fids):
    """(fids, WKB, [columns of survey.fields]) of the 图斑 ``fids``, by fid."""
    from osgeo import ogr

    dataset = ogr.Open(survey.path)
    layer = dataset.GetLayerByName(survey.table)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(n).GetName() for n in range(definition.GetFieldCount())]
    layer.SetIgnoredFields([name for name in names if name not in survey.fields])
    found = {"fid": [], "wkb": [], **{name: [] for name in survey.fields}}
    for start in range(0, len(fids), 2000):
        wanted = ",".join(str(int(f)) for f in fids[start : start + 2000])
        layer.SetAttributeFilter("{} IN ({})".format(_quoted(survey.fid_column), wanted))
        for batch in layer.GetArrowStreamAsNumPy():
            found["fid"].append(np.asarray(batch[survey.fid_column], dtype=np.int64))
            found["wkb"].append(_bytes(batch[survey.geometry_column]))
            for name in survey.fields:
                found[name].append(_python_values(batch[name]))
    layer, dataset = None, None
    if not found["fid"]:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object), [np.zeros(0, object) for _f in survey.fields]
    joined = {key: np.concatenate(parts) for key, parts in found.items()}
    order = np.argsort(joined["fid"], kind="stable")
    return joined["fid"][order], joined["wkb"][order], [joined[name][order] for name in survey.fields]


def _bytes(values):
    """Geometry blobs as an object array of bytes (None for NULL)."""
    result = np.empty(len(values), dtype=object)
    mask = np.ma.getmaskarray(values)
    data = np.ma.getdata(values)
    if data.dtype.kind == "V" and not mask.any():
        result[:] = list(map(bytes, data))  # the usual case, in one C loop
        return result
    for n in range(len(values)):
        result[n] = None if mask[n] or data[n] is None else bytes(data[n])
    return result


def _python_values(values):
    """A column as an object array of Python values as QGIS gives them:
    text decoded, NULL as None."""
    mask = np.ma.getmaskarray(values)
    data = np.ma.getdata(values)
    if data.dtype.kind == "S":
        data = np.char.decode(data, "utf-8")
    result = np.empty(len(values), dtype=object)
    result[:] = data.tolist()
    result[mask] = None
    return result


def _apply_policy(geometries, wkbs, fids, policy, base_label):
    """Usable rows; the 图斑 GEOS finds empty, non-finite or invalid go
    through ``GeometryPolicy.apply`` (the same rule and counts as
    ``overlay``), which may raise, skip or repair them."""
    present = ~shapely.is_missing(geometries)
    suspect = ~present
    if present.any():
        rows = np.flatnonzero(present)
        finite = np.isfinite(shapely.bounds(geometries[rows])).all(axis=1)
        valid = shapely.is_valid(geometries[rows]) & ~shapely.is_empty(geometries[rows])
        suspect[rows[~(finite & valid)]] = True
    usable = ~suspect
    for n in np.flatnonzero(suspect):
        geometry = QgsGeometry()
        if wkbs[n] is not None:
            geometry.fromWkb(wkbs[n])
        with _POLICY_LOCK:  # its counts are read, added to and written back
            fixed = policy.apply(geometry, base_label, int(fids[n]))
        if fixed is None:
            continue
        wkbs[n] = bytes(fixed.asWkb())
        geometries[n] = shapely.from_wkb(wkbs[n])
        usable[n] = True
    return usable


def _later_copies(source, geometries, wkbs, columns, fids):
    """True for the pieces of a 图斑 that is an exact copy (same WKB, same
    attributes) of one with a lower fid among the chunk's pieces: copies
    count once, as in ``overlay.DuplicateFilter``.  Only 图斑 sharing area
    and box are compared byte for byte (rare)."""
    copies = np.zeros(len(source), dtype=bool)
    parents = np.unique(source)
    if len(parents) < 2:
        return copies
    keys = np.column_stack([shapely.area(geometries[parents]), shapely.bounds(geometries[parents])])
    _unique, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    later = set()
    for group in np.flatnonzero(counts > 1):
        members = parents[inverse.ravel() == group]
        seen = {}
        for n in sorted(members, key=lambda m: fids[m]):
            key = (wkbs[n], tuple(column[n] for column in columns))
            if key in seen:
                later.add(n)
            else:
                seen[key] = n
    if later:
        copies = np.isin(source, np.fromiter(later, dtype=np.int64))
    return copies


# ---- the calling thread's part: pieces for the rules ---------------------------------------


def _table(future, policy, base_label):
    """(spans, PieceTable) of a finished chunk, overlaps counted once."""
    cut, chunk = future.result(), future.chunk
    starts = np.searchsorted(cut.part, np.arange(len(chunk.part_wkb) + 1)).tolist()
    parts = [(key, in_mask, part) for key, _region, split in chunk.regions for in_mask, part in split]
    planar = cut.planar.tolist()
    overlapping = any(
        sum(planar[starts[n] : starts[n + 1]]) > part.area() + OVERLAP_TOLERANCE_M2
        for n, (_key, _in_mask, part) in enumerate(parts)
    )
    if overlapping:  # rare: the chunk's pieces as objects, through overlay's rule
        return _overlapping_table(cut, chunk, parts, starts, policy, base_label)
    keys, in_mask = [], []
    for n, (key, inside, _part) in enumerate(parts):
        keys.extend([key] * (starts[n + 1] - starts[n]))
        in_mask.extend([inside] * (starts[n + 1] - starts[n]))
    table = PieceTable(
        keys, cut.fid, cut.attributes, cut.parent_planar, cut.planar, in_mask, cut.wkb, _geometry, cut.bounds
    )
    spans, number = [], 0
    for key, region, split in chunk.regions:
        spans.append((key, region, starts[number], starts[number + len(split)]))
        number += len(split)
    return spans, table


def _overlapping_table(cut, chunk, parts, starts, policy, base_label):
    """``_table`` for a chunk with overlapping 图斑: its pieces as
    ``overlay.Piece`` objects, each part's through ``count_overlaps_once``."""
    pieces, spans, number = [], [], 0
    for key, region, split in chunk.regions:
        first = len(pieces)
        for _part in split:
            _key, in_mask, part = parts[number]
            found = [
                Piece(
                    key,
                    _geometry(cut.wkb[n]),
                    int(cut.fid[n]),
                    [column[n] for column in cut.attributes],
                    float(cut.parent_planar[n]),
                    float(cut.planar[n]),
                    in_mask,
                )
                for n in range(starts[number], starts[number + 1])
            ]
            pieces.extend(count_overlaps_once(found, part.area(), policy, base_label))
            number += 1
        spans.append((key, region, first, len(pieces)))
    return spans, PieceTable.of_pieces(pieces, len(cut.attributes))


def _geometry(wkb):
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry
