"""Rows appended in bulk to a GeoPackage table that QGIS created empty.

farmlandoccupation writes hundreds of thousands of pieces.  Through a
Processing sink each piece becomes a QgsGeometry, a QgsFeature, an OGR
feature and an SQLite row, with the GIL held for most of it: at 250,000
图斑 that was two thirds of the calling thread's time, while the pieces
already exist as WKB with their boxes (``core.vectorcut``).  So, for a
GeoPackage destination, the sink itself creates the table (QGIS's schema,
CRS, layer name, spatial index and triggers, exactly as for any output)
and is closed empty; ``BulkTable`` then appends the rows with SQLite in
one transaction:

* the geometry blobs are the GeoPackage header (little-endian, XY
  envelope, the table's srs_id: what GDAL writes) followed by the piece's
  WKB, which is the little-endian ISO 2D MultiPolygon QGIS would hand to
  GDAL (anything else is rewritten so by shapely);
* the spatial index (R-tree) and feature count are filled directly: their
  triggers call GDAL's SQL functions, absent from a plain SQLite
  connection, so they are dropped inside the transaction and created again
  before it commits (a rollback restores them too);
* the extent in ``gpkg_contents`` and the feature count are set as GDAL
  sets them when it closes a layer.

The file is the same as the sink's, feature for feature: fids 1…n, the
same attribute values (SQLite stores NaN as NULL, as GDAL does), the same
geometry blobs and the same R-tree boxes (tested against the sink).  It
needs no QGIS: ``open`` checks the table is the one expected (columns,
MultiPolygon without Z/M, empty) and returns None otherwise, and the
caller writes through the sink.
"""

import datetime
import itertools
import os
import sqlite3
import threading
import urllib.parse

import numpy as np

from . import sqlite_rtree

# little-endian ISO 2D MultiPolygon: the WKB QGIS gives GDAL for the pieces layer
MULTIPOLYGON_LE = b"\x01\x06\x00\x00\x00"
# GeoPackage binary header: magic, version 0, flags (little-endian, XY envelope)
_HEADER = b"GP\x00\x03"
_ENVELOPE = np.dtype([("magic", "V4"), ("srs", "<i4"), ("box", "<f8", (4,))])


def _quoted(name):
    return '"{}"'.format(name.replace('"', '""'))


class BulkTable:
    """An open transaction appending rows to ``table`` of ``path``."""

    def __init__(self, connection, table, columns, srs_id, rtree):
        self._connection = connection
        self.table = table
        self._srs_id = srs_id
        self._rtree = rtree
        self._count = 0
        names = ", ".join(_quoted(c) for c in columns)
        self._insert = "INSERT INTO {} ({}) VALUES ".format(_quoted(table), names)
        self._width = len(columns)
        self._boxes = []  # each add's boxes: the extent and the R-tree, as the rows commit
        connection.execute("BEGIN IMMEDIATE")
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
        ).fetchall()
        self._triggers = [sql for _name, sql in triggers]
        for name, _sql in triggers:
            connection.execute("DROP TRIGGER {}".format(_quoted(name)))

    @classmethod
    def open(cls, path, table, fields):
        """The table QGIS created for ``fields`` (names in order) at
        ``path``, or None when it is not the expected empty MultiPolygon
        table (``table`` None: the file's only feature table)."""
        if not path or not os.path.isfile(path):
            return None
        try:
            connection = sqlite3.connect(
                "file:{}?mode=rw".format(urllib.parse.quote(os.path.abspath(path))),
                uri=True,
                isolation_level=None,
                check_same_thread=False,  # committed on a thread of its own (finish_in_background)
            )
        except sqlite3.Error:
            return None
        try:
            found = _describe(connection, table, list(fields))
        except sqlite3.Error:
            found = None
        if found is None:
            connection.close()
            return None
        table, columns, srs_id, rtree = found
        return cls(connection, table, columns, srs_id, rtree)

    def add(self, wkbs, boxes, columns):
        """Append rows: ``wkbs`` the pieces' WKB, ``boxes`` their (xmin,
        ymin, xmax, ymax) rows, ``columns`` the attribute values by field."""
        size = len(wkbs)
        if not size:
            return
        boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
        wkbs = normalised_wkb(wkbs)
        headers = np.empty(size, dtype=_ENVELOPE)
        headers["magic"] = np.frombuffer(_HEADER, dtype="V4")[0]
        headers["srs"] = self._srs_id
        headers["box"] = boxes[:, [0, 2, 1, 3]]  # GeoPackage order: minx, maxx, miny, maxy
        blobs = [bytes(header) + wkb for header, wkb in zip(headers, wkbs)]
        fids = range(self._count + 1, self._count + size + 1)
        insert_rows(self._connection, self._insert, self._width, zip(fids, blobs, *columns))
        self._boxes.append(boxes)
        self._count += size

    def finish(self):
        """Triggers back, feature count and extent set, committed, closed."""
        connection = self._connection
        boxes = np.concatenate(self._boxes) if self._boxes else np.zeros((0, 4))
        try:
            if self._rtree and self._count:
                self._pack_rtree(boxes)
            for sql in self._triggers:
                connection.execute(sql)
            if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                connection.execute(
                    "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                    (self._count, self.table),
                )
            # as GDAL writes it: SQLite's printf %.17g, read back (before SQLite 3.43 that may move an ulp)
            extent = (
                [*boxes[:, :2].min(axis=0).tolist(), *boxes[:, 2:].max(axis=0).tolist()] if self._count else [None] * 4
            )
            stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            connection.execute(
                "UPDATE gpkg_contents SET min_x = {0}, min_y = {0}, max_x = {0}, max_y = {0}, last_change = ? "
                "WHERE lower(table_name) = lower(?)".format("CAST(printf('%.17g', ?) AS REAL)"),
                (*extent, stamp, self.table),
            )
            connection.execute("COMMIT")
        except BaseException:
            self.abort()
            raise
        connection.close()

    def _pack_rtree(self, boxes):
        """The spatial index of every row (``boxes``: xmin, ymin, xmax, ymax),
        written as packed shadow tables (``core.sqlite_rtree``) in place of
        QGIS's empty one."""
        connection, name = self._connection, self._rtree
        node_size = connection.execute(
            "SELECT length(data) FROM {} WHERE nodeno = 1".format(_quoted(name + "_node"))
        ).fetchone()[0]
        boxes = boxes[:, [0, 2, 1, 3]]  # minx, maxx, miny, maxy
        nodes, rowids, parents = sqlite_rtree.pack(np.arange(1, self._count + 1), boxes, node_size)
        for suffix, rows in (("_node", nodes), ("_rowid", rowids), ("_parent", parents)):
            table = _quoted(name + suffix)
            connection.execute("DELETE FROM {}".format(table))
            insert_rows(connection, "INSERT INTO {} VALUES ".format(table), 2, rows)

    def finish_in_background(self):
        """``finish`` on a thread (SQLite releases the GIL while it writes and
        syncs the file); join it before the file is opened again.  An error
        is raised by ``join``."""
        return _Finishing(self.finish)

    def abort(self):
        """Roll back: the table as QGIS created it (empty, triggers kept)."""
        try:
            if self._connection.in_transaction:
                self._connection.execute("ROLLBACK")
        finally:
            self._connection.close()


