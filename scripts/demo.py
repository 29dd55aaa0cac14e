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


def read_table(path):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    rows = [feature.items() for feature in layer]
    ds = None
    return rows


def step_farmland_occupation(qp, out):
    qp.run(
        "landplan:farmlandoccupation",
        {
            "PROJECTS": layer("projects"),
            "PROJECT_ID_FIELD": "XMBH",
            "PROJECT_NAME_FIELD": "XMMC",
            "LANDUSE": layer("DLTB"),
            "BASIC_FARMLAND": layer("YJJBNT"),
            "AREA_MODE": 0,
            "CAPACITY_TABLE": "default",
            "REPAIR_INVALID": "true",
            "OUTPUT_PIECES": str(out / "occupation_pieces.gpkg"),
            "OUTPUT_SUMMARY": str(out / "occupation_summary.gpkg"),
            "OUTPUT_CLASSES": str(out / "occupation_classes.gpkg"),
            "OUTPUT_REPORT": str(out / "occupation_report.html"),
        },
    )
    rows = read_table(out / "occupation_summary.gpkg")
    farmland = sum(r["farmland_m2"] for r in rows)
    basic = sum(r["basic_farmland_m2"] for r in rows)
    hit = sum(1 for r in rows if r["basic_farmland_m2"] > 0)
    forbidden = [r["project_id"] for r in rows if r["basic_farmland_permitted"] == 0]
    lines = [
        "{} projects occupy {:.2f} 亩 farmland (耕地), {:.2f} 亩 in basic farmland ({} projects); report {}".format(
            len(rows), farmland * 3 / 2000, basic * 3 / 2000, hit, "occupation_report.html"
        ),
        "永久基本农田 not permitted (土地管理法 第三十五条): {}".format(", ".join(forbidden) or "none"),
    ]
    # the 报批 地类面积表 of the first project, after 平差
    classes = [c for c in read_table(out / "occupation_classes.gpkg") if c["project_id"] == rows[0]["project_id"]]
    lines.append(
        "地类面积表 {} (控制面积 {:.2f} m², Σ adjusted {:.2f} m²):".format(
            rows[0]["project_id"], rows[0]["control_m2"], sum(c["adjusted_m2"] for c in classes)
        )
    )
    for c in classes:
        lines.append(
            "    {} {} {} {} {:>12.2f} → {:>12.2f}".format(
                c["qsxz_group"], c["qsdwmc"], c["dlbm"], c["dlmc"], c["area_m2"], c["adjusted_m2"]
            )
        )
    return "\n".join(lines)


def step_farmland_balance(qp, out):
    summary = str(out / "occupation_summary.gpkg")
    qp.run(
        "landplan:farmlandbalance",
        {
            "OCCUPATION": summary,
            "SUPPLEMENT": layer("supplement"),
            "SUP_DATE_FIELD": "accepted",
            "OUTPUT": str(out / "balance_pooled.gpkg"),
            "OUTPUT_LEDGER": str(out / "balance_pooled_ledger.gpkg"),
            "OUTPUT_REPORT": str(out / "balance_pooled_report.html"),
        },
    )
    qp.run(
        "landplan:farmlandbalance",
        {
            "OCCUPATION": summary,
            "SUPPLEMENT": layer("supplement"),
            "ALLOCATIONS": layer("allocations"),
            "OUTPUT": str(out / "balance_allocated.gpkg"),
            "OUTPUT_LEDGER": str(out / "balance_allocated_ledger.gpkg"),
            "OUTPUT_REPORT": str(out / "balance_report.html"),
        },
    )
    pooled = read_table(out / "balance_pooled.gpkg")[0]
    allocated = read_table(out / "balance_allocated.gpkg")
    balanced = [r["project_id"] for r in allocated if r["balanced"] == 1]
    failed = [
        name for name in ("quantity_ok", "paddy_ok", "capacity_ok", "quality_ok", "order_ok") if pooled[name] == 0
    ]
    lines = [
        "pooled: {} (failing: {}; farmland short {:.2f} 亩 once 旱改水/提质改造 add no farmland)".format(
            pooled["verdict"], ", ".join(failed) or "none", pooled["short_farmland_m2"] * 3 / 2000
        ),
        "with the 挂钩 ledger {} of {} projects balanced; report balance_report.html".format(
            len(balanced), len(allocated)
        ),
    ]
    for r in allocated:
        lines.append(
            "    {} {}{}".format(
                r["project_id"], r["verdict"], "（未核查: {}）".format(r["unchecked"]) if r["unchecked"] else ""
            )
            + ("  先补后占 ✘" if r["order_ok"] == 0 else "")
        )
    return "\n".join(lines)


