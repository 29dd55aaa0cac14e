"""The per-partition geometry step: shapely 2 (vectorised GEOS).

Everything geometric the Spark jobs do happens here, behind
``cut_tile`` (and ``EllipsoidalAreas``), so a spatial engine such as Apache
Sedona can replace this module without touching the rules.  The semantics
mirror the plugin's overlay engine (``landplan_plugin.core.overlay``):

* invalid geometries follow the policy: ``abort`` (error naming the feature),
  ``skip`` (counted) or ``repair`` (``make_valid``, polygon parts kept);
  empty geometries are left out and counted; non-finite coordinates abort;
* exact copies (same WKB and attributes) count once: the lowest fid is kept
  (copies share their bounding box, so they always meet in one tile);
* a 图斑 a region part contains is taken whole (piece planar = parent
  planar exactly); otherwise the intersection's polygon parts are the piece;
  pieces without area are dropped (neighbours that only touch).

Findings come back as rows with a ``note`` (``repaired``, ``skipped``,
``duplicate``, ``empty``) and no piece, so the job reports them like the
plugin does, deterministically and without accumulators.
"""

import warnings

import numpy as np
import pandas as pd
import shapely
from shapely import STRtree

from landplan_plugin.core.areamath import DENSIFY_M, datumless, match_ellipsoid, wkb_area_lonlat
from landplan_plugin.core.polygonparts import polygonal

POLICIES = ("abort", "skip", "repair")


class GeometryError(ValueError):
    """A feature the policy refuses (invalid under 'abort', NaN coordinates)."""


def usable(geometries, fids, policy, label):
    """(geometries, notes): geometries made usable by the policy (None where
    a feature is left out) and [(fid, note)] for what was done."""
    geometries = np.asarray(geometries, dtype=object)
    notes = []
    missing = np.array([g is None for g in geometries], dtype=bool)
    missing[~missing] = shapely.is_empty(geometries[~missing])
    for fid in fids[missing]:
        notes.append((int(fid), "empty"))
    result = geometries.copy()
    result[missing] = None
    present = np.flatnonzero(~missing)
    if not len(present):
        return result, notes
    bounds = shapely.bounds(result[present])
    finite = np.isfinite(bounds).all(axis=1)
    if not finite.all():
        fid = int(fids[present[np.flatnonzero(~finite)[0]]])
        raise GeometryError(
            "Feature {} of “{}” has coordinates that are not numbers (NaN or infinite). Check the layer's CRS.".format(
                fid, label
            )
        )
    valid = shapely.is_valid(result[present])
    bad = present[~valid]
    if len(bad):
        if policy == "abort":
            raise GeometryError(
                "Feature {} of “{}” has an invalid geometry. Repair it (Fix geometries), pass --repair-invalid, or "
                "--skip-invalid.".format(int(fids[bad[0]]), label)
            )
        if policy == "skip":
            result[bad] = None
            notes.extend((int(f), "skipped") for f in fids[bad])
        else:
            result[bad] = polygonal(shapely.make_valid(result[bad]))
            notes.extend((int(f), "repaired") for f in fids[bad])
    return result, notes


class RegionSet:
    """Region parts (a project's part inside / outside the mask), prepared
    and indexed.  ``part_keys[n]`` names the region, ``in_mask[n]`` is 1
    inside the mask, 0 outside (or without a mask)."""

    def __init__(self, part_keys, in_mask, wkbs):
        self.part_keys = list(part_keys)
        self.in_mask = np.asarray(in_mask, dtype=np.int8)
        self.geometries = shapely.from_wkb(np.asarray(wkbs, dtype=object))
        shapely.prepare(self.geometries)
        self.tree = STRtree(self.geometries)


_REGION_CACHE = {}


def cached_regions(token, build):
    """One RegionSet per Python worker and broadcast (tiles reuse it)."""
    regions = _REGION_CACHE.get(token)
    if regions is None:
        _REGION_CACHE.clear()
        regions = _REGION_CACHE[token] = build()
    return regions


