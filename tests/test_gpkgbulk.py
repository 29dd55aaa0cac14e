"""Pieces written in bulk to a GeoPackage (core.gpkgbulk, core.sqlite_rtree)
give the file the Processing sink gives: the same rows (fid, geometry blob,
every attribute), the same R-tree boxes, feature count, extent and
triggers; SQLite's own checks pass; QGIS edits the result afterwards; an
error leaves the table as QGIS created it; destinations it cannot fill go
through the sink."""

import sqlite3

import numpy as np
import processing
import pytest
from testdata import RecordingFeedback
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

pytest.importorskip("shapely", minversion="2.0")

RTREE_QUERY = "SELECT id FROM r WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id"


def occupation_params(path, pieces, summary="TEMPORARY_OUTPUT"):
    path = str(path)
    return {
        "PROJECTS": path + "|layername=projects",
        "PROJECT_ID_FIELD": "XMBH",
        "LANDUSE": path + "|layername=DLTB",
        "BASIC_FARMLAND": path + "|layername=YJJBNT",
        "AREA_MODE": 0,
        "REPAIR_INVALID": True,
        "OUTPUT_PIECES": pieces,
        "OUTPUT_SUMMARY": summary,
    }


@pytest.fixture
def bulk_calls(monkeypatch):
    """How many chunks BulkTable.add wrote in the last run."""
    from landplan_plugin.core import gpkgbulk

    calls = []
    real = gpkgbulk.BulkTable.add

    def counting(self, *args, **kwargs):
        calls.append(len(args[0]))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(gpkgbulk.BulkTable, "add", counting)
    return calls


def run(monkeypatch, bulk, params):
    monkeypatch.setenv("LANDPLAN_VECTORISED", "1")
    monkeypatch.setenv("LANDPLAN_BULK_GPKG", "1" if bulk else "0")
    return processing.run("landplan:farmlandoccupation", params)


def file_contents(path, table):
    """Everything of ``table`` a reader sees, by SQL."""
    with sqlite3.connect(str(path)) as connection:
        geometry = connection.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()[0]
        rtree = "rtree_{}_{}".format(table, geometry)
        found = {
            "rows": connection.execute('SELECT * FROM "{}" ORDER BY fid'.format(table)).fetchall(),
            "rtree": connection.execute('SELECT * FROM "{}" ORDER BY id'.format(rtree)).fetchall(),
            "count": connection.execute(
                "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?", (table,)
            ).fetchall(),
            "extent": connection.execute(
                "SELECT min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents WHERE table_name = ?", (table,)
            ).fetchall(),
            "triggers": connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name", (table,)
            ).fetchall(),
            "sequence": connection.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchall(),
            "schema": connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchall(),
        }
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0] == "ok"
    return found


def test_bulk_file_equals_the_sinks_row_for_row(landplan, sample_gpkg, tmp_path, monkeypatch, bulk_calls):
    run(monkeypatch, False, occupation_params(sample_gpkg, str(tmp_path / "sink.gpkg")))
    assert not bulk_calls
    run(monkeypatch, True, occupation_params(sample_gpkg, str(tmp_path / "bulk.gpkg")))
    assert bulk_calls, "the bulk writer ran"
    sink, bulk = file_contents(tmp_path / "sink.gpkg", "sink"), file_contents(tmp_path / "bulk.gpkg", "bulk")
    assert len(bulk["rows"]) == sum(bulk_calls) > 100
    assert bulk["rows"] == sink["rows"]  # fid, geometry blob (header, envelope, WKB) and attributes
    assert bulk["rtree"] == sink["rtree"]
    assert bulk["count"] == sink["count"] == [(len(sink["rows"]),)]
    assert bulk["extent"] == sink["extent"]
    assert bulk["sequence"] == sink["sequence"]
    assert bulk["schema"][0][0].replace('"bulk"', '"sink"') == sink["schema"][0][0]
    assert [(n.replace("bulk", "sink"), s.replace("bulk", "sink")) for n, s in bulk["triggers"]] == sink["triggers"]
    # and QGIS reads it with its spatial index as the sink's
    layer = QgsVectorLayer(str(tmp_path / "bulk.gpkg"), "bulk", "ogr")
    assert layer.isValid() and layer.featureCount() == len(sink["rows"])
    assert layer.hasSpatialIndex() == 2  # QgsFeatureSource.SpatialIndexPresent


def test_layer_in_a_shared_geopackage(landplan, sample_gpkg, tmp_path, monkeypatch, bulk_calls):
    """All outputs in one GeoPackage (Processing's ogr:dbname= form): the
    bulk writer fills the pieces table, the other layers stay whole."""
    target = tmp_path / "all.gpkg"

    def layer(name):
        return "ogr:dbname='{}' table=\"{}\" (geom)".format(target, name)

    params = occupation_params(sample_gpkg, layer("pieces"), layer("summary"))
    params["OUTPUT_CLASSES"] = layer("classes")
    run(monkeypatch, True, params)
    assert bulk_calls
    run(monkeypatch, False, occupation_params(sample_gpkg, str(tmp_path / "sink.gpkg")))
    assert file_contents(target, "pieces")["rows"] == file_contents(tmp_path / "sink.gpkg", "sink")["rows"]
    for name in ("summary", "classes"):
        found = QgsVectorLayer("{}|layername={}".format(target, name), name, "ogr")
        assert found.isValid() and found.featureCount() > 0


