"""farmlandchange against native:intersection of the two surveys +
statistics by categories (with the field calculators a user needs to
apportion TBDLMJ by area share).

Both give the net farmland area of the earlier survey split by the later
class; the farmland-before totals are compared.
"""

from qgis.core import QgsProcessing, QgsProcessingFeedback

from common import no_check_context, runs, timing  # noqa: E402

NAME = "change"
FARMLAND = ("0101", "0102", "0103")


def run(county, repeat, side_by_side):
    import processing

    before = "{}|layername=DLTB".format(county)
    after = "{}|layername=DLTB_AFTER".format(county)
    feedback = QgsProcessingFeedback()

    def ours():
        context = no_check_context()
        result = processing.run(
            "landplan:farmlandchange",
            {
                "BEFORE": before,
                "AFTER": after,
                "AREA_MODE": 0,
                "REPAIR_INVALID": True,
                "OUTPUT_CHANGES": QgsProcessing.TEMPORARY_OUTPUT,
                "OUTPUT_MATRIX": QgsProcessing.TEMPORARY_OUTPUT,
                "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
        )
        summary = result["OUTPUT_SUMMARY"]
        row = [f for f in summary.getFeatures() if f["zone"] == "*"][0]
        return row["farmland_before_m2"]

    fix_times = []

    def native():
        import time

        context = no_check_context()

        def step(alg, params):
            params["OUTPUT"] = QgsProcessing.TEMPORARY_OUTPUT
            return processing.run(alg, params, context=context, feedback=feedback, is_child_algorithm=True)["OUTPUT"]

        start = time.perf_counter()
        fixed_before = step("native:fixgeometries", {"INPUT": before})
        fixed_after = step("native:fixgeometries", {"INPUT": after})
        fix_times.append(time.perf_counter() - start)
        with_area = step(
            "native:fieldcalculator",
            {
                "INPUT": fixed_before,
                "FIELD_NAME": "YTBMJ",
                "FIELD_TYPE": 0,
                "FIELD_LENGTH": 20,
                "FIELD_PRECISION": 6,
                "FORMULA": "$area",
            },
        )
        pieces = step(
            "native:intersection",
            {
                "INPUT": with_area,
                "OVERLAY": fixed_after,
                "INPUT_FIELDS": ["DLBM", "TBDLMJ", "YTBMJ"],
                "OVERLAY_FIELDS": ["DLBM"],
                "OVERLAY_FIELDS_PREFIX": "H_",
            },
        )
        net = step(
            "native:fieldcalculator",
            {
                "INPUT": pieces,
                "FIELD_NAME": "PDLMJ",
                "FIELD_TYPE": 0,
                "FIELD_LENGTH": 20,
                "FIELD_PRECISION": 6,
                "FORMULA": '"TBDLMJ" * $area / "YTBMJ"',
            },
        )
        table = step(
            "qgis:statisticsbycategories",
            {"INPUT": net, "VALUES_FIELD_NAME": "PDLMJ", "CATEGORIES_FIELD_NAME": ["DLBM", "H_DLBM"]},
        )
        layer = context.getMapLayer(table)
        return sum(f["sum"] for f in layer.getFeatures() if f["DLBM"] in FARMLAND and f["sum"] is not None)

    summary, values = side_by_side(ours, native, repeat)
    fix_median = sorted(fix_times)[len(fix_times) // 2]
    same = abs(values["ours"] - values["native"]) <= 1e-6 * max(abs(values["native"]), 1.0)
    return [
        {
            "name": "farmlandchange (two surveys)",
            **timing(summary["ours"], summary["native"]),
            "same": "yes" if same else "NO ({:.2f} vs {:.2f} m²)".format(values["ours"], values["native"]),
            "notes": "farmland before Σ {:.0f} m²".format(values["ours"]),
            "detail": "LandPlan runs {}; native chain runs {} (s), of which native:fixgeometries on both layers "
            "{:.1f} s. Ratio against the chain without the fix steps: {:.2f}×. LandPlan also gives the change "
            "types, 进出平衡, 非农化, basic farmland and uncovered area.".format(
                runs(summary["ours"]),
                runs(summary["native"]),
                fix_median,
                summary["ours"]["time"] / (summary["native"]["time"] - fix_median),
            ),
        }
    ]


def ours_only(county):
    """LandPlan alone (growth runs)."""
    import processing

    context = no_check_context()
    result = processing.run(
        "landplan:farmlandchange",
        {
            "BEFORE": "{}|layername=DLTB".format(county),
            "AFTER": "{}|layername=DLTB_AFTER".format(county),
            "AREA_MODE": 0,
            "REPAIR_INVALID": True,
            "OUTPUT_CHANGES": QgsProcessing.TEMPORARY_OUTPUT,
            "OUTPUT_MATRIX": QgsProcessing.TEMPORARY_OUTPUT,
            "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
        },
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    return result["OUTPUT_SUMMARY"].featureCount()