def step_farmland_change(qp, out):
    qp.run(
        "landplan:farmlandchange",
        {
            "BEFORE": layer("DLTB"),
            "AFTER": layer("DLTB_2023"),
            "BASIC_FARMLAND": layer("YJJBNT"),
            "ZONES": layer("XZQ"),
            "ZONE_FIELD": "XZQMC",
            "YEAR_BEFORE": 2019,
            "YEAR_AFTER": 2023,
            "REPAIR_INVALID": "true",
            "OUTPUT_CHANGES": str(out / "farmland_changes.gpkg"),
            "OUTPUT_MATRIX": str(out / "farmland_matrix.gpkg"),
            "OUTPUT_SUMMARY": str(out / "farmland_change_summary.gpkg"),
            "OUTPUT_REPORT": str(out / "farmland_change_report.html"),
        },
    )
    rows = read_table(out / "farmland_change_summary.gpkg")
    total = [r for r in rows if r["zone"] == "*"][0]

    def mu(name):
        return total[name] * 3 / 2000

    lines = [
        "farmland {:+.2f} 亩 = in {:.2f} + 复垦 {:.2f} + 未利用地开发 {:.2f} − out {:.2f} − 非农化 {:.2f} − 转未利用地 {:.2f}"
        " (net {:+.2f}) − 核减 {:.2f} + 口径调整 {:+.2f}".format(
            mu("net_change_m2"),
            mu("in_agricultural_m2"),
            mu("reclaimed_m2"),
            mu("from_unused_m2"),
            mu("out_agricultural_m2"),
            mu("to_construction_m2"),
            mu("to_unused_m2"),
            mu("net_m2"),
            mu("exempt_out_m2"),
            mu("restated_m2"),
        ),
        "进出平衡 county: {}{}".format(total["verdict"], " – " + total["reasons"] if total["reasons"] else ""),
    ]
    for r in rows:
        if r["zone"] != "*":
            lines.append("    {} {}{}".format(r["zone"], r["verdict"], " – " + r["reasons"] if r["reasons"] else ""))
    return "\n".join(lines)


def step_restoration(qp, out):
    qp.run(
        "landplan:restorationstats",
        {
            "RESTORATION": layer("restoration"),
            "TYPE_FIELD": "XFLX",
            "YEAR_FIELD": "ND",
            "STATUS_FIELD": "ZT",
            "STATUS_FILTER": "已完成,在建",
            "DIRECTION_FIELD": "XFFX",
            "ZONES": layer("XZQ"),
            "ZONE_FIELD": "XZQMC",
            "LANDUSE_BEFORE": layer("DLTB"),
            "LANDUSE_AFTER": layer("DLTB_2023"),
            "NDVI_BEFORE": str(SAMPLE.parent / "ndvi_2019.tif"),
            "NDVI_AFTER": str(SAMPLE.parent / "ndvi_2023.tif"),
            "REPAIR_INVALID": "true",
            "OUTPUT_STATS": str(out / "restoration_stats.gpkg"),
            "OUTPUT_PROJECTS": str(out / "restoration_projects.gpkg"),
            "OUTPUT_MATRIX": str(out / "restoration_matrix.gpkg"),
            "OUTPUT_REPORT": str(out / "restoration_report.html"),
        },
    )
    total = [r for r in read_table(out / "restoration_stats.gpkg") if r["zone"] == "*"][0]
    projects = read_table(out / "restoration_projects.gpkg")
    met = sum(1 for p in projects if p["direction_met"] is not None and p["direction_met"] >= 1)
    return "{} projects, {:.2f} ha restored ({:.2f} ha overlap counted once); direction met by {} of {}".format(
        total["projects"], total["area_m2"] / 10000, total["overlap_m2"] / 10000, met, len(projects)
    )