def test_layername_destination_as_the_sink_makes_it(landplan, sample_gpkg, tmp_path, monkeypatch, bulk_calls):
    """``x.gpkg|layername=y``: whatever file and layer the sink makes of it
    (QGIS 3.22 makes a file of that name), the bulk writer fills the same."""
    results = []
    for bulk, folder in ((False, "a"), (True, "b")):
        (tmp_path / folder).mkdir()
        destination = "{}|layername=pieces".format(tmp_path / folder / "out.gpkg")
        run(monkeypatch, bulk, occupation_params(sample_gpkg, destination))
        (made,) = (tmp_path / folder).iterdir()
        with sqlite3.connect(str(made)) as connection:
            (table,) = connection.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'"
            ).fetchone()
        results.append((made.name, table, file_contents(made, table)["rows"]))
    assert bulk_calls
    assert results[0] == results[1]


def test_other_destinations_go_through_the_sink(landplan, sample_gpkg, tmp_path, monkeypatch, bulk_calls):
    for destination in ("memory:", str(tmp_path / "pieces.shp")):
        result = run(monkeypatch, True, occupation_params(sample_gpkg, destination))
        assert not bulk_calls
        assert result["OUTPUT_PIECES"]


def test_a_table_it_does_not_expect_is_written_through_a_new_sink(landplan, sample_gpkg, tmp_path, monkeypatch):
    from landplan_plugin.core import gpkgbulk

    monkeypatch.setattr(gpkgbulk.BulkTable, "open", classmethod(lambda cls, *args: None))
    run(monkeypatch, True, occupation_params(sample_gpkg, str(tmp_path / "again.gpkg")))
    run(monkeypatch, False, occupation_params(sample_gpkg, str(tmp_path / "sink.gpkg")))
    again, sink = file_contents(tmp_path / "again.gpkg", "again"), file_contents(tmp_path / "sink.gpkg", "sink")
    assert again["rows"] == sink["rows"] and len(sink["rows"]) > 100
    assert again["rtree"] == sink["rtree"]


def test_qgis_edits_the_result_afterwards(landplan, sample_gpkg, tmp_path, monkeypatch):
    """The triggers are back: an edit in QGIS keeps the R-tree and count right."""
    path = tmp_path / "pieces.gpkg"
    run(monkeypatch, True, occupation_params(sample_gpkg, str(path)))
    layer = QgsVectorLayer(str(path), "pieces", "ogr")
    before = layer.featureCount()
    first = next(layer.getFeatures())
    assert layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((0 0, 10 0, 10 10, 0 0)))"))
    assert layer.addFeature(feature)
    assert layer.deleteFeature(first.id())
    assert layer.commitChanges()
    del layer
    contents = file_contents(path, "pieces")
    assert contents["count"] == [(before,)]
    assert len(contents["rtree"]) == before
    boxes = {row[0]: row[1:] for row in contents["rtree"]}
    assert first.id() not in boxes
    assert boxes[max(boxes)] == (0.0, 10.0, 0.0, 10.0)


def test_an_error_leaves_the_table_as_qgis_created_it(landplan, sample_gpkg, tmp_path, monkeypatch):
    """A write that fails (here the second chunk: a full disk) is a
    Processing error naming it, and the table is left as QGIS created it:
    empty, whole, triggers kept, the file not locked."""
    from landplan_plugin.core import gpkgbulk, vectorcut

    real = gpkgbulk.BulkTable.add
    calls = []

    def failing(self, *args):
        calls.append(1)
        real(self, *args)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(gpkgbulk.BulkTable, "add", failing)
    monkeypatch.setattr(vectorcut, "CHUNK_CANDIDATES", 32)  # several chunks on the sample county
    monkeypatch.setenv("LANDPLAN_VECTORISED", "1")
    path = tmp_path / "pieces.gpkg"
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("landplan:farmlandoccupation", occupation_params(sample_gpkg, str(path)), feedback=feedback)
    assert len(calls) == 2, "the bulk writer ran"
    assert "database or disk is full" in "\n".join([str(raised.value)] + feedback.errors)
    contents = file_contents(path, "pieces")
    assert contents["rows"] == [] and contents["rtree"] == []
    assert len(contents["triggers"]) == 8
    path.unlink()


