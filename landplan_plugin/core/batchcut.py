"""Boundary intersections in batches, on worker threads.

Why: per 图斑 the overlay is Python glue around short GEOS calls, and two
Python threads making such calls lose more to handing the GIL over than
they gain (see ``overlay``).  The one step that is both long and pure C++ is
the intersection of the 图斑 a project's boundary crosses (about 2 s of
12 s at 250,000 图斑).  It is handed over a batch of projects at a time to
QGIS's own ``native:intersection``, which runs without the GIL on another
core while this thread reads and prepares the next batch and writes the
previous one.

The figures stay the same: ``native:intersection`` with the region parts as
INPUT and the 图斑 as OVERLAY computes GEOS intersection(region part, 图斑),
the operand order ``PreparedRegion.clip`` uses, and keeps the polygon parts.
Only pairs the prepared tests found crossing are asked for; pairs it leaves
out (only touching) give no piece, as ``clip`` does.  A batch that fails (a
GEOS error) is cut again on this thread, one pair at a time, as before.
Batches finish in the order they were started, so the output does not
depend on the number of threads (tested with 0, 1 and 2 workers).
"""

from concurrent.futures import ThreadPoolExecutor

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsMemoryProviderUtils,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QThread

from ..qgis_compat import FieldType, make_field

# A batch is closed at this many boundary pairs: large enough that starting
# native:intersection costs little, small enough that both threads stay busy
# and memory stays flat at any county size.
BATCH_PAIRS = 2000
BATCH_REGIONS = 200


def worker_threads():
    """Worker threads beside the calling thread: one per further core, at
    most two (the third core would wait for the calling thread anyway)."""
    return max(0, min(2, QThread.idealThreadCount() - 1))


class BoundaryBatch:
    """The (region part, 图斑) pairs of some planned regions that need a GEOS
    intersection, with memory layers to hand to ``native:intersection``."""

    def __init__(self, crs):
        self.crs = crs
        self.parts = []  # PreparedRegion of every region part, by part number
        self.candidates = []  # QgsGeometry of every crossing 图斑, by number
        self.pairs = set()  # (part number, candidate number)
        self.plans = []  # (plan, part number per part, candidate number per entry)
        self.results = None

    def add(self, plan):
        """Take a region's plan (``overlay.plan_job``): its parts and the pairs
        its boundary 图斑 form with them."""
        parts = []
        for _in_mask, part in plan.prepared:
            self.parts.append(part)
            parts.append(len(self.parts) - 1)
        candidates = []
        for _feature, geometry, hits in plan.entries:
            boundary = [n for n, whole in hits if not whole]
            number = None
            if boundary:
                self.candidates.append(geometry)
                number = len(self.candidates) - 1
                self.pairs.update((parts[n], number) for n in boundary)
            candidates.append(number)
        self.plans.append((plan, parts, candidates))

    def planned(self):
        """(plan, clipped) per region, in order, once the batch is finished:
        ``clipped(part, entry, geometry)`` is the piece ``overlay.assemble`` asks for."""
        for plan, parts, candidates in self.plans:

            def clipped(n, entry, _geometry, parts=parts, candidates=candidates):
                return self.results.get((parts[n], candidates[entry]))

            yield plan, clipped

    def layers(self):
        """Two memory layers (built on the calling thread, read by the worker)."""
        parts = [part.geometry for part in self.parts]
        return self._layer("parts", parts), self._layer("candidates", self.candidates)

    def _layer(self, name, geometries):
        fields = QgsFields()
        fields.append(make_field("n", FieldType.LONG))
        layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, QgsWkbTypes.Type.MultiPolygon, self.crs)
        features = []
        for n, geometry in enumerate(geometries):
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([n])
            features.append(feature)
        layer.dataProvider().addFeatures(features, QgsFeatureSink.Flag.FastInsert)
        return layer

    def collect(self, layer):
        """Read ``native:intersection``'s output: {pair: piece} for the pairs asked."""
        results = {}
        for feature in layer.getFeatures():
            values = feature.attributes()
            pair = (values[0], values[1])
            if pair in self.pairs:
                piece = feature.geometry()
                if not piece.isEmpty() and piece.area() > 0:
                    results[pair] = piece
        self.results = results


def intersect(parts_layer, candidates_layer, algorithm, feedback, caller):
    """Runs on a worker thread: ``native:intersection`` of the two layers;
    the output layer is handed to the ``caller`` thread."""
    context = QgsProcessingContext()
    # the 图斑 were checked (or repaired) by the overlay's policy already
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    parameters = {"INPUT": parts_layer, "OVERLAY": candidates_layer, "OUTPUT": "memory:"}
    results, ok = algorithm.run(parameters, context, feedback, {}, False)
    if not ok:
        raise RuntimeError("native:intersection failed")
    layer = context.takeResultLayer(results["OUTPUT"])
    layer.moveToThread(caller)
    del context  # its layer store belongs to this thread: deleted here
    return layer


class BatchRunner:
    """Starts batches on a pool of worker threads and returns them in order."""

    def __init__(self, workers):
        self.algorithm = QgsApplication.processingRegistry().createAlgorithmById("native:intersection")
        self.workers = workers if self.algorithm is not None else 0
        self.pool = ThreadPoolExecutor(max_workers=self.workers) if self.workers else None
        self.caller = QThread.currentThread()
        self.feedbacks = []

    def start(self, batch):
        """A handle for ``finish``; the batch runs while the caller goes on."""
        if self.pool is None or not batch.pairs:
            return batch, None, None
        parts_layer, candidates_layer = batch.layers()
        feedback = QgsProcessingFeedback()
        self.feedbacks.append(feedback)
        algorithm = self.algorithm.create()
        future = self.pool.submit(intersect, parts_layer, candidates_layer, algorithm, feedback, self.caller)
        # the layers are kept with the handle: the worker reads them until it ends
        return batch, future, (parts_layer, candidates_layer, feedback)

    def finish(self, handle):
        """Wait for a batch; on failure (or without workers) cut its pairs
        here, one at a time."""
        batch, future, keep = handle
        if future is not None:
            try:
                batch.collect(future.result())
            except Exception:  # a GEOS error in the batch: redo it pair by pair
                batch.results = None
            self.feedbacks.remove(keep[2])
        if batch.results is None:
            results = {}
            for part, candidate in sorted(batch.pairs):
                piece = batch.parts[part].clip(batch.candidates[candidate])
                if piece is not None:
                    results[(part, candidate)] = piece
            batch.results = results
        return batch

    def cancel(self):
        for feedback in self.feedbacks:
            feedback.cancel()

    def close(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True)