def step_idle_land(qp, out):
    qp.run(
        "landplan:idleland",
        {
            "PARCELS": layer("supply"),
            "PARCEL_ID_FIELD": "ZDBH",
            "AGREED_START_FIELD": "YDDGRQ",
            "DELIVERY_DATE_FIELD": "JDRQ",
            "ACTUAL_START_FIELD": "SJDGRQ",
            "SUSPENDED_SINCE_FIELD": "ZZRQ",
            "DEVELOPED_AREA_FIELD": "KFMJ",
            "INVESTED_FIELD": "YTZE",
            "TOTAL_INVESTMENT_FIELD": "ZTZE",
            "PRICE_FIELD": "CRJK",
            "GOV_CAUSE_FIELD": "ZFYY",
            "BUILTUP_RASTER": str(SAMPLE.parent / "builtup.tif"),
            "BUILTUP_VALUES": "2",
            "REFERENCE_DATE": "2024-06-30",
            "OUTPUT": str(out / "idle_land.gpkg"),
            "OUTPUT_SUMMARY": str(out / "idle_land_summary.gpkg"),
            "OUTPUT_REPORT": str(out / "idle_land_report.html"),
        },
    )
    rows = [r for r in read_table(out / "idle_land_summary.gpkg") if r["parcels"]]
    return "check date 2024-06-30: " + ", ".join("{} {}".format(r["status_zh"], r["parcels"]) for r in rows)


def step_stock_land(qp, out):
    qp.run(
        "landplan:stockland",
        {
            "APPROVED": layer("approved"),
            "BATCH_ID_FIELD": "PCBH",
            "APPROVAL_DATE_FIELD": "PZRQ",
            "SUPPLIED": layer("supply"),
            "REFERENCE_DATE": "2024-06-30",
            "OUTPUT_UNSUPPLIED": str(out / "unsupplied.gpkg"),
            "OUTPUT_SUMMARY": str(out / "supply_by_batch.gpkg"),
        },
    )
    rows = read_table(out / "supply_by_batch.gpkg")
    total = [r for r in rows if r["batch_id"] == "*"][0]
    rows = [r for r in rows if r["batch_id"] != "*"]
    approved = sum(r["approved_m2"] for r in rows)
    unsupplied = sum(r["unsupplied_m2"] for r in rows)
    rate_5y = total["supply_rate_5y"]
    return "{} batches, {:.2f} 亩 approved, {:.2f} 亩 批而未供 (supply rate {:.1%}; 近五年平均供地率 {})".format(
        len(rows),
        approved * 3 / 2000,
        unsupplied * 3 / 2000,
        1 - unsupplied / approved,
        "{:.1%}".format(rate_5y) if rate_5y is not None else "—",
    )


def step_indicators(qp, out):
    store = out / "indicators.gpkg"
    tables = ROOT / "resources" / "indicators"
    imported = 0
    for csv_name, plan in (
        ("jiangxi_14th_natural_resources.csv", "江西省“十四五”自然资源保护和利用规划"),
        ("county_14th_natural_resources_targets.csv", "样例县“十四五”自然资源发展规划"),
    ):
        imported += int(
            qp.run(
                "landplan:importindicators", {"INPUT": str(tables / csv_name), "STORE": str(store), "PLAN_NAME": plan}
            )["results"]["IMPORTED"]
        )
    recorded = qp.run(
        "landplan:measureindicators",
        {
            "STORE": str(store),
            "PLAN_NAME": "样例县“十四五”自然资源发展规划",
            "YEAR": 2023,
            "LANDUSE": layer("DLTB_2023"),
            "BASIC_FARMLAND": layer("YJJBNT"),
            "RESTORATION": layer("restoration"),
            "OUTPUT": str(out / "indicator_measures.gpkg"),
        },
    )["results"]["RECORDED"]
    qp.run(
        "landplan:indicatorstatus",
        {
            "STORE": str(store),
            "PLAN_NAME": "样例县“十四五”自然资源发展规划",
            "OUTPUT": str(out / "indicator_status.gpkg"),
        },
    )
    measures = {r["indicator"]: (r["value"], r["unit"]) for r in read_table(out / "indicator_measures.gpkg")}
    farmland = measures.get("耕地保有量")
    statuses = {r["name"]: r["status"] for r in read_table(out / "indicator_status.gpkg")}
    lines = [
        "{} indicators imported into indicators.gpkg; {} measured for 2023 (耕地保有量 {:.2f} {})".format(
            imported, int(recorded), farmland[0], farmland[1]
        )
    ]
    for name in ("新增生态修复面积", "历史遗留矿山修复面积"):
        if name in measures:
            lines.append(
                "    {} {:.2f} {} ({}; only projects done by 2023)".format(
                    name, measures[name][0], measures[name][1], statuses.get(name)
                )
            )
    return "\n".join(lines)