# ---- the packed R-tree against SQLite's own inserts ------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 51, 52, 2601, 2602, 20000])
@pytest.mark.parametrize("page_size", [1024, 4096, 65536])
def test_packed_rtree_is_the_one_sqlite_builds(tmp_path, size, page_size):
    from landplan_plugin.core import gpkgbulk, sqlite_rtree

    rng = np.random.default_rng(size + page_size)
    x, y = rng.uniform(-5e5, 5e5, size), rng.uniform(-3.1e6, 3.1e6, size)
    boxes = np.column_stack([x, x + rng.uniform(0, 300, size), y, y + rng.uniform(0, 300, size)])
    ids = np.arange(1, size + 1)
    databases = []
    for name in ("inserted", "packed"):
        connection = sqlite3.connect(str(tmp_path / name), isolation_level=None)
        connection.execute("PRAGMA page_size = {}".format(page_size))
        connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
        connection.execute("BEGIN")
        if name == "inserted":
            connection.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", np.column_stack([ids, boxes]).tolist())
        else:
            node_size = connection.execute("SELECT length(data) FROM r_node WHERE nodeno = 1").fetchone()[0]
            nodes, rowids, parents = sqlite_rtree.pack(ids, boxes, node_size)
            for suffix, rows in (("_node", nodes), ("_rowid", rowids), ("_parent", parents)):
                connection.execute("DELETE FROM r{}".format(suffix))
                gpkgbulk.insert_rows(connection, "INSERT INTO r{} VALUES ".format(suffix), 2, rows)
        connection.execute("COMMIT")
        connection.close()
        databases.append(sqlite3.connect(str(tmp_path / name)))
    inserted, packed = databases
    assert packed.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    assert (
        packed.execute("SELECT * FROM r ORDER BY id").fetchall()
        == inserted.execute("SELECT * FROM r ORDER BY id").fetchall()
    )  # the same float32 boxes, rounded outwards as SQLite rounds them
    for _query in range(50):
        qx, qy, side = rng.uniform(-5e5, 5e5), rng.uniform(-3.1e6, 3.1e6), rng.uniform(10, 2e5)
        args = (qx, qx + side, qy, qy + side)
        assert packed.execute(RTREE_QUERY, args).fetchall() == inserted.execute(RTREE_QUERY, args).fetchall()
    packed.execute("INSERT INTO r VALUES (?, 0, 1, 0, 1)", (size + 1,))
    packed.execute("DELETE FROM r WHERE id = 1")
    packed.commit()
    assert packed.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"


def test_float32_rounding_of_the_boxes_is_sqlites():
    from landplan_plugin.core import sqlite_rtree

    values = np.array([420000.1, -420000.1, 3050011.593441119, 0.0, 1e-40, -1e-40, 16777217.0, -16777217.0, 0.5, 1e30])
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx)")
    connection.executemany("INSERT INTO r VALUES (?, ?, ?)", [(n, v, v) for n, v in enumerate(values.tolist())])
    stored = connection.execute("SELECT minx, maxx FROM r ORDER BY id").fetchall()
    down, up = sqlite_rtree.rounded_down(values), sqlite_rtree.rounded_up(values)
    assert [(float(d), float(u)) for d, u in zip(down, up)] == stored
    normal = np.abs(values) > 1e-30  # (float32 denormals: SQLite's own rounding may miss by one step)
    assert (down.astype(float) <= values)[normal].all() and (up.astype(float) >= values)[normal].all()


def test_non_little_endian_or_polygon_wkb_is_rewritten():
    import shapely

    from landplan_plugin.core import gpkgbulk

    square = shapely.Polygon([(0, 0), (1, 0), (1, 1), (0, 0)])
    big_endian_polygon = shapely.to_wkb(square, byte_order=0)
    z_multi = shapely.to_wkb(shapely.MultiPolygon([shapely.force_3d(square, 5.0)]), flavor="iso")
    usual = shapely.to_wkb(shapely.MultiPolygon([square]), byte_order=1, flavor="iso")
    for wkb in gpkgbulk.normalised_wkb([big_endian_polygon, z_multi, usual]):
        assert wkb == usual


def test_a_geopackage_without_ogr_contents(tmp_path):
    """A table made by another writer than GDAL's (no gpkg_ogr_contents):
    rows, R-tree and extent still written."""
    import shapely
    from osgeo import ogr, osr

    from landplan_plugin.core import gpkgbulk

    path = str(tmp_path / "plain.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer("pieces", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTString))
    dataset = layer = None
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE gpkg_ogr_contents")
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE name LIKE 'trigger_%feature_count%'"):
            connection.execute('DROP TRIGGER "{}"'.format(name))
    table = gpkgbulk.BulkTable.open(path, None, ["code"])
    shapes = [shapely.MultiPolygon([shapely.box(x, 0, x + 1, 1)]) for x in range(100)]
    table.add(shapely.to_wkb(shapes, byte_order=1, flavor="iso").tolist(), shapely.bounds(shapes), [["a"] * 100])
    table.finish()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM pieces").fetchone() == (100,)
        assert connection.execute("SELECT count(*) FROM rtree_pieces_geom").fetchone() == (100,)
        assert connection.execute("SELECT min_x, max_x FROM gpkg_contents").fetchone() == (0.0, 100.0)
        assert connection.execute("SELECT rtreecheck('rtree_pieces_geom')").fetchone() == ("ok",)
    found = QgsVectorLayer(path, "pieces", "ogr")
    assert found.isValid() and found.featureCount() == 100
