"""``python -m landplan_spark`` – convert, occupation, change, package.

Local mode is the default (``--master local[2]``); on a cluster the same
command runs under ``spark-submit`` with the archive ``package`` builds::

    python -m landplan_spark package -o dist/landplan_spark.zip
    spark-submit --master yarn --py-files dist/landplan_spark.zip \\
        dist/landplan_spark_main.py occupation --landuse hdfs:///sd/dltb.parquet ...
"""

import argparse
import os
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _modes(text):
    try:
        modes = [int(t) for t in str(text).replace(" ", "").split(",") if t != ""]
    except ValueError:
        raise argparse.ArgumentTypeError("area modes are 0, 1 or 2, comma-separated (e.g. 0,1,2)") from None
    if not modes or any(m not in (0, 1, 2) for m in modes):
        raise argparse.ArgumentTypeError("area modes are 0, 1 or 2, comma-separated (e.g. 0,1,2)")
    return list(dict.fromkeys(modes))


def parser():
    from .geoparquet import DEFAULT_CELL_M

    main = argparse.ArgumentParser(prog="python -m landplan_spark", description=__doc__.split("\n\n")[0])
    sub = main.add_subparsers(dest="command", required=True)

    convert = sub.add_parser("convert", help="vector layer → GeoParquet with a tile key (streamed)")
    convert.add_argument("source", help="GeoPackage, FileGDB, shapefile … (anything GDAL reads)")
    convert.add_argument("output", help="GeoParquet file (local path, s3://…, hdfs://…)")
    convert.add_argument("--layer", help="layer name (default: the first)")
    convert.add_argument(
        "--cell", type=float, default=DEFAULT_CELL_M, help="tile size in CRS units (default %(default)s)"
    )
    convert.add_argument("--chunk", type=int, default=65536, help="features per chunk / row group")

    occ = sub.add_parser("occupation", help="projects × 三调: the figures of landplan:farmlandoccupation")
    occ.add_argument("--landuse", required=True, help="三调 DLTB: GeoParquet (from convert) or a vector file")
    occ.add_argument("--landuse-layer", default="DLTB")
    occ.add_argument("--projects", required=True, help="project polygons (vector file or GeoParquet)")
    occ.add_argument("--projects-layer", default="projects")
    occ.add_argument("--project-id-field", default="XMBH")
    occ.add_argument("--project-name-field", default="XMMC")
    _survey_options(occ, ())
    occ.add_argument("--town-codes", default="", help="城镇村 codes counted as in town (default 201–205)")
    occ.add_argument("--permitted-types", default="", help="project types permitted on basic farmland")
    occ.add_argument("--capacity-table", default="", help="grain capacity by grade ('default', CSV path, 'g:kg,…')")
    _invalid_options(occ)
    occ.add_argument("--cell", type=float, default=DEFAULT_CELL_M, help="tile size when converting vector inputs")
    occ.add_argument("--gpkg", help="also write a GeoPackage (pieces, summary, classes) for QGIS")
    occ.add_argument("-o", "--output", required=True, help="output folder")
    _spark_options(occ)

    chg = sub.add_parser("change", help="survey × survey: the figures of landplan:farmlandchange")
    chg.add_argument("--before", required=True, help="earlier DLTB: GeoParquet (from convert) or a vector file")
    chg.add_argument("--before-layer", default="DLTB")
    chg.add_argument("--after", required=True, help="later DLTB (same CRS): GeoParquet or a vector file")
    chg.add_argument("--after-layer", default="DLTB")
    chg.add_argument("--zones", help="zone polygons, e.g. villages (optional; a small layer, read on the driver)")
    chg.add_argument("--zones-layer", default=None)
    chg.add_argument("--zone-field", default="XZQMC", help="zone name field")
    chg.add_argument(
        "--by-code", action="store_true", help="group by 坐落单位代码 (--zldwdm-field) instead of zone polygons"
    )
    chg.add_argument("--exempt", help="approved exempt areas (生态退耕, 灾毁 …; optional)")
    chg.add_argument("--exempt-layer", default=None)
    chg.add_argument("--exempt-type-field", default="", help="exempt type field")
    chg.add_argument(
        "--grass-unused", dest="grass", action="store_false",
        help="count 0404 其他草地 as 未利用地 (三大类) instead of other agricultural land (166号, the default)",
    )  # fmt: skip
    _survey_options(chg, (("zldwdm", "ZLDWDM"),))
    _invalid_options(chg)
    chg.add_argument("--cell", type=float, default=DEFAULT_CELL_M, help="tile size when converting vector inputs")
    chg.add_argument("-o", "--output", required=True, help="output folder")
    _spark_options(chg)

    package = sub.add_parser(
        "package", help="build the --py-files archive for spark-submit and its launcher landplan_spark_main.py"
    )
    package.add_argument("-o", "--output", default="dist/landplan_spark.zip")
    return main


