"""idleland's raster evidence against native:zonalhistogram.

Both count, per parcel, the pixels of each class whose centre lies inside;
LandPlan does it in bulk (rasterise in overlap-free layers, numpy bincount)
and then classifies the parcels.  Compared: Σ developed share over parcels.
"""

from qgis.core import QgsProcessing, QgsProcessingContext, QgsProcessingFeedback

from common import runs, timing  # noqa: E402

NAME = "idle"
DEVELOPED = (1, 2)


def run(county, rasters, repeat, side_by_side):
    import processing

    parcels = "{}|layername=supply".format(county)
    raster = str(rasters["builtup"])
    feedback = QgsProcessingFeedback()

    def ours():
        context = QgsProcessingContext()
        result = processing.run(
            "landplan:idleland",
            {
                "PARCELS": parcels,
                "PARCEL_ID_FIELD": "ZDBH",
                "AGREED_START_FIELD": "YDDGRQ",
                "BUILTUP_RASTER": raster,
                "BUILTUP_VALUES": ",".join(str(v) for v in DEVELOPED),
                "REFERENCE_DATE": "2024-06-30",
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                "OUTPUT_SUMMARY": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
        )
        return sum(f["raster_ratio"] or 0.0 for f in result["OUTPUT"].getFeatures())

    def native():
        context = QgsProcessingContext()
        result = processing.run(
            "native:zonalhistogram",
            {
                "INPUT_RASTER": raster,
                "RASTER_BAND": 1,
                "INPUT_VECTOR": parcels,
                "COLUMN_PREFIX": "H_",
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context=context,
            feedback=feedback,
        )
        layer = result["OUTPUT"]
        names = [n for n in layer.fields().names() if n.startswith("H_") and n != "H_NODATA"]
        total = 0.0
        for f in layer.getFeatures():
            counts = {n: (f[n] or 0) for n in names}
            pixels = sum(counts.values())
            developed = sum(counts.get("H_{}".format(v), 0) for v in DEVELOPED)
            total += developed / pixels if pixels else 0.0
        return total

    summary, values = side_by_side(ours, native, repeat)
    relative = abs(values["ours"] - values["native"]) / max(abs(values["native"]), 1e-9)
    # both count pixel centres inside; centres exactly on a parcel edge are
    # assigned by GDAL's scanline rule vs QGIS's point-in-polygon test
    same = relative <= 1e-4
    return [
        {
            "name": "idleland raster evidence (5,000 parcels, 10k × 10k raster)",
            **timing(summary["ours"], summary["native"]),
            "same": (
                "yes (rel. diff {:.1e}: edge pixels)".format(relative)
                if same
                else "NO ({:.4f} vs {:.4f})".format(values["ours"], values["native"])
            ),
            "notes": "Σ developed share {:.2f}".format(values["ours"]),
            "detail": "LandPlan runs {}; native:zonalhistogram runs {} (s). LandPlan's time includes reading the "
            "parcels, parsing dates and classifying every parcel.".format(
                runs(summary["ours"]),
                runs(summary["native"]),
            ),
        }
    ]
