"""The overlay's worker threads change nothing but the time (the per-图斑
engine; core.vectorcut's are tested in test_vectorcut.py).

farmlandoccupation runs the boundary intersections of each batch of
projects on worker threads (core.batchcut).  With 0, 1 and 2 workers, and
batches made small enough that the sample county's seven projects fall into
several of them, every output row (figures, attributes and geometry bytes)
and every summary row must be the same, in the same order.  A batch whose
native:intersection fails is cut again one pair at a time, with the same
result."""

import sqlite3

import processing
import pytest


def rows(path):
    db = sqlite3.connect(str(path))
    table = db.execute("select table_name from gpkg_contents where table_name != 'layer_styles'").fetchone()[0]
    found = db.execute('select * from "{}" order by fid'.format(table)).fetchall()
    db.close()
    return found


def run_occupation(sample_gpkg, out, context=None):
    out.mkdir()
    layer = "{}|layername={}".format
    processing.run(
        "landplan:farmlandoccupation",
        {
            "PROJECTS": layer(sample_gpkg, "projects"),
            "PROJECT_ID_FIELD": "XMBH",
            "LANDUSE": layer(sample_gpkg, "DLTB"),
            "BASIC_FARMLAND": layer(sample_gpkg, "YJJBNT"),
            "AREA_MODE": 0,
            "REPAIR_INVALID": True,
            "OUTPUT_PIECES": str(out / "pieces.gpkg"),
            "OUTPUT_SUMMARY": str(out / "summary.gpkg"),
        },
    )
    return rows(out / "pieces.gpkg"), rows(out / "summary.gpkg")


@pytest.fixture
def small_batches(monkeypatch):
    """The per-图斑 engine (core.overlay) with small batches."""
    from landplan_plugin.core import batchcut

    monkeypatch.setenv("LANDPLAN_VECTORISED", "0")

    monkeypatch.setattr(batchcut, "BATCH_PAIRS", 5)
    monkeypatch.setattr(batchcut, "BATCH_REGIONS", 2)
    return batchcut


def test_same_output_with_0_1_and_2_worker_threads(landplan, sample_gpkg, tmp_path, monkeypatch, small_batches):
    started = []
    real_start = small_batches.BatchRunner.start

    def counting_start(runner, batch):
        handle = real_start(runner, batch)
        started.append((runner.workers, handle[1] is not None))
        return handle

    monkeypatch.setattr(small_batches.BatchRunner, "start", counting_start)
    outputs = {}
    for workers in (0, 1, 2):
        monkeypatch.setattr(small_batches, "worker_threads", lambda n=workers: n)
        outputs[workers] = run_occupation(sample_gpkg, tmp_path / "w{}".format(workers))
    pieces, summary = outputs[0]
    assert len(pieces) > 100 and len(summary) == 7
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]
    # several batches ran, on the worker threads when there were any
    assert sum(1 for workers, threaded in started if workers == 0) >= 3
    assert all(threaded for workers, threaded in started if workers > 0)
    assert not any(threaded for workers, threaded in started if workers == 0)


def test_failed_batch_cut_again_pair_by_pair(landplan, sample_gpkg, tmp_path, monkeypatch, small_batches):
    monkeypatch.setattr(small_batches, "worker_threads", lambda: 1)
    expected = run_occupation(sample_gpkg, tmp_path / "threaded")

    def failing(*_args):
        raise RuntimeError("GEOS error in the batch")

    monkeypatch.setattr(small_batches, "intersect", failing)
    assert run_occupation(sample_gpkg, tmp_path / "fallback") == expected


def test_default_workers_follow_the_cores(landplan, monkeypatch):
    from qgis.PyQt.QtCore import QThread

    from landplan_plugin.core import batchcut

    for cores, workers in ((1, 0), (2, 1), (3, 2), (16, 2)):
        monkeypatch.setattr(QThread, "idealThreadCount", staticmethod(lambda n=cores: n))
        assert batchcut.worker_threads() == workers
