"""GeoParquet in and out, streamed.

``convert`` reads a vector layer with pyogrio's Arrow stream in chunks and
writes one GeoParquet file (one row group per chunk): the layer's fields
unchanged, ``fid``, the WKB ``geometry``, its bounding box (``xmin`` …
``ymax``, for Parquet filter push-down) and ``tile``, the cell of a regular
grid in the layer's CRS (origin 0, 0; ``cell`` metres) that holds the centre
of the bounding box.  Memory stays at one chunk whatever the layer's size.

Output paths may be local or any URI pyarrow's file systems take
(``s3://``, ``hdfs://``); Spark then reads them with its own readers.
"""

import json
import os

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import shapely

GEOMETRY = "geometry"
TILE = "tile"
BBOX = ("xmin", "ymin", "xmax", "ymax")
DEFAULT_CELL_M = 2000.0
DEFAULT_CHUNK = 65536
VECTOR_SUFFIXES = (".gpkg", ".shp", ".gdb", ".geojson", ".json", ".fgb", ".sqlite")


class InputError(ValueError):
    """A path, layer or field the user named cannot be used."""


def tile_keys(xmin, ymin, xmax, ymax, cell):
    """int64 tile key of each bounding box's centre (reference-point rule)."""
    cx = np.floor((np.asarray(xmin) + np.asarray(xmax)) / 2.0 / cell).astype(np.int64)
    cy = np.floor((np.asarray(ymin) + np.asarray(ymax)) / 2.0 / cell).astype(np.int64)
    return cx * np.int64(1 << 32) + (cy & np.int64(0xFFFFFFFF))


def is_vector_file(path):
    """True for a GDAL vector source (not a GeoParquet file or folder)."""
    text = str(path).rstrip("/")
    return text.lower().endswith(VECTOR_SUFFIXES)


def _filesystem(path):
    from pyarrow import fs

    if "://" in str(path):
        return fs.FileSystem.from_uri(str(path))
    return fs.LocalFileSystem(), os.path.abspath(str(path))


def geo_metadata(crs_json, geometry_types=()):
    return {
        "version": "1.0.0",
        "primary_column": GEOMETRY,
        "columns": {GEOMETRY: {"encoding": "WKB", "geometry_types": list(geometry_types), "crs": crs_json}},
    }


def _crs_json(crs_text):
    if not crs_text:
        return None
    from pyproj import CRS

    return CRS.from_user_input(crs_text).to_json_dict()


def convert(source, output, layer=None, cell=DEFAULT_CELL_M, chunk=DEFAULT_CHUNK, progress=None):
    """Write ``source`` (``layer``) as GeoParquet to ``output``; return the row count."""
    from pyogrio.raw import open_arrow

    if cell is None or not cell > 0:
        raise InputError("the tile cell size must be a positive number of metres, not {!r}".format(cell))
    try:
        stream = open_arrow(str(source), layer=layer, batch_size=chunk, return_fids=True, use_pyarrow=True)
    except Exception as error:  # pyogrio raises DataSourceError / DataLayerError
        raise InputError("cannot read {} (layer {}): {}".format(source, layer or "first", error)) from error
    rows = 0
    writer = None
    filesystem, path = _filesystem(output)
    with stream as (meta, reader):
        geometry_name = meta.get("geometry_name") or "wkb_geometry"
        crs_json = _crs_json(meta.get("crs"))
        try:
            for batch in reader:
                table = pa.Table.from_batches([batch])
                table = _prepare(table, geometry_name, meta.get("fid_column") or "OGC_FID", cell)
                if writer is None:
                    schema = table.schema.with_metadata(
                        {b"geo": json.dumps(geo_metadata(crs_json, _types(meta))).encode("utf-8")}
                    )
                    parent = os.path.dirname(path)
                    if parent and "://" not in str(output):
                        os.makedirs(parent, exist_ok=True)
                    writer = pq.ParquetWriter(path, schema, filesystem=filesystem, compression="zstd")
                writer.write_table(table.cast(writer.schema))
                rows += table.num_rows
                if progress is not None:
                    progress(rows)
        finally:
            if writer is not None:
                writer.close()
    if writer is None:
        raise InputError("{} (layer {}) has no features".format(source, layer or "first"))
    return rows


def _types(meta):
    kind = (meta.get("geometry_type") or "").replace(" ", "")
    return [kind] if kind and kind.lower() not in ("unknown", "geometry") else []


def _prepare(table, geometry_name, fid_name, cell):
    names = table.column_names
    fids = table.column(fid_name) if fid_name in names else pa.array(np.arange(table.num_rows))
    geometry = table.column(geometry_name)
    wkb = np.asarray(geometry.to_pylist(), dtype=object)
    geoms = shapely.from_wkb(wkb, on_invalid="ignore")
    bounds = shapely.bounds(geoms)
    keep = [n for n in names if n not in (fid_name, geometry_name)]
    columns = {"fid": pa.array(np.asarray(fids, dtype=np.int64))}
    for name in keep:
        columns[name] = table.column(name)
    columns[GEOMETRY] = pa.array(wkb.tolist(), type=pa.binary())
    for n, name in enumerate(BBOX):
        columns[name] = pa.array(bounds[:, n], type=pa.float64())
    columns[TILE] = pa.array(tile_keys(bounds[:, 0], bounds[:, 1], bounds[:, 2], bounds[:, 3], cell))
    return pa.table(columns)


def read_crs(path):
    """The CRS (pyproj) of a GeoParquet file or folder written by convert or a job."""
    from pyproj import CRS

    dataset = pq.ParquetDataset(str(path)) if "://" not in str(path) else None
    schema = dataset.schema if dataset is not None else pq.read_schema(str(path))
    meta = (schema.metadata or {}).get(b"geo")
    if not meta:
        return None
    crs = json.loads(meta)["columns"][GEOMETRY].get("crs")
    return CRS.from_json_dict(crs) if crs else None


def write_table(table, path, crs_json):
    """One GeoParquet file from an Arrow table with a WKB ``geometry`` column."""
    filesystem, target = _filesystem(path)
    geo = json.dumps(geo_metadata(crs_json)).encode("utf-8")
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"geo": geo})
    pq.write_table(table, target, filesystem=filesystem, compression="zstd")
