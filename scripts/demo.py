"""make demo: run LandPlan's algorithms on the sample county via qgis_process.

Each algorithm issue adds its step to STEPS.  Results go to demo_output/,
and a short summary is printed at the end.
"""

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from qgisprocess import QgisProcess  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "sample_county.gpkg"


def layer(name):
    return "{}|layername={}".format(SAMPLE, name)


def step_ellipsoid_area(qp, out):
    result = qp.run(
        "landplan:ellipsoidarea",
        {"INPUT": layer("DLTB"), "TBMJ_FIELD": "TBMJ", "OUTPUT": str(out / "dltb_areas.gpkg")},
    )["results"]
    ellipsoid = result["TOTAL_ELLIPSOID_M2"]
    planar = result["TOTAL_PLANAR_M2"]
    return "椭球面积 ellipsoidal area of DLTB: {:.2f} ha ({:.2f} 亩) over {} 图斑; planar {:.2f} ha ({:+.4%})".format(
        ellipsoid / 10000, ellipsoid * 3 / 2000, result["FEATURE_COUNT"], planar / 10000, planar / ellipsoid - 1
    )


STEPS = [
    ("landplan:ellipsoidarea", step_ellipsoid_area),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plugin-dir", default=str(ROOT / "build"))
    parser.add_argument("--output", default=str(ROOT / "demo_output"))
    args = parser.parse_args()
    out = Path(args.output).resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    qp = QgisProcess(args.plugin_dir, profile_dir=out / ".profile")
    qp.enable_plugin()
    summary = []
    for algorithm_id, step in STEPS:
        print("running", algorithm_id, flush=True)
        summary.append((algorithm_id, step(qp, out)))
    shutil.rmtree(out / ".profile", ignore_errors=True)
    print("\nLandPlan demo on the sample county 样例县 – results in {}".format(out))
    for algorithm_id, line in summary:
        print("  {:<32} {}".format(algorithm_id, line))


if __name__ == "__main__":
    main()
