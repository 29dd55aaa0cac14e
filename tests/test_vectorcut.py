"""The vectorised engine (core.vectorcut) gives the per-图斑 engine's
pieces (core.overlay): the same rows in the same order, every attribute
and figure equal, geometries equal to 1e-6 m² (GEOS from shapely may be
another version than QGIS's, and its ring may start at another vertex);
the same findings (copies, overlaps, repaired, skipped, abort); the same
output with 0, 1 and 2 worker threads; and it steps aside where it cannot
read the layer itself."""

import threading

import processing
import pytest
from qgis.core import NULL, QgsProcessing, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from testdata import RecordingFeedback as Feedback
from testdata import rect, write_gpkg

pytest.importorskip("shapely", minversion="2.0")

X0, Y0 = 455000.0, 3092000.0
CRS = "EPSG:4547"
FIELDS = [("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float"), ("KCXS", "float"), ("ZLDWDM", "str")]


def r(x1, y1, x2, y2):
    return rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


@pytest.fixture
def engines(monkeypatch):
    """run(params, vectorised) → (pieces rows, summary rows, warnings, engine used)."""
    from landplan_plugin.core import vectorcut

    used = []
    real = vectorcut.cut_tables

    def counting(*args, **kwargs):
        used.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(vectorcut, "cut_tables", counting)

    def run(params, vectorised, tmp):
        monkeypatch.setenv("LANDPLAN_VECTORISED", "1" if vectorised else "0")
        used.clear()
        feedback = Feedback()
        tmp.mkdir()
        params = dict(params, OUTPUT_PIECES=str(tmp / "p.gpkg"), OUTPUT_SUMMARY=str(tmp / "s.gpkg"))
        processing.run("landplan:farmlandoccupation", params, feedback=feedback)
        return rows(tmp / "p.gpkg"), rows(tmp / "s.gpkg", geometry=False), feedback.warnings, bool(used)

    return run


def rows(path, geometry=True):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    found = []
    for feature in sorted(layer.getFeatures(), key=lambda f: f.id()):
        found.append((feature.attributes()[1:], feature.geometry() if geometry else None))
    return found


def assert_same(per_feature, vectorised):
    pieces_a, summary_a, warnings_a, used_a = per_feature
    pieces_b, summary_b, warnings_b, used_b = vectorised
    assert not used_a and used_b, "each engine ran as asked"
    assert len(pieces_a) == len(pieces_b) > 0
    for (values_a, geometry_a), (values_b, geometry_b) in zip(pieces_a, pieces_b):
        assert values_a == values_b
        assert geometry_b.area() == pytest.approx(geometry_a.area(), abs=1e-6)
        assert geometry_a.symDifference(geometry_b).area() < 1e-6
    assert len(summary_a) == len(summary_b)
    for (a, _none), (b, _nothing) in zip(summary_a, summary_b):
        assert [v if not isinstance(v, float) else pytest.approx(v, rel=1e-12, abs=1e-9) for v in a] == b
    assert sorted(warnings_a) == sorted(warnings_b)


def occupation_params(path, basic=True):
    path = str(path)
    params = {
        "PROJECTS": path + "|layername=projects",
        "PROJECT_ID_FIELD": "XMBH",
        "LANDUSE": path + "|layername=DLTB",
        "AREA_MODE": 0,
        "REPAIR_INVALID": True,
    }
    if basic:
        params["BASIC_FARMLAND"] = path + "|layername=YJJBNT"
    return params


def test_same_pieces_as_the_per_feature_engine(landplan, sample_gpkg, tmp_path, engines):
    params = occupation_params(sample_gpkg)
    assert_same(engines(params, False, tmp_path / "a"), engines(params, True, tmp_path / "b"))


