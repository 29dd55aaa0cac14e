"""Outputs as the plugin writes them: the plugin's field names, values
rounded half-up only at output (``core.outputfields``), 公顷/亩 companions
of every ``*_m2`` field of a table; pieces as GeoParquet written by the
tasks (one file per partition, each a valid GeoParquet file)."""

import csv
import datetime
import os

from landplan_plugin.core import outputfields, units


def table_columns(names):
    """The table's fields and their 公顷/亩 companions (plugin order)."""
    companions = outputfields.companions(names)
    return list(names) + [name for name, _source, _unit in companions], {
        name: (source, unit) for name, source, unit in companions
    }


def write_csv(path, names, rows):
    columns, companions = table_columns(names)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            values = []
            for name in columns:
                if name in companions:
                    source, unit = companions[name]
                    value = outputfields.companion_value(row.get(source), unit)
                else:
                    value = row.get(name)
                value = outputfields.output_value(name, value)
                if isinstance(value, (datetime.date, datetime.datetime)):
                    value = value.isoformat()
                values.append("" if value is None else value)
            writer.writerow(values)
    return path


def write_notes(path, notes):
    with open(path, "w", encoding="utf-8") as handle:
        for note in notes:
            handle.write(note + "\n")


def write_pieces(frame, folder, crs_json):
    """Each partition of ``frame`` (WKB ``geometry``) written by its task as
    ``part-NNNNN.parquet`` in ``folder``; returns the number of pieces."""
    import pyarrow as pa

    from . import geoparquet

    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.startswith("part-"):
            os.remove(os.path.join(folder, name))

    def write(batches):
        import pandas as pd
        from pyspark import TaskContext

        frames = list(batches)
        count = sum(len(f) for f in frames)
        if count:
            table = pa.Table.from_pandas(pd.concat(frames, ignore_index=True), preserve_index=False)
            rounded = {}
            for name in table.column_names:
                places = outputfields.decimals(name)
                if places is not None and pa.types.is_floating(table.schema.field(name).type):
                    rounded[name] = pa.array(
                        [
                            units.round_half_up(v, places) if v is not None else None
                            for v in table.column(name).to_pylist()
                        ],
                        type=pa.float64(),
                    )
            for name, values in rounded.items():
                table = table.set_column(table.column_names.index(name), name, values)
            part = TaskContext.get().partitionId()
            geoparquet.write_table(table, os.path.join(folder, "part-{:05d}.parquet".format(part)), crs_json)
        yield pd.DataFrame({"count": [count]})

    return int(sum(row["count"] for row in frame.mapInPandas(write, "count long").collect()))


def write_geopackage(path, pieces_folder, crs, tables):
    """A GeoPackage for QGIS: the pieces (streamed file by file) and the
    tables (``{layer: (names, rows)}``)."""
    import pyarrow.parquet as pq
    from pyogrio.raw import write

    if os.path.exists(path):
        os.remove(path)
    first = True
    for name in sorted(os.listdir(pieces_folder)):
        if not name.endswith(".parquet"):
            continue
        table = pq.read_table(os.path.join(pieces_folder, name))
        columns = [c for c in table.column_names if c != "geometry"]
        write(
            path,
            geometry=table.column("geometry").to_numpy(zero_copy_only=False),
            field_data=[table.column(c).to_numpy(zero_copy_only=False) for c in columns],
            fields=columns,
            layer="pieces",
            driver="GPKG",
            geometry_type="MultiPolygon",
            crs=crs.to_wkt(),
            append=not first,
            promote_to_multi=True,
        )
        first = False
    for layer, (names, rows) in tables.items():
        columns, companions = table_columns(names)
        data = []
        for name in columns:
            source, unit = companions.get(name, (name, None))
            values = [
                outputfields.output_value(
                    name, outputfields.companion_value(r.get(source), unit) if unit else r.get(source)
                )
                for r in rows
            ]
            data.append(_column(values))
        write(path, geometry=None, field_data=data, fields=columns, layer=layer, driver="GPKG", append=True)
    return path


def _column(values):
    import numpy as np

    if all(v is None or isinstance(v, (int, float)) and not isinstance(v, bool) for v in values) and any(
        v is not None for v in values
    ):
        return np.array([np.nan if v is None else float(v) for v in values])
    return np.array(
        [None if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)) for v in values], dtype=object
    )