def dedupe(frame, attribute_columns):
    """Boolean mask of rows to keep: exact copies (same WKB, same attributes)
    keep their lowest fid."""
    if len(frame) < 2:
        return np.ones(len(frame), dtype=bool)
    key = pd.DataFrame({"_wkb": frame["geometry"].values})
    for name in attribute_columns:
        key[name] = frame[name].astype(str).values
    order = np.argsort(frame["fid"].values, kind="stable")
    repeated = key.iloc[order].duplicated().values
    keep = np.ones(len(frame), dtype=bool)
    keep[order[repeated]] = False
    return keep


def cut_tile(frame, regions, attribute_columns, policy, label):
    """Pieces of one tile's 图斑 (``frame``: fid, geometry WKB, attributes)
    by the region parts.  Returns a DataFrame: part, parent_fid,
    parent_planar, planar, geometry (WKB), the attribute columns, note."""
    fids = frame["fid"].values.astype(np.int64)
    raw = shapely.from_wkb(frame["geometry"].values, on_invalid="ignore")
    geometries, notes = usable(raw, fids, policy, label)
    keep = np.array([g is not None for g in geometries], dtype=bool)
    unique = dedupe(frame, attribute_columns)
    for fid in fids[keep & ~unique]:
        notes.append((int(fid), "duplicate"))
    keep &= unique
    rows = np.flatnonzero(keep)
    source, part = regions.tree.query(geometries[rows], predicate="intersects")
    source = rows[source]
    whole = shapely.contains(regions.geometries[part], geometries[source])
    pieces = np.empty(len(source), dtype=object)
    pieces[whole] = geometries[source[whole]]
    cut = ~whole
    if cut.any():
        pieces[cut] = polygonal(shapely.intersection(geometries[source[cut]], regions.geometries[part[cut]]))
    present = np.array([p is not None for p in pieces], dtype=bool)
    planar = np.zeros(len(pieces))
    planar[present] = shapely.area(pieces[present])
    parent_planar = shapely.area(geometries[source]) if len(source) else np.zeros(0)
    planar[whole] = parent_planar[whole]
    ok = present & (planar > 0)
    source, part, pieces, planar, parent_planar = source[ok], part[ok], pieces[ok], planar[ok], parent_planar[ok]
    out = pd.DataFrame(
        {
            "part": part.astype(np.int64),
            "parent_fid": fids[source],
            "parent_planar": parent_planar,
            "planar": planar,
            "geometry": shapely.to_wkb(pieces) if len(pieces) else np.array([], dtype=object),
        }
    )
    for name in attribute_columns:
        out[name] = frame[name].values[source]
    out["note"] = None
    if notes:
        extra = pd.DataFrame({"parent_fid": [f for f, _n in notes], "note": [n for _f, n in notes]})
        extra["part"] = -1
        extra["parent_planar"] = 0.0
        extra["planar"] = 0.0
        extra["geometry"] = None
        for name in attribute_columns:
            extra[name] = None
        out = pd.concat([frame for frame in (out, extra[out.columns]) if len(frame)], ignore_index=True)
    return out


def resolve_overlaps(pieces, tolerance):
    """Pieces of one region part whose 图斑 overlap, each overlap counted
    once for the lowest parent fid (core.overlay.count_overlaps_once).
    ``pieces``: DataFrame with parent_fid, geometry (WKB), planar.  Returns
    (pieces, {(kept fid, cut fid): overlap m²})."""
    pieces = pieces.sort_values("parent_fid", kind="stable").reset_index(drop=True)
    kept_geometries, kept_fids, rows, pairs = [], [], [], {}
    for n, row in pieces.iterrows():
        geometry = shapely.from_wkb(row["geometry"])
        for other, other_fid in zip(kept_geometries, kept_fids):
            if not shapely.intersects(geometry, other):
                continue
            overlap = polygonal([shapely.intersection(geometry, other)])[0]
            if overlap is None or overlap.area <= tolerance:
                continue
            pairs[(other_fid, int(row["parent_fid"]))] = pairs.get((other_fid, int(row["parent_fid"])), 0.0) + (
                overlap.area
            )
            geometry = polygonal([shapely.difference(geometry, other)])[0]
            if geometry is None:
                break
        if geometry is None or geometry.is_empty or geometry.area <= 0:
            continue
        if geometry.wkb != row["geometry"]:
            pieces.at[n, "geometry"] = shapely.to_wkb(geometry)
            pieces.at[n, "planar"] = geometry.area
        kept_geometries.append(geometry)
        kept_fids.append(int(row["parent_fid"]))
        rows.append(n)
    return pieces.loc[rows].reset_index(drop=True), pairs


