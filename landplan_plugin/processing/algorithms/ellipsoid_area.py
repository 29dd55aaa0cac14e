"""landplan:ellipsoidarea – 图斑面积计算 (planar, 国土 ellipsoidal, 亩/公顷).

Adds to each polygon its planar area and its ellipsoidal area (on its CRS's ellipsoid) by
the 国土调查 trapezoid series (core.area), the same figure as TBMJ in a 三调
layer.  With a TBMJ field it also reports the difference, which is how a
specialist checks that a layer's TBMJ was not edited or computed in the
wrong way.
"""

import math

from qgis.core import (
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...qgis_compat import FieldType, make_field
from ...core import units
from ...core.area import planar_area
from ...core.crs import crs_warnings
from ...core.i18n import tr
from ...core.overlay import id_list
from ...core.values import number
from .base import LandPlanAlgorithm, add_feature, require_field
from .common import add_densify_parameter, ellipsoidal_area

NEW_FIELDS = ("area_planar_m2", "area_ellipsoid_m2", "area_ha", "area_mu", "tbmj_diff_m2", "geom_valid")


class EllipsoidAreaAlgorithm(LandPlanAlgorithm):
    INPUT = "INPUT"
    TBMJ_FIELD = "TBMJ_FIELD"
    OUTPUT = "OUTPUT"
    TOTAL_PLANAR_M2 = "TOTAL_PLANAR_M2"
    TOTAL_ELLIPSOID_M2 = "TOTAL_ELLIPSOID_M2"
    FEATURE_COUNT = "FEATURE_COUNT"

    group_id = "area"

    def name(self):
        return "ellipsoidarea"

    def displayName(self):  # noqa: N802
        return tr("Ellipsoidal area (CGCS2000)")

    def tags(self):
        return ["椭球面积", "面积", "TBMJ", "CGCS2000", "西安80", "北京54", "亩", "公顷", "area", "ellipsoid"]

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Adds the planar area and the ellipsoidal area (国土调查 trapezoid series, as used for TBMJ in the "
            "third national land survey) to every polygon, with the area in hectares (公顷) and mu (亩, 1 mu = "
            "2000/3 m²). The ellipsoid is the one of the layer's CRS: CGCS2000, Xian 1980 (IAG 1975) or Beijing "
            "1954 (Krassowsky), Gauss–Krüger with or without zone prefix, or their geographic CRSs; any other "
            "ellipsoid is refused. The series takes each edge as straight in latitude/longitude, while a straight "
            "edge of the map plane is a curve there, so edges are first densified in the plane to at most "
            "DENSIFY_M (default 50 m: the error then stays below 1e-7 of the area, and 三调 图斑 with shorter "
            "edges keep their vertices); vertices are then inverse-projected on the layer's own ellipsoid, "
            "without datum shift. Ellipsoidal area ≤ planar area holds for every Gauss–Krüger polygon. "
            "If a TBMJ field is chosen, "
            "tbmj_diff_m2 = ellipsoidal area − TBMJ. Planar area is left empty for layers in a geographic CRS. "
            "Invalid geometries are not skipped: geom_valid = 0 flags them."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Polygon layer"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TBMJ_FIELD,
                tr("TBMJ field to compare with (optional)"),
                parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        add_densify_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Areas")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_PLANAR_M2, tr("Total planar area (m²)")))
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_ELLIPSOID_M2, tr("Total ellipsoidal area (m²)")))
        self.addOutput(QgsProcessingOutputNumber(self.FEATURE_COUNT, tr("Features")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.source_or_raise(parameters, self.INPUT, context)
        layer_label = self.source_label(parameters, self.INPUT, context, source)
        tbmj_name = self.parameterAsString(parameters, self.TBMJ_FIELD, context)
        tbmj_index = require_field(source, tbmj_name, layer_label, numeric=True, optional=True)

        crs = source.sourceCrs()
        for note in crs_warnings(crs, layer_label):
            feedback.pushWarning(note)
        planar_ok = crs.isValid() and not crs.isGeographic()
        if not crs.isValid():
            raise QgsProcessingException(tr("Layer “{}” has no valid CRS.").format(layer_label))

        calculator = ellipsoidal_area(self, parameters, context, crs, required=True)
        fields = QgsFields(source.fields())
        for name in NEW_FIELDS:
            if fields.lookupField(name) >= 0:
                raise QgsProcessingException(tr("The input already has a field “{}”; rename it first.").format(name))
            if name == "geom_valid":
                fields.append(make_field(name, FieldType.INT))
            else:
                fields.append(make_field(name, FieldType.DOUBLE, 20, 4))
        sink, dest = self.sink_or_raise(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)

        total = source.featureCount() or 1
        sum_planar = sum_ellipsoid = 0.0
        count = 0
        invalid = 0
        no_geometry = []
        out_of_range = []
        # Areas are defined for invalid rings too (a bow-tie's signed parts), so
        # validity is reported per feature instead of stopping the run.
        features = source.getFeatures(
            QgsFeatureRequest(), QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
        )
        for current, feature in enumerate(features):
            if feedback.isCanceled():
                break
            geometry = feature.geometry()
            attributes = feature.attributes()
            ellipsoid = planar = None
            if geometry is not None and not geometry.isEmpty():
                try:
                    ellipsoid = calculator.area(geometry)
                    planar = planar_area(geometry) if planar_ok else None
                except QgsCsException:
                    ellipsoid = None
                if not _finite(ellipsoid) or (planar is not None and not _finite(planar)):
                    # coordinates outside the CRS's range: no area, never NaN in a total
                    out_of_range.append(feature.id())
                    ellipsoid = planar = None
            if ellipsoid is None:
                if geometry is None or geometry.isEmpty():
                    no_geometry.append(feature.id())
                attributes += [None] * len(NEW_FIELDS)
            else:
                valid = int(geometry.isGeosValid())
                invalid += 1 - valid
                diff = None
                if tbmj_index >= 0:
                    tbmj = feature.attribute(tbmj_index)
                    if number(tbmj) is not None:
                        diff = ellipsoid - number(tbmj)
                attributes += [
                    planar,
                    ellipsoid,
                    units.from_m2(ellipsoid, units.HECTARE),
                    units.from_m2(ellipsoid, units.MU),
                    diff,
                    valid,
                ]
                sum_ellipsoid += ellipsoid
                sum_planar += planar or 0.0
            out = QgsFeature(fields)
            out.setGeometry(geometry)
            out.setAttributes(attributes)
            add_feature(sink, out)
            count += 1
            feedback.setProgress(int(100.0 * (current + 1) / total))

        if invalid:
            feedback.pushWarning(
                tr(
                    "{} features have invalid geometry (geom_valid = 0); their areas follow the rings as drawn. "
                    "Repair them with Fix geometries before overlay analysis."
                ).format(invalid)
            )
        if no_geometry:
            feedback.pushWarning(
                tr("{} features have no geometry; their areas are empty: {}.").format(
                    len(no_geometry), id_list(no_geometry)
                )
            )
        if out_of_range:
            feedback.pushWarning(
                tr(
                    "{} features have coordinates outside the range of the CRS {} (wrong CRS?); their areas are "
                    "empty and not in the totals: {}."
                ).format(len(out_of_range), crs.authid(), id_list(out_of_range))
            )
        feedback.pushInfo(
            tr("Total ellipsoidal area: {} ({}).").format(
                units.format_area(sum_ellipsoid, units.HECTARE, 4), units.format_area(sum_ellipsoid, units.MU, 2)
            )
        )
        return {
            self.OUTPUT: dest,
            self.TOTAL_PLANAR_M2: sum_planar if planar_ok else None,
            self.TOTAL_ELLIPSOID_M2: sum_ellipsoid,
            self.FEATURE_COUNT: count,
        }


def _finite(value):
    return value is not None and math.isfinite(value)