def test_same_findings_copies_overlaps_and_repairs(landplan, tmp_path, engines):
    bowtie = "POLYGON(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))".format(X0 + 300, Y0, X0 + 400, Y0 + 100)
    t1 = (r(0, 0, 100, 100), {"DLBM": "0103", "TBMJ": 10000.0, "TBDLMJ": 9000.0, "KCXS": 0.1, "ZLDWDM": "A"})
    t2 = (r(100, 0, 200, 100), {"DLBM": "0101", "TBMJ": 10000.0, "KCXS": 0.1, "ZLDWDM": "A"})
    overlapping = (r(0, 0, 60, 100), {"DLBM": "0702", "TBMJ": 6000.0, "TBDLMJ": 6000.0, "ZLDWDM": None})
    invalid = (bowtie, {"DLBM": "0103", "TBMJ": 5000.0, "TBDLMJ": 5000.0, "ZLDWDM": "B"})
    far = (r(5000, 5000, 5100, 5100), {"DLBM": "0101", "TBMJ": 1.0, "TBDLMJ": 1.0, "ZLDWDM": "C"})
    no_code = (r(100, 100, 200, 150), {"DLBM": None, "TBMJ": 5000.0, "TBDLMJ": 5000.0, "ZLDWDM": "A"})
    path = write_gpkg(
        tmp_path / "findings.gpkg",
        {
            "DLTB": ("Polygon", CRS, FIELDS, [t1, t2, t1, overlapping, invalid, far, no_code]),
            "projects": (
                "Polygon",
                CRS,
                [("XMBH", "str")],
                [(r(50, 0, 150, 120), {"XMBH": "P"}), (r(250, 0, 400, 100), {"XMBH": "Q"})],
            ),
            "YJJBNT": ("Polygon", CRS, [], [(r(0, 0, 75, 100), {}), (r(300, 0, 350, 50), {})]),
        },
    )
    per_feature = engines(occupation_params(path), False, tmp_path / "a")
    vectorised = engines(occupation_params(path), True, tmp_path / "b")
    assert_same(per_feature, vectorised)
    warnings = "\n".join(vectorised[2])
    assert "exact copies" in warnings and ": 3." in warnings
    assert "1/4" in warnings  # the overlap counted for the first 图斑
    assert "1 invalid geometries" in warnings and "repaired" in warnings
    summary = {values[0]: values for values, _g in vectorised[1]}
    assert set(summary) == {"P", "Q"}
    # a 图斑 without a code: its piece keeps a NULL code in both engines, counted as unknown
    codes = [values[1] for values, _g in vectorised[0]]
    assert any(code is None or code == NULL for code in codes) and "NULL" not in codes
    assert any("no land-class code" in w for w in vectorised[2])


def test_same_pieces_from_a_survey_with_z(landplan, tmp_path, engines):
    def rect_z(x1, y1, x2, y2, z=12.5):
        corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
        return "POLYGON Z (({}))".format(", ".join("{} {} {}".format(X0 + x, Y0 + y, z) for x, y in corners))

    path = write_gpkg(
        tmp_path / "z.gpkg",
        {
            "DLTB": (
                "PolygonZ",
                CRS,
                FIELDS,
                [
                    (rect_z(0, 0, 100, 100), {"DLBM": "0103", "TBMJ": 10000.0, "TBDLMJ": 9000.0, "KCXS": 0.1}),
                    (rect_z(100, 0, 200, 100), {"DLBM": "0101", "TBMJ": 10000.0, "TBDLMJ": 10000.0}),
                ],
            ),
            "projects": ("Polygon", CRS, [("XMBH", "str")], [(r(50, 0, 150, 100), {"XMBH": "P"})]),
        },
    )
    params = occupation_params(path, basic=False)
    per_feature, vectorised = engines(params, False, tmp_path / "a"), engines(params, True, tmp_path / "b")
    assert_same(per_feature, vectorised)
    assert len(vectorised[0]) == 2 and all(g.area() == pytest.approx(5000) for _v, g in vectorised[0])


def test_invalid_geometry_aborts_or_is_skipped_as_before(landplan, tmp_path, monkeypatch):
    bowtie = "POLYGON(({0} {1}, {2} {3}, {2} {1}, {0} {3}, {0} {1}))".format(X0 + 300, Y0, X0 + 400, Y0 + 100)
    path = write_gpkg(
        tmp_path / "bad.gpkg",
        {
            "DLTB": (
                "Polygon",
                CRS,
                FIELDS,
                [
                    (r(200, 0, 300, 100), {"DLBM": "0101", "TBMJ": 10000.0, "TBDLMJ": 10000.0}),
                    (bowtie, {"DLBM": "0103", "TBMJ": 5000.0, "TBDLMJ": 5000.0}),
                ],
            ),
            "projects": ("Polygon", CRS, [("XMBH", "str")], [(r(250, 0, 400, 100), {"XMBH": "P"})]),
        },
    )
    params = dict(occupation_params(path, basic=False), REPAIR_INVALID=False)
    params.update(OUTPUT_PIECES=QgsProcessing.TEMPORARY_OUTPUT, OUTPUT_SUMMARY=QgsProcessing.TEMPORARY_OUTPUT)
    monkeypatch.setenv("LANDPLAN_VECTORISED", "1")
    with pytest.raises(QgsProcessingException, match="Feature 2 .* invalid geometry"):
        processing.run("landplan:farmlandoccupation", params)
    from qgis.core import QgsFeatureRequest, QgsProcessingContext

    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid)
    feedback = Feedback()
    result = processing.run("landplan:farmlandoccupation", params, context=context, feedback=feedback)
    (summary,) = result["OUTPUT_SUMMARY"].getFeatures()
    assert summary["total_m2"] == pytest.approx(5000)  # the valid half-图斑 only
    assert any("1 invalid geometries" in w and "skipped" in w for w in feedback.warnings)


