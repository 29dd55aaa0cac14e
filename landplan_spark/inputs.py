"""What the jobs read: big layers as GeoParquet for Spark, small ones
(projects, zones) on the driver.

A job accepts either GeoParquet (from ``convert``, or any GeoParquet with
WKB geometry, a ``fid`` and a ``tile`` column) or a vector file, which is
converted on the fly into the job's work folder, so a newcomer can run a
job straight on a GeoPackage.
"""

import os

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import shapely

from . import geoparquet
from .geoparquet import InputError


def as_parquet(path, layer, workdir, name, cell):
    """``path`` itself when it is GeoParquet, else its conversion."""
    if not geoparquet.is_vector_file(path):
        return str(path)
    target = os.path.join(workdir, name + ".parquet")
    geoparquet.convert(path, target, layer=layer, cell=cell)
    return target


def read_frame(path, layer=None):
    """(DataFrame with shapely ``geometry`` and a ``fid`` column, pyproj CRS)
    of a small layer, read on the driver."""
    from pyproj import CRS

    if geoparquet.is_vector_file(path):
        from pyogrio import read_arrow

        try:
            meta, table = read_arrow(str(path), layer=layer, return_fids=True)
        except Exception as error:
            raise InputError("cannot read {} (layer {}): {}".format(path, layer or "first", error)) from error
        frame = table.to_pandas()
        fid_name = meta.get("fid_column") or "OGC_FID"
        geometry_name = meta.get("geometry_name") or "wkb_geometry"
        frame = frame.rename(columns={fid_name: "fid", geometry_name: "geometry"})
        if "fid" not in frame:
            frame["fid"] = np.arange(len(frame))
        crs = CRS.from_user_input(meta["crs"]) if meta.get("crs") else None
    else:
        frame = pq.read_table(str(path)).to_pandas()
        crs = geoparquet.read_crs(path)
    frame["geometry"] = shapely.from_wkb(frame["geometry"].values, on_invalid="ignore")
    return frame, crs


def column(columns, name, label, required=True):
    """The column called ``name`` (any case), or None / an InputError."""
    if not name:
        return None
    found = {c.upper(): c for c in columns}.get(str(name).upper())
    if found is None and required:
        raise InputError(
            "Field “{}” not found in {} (available: {}).".format(
                name, label, ", ".join(c for c in columns if c not in geoparquet.BBOX + ("tile", "geometry"))
            )
        )
    return found


def python_value(value):
    """A pandas/Arrow cell as the plain Python value the core rules expect."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, np.generic):
        return value.item()
    return value


def label(path, layer):
    """How messages name a layer: ``county:DLTB`` as the plugin does."""
    stem = os.path.splitext(os.path.basename(str(path).rstrip("/")))[0]
    return "{}:{}".format(stem, layer) if layer and geoparquet.is_vector_file(path) else stem