def _survey_options(command, extra_fields):
    """Basic farmland, area modes and the survey's field names."""
    command.add_argument("--basic-farmland", help="永久基本农田 YJJBNT (optional)")
    command.add_argument("--basic-farmland-layer", default="YJJBNT")
    command.add_argument(
        "--area-mode", dest="area_modes", type=_modes, default=[0],
        help="0 apportioned (TBMJ/TBDLMJ share), 1 ellipsoidal, 2 planar; several as 0,1,2 (one folder each)",
    )  # fmt: skip
    fields = (("dlbm", "DLBM"), ("tbmj", "TBMJ"), ("tbdlmj", "TBDLMJ"), ("kcxs", "KCXS"), ("grade", "GDDB"))
    for key, default in fields + tuple(extra_fields):
        command.add_argument("--{}-field".format(key), dest="{}_field".format(key), default=default)


def _invalid_options(command):
    invalid = command.add_mutually_exclusive_group()
    invalid.add_argument("--repair-invalid", dest="invalid", action="store_const", const="repair")
    invalid.add_argument("--skip-invalid", dest="invalid", action="store_const", const="skip")
    command.set_defaults(invalid="abort")


def _spark_options(command):
    command.add_argument(
        "--master",
        default=os.environ.get("LANDPLAN_SPARK_MASTER"),
        help="local[N] (default local[2]); under spark-submit its own --master is used unless this is given",
    )
    command.add_argument("--driver-memory", default="2g")
    command.add_argument("--executor-memory", default=None)
    command.add_argument("--shuffle-partitions", type=int, default=None)


def session(options, app):
    from pyspark.sql import SparkSession

    # spark-submit starts the driver with a gateway and its own --master
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if not submitted:
        # local workers: this interpreter, and the package and the plugin's
        # core on their path (under spark-submit they come from --py-files)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        paths = [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    builder = SparkSession.builder.appName(app)
    master = options.master or (None if submitted else "local[2]")
    if master:
        builder = builder.master(master)
    cores = _cores(master or "")
    builder = (
        builder.config("spark.driver.memory", options.driver_memory)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", str(options.shuffle_partitions or max(4, 4 * cores)))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
    )
    if options.executor_memory:
        builder = builder.config("spark.executor.memory", options.executor_memory)
    spark = builder.getOrCreate()
    # a task that refuses bad input is reported once, by main(), not by log4j too
    spark.sparkContext.setLogLevel("FATAL")
    return spark


def _cores(master):
    if master.startswith("local["):
        inside = master[len("local[") : -1]
        return (os.cpu_count() or 2) if inside == "*" else max(1, int(inside))
    return 2


def build_package(output):
    """landplan_spark + the plugin's QGIS-free core and its tables."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    plugin = ROOT / "landplan_plugin"
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(HERE.glob("*.py")):
            archive.write(path, "landplan_spark/" + path.name)
        for name in ("__init__.py", "paths.py"):
            archive.write(plugin / name, "landplan_plugin/" + name)
        for path in sorted((plugin / "core").glob("*.py")):
            archive.write(path, "landplan_plugin/core/" + path.name)
        for path in sorted((ROOT / "resources" / "tables").glob("*")):
            archive.write(path, "landplan_plugin/resources/tables/" + path.name)
    # spark-submit wants a main file: this launcher, with the archive on --py-files
    launcher = output.parent / "landplan_spark_main.py"
    launcher.write_text(
        '"""spark-submit --py-files landplan_spark.zip landplan_spark_main.py <command> …"""\n'
        "import sys\n\nfrom landplan_spark.cli import main\n\nsys.exit(main())\n",
        encoding="utf-8",
    )
    return output


def main(argv=None):
    options = parser().parse_args(argv)
    from .geoparquet import InputError
    from .kernel import GeometryError

    start = time.perf_counter()
    try:
        if options.command == "package":
            archive = build_package(options.output)
            print("{}\n{}".format(archive, archive.parent / "landplan_spark_main.py"))
            return 0
        if options.command == "convert":
            from .geoparquet import convert

            rows = convert(options.source, options.output, layer=options.layer, cell=options.cell, chunk=options.chunk)
            print("{} features → {} ({:.1f} s)".format(rows, options.output, time.perf_counter() - start))
            return 0
        spark = session(options, "landplan-" + options.command)
        try:
            from . import change, occupation

            job = occupation if options.command == "occupation" else change
            results = job.run(spark, options, log=lambda text: print(text, flush=True))
        finally:
            spark.stop()
        for name, path in results.items():
            print("{}: {}".format(name, path))
        print("done in {:.1f} s".format(time.perf_counter() - start))
        return 0
    except (InputError, GeometryError) as error:
        print("landplan_spark: error: {}".format(error), file=sys.stderr)
        return 2
    except Exception as error:
        # a task's GeometryError/InputError reaches the driver inside Spark's
        # PythonException: say what it says, without the JVM traceback
        found = _task_error(str(error))
        if found is None:
            raise
        print("landplan_spark: error: {}".format(found), file=sys.stderr)
        return 2


def _task_error(text):
    for line in text.splitlines():
        for name in ("GeometryError: ", "InputError: "):
            if name in line:
                return line.split(name, 1)[1].strip()
    return None
