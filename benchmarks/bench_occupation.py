"""farmlandoccupation against the chain a specialist builds today:

fix geometries → field calculator (parcel planar area YTBMJ = $area) →
native:intersection with the projects as INPUT (the faster order) → field
calculator (piece net area = TBDLMJ × $area / YTBMJ) → statistics by
categories (project × DLBM).

Both give the apportioned net area per project and land class; the totals
are compared.  LandPlan also splits by 永久基本农田 in a second row (the
native chain would need another intersection for that).
"""

from qgis.core import QgsFeatureRequest, QgsProcessing, QgsProcessingFeedback

from common import no_check_context, runs, timing  # noqa: E402

NAME = "occupation"


def run(county, repeat, side_by_side):
    import processing

    landuse = "{}|layername=DLTB".format(county)
    projects = "{}|layername=projects".format(county)
    basic = "{}|layername=YJJBNT".format(county)
    feedback = QgsProcessingFeedback()

    def ours(with_basic=False):
        context = no_check_context()
        result = processing.run(
            "landplan:farmlandoccupation",
            {
                "PROJECTS": projects,
                "PROJECT_ID_FIELD": "XMBH",
                "LANDUSE": landuse,
                "BASIC_FARMLAND": basic if with_basic else None,
                "AREA_MODE": 0,
                "REPAIR_INVALID": True,
                "OUTPUT_PIECES": QgsProcessing.TEMPORARY_OUTPUT,
                "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
        )
        layer = (
            context.getMapLayer(result["OUTPUT_PIECES"])
            if isinstance(result["OUTPUT_PIECES"], str)
            else result["OUTPUT_PIECES"]
        )
        total = sum(
            f["net_m2"]
            for f in layer.getFeatures(
                QgsFeatureRequest().setNoAttributes().setSubsetOfAttributes(["net_m2"], layer.fields())
            )
        )
        return total

    fix_times = []

    def native():
        import time

        context = no_check_context()
        # the county layer has a few invalid polygons: native:intersection stops
        # with "GEOS geoprocessing error" on them, so a user fixes them first
        start = time.perf_counter()
        fixed = processing.run(
            "native:fixgeometries",
            {"INPUT": landuse, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
            context=context,
            feedback=feedback,
            is_child_algorithm=True,
        )["OUTPUT"]
        fix_times.append(time.perf_counter() - start)
        step1 = processing.run(
            "native:fieldcalculator",
            {
                "INPUT": fixed,
                "FIELD_NAME": "YTBMJ",
                "FIELD_TYPE": 0,
                "FIELD_LENGTH": 20,
                "FIELD_PRECISION": 6,
                "FORMULA": "$area",
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
            is_child_algorithm=True,
        )["OUTPUT"]
        # the faster layer order: the projects as INPUT (the whole-process table
        # times both; the 三调 layer as INPUT is about twice as slow)
        step2 = processing.run(
            "native:intersection",
            {
                "INPUT": projects,
                "OVERLAY": step1,
                "INPUT_FIELDS": ["XMBH"],
                "OVERLAY_FIELDS": ["DLBM", "TBDLMJ", "YTBMJ"],
                "OVERLAY_FIELDS_PREFIX": "",
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
            is_child_algorithm=True,
        )["OUTPUT"]
        step3 = processing.run(
            "native:fieldcalculator",
            {
                "INPUT": step2,
                "FIELD_NAME": "PDLMJ",
                "FIELD_TYPE": 0,
                "FIELD_LENGTH": 20,
                "FIELD_PRECISION": 6,
                "FORMULA": '"TBDLMJ" * $area / "YTBMJ"',
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
            is_child_algorithm=True,
        )["OUTPUT"]
        step4 = processing.run(
            "qgis:statisticsbycategories",
            {
                "INPUT": step3,
                "VALUES_FIELD_NAME": "PDLMJ",
                "CATEGORIES_FIELD_NAME": ["XMBH", "DLBM"],
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
            is_child_algorithm=True,
        )["OUTPUT"]
        table = context.getMapLayer(step4)
        return sum(f["sum"] for f in table.getFeatures() if f["sum"] is not None)

    summary, values = side_by_side(ours, native, repeat)
    fix_median = sorted(fix_times)[len(fix_times) // 2]
    ratio_without_fix = summary["ours"]["time"] / (summary["native"]["time"] - fix_median)
    same = abs(values["ours"] - values["native"]) <= 1e-6 * max(abs(values["native"]), 1.0)
    rows = [
        {
            "name": "farmlandoccupation (no basic farmland)",
            **timing(summary["ours"], summary["native"]),
            "same": "yes" if same else "NO ({:.2f} vs {:.2f} m²)".format(values["ours"], values["native"]),
            "notes": "net area Σ {:.0f} m²".format(values["ours"]),
            "detail": "LandPlan runs {}; native chain runs {} (s), of which native:fixgeometries {:.1f} s "
            "(needed: native:intersection stops on the invalid polygons; LandPlan repairs only the 图斑 it cuts). "
            "Ratio against the chain without the fix step: {:.2f}×. LandPlan also gives 田坎, 三大类, grades and "
            "the summary table the native chain lacks.".format(
                runs(summary["ours"]),
                runs(summary["native"]),
                fix_median,
                ratio_without_fix,
            ),
        }
    ]
    with_basic, _ = side_by_side(lambda: ours(True), lambda: None, 1)
    rows.append(
        {
            "name": "farmlandoccupation + basic-farmland split",
            **timing(with_basic["ours"], summary["native"]),
            "same": "n/a",
            "notes": "native chain without the split",
            "detail": "with YJJBNT the native chain would need a second intersection; compared against the chain above.",
        }
    )
    return rows


def ours_only(county):
    """LandPlan alone (growth runs)."""
    import processing

    context = no_check_context()
    result = processing.run(
        "landplan:farmlandoccupation",
        {
            "PROJECTS": "{}|layername=projects".format(county),
            "PROJECT_ID_FIELD": "XMBH",
            "LANDUSE": "{}|layername=DLTB".format(county),
            "AREA_MODE": 0,
            "REPAIR_INVALID": True,
            "OUTPUT_PIECES": QgsProcessing.TEMPORARY_OUTPUT,
            "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    return result["OUTPUT_SUMMARY"].featureCount()