def test_same_output_with_0_1_and_2_worker_threads(landplan, sample_gpkg, tmp_path, monkeypatch, engines):
    from landplan_plugin.core import vectorcut

    monkeypatch.setattr(vectorcut, "CHUNK_CANDIDATES", 20)
    threads = []
    real = vectorcut._cut_chunk

    def recording(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    monkeypatch.setattr(vectorcut, "_cut_chunk", recording)
    outputs = {}
    for workers in (0, 1, 2):
        monkeypatch.setattr(vectorcut, "worker_threads", lambda n=workers: n)
        threads.clear()
        pieces, summary, _warnings, used = engines(occupation_params(sample_gpkg), True, tmp_path / str(workers))
        assert used
        outputs[workers] = ([(values, bytes(g.asWkb())) for values, g in pieces], summary)
        assert len(threads) >= 3, "several chunks"
        assert all(threads) if workers == 0 else not any(threads)
    assert outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_steps_aside_where_it_cannot_read_the_layer(landplan, sample_gpkg, tmp_path, engines, monkeypatch):
    from landplan_plugin.core import vectorcut

    params = occupation_params(sample_gpkg)
    from qgis.core import QgsFeatureRequest

    memory = QgsVectorLayer(params["LANDUSE"], "DLTB", "ogr").materialize(QgsFeatureRequest())
    assert not engines(dict(params, LANDUSE=memory), True, tmp_path / "memory")[3]
    # a shapely built on another GEOS than QGIS's (a PyPI wheel) must not run beside it
    import shapely

    monkeypatch.setattr(shapely, "geos_version", (3, 99, 0))
    assert not vectorcut.same_geos() and not engines(params, True, tmp_path / "other-geos")[3]
    monkeypatch.setattr(vectorcut, "shapely", None)
    assert not engines(params, True, tmp_path / "no-shapely")[3]


def test_cancel_stops_between_chunks(landplan, sample_gpkg, tmp_path, monkeypatch):
    from landplan_plugin.core import vectorcut

    monkeypatch.setenv("LANDPLAN_VECTORISED", "1")
    monkeypatch.setattr(vectorcut, "CHUNK_CANDIDATES", 20)
    chunks = []
    real = vectorcut._cut_chunk

    def cancelling(*args):
        chunks.append(1)
        feedback.cancel()
        return real(*args)

    monkeypatch.setattr(vectorcut, "_cut_chunk", cancelling)
    feedback = QgsProcessingFeedback()
    params = dict(occupation_params(sample_gpkg), OUTPUT_PIECES=str(tmp_path / "p.gpkg"))
    params["OUTPUT_SUMMARY"] = QgsProcessing.TEMPORARY_OUTPUT
    processing.run("landplan:farmlandoccupation", params, feedback=feedback)
    assert len(chunks) <= 2, "no chunk is started after the cancel but those already queued"


def test_mask_read_once_per_chunk_gives_each_project_what_its_own_request_gives(landplan, sample_gpkg):
    """vectorcut reads the basic farmland once per chunk and hands each
    project the features its own rectangle request gives (overlay.read_mask),
    in the same order: the same parts, the same policy calls."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource, QgsRectangle

    from landplan_plugin.core import vectorcut
    from landplan_plugin.core.overlay import read_mask

    mask = QgsVectorLayer(str(sample_gpkg) + "|layername=YJJBNT", "YJJBNT", "ogr")
    projects = QgsVectorLayer(str(sample_gpkg) + "|layername=projects", "projects", "ogr")
    source = QgsProcessingFeatureSource(mask, QgsProcessingContext())
    boxes = [f.geometry().boundingBox() for f in projects.getFeatures()]
    # and boxes that cut through mask features' boxes: half of each project's box, shifted
    boxes += [
        QgsRectangle(b.xMinimum() + b.width() / 2, b.yMinimum(), b.xMaximum() + 300, b.center().y()) for b in boxes
    ]
    chunked = vectorcut._masks(source, boxes)
    assert sum(len(found) for found in chunked) > len(boxes) // 4, "the sample has basic farmland near its projects"
    for box, found in zip(boxes, chunked):
        assert [f.id() for f in found] == [f.id() for f in read_mask(source, box)]
    assert vectorcut._masks(None, boxes[:2]) == [None, None]
