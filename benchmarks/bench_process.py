"""Whole-process benchmarks: LandPlan and the fastest native chain, each run
the way a user runs it – one ``qgis_process`` command – on the same data.

* LandPlan: ``qgis_process run landplan:<alg>`` writing its outputs to
  GeoPackages, as a user's script or model run does.
* Native chain: the same steps a specialist builds, saved as a graphical
  model and run with ``qgis_process run chain.model3``, writing the
  intersection pieces and the statistics table to GeoPackages too.  Every
  overlay is timed with both layer orders of ``native:intersection``; the
  faster order is the baseline and both are printed (the small layer as
  INPUT is several times faster than the 三调 layer as INPUT).
* Runs alternate between the chains; the table gives medians, and the peak
  resident memory of each process (``/usr/bin/time``'s maximum RSS).

The native chains include ``native:fixgeometries`` on the survey layers: the
synthetic county has invalid 图斑, on which ``native:intersection`` stops,
while LandPlan repairs them (REPAIR_INVALID).
"""

import os
import site
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")
TIME = "/usr/bin/time"


class Runner:
    """qgis_process with a scratch profile and the built plugin enabled."""

    def __init__(self, plugin_dir):
        self.profile = tempfile.mkdtemp(prefix="landplan-bench-")
        runtime = Path(self.profile) / "xdg"
        runtime.mkdir(mode=0o700)
        self.env = dict(os.environ)
        self.env.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                "QGIS_CUSTOM_CONFIG_PATH": self.profile,
                "QGIS_PLUGINPATH": str(Path(plugin_dir).resolve()),
                "XDG_RUNTIME_DIR": str(runtime),
            }
        )
        # qgis_process's Python also sees this venv's packages: its shapely, built on
        # QGIS's GEOS, is what a user's QGIS has with shapely installed (OSGeo4W
        # ships it; on Debian `pip install --no-binary shapely shapely`)
        venv = [p for p in site.getsitepackages() if p.startswith(sys.prefix)] if sys.prefix != sys.base_prefix else []
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [self.env.get("PYTHONPATH")] + venv))
        subprocess.run([QGIS_PROCESS, "plugins", "enable", "landplan_plugin"], env=self.env, capture_output=True)
        self.last_output = ""

    def timed(self, target, parameters, env=None):
        """(wall seconds, peak MB) of one whole ``qgis_process run``."""
        args = [QGIS_PROCESS, "run", target, "--"] + ["{}={}".format(k, v) for k, v in parameters.items()]
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            start = time.perf_counter()
            result = subprocess.run(
                [TIME, "-f", "%M", "-o", report.name] + args,
                env=dict(self.env, **(env or {})),
                capture_output=True,
                text=True,
            )
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                raise RuntimeError("{} failed:\n{}\n{}".format(target, result.stdout[-3000:], result.stderr[-3000:]))
            peak_kb = int(report.read().strip().splitlines()[-1])
        self.last_output = result.stdout
        return elapsed, peak_kb / 1024.0


def fresh(path):
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(str(path) + suffix)
        except FileNotFoundError:
            pass
    return str(path)


def ogr_sum(path, sql):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.ExecuteSQL(sql)
    value = layer.GetNextFeature().GetField(0)
    ds.ReleaseResultSet(layer)
    return value


# ---- native chains as models ------------------------------------------------------------------


def _model(name):
    from qgis.core import QgsProcessingModelAlgorithm

    return QgsProcessingModelAlgorithm(name, "bench")


def _child(model, child_id, algorithm, params, outputs=()):
    from qgis.core import QgsProcessingModelChildAlgorithm, QgsProcessingModelOutput

    child = QgsProcessingModelChildAlgorithm(algorithm)
    child.setChildId(child_id)
    for key, source in params.items():
        child.addParameterSources(key, [source])
    for output_name, child_output in outputs:
        output = QgsProcessingModelOutput(output_name, output_name)
        output.setChildOutputName(child_output)
        output.setChildId(child_id)
        child.setModelOutputs({**child.modelOutputs(), output_name: output})
    model.addChildAlgorithm(child)


