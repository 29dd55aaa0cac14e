"""``make bench-spark``: the Spark jobs ``occupation`` and ``change``
(local[1], local[2]) next to the plugin (``qgis_process run
landplan:farmlandoccupation`` / ``landplan:farmlandchange``) on the same
generated counties, whole processes, alternated, medians; peak memory of
each process tree (``/usr/bin/time``'s maximum RSS of the driver; Spark's
JVM and Python workers are children of it and are measured with it where
the kernel reports them, see the notes).

    .venv/bin/python benchmarks/bench_spark.py --spark-python .venv-spark/bin/python \\
        [--parcels 1000000 4000000] [--jobs occupation change] [--repeat 1]

Conversion to GeoParquet (``landplan_spark convert``) is timed on its own:
a department converts its 三调 once and runs many jobs on it.  Writes
``benchmarks/results/spark.md``.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_process import Runner, fresh  # noqa: E402


def spark_env():
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QGIS", "LD_LIBRARY", "PYSPARK"))}


def timed(command, env, cwd=ROOT):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", report.name] + command, env=env, cwd=str(cwd), capture_output=True,
            text=True,
        )  # fmt: skip
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise RuntimeError("{} failed:\n{}\n{}".format(command[:4], result.stdout[-3000:], result.stderr[-3000:]))
        peak_kb = int(report.read().strip().splitlines()[-1])
    return elapsed, peak_kb / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spark-python", required=True)
    parser.add_argument("--parcels", type=int, nargs="+", default=[1000000, 4000000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--cell", type=float, default=2000.0)
    parser.add_argument("--jobs", nargs="+", default=["occupation", "change"], choices=["occupation", "change"])
    options = parser.parse_args()
    cache = HERE / "cache"
    runner = Runner(ROOT / "build")
    rows = []
    for parcels in options.parcels:
        county = cache / "county_{}_v3.gpkg".format(parcels)
        if not county.exists():
            subprocess.run([sys.executable, str(HERE / "make_county.py"), "--parcels", str(parcels)], check=True)
        parquet = cache / "county_{}_v3_dltb.parquet".format(parcels)
        convert_time, convert_peak = timed(
            [options.spark_python, "-m", "landplan_spark", "convert", str(county), fresh(parquet), "--layer", "DLTB",
             "--cell", str(options.cell)],
            spark_env(),
        )  # fmt: skip
        after = cache / "county_{}_v3_dltb_after.parquet".format(parcels)
        if "change" in options.jobs:
            timed([options.spark_python, "-m", "landplan_spark", "convert", str(county), fresh(after), "--layer",
                   "DLTB_AFTER", "--cell", str(options.cell)], spark_env())  # fmt: skip
        for job in options.jobs:
            median, peaks, times = measure(job, county, parquet, after, runner, options, parcels)
            rows.append((job, parcels, convert_time, convert_peak, median, peaks, times))
    write(rows, options)


def plugin_run(job, county, work):
    """(algorithm id, parameters) of the plugin run a user would make."""
    if job == "occupation":
        return "landplan:farmlandoccupation", {
            "PROJECTS": "{}|layername=projects".format(county),
            "PROJECT_ID_FIELD": "XMBH",
            "LANDUSE": "{}|layername=DLTB".format(county),
            "BASIC_FARMLAND": "{}|layername=YJJBNT".format(county),
            "AREA_MODE": 0,
            "REPAIR_INVALID": "true",
            "OUTPUT_PIECES": fresh(work / "pieces.gpkg"),
            "OUTPUT_SUMMARY": fresh(work / "summary.csv"),
            "OUTPUT_CLASSES": fresh(work / "classes.csv"),
        }
    return "landplan:farmlandchange", {
        "BEFORE": "{}|layername=DLTB".format(county),
        "AFTER": "{}|layername=DLTB_AFTER".format(county),
        "BASIC_FARMLAND": "{}|layername=YJJBNT".format(county),
        "GROUP_BY": 1,
        "AREA_MODE": 0,
        "REPAIR_INVALID": "true",
        "OUTPUT_CHANGES": fresh(work / "changes.gpkg"),
        "OUTPUT_MATRIX": fresh(work / "matrix.csv"),
        "OUTPUT_SUMMARY": fresh(work / "summary.csv"),
    }


def spark_run(job, county, parquet, after, master, folder):
    if job == "occupation":
        inputs = ["--landuse", str(parquet), "--projects", str(county)]
    else:
        inputs = ["--before", str(parquet), "--after", str(after), "--by-code"]
    return ["-m", "landplan_spark", job, *inputs, "--basic-farmland", str(county), "--repair-invalid", "--master",
            master, "--driver-memory", "4g", "-o", str(folder)]  # fmt: skip


def measure(job, county, parquet, after, runner, options, parcels):
    work = Path(tempfile.mkdtemp(prefix="landplan-bench-spark-"))
    times = {"plugin": [], "local[1]": [], "local[2]": []}
    peaks = {name: 0.0 for name in times}
    for round_ in range(options.repeat):
        order = list(times)
        order = order[round_ % len(order) :] + order[: round_ % len(order)]
        for name in order:
            if name == "plugin":
                elapsed, peak = runner.timed(*plugin_run(job, county, work))
            else:
                folder = work / "{}-{}".format(job, name.replace("[", "").replace("]", ""))
                elapsed, peak = timed(
                    [options.spark_python] + spark_run(job, county, parquet, after, name, folder), spark_env()
                )
            times[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
            print("{:>9} {} {} {:.1f} s {:.0f} MB".format(parcels, job, name, elapsed, peak), flush=True)
    return {name: statistics.median(values) for name, values in times.items()}, peaks, times


def write(rows, options):
    lines = [
        "# landplan_spark against the plugin",
        "",
        "{} · {} cores · tiles of {:.0f} m · medians of {} run(s), alternated · whole processes".format(
            time.strftime("%Y-%m-%d"), os.cpu_count(), options.cell, options.repeat
        ),
        "",
        "| job | 图斑 | convert s (MB) | plugin s (MB) | Spark local[1] s (MB) | Spark local[2] s (MB) |"
        " local[2] ÷ plugin | local[2] ÷ local[1] |",
        "|---|---|---|---|---|---|---|---|",
    ]
    target = HERE / "results" / "spark.md"
    measured = {(job, parcels) for job, parcels, *_rest in rows}
    for job, parcels, convert_time, convert_peak, median, peaks, _times in rows:
        lines.append(
            "| {} | {:,} | {:.1f} ({:.0f}) | {:.1f} ({:.0f}) | {:.1f} ({:.0f}) | {:.1f} ({:.0f}) | {:.2f}× | {:.2f}× |".format(
                job,
                parcels,
                convert_time,
                convert_peak,
                median["plugin"],
                peaks["plugin"],
                median["local[1]"],
                peaks["local[1]"],
                median["local[2]"],
                peaks["local[2]"],
                median["local[2]"] / median["plugin"],
                median["local[2]"] / median["local[1]"],
            )  # fmt: skip
        )
    # rows of earlier runs (other sizes or jobs) are kept, marked with their date
    lines += _earlier_rows(target, measured)
    lines += [
        "",
        "Plugin: `qgis_process run landplan:farmlandoccupation` / `landplan:farmlandchange` (area mode 0, basic "
        "farmland, repair; change grouped by ZLDWDM) on the GeoPackage. Spark: `python -m landplan_spark "
        "occupation` / `change --by-code` on the GeoParquet made by `convert` (DLTB timed as *convert*; DLTB_AFTER "
        "converted likewise, untimed), projects and basic farmland read from the GeoPackage, driver memory 4g. Peak MB is GNU time's maximum resident set over the measured process and the children it waited for, i.e. the largest single process of the run: for Spark usually the JVM (the driver's Python and the Python workers are smaller), bounded by `--driver-memory` and one tile group per task.",
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(target.read_text())


def _earlier_rows(target, measured):
    if not target.exists():
        return []
    text = target.read_text(encoding="utf-8")
    date = next((line.split(" · ")[0] for line in text.splitlines() if " · " in line), "")
    kept = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) < 8 or cells[0] not in ("occupation", "change"):
            continue
        parcels = int(cells[1].replace(",", ""))
        if (cells[0], parcels) not in measured:
            kept.append(line if "(run " in line else line.rstrip().rstrip("|").rstrip() + " (run {}) |".format(date))
    return kept


if __name__ == "__main__":
    main()
