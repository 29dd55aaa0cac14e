"""The polygon parts of geometries, in bulk (shapely ≥ 2, no QGIS import).

Shared by the plugin's vectorised engine (core.vectorcut) and the Spark
jobs (landplan_spark.kernel): an intersection of two polygons may give a
collection with lines and points where they only touch; only its polygons
have area, so only they make a piece.
"""

import numpy as np
import shapely

POLYGON, MULTIPOLYGON, COLLECTION = 3, 6, 7


def polygonal(geometries):
    """Only the polygon parts of each geometry (None where there are none)."""
    geometries = np.asarray(geometries, dtype=object)
    result = np.full(len(geometries), None, dtype=object)
    if not len(geometries):
        return result
    types = shapely.get_type_id(geometries)
    plain = (types == POLYGON) | (types == MULTIPOLYGON)
    result[plain] = geometries[plain]
    for n in np.flatnonzero(types == COLLECTION):
        parts = [p for p in shapely.get_parts(geometries[n]) if shapely.get_type_id(p) in (POLYGON, MULTIPOLYGON)]
        parts = [p for p in parts if not p.is_empty]
        if len(parts) == 1:
            result[n] = parts[0]
        elif parts:
            flat = [q for p in parts for q in shapely.get_parts(p)]
            result[n] = shapely.multipolygons(flat)
    result[shapely.is_missing(result) | shapely.is_empty(result)] = None
    return result