def _input(model, name):
    from qgis.core import QgsProcessing, QgsProcessingModelParameter, QgsProcessingParameterFeatureSource

    model.addModelParameter(
        QgsProcessingParameterFeatureSource(name, name, [QgsProcessing.SourceType.TypeVectorPolygon]),
        QgsProcessingModelParameter(name),
    )


SURVEY_FIELDS = ["DLBM", "TBDLMJ", "YTBMJ"]


def apportion_chain(path, small_first, small_fields, category_fields):
    """fix → YTBMJ = $area → intersection (either order) → PDLMJ = TBDLMJ ×
    $area / YTBMJ → statistics by categories.  Inputs ``survey`` and
    ``small``; outputs ``pieces`` and ``stats``.  The intersection keeps only
    the fields the chain needs, as a skilled user does (keeping all would
    also carry the survey's fid, which the GeoPackage writer then refuses as
    a duplicate key for every 图斑 cut twice: features silently lost)."""
    from qgis.core import QgsProcessingModelChildParameterSource as Source

    model = _model("chain")
    _input(model, "survey")
    _input(model, "small")
    static = Source.fromStaticValue
    _child(model, "fix", "native:fixgeometries", {"INPUT": Source.fromModelParameter("survey")})
    _child(
        model,
        "ytbmj",
        "native:fieldcalculator",
        {
            "INPUT": Source.fromChildOutput("fix", "OUTPUT"),
            "FIELD_NAME": static("YTBMJ"),
            "FIELD_TYPE": static(0),
            "FIELD_LENGTH": static(20),
            "FIELD_PRECISION": static(6),
            "FORMULA": static("$area"),
        },
    )
    survey, small = Source.fromChildOutput("ytbmj", "OUTPUT"), Source.fromModelParameter("small")
    first, second = (small, survey) if small_first else (survey, small)
    fields_first, fields_second = (small_fields, SURVEY_FIELDS) if small_first else (SURVEY_FIELDS, small_fields)
    _child(
        model,
        "intersection",
        "native:intersection",
        {
            "INPUT": first,
            "OVERLAY": second,
            "INPUT_FIELDS": static(fields_first),
            "OVERLAY_FIELDS": static(fields_second),
            "OVERLAY_FIELDS_PREFIX": static(""),
        },
    )
    _child(
        model,
        "pdlmj",
        "native:fieldcalculator",
        {
            "INPUT": Source.fromChildOutput("intersection", "OUTPUT"),
            "FIELD_NAME": static("PDLMJ"),
            "FIELD_TYPE": static(0),
            "FIELD_LENGTH": static(20),
            "FIELD_PRECISION": static(6),
            "FORMULA": static('"TBDLMJ" * $area / "YTBMJ"'),
        },
        outputs=[("pieces", "OUTPUT")],
    )
    _child(
        model,
        "stats",
        "qgis:statisticsbycategories",
        {
            "INPUT": Source.fromChildOutput("pdlmj", "OUTPUT"),
            "VALUES_FIELD_NAME": static("PDLMJ"),
            "CATEGORIES_FIELD_NAME": static(category_fields),
        },
        outputs=[("stats", "OUTPUT")],
    )
    model.updateDestinationParameters()
    if not model.toFile(str(path)):
        raise RuntimeError("cannot write " + str(path))
    return str(path)


# ---- the benchmarks -------------------------------------------------------------------------


def alternate(candidates, repeat):
    """Run each (name, function) ``repeat`` times, rotating the order each
    round; return {name: (median s, max peak MB, [times])} and last values."""
    times = {name: [] for name, _f in candidates}
    peaks = {name: [] for name, _f in candidates}
    values = {}
    for round_number in range(repeat):
        shift = round_number % len(candidates)
        for name, function in candidates[shift:] + candidates[:shift]:
            (elapsed, peak), value = function()
            times[name].append(elapsed)
            peaks[name].append(peak)
            values[name] = value
    return {name: (statistics.median(times[name]), max(peaks[name]), times[name]) for name in times}, values