def step_shared_store(qp, out):
    """The indicator store moved onto a throw-away PostgreSQL server (as a
    bureau would with its own), read there, and copied back to a file."""
    import pg_cluster

    directory = str(ROOT / "build" / "pg-demo")
    conninfo = pg_cluster.start(directory)
    try:
        pg_cluster.wait_ready(conninfo)
        shared = {"CONNECTION": conninfo, "SCHEMA": "landplan"}
        roles = qp.run("landplan:initstore", shared)["results"]
        target = {"TARGET_CONNECTION": conninfo, "TARGET_SCHEMA": "landplan"}
        copied = qp.run("landplan:copystore", dict(target, SOURCE=str(out / "indicators.gpkg")))["results"]
        qp.run(
            "landplan:indicatorstatus",
            {
                "STORE_CONNECTION": conninfo,
                "STORE_SCHEMA": "landplan",
                "PLAN_NAME": "样例县“十四五”自然资源发展规划",
                "OUTPUT": str(out / "indicator_status_shared.gpkg"),
            },
        )
        back = qp.run(
            "landplan:copystore",
            {
                "SOURCE_CONNECTION": conninfo,
                "SOURCE_SCHEMA": "landplan",
                "TARGET": str(out / "indicators_from_shared.gpkg"),
            },
        )["results"]
    finally:
        pg_cluster.stop(directory)
    same = read_table(out / "indicator_status_shared.gpkg") == read_table(out / "indicator_status.gpkg")
    return (
        "{} plans, {} indicators, {} values, {} audit rows into PostgreSQL (roles {}, {}); status there {} the "
        "file's; {} indicators copied back to indicators_from_shared.gpkg"
    ).format(
        int(copied["PLANS"]),
        int(copied["INDICATORS"]),
        int(copied["OBSERVATIONS"]),
        int(copied["AUDIT_ROWS"]),
        roles["EDITOR_ROLE"],
        roles["VIEWER_ROLE"],
        "equals" if same else "DIFFERS FROM",
        int(back["INDICATORS"]),
    )


def step_map_sheets(qp, out):
    styled = out / "sample_styled.gpkg"
    shutil.copy2(SAMPLE, styled)  # the style is stored in a copy, never in the bundled file
    qp.run("landplan:stylelanduse", {"INPUT": "{}|layername=DLTB".format(styled), "SAVE_AS_DEFAULT": "true"})
    result = qp.run(
        "landplan:exportmapsheets",
        {
            "COVERAGE": "{}|layername=projects".format(styled),
            "ID_FIELD": "XMBH",
            "LAYERS": ["{}|layername=DLTB".format(styled), "{}|layername=YJJBNT".format(styled)],
            "TEMPLATE": 0,
            "ORGANIZATION": "样例县自然资源局",
            "AREA_TABLE": str(out / "occupation_summary.gpkg"),
            "FORMAT": 0,
            "DPI": 150,
            "SINGLE_PDF": "true",
            "OUTPUT_FOLDER": str(out / "sheets"),
        },
    )["results"]
    return "{} sheets (PDF) and one combined PDF in sheets/".format(int(result["COUNT"]))


STEPS = [
    ("landplan:ellipsoidarea", step_ellipsoid_area),
    ("landplan:farmlandoccupation", step_farmland_occupation),
    ("landplan:farmlandbalance", step_farmland_balance),
    ("landplan:farmlandchange", step_farmland_change),
    ("landplan:restorationstats", step_restoration),
    ("landplan:idleland", step_idle_land),
    ("landplan:stockland", step_stock_land),
    ("landplan:importindicators", step_indicators),
    ("landplan:copystore", step_shared_store),
    ("landplan:exportmapsheets", step_map_sheets),
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
