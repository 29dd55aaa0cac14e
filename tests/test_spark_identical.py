"""Identical figures: ``python -m landplan_spark occupation`` (Spark local[2],
its own venv) against ``landplan:farmlandoccupation`` (processing.run) on
the same files, every summary and 地类面积表 row equal to 0.01 m² in all
three area modes.

* the sample county (tiles of 300 m: many 图斑 cross tile borders);
* a generated county of 100,000 图斑 (50 m cells, tiles of 150 m: about
  two thirds of the 图斑 cross a tile border), with invalid 图斑 repaired,
  basic farmland, projects partly outside the survey;
* one 图斑 spanning four tiles, with figures computed by hand: it must be
  counted once.

The Spark side runs in ``.venv-spark`` (``make setup``) with a clean
environment: the QGIS leg's PYTHONPATH must not reach it.
"""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPARK_PYTHON = Path(os.environ.get("LANDPLAN_SPARK_PYTHON", ROOT / ".venv-spark" / "bin" / "python"))
TEXT_FIELDS = {"project_id", "project_type", "approval_date", "qsxz_group", "qsdwdm", "qsdwmc", "dlbm", "dlmc"}
TEXT_FIELDS |= {"zone", "from_group", "to_group", "verdict", "reasons"}


def spark(*args, expect=0):
    if not SPARK_PYTHON.exists():
        pytest.fail("the Spark venv is missing: run `make setup` (or set LANDPLAN_SPARK_PYTHON)")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QGIS", "LD_LIBRARY", "PYSPARK"))}
    result = subprocess.run(
        [str(SPARK_PYTHON), "-m", "landplan_spark", *map(str, args)],
        cwd=str(ROOT),
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == expect, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def run_plugin(algorithm, folder, parameters):
    import processing
    from qgis.core import QgsProcessingContext

    folder.mkdir(parents=True, exist_ok=True)
    processing.run(algorithm, parameters, context=QgsProcessingContext())
    return folder


def plugin(county, mode, folder):
    return run_plugin(
        "landplan:farmlandoccupation",
        folder,
        {
            "PROJECTS": "{}|layername=projects".format(county),
            "PROJECT_ID_FIELD": "XMBH",
            "LANDUSE": "{}|layername=DLTB".format(county),
            "BASIC_FARMLAND": "{}|layername=YJJBNT".format(county),
            "AREA_MODE": mode,
            "REPAIR_INVALID": True,
            "OUTPUT_PIECES": str(folder / "pieces.gpkg"),
            "OUTPUT_SUMMARY": str(folder / "summary.csv"),
            "OUTPUT_CLASSES": str(folder / "classes.csv"),
        },
    )


def read(path, key):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {tuple(row[k].strip('"') for k in key): row for row in rows}


def number(text):
    text = (text or "").strip('"')
    return None if text == "" else float(text)


def assert_same(ours_path, theirs_path, key):
    """Every row and every numeric field equal to 0.01 (m², 亩; 0.0001 ha)."""
    ours, theirs = read(ours_path, key), read(theirs_path, key)
    assert set(ours) == set(theirs)
    assert ours, "no rows to compare"
    differences = []
    for row_key, row in ours.items():
        other = theirs[row_key]
        for name, value in row.items():
            if name in TEXT_FIELDS:
                if name not in ("approval_date",) and (value or "").strip('"') != (other[name] or "").strip('"'):
                    differences.append((row_key, name, value, other[name]))
                continue
            a, b = number(value), number(other[name])
            if (a is None) != (b is None) or (a is not None and abs(a - b) > 0.0100001):
                differences.append((row_key, name, value, other[name]))
    assert not differences, differences[:10]
    return len(ours)


def r(x1, y1, x2, y2):
    """A rectangle in EPSG:4547, relative to a tile corner (455000, 3092000)."""
    from testdata import rect

    return rect(455000.0 + x1, 3092000.0 + y1, 455000.0 + x2, 3092000.0 + y2)


SUMMARY_KEY = ("project_id",)
CLASSES_KEY = ("project_id", "qsxz_group", "qsdwdm", "qsdwmc", "dlbm")


def compare_county(county, tmp, cell):
    out = tmp / "spark"
    spark(
        "occupation", "--landuse", county, "--projects", county, "--basic-farmland", county,
        "--repair-invalid", "--area-mode", "0,1,2", "--cell", cell, "--master", "local[2]", "-o", out,
    )  # fmt: skip
    counts = {}
    for mode in (0, 1, 2):
        ours = plugin(county, mode, tmp / "plugin{}".format(mode))
        theirs = out / "mode{}".format(mode)
        counts[mode] = (
            assert_same(ours / "summary.csv", theirs / "summary.csv", SUMMARY_KEY),
            assert_same(ours / "classes.csv", theirs / "classes.csv", CLASSES_KEY),
        )
    return counts


def small_case(make_gpkg, tmp_path, name, fields, parcels, project, cell):
    """Run Spark (mode 0) on a hand-built county: DLTB ``parcels``, one
    project P, basic farmland far away.  Returns (P's summary row, Spark
    output folder, county path)."""
    county = make_gpkg(
        name,
        {
            "DLTB": ("Polygon", "EPSG:4547", fields, parcels),
            "YJJBNT": ("Polygon", "EPSG:4547", [("BSM", "str")], [(r(300, 300, 400, 400), {"BSM": "J1"})]),
            "projects": ("Polygon", "EPSG:4547", [("XMBH", "str")], [(project, {"XMBH": "P"})]),
        },
    )
    out = tmp_path / "spark"
    spark(
        "occupation", "--landuse", county, "--projects", county, "--basic-farmland", county,
        "--area-mode", "0", "--cell", cell, "-o", out,
    )  # fmt: skip
    return read(out / "summary.csv", SUMMARY_KEY)[("P",)], out, county


def test_sample_county_identical(landplan, tmp_path):
    from conftest import SAMPLE_GPKG

    counts = compare_county(SAMPLE_GPKG, tmp_path, 300)
    assert counts[0][0] == 7 and counts[0][1] > 100


@pytest.fixture(scope="module")
def generated_county(tmp_path_factory):
    """100,000 图斑 (50 m cells), DLTB_AFTER with 4 % reclassified."""
    folder = tmp_path_factory.mktemp("county")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_county.py"), "--parcels", "100000", "--out", str(folder)],
        check=True,
        capture_output=True,
    )
    return next(folder.glob("county_100000_*.gpkg"))


