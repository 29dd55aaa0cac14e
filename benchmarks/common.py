"""Helpers shared by the benchmark modules."""

from qgis.core import QgsFeatureRequest, QgsProcessingContext


def no_check_context():
    """A context that lets both chains see the invalid polygons (LandPlan
    repairs them; the native chains fix them in a step of their own)."""
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    return context


def timing(ours, native):
    """The table columns of one benchmark row from two side_by_side summaries."""
    return {
        "ours": ours["time"],
        "native": native["time"],
        "ratio": ours["time"] / native["time"],
        "ours_peak": ours["peak"],
        "native_peak": native["peak"],
    }


def runs(summary):
    return ", ".join("{:.1f}".format(t) for t in summary["times"])
