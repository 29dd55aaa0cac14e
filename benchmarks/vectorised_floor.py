"""What a vectorised engine could reach: the floor of farmlandoccupation's
work done in bulk (shapely 2) inside QGIS's Python, next to LandPlan and
the fastest native chain, all three as whole processes, alternated.

Why: LandPlan's engine calls PyQGIS once or more per 图斑 and per piece;
at 250,000 图斑 that per-feature Python is most of its time, and two
threads cannot share it (the GIL; see core/overlay.py).  The 0.5× goal of
issue #17 needs the per-feature work done in bulk.  Debian 12's QGIS has
no vectorised GEOS binding, but shapely ≥ 2 (which the QGIS installers for
Windows ship, and which pip installs beside Debian's numpy 1.24) is one.
Before an engine is built on it, this script measures what it can reach.

The pipeline (``--pipeline``, in the project's venv: QGIS and shapely ≥ 2):

* reads DLTB and the projects with GDAL's Arrow stream (only the fields the
  rules need), parses WKB on both cores;
* dissolves the projects by id, builds an STRtree of them, finds the
  candidate 图斑, checks their validity (repairing the invalid), takes a
  图斑 a project contains whole and intersects the others (both cores);
* stands in for the rules with their arithmetic on arrays (the apportioned
  area, 田坎 and net area of the usual 三调 piece, class names and groups
  looked up once per code): the same work per piece, not all of its cases;
* writes every piece with all 18 fields through QgsVectorFileWriter to a
  GeoPackage (spatial index included), as Processing's sink does.

It checks that its pieces are LandPlan's (same count per project, same
planar Σ to the cent) and prints its stage times.  It is a measurement, not
an engine: invalid-geometry policies, duplicates, overlapping 图斑,
reprojection, progress and cancel are left out.

``python benchmarks/vectorised_floor.py --county C`` (``make bench-vectorised``)
runs the comparison and writes ``results/vectorised_floor.md``.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SURVEY_COLUMNS = [
    "DLBM",
    "TBMJ",
    "TBDLMJ",
    "KCXS",
    "GDDB",
    "ZLDWDM",
    "BSM",
    "TBBH",
    "QSXZ",
    "QSDWDM",
    "QSDWMC",
    "CZCSXM",
]


def pipeline(county, output, with_basic):
    """Run the vectorised pipeline; return {stage: seconds} and counts."""
    started = time.perf_counter()
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsFields,
        QgsGeometry,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )

    app = QgsApplication([], False)
    app.initQgis()
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    import shapely
    from osgeo import ogr

    sys.path.insert(0, str(ROOT))
    from landplan_plugin.core import landclass
    from landplan_plugin.qgis_compat import FieldType, make_field

    ogr.UseExceptions()
    stages = {}
    clock = [time.perf_counter()]

    def lap(name):
        now = time.perf_counter()
        stages[name] = now - clock[0]
        clock[0] = now

    dataset = ogr.Open(county)

    def read(name, wanted):
        layer = dataset.GetLayerByName(name)
        layer.SetIgnoredFields([f.GetName() for f in layer.schema if f.GetName() not in wanted])
        columns = {}
        for batch in layer.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"]):
            for key, values in batch.items():
                columns.setdefault(key, []).append(values)
        geometry = layer.GetGeometryColumn() or "wkb_geometry"
        columns = {k: np.concatenate(v) for k, v in columns.items()}
        columns["_wkb"] = columns.pop(geometry)
        for key, values in columns.items():
            if key != "_wkb" and values.dtype.kind == "S":  # fixed-width UTF-8 bytes
                columns[key] = np.char.decode(values, "utf-8").astype(object)
        return columns

    pool = ThreadPoolExecutor(2)

    def both_cores(function, *arrays):
        """``function`` over two halves of ``arrays`` on two threads (shapely
        releases the GIL inside its loops)."""
        n = len(arrays[0])
        halves = (slice(0, n // 2), slice(n // 2, n))
        return np.concatenate(list(pool.map(lambda s: function(*[a[s] for a in arrays]), halves)))

    survey = read("DLTB", SURVEY_COLUMNS)
    projects = read("projects", ["XMBH"])
    basic = read("YJJBNT", []) if with_basic else None
    lap("read (GDAL Arrow)")
    parcels = both_cores(shapely.from_wkb, survey["_wkb"])
    project_geometries = shapely.from_wkb(projects["_wkb"])
    lap("parse WKB")
    ids, which = np.unique(projects["XMBH"].astype(str), return_inverse=True)
    regions = np.array([shapely.union_all(project_geometries[which == k]) for k in range(len(ids))], dtype=object)
    part_key, part_in = np.arange(len(ids)), np.zeros(len(ids), dtype=np.int8)
    if basic is not None:
        mask = shapely.from_wkb(basic["_wkb"])
        bad = ~shapely.is_valid(mask)
        mask[bad] = shapely.make_valid(mask[bad])
        region_n, mask_n = shapely.STRtree(mask).query(regions, predicate="intersects")
        inside = np.full(len(regions), None, dtype=object)
        outside = regions.copy()
        for k in np.unique(region_n):
            union = shapely.union_all(mask[mask_n[region_n == k]])
            inside[k] = shapely.intersection(regions[k], union)
            outside[k] = shapely.difference(regions[k], union)
        regions = np.concatenate([inside, outside])
        part_key = np.concatenate([part_key, part_key])
        part_in = np.concatenate([np.ones(len(ids), dtype=np.int8), part_in])
        usable = np.array([g is not None and not g.is_empty for g in regions])
        regions, part_key, part_in = regions[usable], part_key[usable], part_in[usable]
    shapely.prepare(regions)
    tree = shapely.STRtree(regions)
    lap("dissolve, basic-farmland parts, index")
    candidates = np.unique(tree.query(parcels, predicate="intersects")[0])
    invalid = candidates[~both_cores(shapely.is_valid, parcels[candidates])]
    parcels[invalid] = shapely.make_valid(parcels[invalid])
    parcel_n, region_n = tree.query(parcels, predicate="intersects")
    lap("validity of candidates ({} repaired)".format(len(invalid)))
    whole = both_cores(shapely.contains, regions[region_n], parcels[parcel_n])
    pieces = parcels[parcel_n].copy()
    cut = ~whole
    pieces[cut] = both_cores(shapely.intersection, parcels[parcel_n[cut]], regions[region_n[cut]])
    lap("contains / intersection")
    planar = both_cores(shapely.area, pieces)
    parent_planar = shapely.area(parcels[parcel_n])
    keep = planar > 0
    order = np.lexsort((parcel_n[keep], part_in[region_n[keep]], part_key[region_n[keep]]))
    parcel_n, region_n, pieces = parcel_n[keep][order], region_n[keep][order], pieces[keep][order]
    planar, parent_planar = planar[keep][order], parent_planar[keep][order]
    wkb = both_cores(shapely.to_wkb, pieces)
    lap("areas, order, WKB")
    share = np.clip(planar / parent_planar, 0.0, 1.0)
    area = survey["TBMJ"][parcel_n] * share
    net = np.minimum(survey["TBDLMJ"][parcel_n] * share, area)
    codes, code_n = np.unique(survey["DLBM"][parcel_n], return_inverse=True)
    names = np.array([landclass.name_of(c) or "" for c in codes], dtype=object)[code_n]
    groups = np.array([landclass.group_name_of(c) or "" for c in codes], dtype=object)[code_n]
    categories = np.array([landclass.category_of(c) or "" for c in codes], dtype=object)[code_n]
    lap("rules on arrays (stand-in)")
    fields = QgsFields()
    double, string, integer = FieldType.DOUBLE, FieldType.STRING, FieldType.INT
    for name, kind in (
        ("project_id", string), ("dlbm", string), ("dlmc", string), ("land_group", string), ("zldwdm", string),
        ("grade", double), ("in_basic_farmland", integer), ("area_m2", double), ("tk_m2", double),
        ("net_m2", double), ("category", string), ("planar_m2", double), ("bsm", string), ("tbbh", string),
        ("qsxz", string), ("qsdwdm", string), ("qsdwmc", string), ("czcsxm", string),
    ):  # fmt: skip
        fields.append(make_field(name, kind))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(
        output,
        fields,
        QgsWkbTypes.Type.MultiPolygon,
        QgsCoordinateReferenceSystem("EPSG:4547"),
        QgsCoordinateTransformContext(),
        options,
    )

    def column(name):
        values = survey[name][parcel_n] if name in survey else np.full(len(parcel_n), None, dtype=object)
        return values.tolist()

    rows = zip(
        ids[part_key[region_n]].tolist(),
        column("DLBM"),
        names.tolist(),
        groups.tolist(),
        column("ZLDWDM"),
        column("GDDB"),
        (part_in[region_n] if basic is not None else np.zeros(len(region_n), dtype=np.int8)).tolist(),
        np.round(area, 2).tolist(),
        np.round(area - net, 2).tolist(),
        np.round(net, 2).tolist(),
        categories.tolist(),
        np.round(planar, 2).tolist(),
        column("BSM"),
        column("TBBH"),
        column("QSXZ"),
        column("QSDWDM"),
        column("QSDWMC"),
        column("CZCSXM"),
    )
    batch, written = [], True
    for values, piece in zip(rows, wkb.tolist()):
        feature = QgsFeature(fields)
        geometry = QgsGeometry()
        geometry.fromWkb(piece)
        feature.setGeometry(geometry)
        feature.setAttributes(list(values))
        batch.append(feature)
        if len(batch) == 2000:
            written &= writer.addFeatures(batch)
            batch = []
    written &= writer.addFeatures(batch)
    if not written or writer.hasError():
        raise RuntimeError("writing failed: " + writer.errorMessage())
    lap("features written")
    writer = None  # closes the file: GDAL builds the spatial index here
    lap("GeoPackage closed (spatial index)")
    stages["total in process"] = time.perf_counter() - started
    return {"stages": stages, "pieces": len(wkb), "planar": float(np.round(planar, 2).sum())}


def compare(county, python, repeat, results):
    """Alternate LandPlan, the faster native chain and the pipeline as whole processes."""
    sys.path.insert(0, str(HERE))
    import bench_process

    runner = bench_process.Runner(ROOT / "build")
    work = Path(tempfile.mkdtemp(prefix="landplan-floor-"))
    survey, projects = "{}|layername=DLTB".format(county), "{}|layername=projects".format(county)
    chain = bench_process.apportion_chain(work / "chain.model3", True, ["XMBH"], ["XMBH", "DLBM"])
    checks = {}

    def landplan():
        pieces = bench_process.fresh(work / "lp_pieces.gpkg")
        summary = bench_process.fresh(work / "lp_summary.gpkg")
        measured = runner.timed(
            "landplan:farmlandoccupation", bench_process.occupation_parameters(projects, survey, pieces, summary)
        )
        checks["landplan"] = (
            bench_process.ogr_sum(pieces, "SELECT COUNT(*) FROM lp_pieces"),
            bench_process.ogr_sum(pieces, "SELECT SUM(planar_m2) FROM lp_pieces"),
        )
        return measured, None

    def native():
        targets = {"pdlmj:pieces": work / "n_pieces.gpkg", "stats:stats": work / "n_stats.gpkg"}
        parameters = {"survey": survey, "small": projects, **{k: bench_process.fresh(v) for k, v in targets.items()}}
        return runner.timed(chain, parameters), None

    def vectorised():
        output = bench_process.fresh(work / "v_pieces.gpkg")
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            start = time.perf_counter()
            result = subprocess.run(
                ["/usr/bin/time", "-f", "%M", "-o", report.name, python, __file__, "--pipeline", county, output],
                env=runner.env,
                capture_output=True,
                text=True,
            )
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                raise RuntimeError("pipeline failed:\n" + result.stderr[-3000:])
            peak = int(report.read().strip().splitlines()[-1]) / 1024.0
        checks["vectorised"] = json.loads(result.stdout.strip().splitlines()[-1])
        return (elapsed, peak), None

    summary, _values = bench_process.alternate(
        [("landplan", landplan), ("native", native), ("vectorised", vectorised)], repeat
    )
    write_results(county, summary, checks, results)


def write_results(county, summary, checks, path):
    native = summary["native"][0]
    found = checks["vectorised"]
    same = checks["landplan"][0] == found["pieces"] and abs(checks["landplan"][1] - found["planar"]) < 0.005
    lines = [
        "# A vectorised engine's floor (issue #17)",
        "",
        "{} · {} · 2 cores · medians of {} alternated whole processes · generated by "
        "`benchmarks/vectorised_floor.py`".format(
            time.strftime("%Y-%m-%d"), Path(county).name, len(summary["native"][2])
        ),
        "",
        "| process | s | ratio to the native chain | peak MB | runs |",
        "|---|---|---|---|---|",
    ]
    labels = {
        "native": "native chain, projects as INPUT (qgis_process, model)",
        "landplan": "LandPlan farmlandoccupation (qgis_process, its default engine)",
        "vectorised": "vectorised pipeline (QGIS's Python + shapely {}, no Processing)".format(
            found.get("shapely", "2")
        ),
    }
    for name in ("native", "landplan", "vectorised"):
        median, peak, runs = summary[name]
        lines.append(
            "| {} | {:.1f} | {:.2f}× | {:.0f} | {} |".format(
                labels[name], median, median / native, peak, ", ".join("{:.1f}".format(t) for t in runs)
            )
        )
    lines += [
        "",
        "Same pieces as LandPlan (count and planar Σ to the cent): {} ({} pieces, planar Σ {:.2f} m²).".format(
            "yes" if same else "NO", found["pieces"], found["planar"]
        ),
        "",
        "Stages of the vectorised pipeline (last run, in process):",
        "",
        "| stage | s |",
        "|---|---|",
    ]
    lines += ["| {} | {:.2f} |".format(name, seconds) for name, seconds in found["stages"].items()]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pipeline", nargs=2, metavar=("COUNTY", "OUTPUT"), help="run the pipeline only")
    parser.add_argument("--basic", action="store_true", help="the pipeline also splits by YJJBNT")
    parser.add_argument("--county", default=str(HERE / "cache" / "county_250000_v3.gpkg"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--results", default=str(HERE / "results" / "vectorised_floor.md"))
    args = parser.parse_args()
    if args.pipeline:
        found = pipeline(*args.pipeline, with_basic=args.basic)
        import shapely

        found["shapely"] = shapely.__version__
        found["stages"] = {k: round(v, 3) for k, v in found["stages"].items()}
        print(json.dumps(found, ensure_ascii=False))
        return
    compare(args.county, args.python, args.repeat, args.results)


if __name__ == "__main__":
    main()