def test_generated_county_identical(landplan, generated_county, tmp_path):
    counts = compare_county(generated_county, tmp_path, 150)
    assert counts[0][0] == 800


def test_parcel_across_four_tiles_counted_once(landplan, make_gpkg, tmp_path):
    """T (0101, 200 × 200 m, TBMJ 40000, TBDLMJ 36000) has its box centre on
    a tile corner (tiles of 100 m), so it spans four tiles; N (0702, 100 ×
    200 m, TBMJ 20000) lies east of it.  P covers x −50…150, y −100…100:
    three quarters of T and half of N.  By hand, apportioned (mode 0):
    total 0.75 × 40000 + 0.5 × 20000 = 40000; farmland 0.75 × 36000 =
    27000; 田坎 3000; construction 10000; agricultural 30000; 2 pieces."""
    fields = [("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float"), ("KCXS", "float")]
    row, out, county = small_case(
        make_gpkg,
        tmp_path,
        "four_tiles.gpkg",
        fields,
        [
            (r(-100, -100, 100, 100), {"DLBM": "0101", "TBMJ": 40000.0, "TBDLMJ": 36000.0, "KCXS": 0.1}),
            (r(100, -100, 200, 100), {"DLBM": "0702", "TBMJ": 20000.0, "TBDLMJ": 20000.0, "KCXS": 0.0}),
        ],
        r(-50, -100, 150, 100),
        100,
    )
    expected = {
        "total_m2": 40000.0,
        "farmland_m2": 27000.0,
        "paddy_m2": 27000.0,
        "tk_m2": 3000.0,
        "construction_m2": 10000.0,
        "agricultural_m2": 30000.0,
        "pieces": 2,
    }
    assert {name: number(row[name]) for name in expected} == pytest.approx(expected, abs=0.005)
    ours = plugin(county, 0, tmp_path / "plugin")
    assert_same(ours / "summary.csv", out / "summary.csv", SUMMARY_KEY)


def test_overlapping_parcels_counted_once(landplan, make_gpkg, tmp_path):
    """A (0101, 0…100) and B (0103, 50…150) overlap by 50 × 100 m; P covers
    both.  The 图斑 read first (A, lowest fid) keeps the overlap, B keeps
    its own half: total 10000 + 0.5 × 10000 = 15000 m² (mode 0); farmland
    likewise, all of it 耕地; paddy 10000, dry 5000."""
    fields = [("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float")]
    row, out, county = small_case(
        make_gpkg,
        tmp_path,
        "overlap.gpkg",
        fields,
        [
            (r(0, 0, 100, 100), {"DLBM": "0101", "TBMJ": 10000.0, "TBDLMJ": 10000.0}),
            (r(50, 0, 150, 100), {"DLBM": "0103", "TBMJ": 10000.0, "TBDLMJ": 10000.0}),
        ],
        r(0, 0, 150, 100),
        1000,
    )
    expected = {"total_m2": 15000.0, "farmland_m2": 15000.0, "paddy_m2": 10000.0, "dry_m2": 5000.0}
    assert {name: number(row[name]) for name in expected} == pytest.approx(expected, abs=0.005)
    assert "overlap" in (out / "notes.txt").read_text(encoding="utf-8")
    ours = plugin(county, 0, tmp_path / "plugin")
    assert_same(ours / "summary.csv", out / "summary.csv", SUMMARY_KEY)