class EllipsoidalAreas:
    """国土 ellipsoidal areas (core.areamath) of shapely geometries in a
    projected CRS: edges densified in the plane to 50 m, vertices
    inverse-projected with pyproj to (B, L) on the CRS's own ellipsoid, the
    datum left alone – what the plugin does with QGIS's transforms."""

    def __init__(self, crs, densify_m=DENSIFY_M):
        from pyproj import CRS, Transformer

        crs = CRS.from_user_input(crs)
        ellipsoid = crs.ellipsoid
        self.ellipsoid = match_ellipsoid(ellipsoid.semi_major_metre, ellipsoid.inverse_flattening)
        if self.ellipsoid is None:
            raise GeometryError(
                "The ellipsoidal (国土) area is defined on CGCS2000, Xian 1980 and Beijing 1954 only, but {} uses "
                "the ellipsoid {}.".format(crs.name, ellipsoid.name)
            )
        self.densify_m = densify_m
        self.transformer = None
        if not crs.is_geographic:
            with warnings.catch_warnings():  # the PROJ string is wanted here: only its projection is kept
                warnings.simplefilter("ignore", UserWarning)
                proj = crs.to_proj4()
            source = CRS.from_proj4(datumless(proj, self.ellipsoid))
            target = CRS.from_proj4(datumless("+proj=longlat", self.ellipsoid))
            self.transformer = Transformer.from_crs(source, target, always_xy=True)

    def areas(self, geometries):
        geometries = np.asarray(geometries, dtype=object)
        if not len(geometries):
            return np.zeros(0)
        if self.transformer is not None:
            if self.densify_m:
                # QGIS's densifyByDistance (the plugin) cuts an edge of length L
                # into floor(L/d) + 1 parts, segmentize into ceil(L/d): they
                # differ on exact multiples (a 50 m edge), so shave d a little
                geometries = shapely.segmentize(geometries, self.densify_m * (1 - 1e-12))
            coordinates = shapely.get_coordinates(geometries)
            lon, lat = self.transformer.transform(coordinates[:, 0], coordinates[:, 1])
            geometries = shapely.set_coordinates(geometries.copy(), np.column_stack([lon, lat]))
        return np.array([wkb_area_lonlat(w, self.ellipsoid) for w in shapely.to_wkb(geometries)], dtype=float)


# ---------------------------------------------------------------------------
# Survey × survey (the change job): core.overlay.overlay_surveys' semantics
# ---------------------------------------------------------------------------


def overlay_surveys_tile(befores, afters):
    """Pieces of one tile's BEFORE 图斑 with the AFTER 图斑 around them.

    ``befores``/``afters``: usable shapely geometries (no None).  An AFTER
    图斑 with the same WKB as a BEFORE 图斑 (unchanged) covers it alone (the
    lowest AFTER index); an AFTER 图斑 the BEFORE one contains is taken whole;
    otherwise the intersection's polygon parts, pieces without area dropped.
    Returns (before index, after index, piece geometries, planar areas)."""
    empty = np.zeros(0, dtype=np.int64)
    if not len(befores) or not len(afters):
        return empty, empty, np.zeros(0, dtype=object), np.zeros(0)
    tree = STRtree(afters)
    source, candidate = tree.query(befores, predicate="intersects")
    order = np.lexsort((candidate, source))
    source, candidate = source[order], candidate[order]
    before_wkb = shapely.to_wkb(befores)
    after_wkb = shapely.to_wkb(afters)
    twin = np.fromiter(
        (before_wkb[s] == after_wkb[c] for s, c in zip(source, candidate)), dtype=bool, count=len(source)
    )
    first_twin = np.zeros(len(source), dtype=bool)
    if twin.any():
        rows = np.flatnonzero(twin)
        _unique, first = np.unique(source[rows], return_index=True)
        first_twin[rows[first]] = True
    has_twin = np.zeros(len(befores), dtype=bool)
    has_twin[source[first_twin]] = True
    keep = first_twin | ~has_twin[source]
    source, candidate, twin = source[keep], candidate[keep], first_twin[keep]
    pieces = np.empty(len(source), dtype=object)
    planar = np.zeros(len(source))
    pieces[twin] = befores[source[twin]]
    rest = np.flatnonzero(~twin)
    if len(rest):
        shapely.prepare(befores)
        inner, outer = befores[source[rest]], afters[candidate[rest]]
        whole = shapely.contains(inner, outer)
        touching = ~whole & shapely.touches(inner, outer)
        pieces[rest[whole]] = outer[whole]
        cut = rest[~whole & ~touching]
        if len(cut):
            pieces[cut] = polygonal(shapely.intersection(befores[source[cut]], afters[candidate[cut]]))
    present = np.array([p is not None for p in pieces], dtype=bool)
    planar[present] = shapely.area(pieces[present])
    ok = present & (planar > 0)
    return source[ok], candidate[ok], pieces[ok], planar[ok]


