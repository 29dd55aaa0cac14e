"""restorationstats against native:dissolve (by type) + field calculator
(area) + statistics by categories, and native:zonalstatisticsfb (mean NDVI).

Compared: the union area by type (overlaps counted once), planar.
"""

from qgis.core import QgsProcessing, QgsProcessingContext, QgsProcessingFeedback

from common import runs, timing  # noqa: E402

NAME = "restoration"


def run(county, rasters, repeat, side_by_side):
    import processing

    projects = "{}|layername=restoration".format(county)
    ndvi = str(rasters["ndvi"])
    feedback = QgsProcessingFeedback()

    def ours():
        context = QgsProcessingContext()
        result = processing.run(
            "landplan:restorationstats",
            {
                "RESTORATION": projects,
                "TYPE_FIELD": "XFLX",
                "NDVI_AFTER": ndvi,
                "AREA_MODE": 2,
                "OUTPUT_STATS": QgsProcessing.TEMPORARY_OUTPUT,
                "OUTPUT_PROJECTS": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
        )
        return sum(f["area_m2"] for f in result["OUTPUT_STATS"].getFeatures() if f["type"] != "*")

    def native():
        context = QgsProcessingContext()

        def step(alg, params):
            params["OUTPUT"] = QgsProcessing.TEMPORARY_OUTPUT
            return processing.run(alg, params, context=context, feedback=feedback, is_child_algorithm=True)["OUTPUT"]

        dissolved = step("native:dissolve", {"INPUT": projects, "FIELD": ["XFLX"]})
        with_area = step(
            "native:fieldcalculator",
            {
                "INPUT": dissolved,
                "FIELD_NAME": "MJ",
                "FIELD_TYPE": 0,
                "FIELD_LENGTH": 20,
                "FIELD_PRECISION": 6,
                "FORMULA": "$area",
            },
        )
        table = step(
            "qgis:statisticsbycategories",
            {"INPUT": with_area, "VALUES_FIELD_NAME": "MJ", "CATEGORIES_FIELD_NAME": ["XFLX"]},
        )
        step(
            "native:zonalstatisticsfb",
            {"INPUT": projects, "INPUT_RASTER": ndvi, "RASTER_BAND": 1, "COLUMN_PREFIX": "N_", "STATISTICS": [2]},
        )
        return sum(f["sum"] for f in context.getMapLayer(table).getFeatures())

    summary, values = side_by_side(ours, native, repeat)
    same = abs(values["ours"] - values["native"]) <= 1e-6 * max(abs(values["native"]), 1.0)
    return [
        {
            "name": "restorationstats (5,000 projects, NDVI 10k × 10k)",
            **timing(summary["ours"], summary["native"]),
            "same": "yes" if same else "NO ({:.2f} vs {:.2f} m²)".format(values["ours"], values["native"]),
            "notes": "union area Σ {:.0f} m²".format(values["ours"]),
            "detail": "LandPlan runs {}; native chain runs {} (s). LandPlan also gives gross and overlap areas, "
            "project counts and per-project NDVI change.".format(
                runs(summary["ours"]),
                runs(summary["native"]),
            ),
        }
    ]