# --- change: survey × survey ------------------------------------------------------------------------

CHANGE_SUMMARY_KEY = ("zone",)
MATRIX_KEY = ("zone", "from_group", "to_group")


def plugin_change(before, after, mode, folder, **extra):
    return run_plugin(
        "landplan:farmlandchange",
        folder,
        {
            "BEFORE": before,
            "AFTER": after,
            "AREA_MODE": mode,
            "REPAIR_INVALID": True,
            "OUTPUT_CHANGES": str(folder / "changes.gpkg"),
            "OUTPUT_MATRIX": str(folder / "matrix.csv"),
            "OUTPUT_SUMMARY": str(folder / "summary.csv"),
            **extra,
        },
    )


def compare_change(tmp, cell, before, after, spark_args, plugin_args, modes=(0, 1, 2)):
    """Spark ``change`` against farmlandchange: (summary rows, matrix rows)
    per mode, every one equal to 0.01."""
    out = tmp / "spark"
    spark("change", *spark_args, "--repair-invalid", "--area-mode", ",".join(map(str, modes)), "--cell", cell,
          "--master", "local[2]", "-o", out)  # fmt: skip
    counts = {}
    for mode in modes:
        ours = plugin_change(before, after, mode, tmp / "plugin{}".format(mode), **plugin_args)
        theirs = out / "mode{}".format(mode) if len(modes) > 1 else out
        counts[mode] = (
            assert_same(ours / "summary.csv", theirs / "summary.csv", CHANGE_SUMMARY_KEY),
            assert_same(ours / "matrix.csv", theirs / "matrix.csv", MATRIX_KEY),
        )
    return counts


def test_sample_county_change_identical(landplan, tmp_path):
    """Zones (XZQ), basic farmland, 2019 → 2023, tiles of 300 m."""
    from conftest import SAMPLE_GPKG

    county = str(SAMPLE_GPKG)
    counts = compare_change(
        tmp_path,
        300,
        "{}|layername=DLTB".format(county),
        "{}|layername=DLTB_2023".format(county),
        ["--before", county, "--after", county, "--after-layer", "DLTB_2023", "--basic-farmland", county,
         "--zones", county, "--zones-layer", "XZQ", "--zone-field", "XZQMC"],
        {"BASIC_FARMLAND": "{}|layername=YJJBNT".format(county), "ZONES": "{}|layername=XZQ".format(county),
         "ZONE_FIELD": "XZQMC"},
    )  # fmt: skip
    assert counts[0][0] > 2 and counts[0][1] > 10