def occupation_parameters(projects, survey, pieces, summary, basic=None):
    """farmlandoccupation as the benchmarks run it: area mode 0, repair and,
    with ``basic``, the split by the permanent basic farmland."""
    parameters = {
        "PROJECTS": projects,
        "PROJECT_ID_FIELD": "XMBH",
        "LANDUSE": survey,
        "AREA_MODE": 0,
        "REPAIR_INVALID": "true",
        "OUTPUT_PIECES": pieces,
        "OUTPUT_SUMMARY": summary,
    }
    if basic:
        parameters["BASIC_FARMLAND"] = basic
    return parameters


ENGINES = {}  # what each LandPlan run printed about its engine, by candidate name


def occupation(runner, county, work, repeat, orders=("small", "survey"), per_feature=True):
    """farmlandoccupation against the apportioning chain (projects × 三调).
    LandPlan runs with its default engine (the vectorised one where
    qgis_process's Python has shapely) and, with ``per_feature``, also with
    the per-图斑 engine (LANDPLAN_VECTORISED=0).  LandPlan does its whole
    work, the basic-farmland split included (issue #17); the native chain
    has no such step, so the comparison is, if anything, unkind to it."""
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    survey = "{}|layername=DLTB".format(county)
    projects = "{}|layername=projects".format(county)
    basic = "{}|layername=YJJBNT".format(county)

    def landplan(name, env):
        def ours():
            pieces, summary = fresh(work / "lp_pieces.gpkg"), fresh(work / "lp_summary.gpkg")
            measured = runner.timed(
                "landplan:farmlandoccupation", occupation_parameters(projects, survey, pieces, summary, basic), env
            )
            bulk = [line for line in runner.last_output.splitlines() if "shapely" in line]
            ENGINES[name] = bulk[0].strip() if bulk else "per 图斑 (core.overlay)"
            return measured, ogr_sum(pieces, "SELECT SUM(net_m2) FROM lp_pieces")

        return ours

    def chain(order):
        model = apportion_chain(work / "chain_{}.model3".format(order), order == "small", ["XMBH"], ["XMBH", "DLBM"])

        def run():
            pieces, stats = fresh(work / "n_pieces.gpkg"), fresh(work / "n_stats.gpkg")
            measured = runner.timed(
                model, {"survey": survey, "small": projects, "pdlmj:pieces": pieces, "stats:stats": stats}
            )
            return measured, ogr_sum(stats, 'SELECT SUM("sum") FROM n_stats')

        return run

    candidates = [("landplan", landplan("landplan", None))]
    if per_feature:
        candidates.append(("landplan_per_feature", landplan("landplan_per_feature", {"LANDPLAN_VECTORISED": "0"})))
    candidates += [("native_" + order, chain(order)) for order in orders]
    return alternate(candidates, repeat)


def row(name, summary, values, notes):
    """A table row: LandPlan against the faster native order."""
    natives = {k: v for k, v in summary.items() if k.startswith("native_")}
    best = min(natives, key=lambda k: natives[k][0])
    ours = summary["landplan"]
    same = abs(values["landplan"] - values[best]) <= 1e-6 * max(abs(values[best]), 1.0)
    orders = "; ".join(
        "{} as INPUT {:.1f} s ({:.0f} MB)".format(
            "the small layer" if k == "native_small" else "the 三调 layer", v[0], v[1]
        )
        for k, v in sorted(natives.items())
    )
    per_feature = summary.get("landplan_per_feature")
    return {
        "name": name,
        "ours": ours[0],
        "per_feature": per_feature[0] if per_feature else None,
        "per_feature_ratio": per_feature[0] / natives[best][0] if per_feature else None,
        "native": natives[best][0],
        "ratio": ours[0] / natives[best][0],
        "ours_peak": ours[1],
        "native_peak": natives[best][1],
        "same": "yes" if same else "NO ({:.2f} vs {:.2f})".format(values["landplan"], values[best]),
        "notes": notes,
        "detail": "whole processes, alternated; LandPlan runs {} ({}){}; native chain: {} – baseline the faster.".format(
            ", ".join("{:.1f}".format(t) for t in ours[2]),
            ENGINES.get("landplan", "?"),
            "; per-图斑 engine runs {}".format(", ".join("{:.1f}".format(t) for t in per_feature[2]))
            if per_feature
            else "",
            orders,
        ),
    }