class _Finishing(threading.Thread):
    def __init__(self, work):
        super().__init__(name="LandPlan GeoPackage commit")
        self._work, self._error = work, None
        self.start()

    def run(self):
        try:
            self._work()
        except BaseException as error:  # handed to the joining thread
            self._error = error

    def join(self, timeout=None):
        super().join(timeout)
        if self._error is not None:
            error, self._error = self._error, None
            raise error


# rows per INSERT: SQLite steps once per statement, and Python's sqlite3 lets
# the GIL go and takes it back at each step; with the cutting threads busy,
# taking it back per row made writing the rows 4× slower than alone
ROWS_PER_STATEMENT = 64
_SLICE = ROWS_PER_STATEMENT * 256


def insert_rows(connection, head, width, rows):
    """``head`` (``INSERT INTO t (…) VALUES ``) for each row of ``rows``
    (sequences of ``width`` values, or a 2-D array), ``ROWS_PER_STATEMENT``
    rows a statement, a slice of rows at a time (their values as Python
    objects for that slice only)."""
    one = "({})".format(", ".join("?" * width))
    many = head + ", ".join([one] * ROWS_PER_STATEMENT)
    step = ROWS_PER_STATEMENT * width
    if isinstance(rows, np.ndarray):
        slices = (rows[start : start + _SLICE].ravel().tolist() for start in range(0, len(rows), _SLICE))
    else:
        rows = iter(rows)
        slices = iter(lambda: list(itertools.chain.from_iterable(itertools.islice(rows, _SLICE))), [])
    for flat in slices:
        size = len(flat) // width
        full = size - size % ROWS_PER_STATEMENT
        if full:
            connection.executemany(many, (flat[start : start + step] for start in range(0, full * width, step)))
        if size > full:
            connection.executemany(
                head + one, (flat[start : start + width] for start in range(full * width, len(flat), width))
            )


def _describe(connection, table, fields):
    """(table, columns, srs_id, rtree or None) of the expected table, or None."""
    rows = connection.execute(
        "SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, g.z, g.m "
        "FROM gpkg_contents c JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name) "
        "WHERE c.data_type = 'features'"
    ).fetchall()
    if table is not None:
        rows = [row for row in rows if row[0].lower() == table.lower()]
    if len(rows) != 1:
        return None
    table, geometry, kind, srs_id, z, m = rows[0]
    if kind.upper() != "MULTIPOLYGON" or z != 0 or m != 0:
        return None
    info = connection.execute("PRAGMA table_info({})".format(_quoted(table))).fetchall()
    columns = [row[1] for row in info]
    primary = [row[1] for row in info if row[5]]
    if len(primary) != 1 or columns[1:] != [geometry] + fields or columns[0] != primary[0]:
        return None
    if connection.execute("SELECT 1 FROM {} LIMIT 1".format(_quoted(table))).fetchone() is not None:
        return None
    rtree = "rtree_{}_{}".format(table, geometry)
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone() is None:
        rtree = None
    elif connection.execute("SELECT 1 FROM {} LIMIT 1".format(_quoted(rtree + "_rowid"))).fetchone() is not None:
        return None  # (the shadow table: the R-tree itself is never opened on this connection)
    return table, columns, srs_id, rtree


def normalised_wkb(wkbs):
    """The WKB as little-endian ISO 2D MultiPolygons (what GDAL stores from
    QGIS for a MultiPolygon layer); the usual piece already is one."""
    wkbs = list(wkbs)
    other = [n for n, wkb in enumerate(wkbs) if wkb[:5] != MULTIPOLYGON_LE]
    if other:
        import shapely

        shapes = shapely.force_2d(shapely.from_wkb([wkbs[n] for n in other]))
        single = shapely.get_type_id(shapes) == 3  # Polygon
        shapes[single] = [shapely.MultiPolygon([shape]) for shape in shapes[single]]
        for n, wkb in zip(other, shapely.to_wkb(shapes, byte_order=1, flavor="iso", output_dimension=2)):
            wkbs[n] = wkb
    return wkbs