def test_change_across_tiles_by_hand(landplan, make_gpkg, tmp_path):
    """Tiles of 100 m.  BEFORE: T (0101, −100…100 both ways, TBMJ 40000,
    TBDLMJ 36000: its box centre is a tile corner) and N (0702, x 100…200,
    TBMJ = TBDLMJ 20000).  AFTER: A1 (0201, y −100…0, x −100…150, 25000),
    A2 (0101, y 0…100, x −100…200, TBMJ 30000, TBDLMJ 27000), A3 (0702,
    x 150…200, y −100…0, 5000).  By hand (mode 0, shares of TBMJ/TBDLMJ):
    T∩A1 half of T: 18000 farmland out to 种植园用地 (paddy); T∩A2 18000 stays;
    N∩A2 (half of N, a third of A2): 30000 × 1/3 × 0.9 = 9000 复垦;
    farmland 36000 → 27000, net −9000 = 0 in + 9000 reclaimed − 18000 out;
    不平衡.  Matrix: 耕地→种植园 18000, 田坎→种植园 2000, 耕地→耕地 18000,
    田坎→田坎 2000, 住宅→种植园 5000, 住宅→耕地 9000, 住宅→田坎 1000,
    住宅→住宅 5000 (60000 in all, each piece once)."""
    fields = [("DLBM", "str"), ("TBMJ", "float"), ("TBDLMJ", "float")]

    def parcel(box, code, tbmj, tbdlmj):
        return (r(*box), {"DLBM": code, "TBMJ": tbmj, "TBDLMJ": tbdlmj})

    county = make_gpkg(
        "change_tiles.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:4547", fields, [
                parcel((-100, -100, 100, 100), "0101", 40000.0, 36000.0),
                parcel((100, -100, 200, 100), "0702", 20000.0, 20000.0),
            ]),
            "DLTB_AFTER": ("Polygon", "EPSG:4547", fields, [
                parcel((-100, -100, 150, 0), "0201", 25000.0, 25000.0),
                parcel((-100, 0, 200, 100), "0101", 30000.0, 27000.0),
                parcel((150, -100, 200, 0), "0702", 5000.0, 5000.0),
            ]),
        },
    )  # fmt: skip
    out = tmp_path / "spark"
    spark("change", "--before", county, "--after", county, "--after-layer", "DLTB_AFTER", "--cell", 100, "-o", out)
    total = read(out / "summary.csv", CHANGE_SUMMARY_KEY)[("*",)]
    expected = {
        "farmland_before_m2": 36000.0,
        "farmland_after_m2": 27000.0,
        "out_agricultural_m2": 18000.0,
        "in_agricultural_m2": 0.0,
        "reclaimed_m2": 9000.0,
        "net_m2": -9000.0,
        "net_change_m2": -9000.0,
        "restated_m2": 0.0,
        "paddy_out_m2": 18000.0,
    }
    assert {name: number(total[name]) for name in expected} == pytest.approx(expected, abs=0.005)
    assert total["verdict"] == "不平衡"
    matrix = {key[1:]: number(row["area_m2"]) for key, row in read(out / "matrix.csv", MATRIX_KEY).items()}
    assert matrix == pytest.approx(
        {
            ("耕地", "种植园用地"): 18000.0,
            ("田坎", "种植园用地"): 2000.0,
            ("耕地", "耕地"): 18000.0,
            ("田坎", "田坎"): 2000.0,
            ("住宅用地", "种植园用地"): 5000.0,
            ("住宅用地", "耕地"): 9000.0,
            ("住宅用地", "田坎"): 1000.0,
            ("住宅用地", "住宅用地"): 5000.0,
        },  # fmt: skip
        abs=0.005,
    )
    ours = plugin_change("{}|layername=DLTB".format(county), "{}|layername=DLTB_AFTER".format(county), 0,
                         tmp_path / "plugin")  # fmt: skip
    assert_same(ours / "summary.csv", out / "summary.csv", CHANGE_SUMMARY_KEY)
    assert_same(ours / "matrix.csv", out / "matrix.csv", MATRIX_KEY)


def test_generated_county_change_identical(landplan, generated_county, tmp_path):
    """Grouped by 坐落单位代码, with basic farmland; tiles of 150 m."""
    county = str(generated_county)
    counts = compare_change(
        tmp_path,
        150,
        "{}|layername=DLTB".format(county),
        "{}|layername=DLTB_AFTER".format(county),
        ["--before", county, "--after", county, "--after-layer", "DLTB_AFTER", "--basic-farmland", county,
         "--by-code"],
        {"BASIC_FARMLAND": "{}|layername=YJJBNT".format(county), "GROUP_BY": 1},
    )  # fmt: skip
    assert counts[0][0] > 20 and counts[0][1] > 100


def test_change_invalid_geometry_is_a_clear_error(make_gpkg, tmp_path):
    """A bow-tie in BEFORE, no --repair-invalid: the task's refusal reaches
    the user as one line naming the feature and the layer, exit code 2, no
    Python or Java traceback."""
    fields = [("DLBM", "str"), ("TBMJ", "float")]
    bowtie = "POLYGON((455000 3092000, 455100 3092100, 455100 3092000, 455000 3092100, 455000 3092000))"
    county = make_gpkg(
        "bowtie.gpkg",
        {
            "DLTB": ("Polygon", "EPSG:4547", fields, [(bowtie, {"DLBM": "0101", "TBMJ": 5000.0})]),
            "DLTB_AFTER": ("Polygon", "EPSG:4547", fields, [(r(0, 0, 100, 100), {"DLBM": "0101", "TBMJ": 10000.0})]),
        },
    )
    result = spark("change", "--before", county, "--after", county, "--after-layer", "DLTB_AFTER", "-o",
                   tmp_path / "out", expect=2)  # fmt: skip
    assert "has an invalid geometry" in result.stderr and "bowtie" in result.stderr
    assert "Traceback" not in result.stderr and "at org.apache" not in result.stderr