class ZoneSet:
    """Zone polygons (core.overlay.ZoneSplitter): names, prepared, indexed."""

    def __init__(self, names, wkbs):
        self.names = list(names)
        self.geometries = shapely.from_wkb(np.asarray(wkbs, dtype=object))
        shapely.prepare(self.geometries)
        self.tree = STRtree(self.geometries) if len(self.geometries) else None

    def split(self, geometries, planar):
        """[(piece index, zone name or None, geometry, planar)]: each zone
        cut alone (a zone that contains the piece takes it whole); what no
        zone covers goes to None."""
        if self.tree is None:
            return [(n, None, g, a) for n, (g, a) in enumerate(zip(geometries, planar))]
        source, zone = self.tree.query(geometries, predicate="intersects")
        order = np.lexsort((zone, source))
        source, zone = source[order], zone[order]
        whole = shapely.contains(self.geometries[zone], geometries[source])
        cuts = np.empty(len(source), dtype=object)
        cuts[whole] = geometries[source[whole]]
        if (~whole).any():
            cuts[~whole] = polygonal(shapely.intersection(self.geometries[zone[~whole]], geometries[source[~whole]]))
        areas = np.zeros(len(source))
        present = np.array([c is not None for c in cuts], dtype=bool)
        areas[present] = shapely.area(cuts[present])
        areas[whole] = planar[source[whole]]
        result, parts = [], {}
        for s, z, c, a, w in zip(source, zone, cuts, areas, whole):
            if c is None or a <= 0:
                continue
            parts.setdefault(s, []).append((self.names[z], c, a, w))
        for n in range(len(geometries)):
            found = parts.get(n, [])
            whole_zone = next((f for f in found if f[3]), None)
            if whole_zone is not None:
                result.append((n, whole_zone[0], geometries[n], planar[n]))
                continue
            covered = 0.0
            for name, cut, area, _w in found:
                result.append((n, name, cut, area))
                covered += area
            if planar[n] - covered > max(1e-9 * planar[n], 1e-6):
                rest = geometries[n]
                for _name, cut, _area, _w in found:
                    rest = polygonal([shapely.difference(rest, cut)])[0] if rest is not None else None
                if rest is not None:
                    result.append((n, None, rest, rest.area))
        return result


def split_by_mask(geometry, mask_geometries, tree):
    """core.overlay.MaskSplitter: [(1 inside / 0 outside, geometry)]."""
    if tree is None:
        return [(0, geometry)]
    candidates = tree.query(geometry, predicate="intersects")
    if not len(candidates):
        return [(0, geometry)]
    found = mask_geometries[np.sort(candidates)]
    if shapely.contains(found, geometry).any():
        return [(1, geometry)]
    mask = found[0] if len(found) == 1 else polygonal([shapely.union_all(found)])[0]
    parts = []
    for inside, part in ((1, shapely.intersection(geometry, mask)), (0, shapely.difference(geometry, mask))):
        part = polygonal([part])[0]
        if part is not None and part.area > 0:
            parts.append((inside, part))
    return parts
