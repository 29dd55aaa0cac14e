"""landplan:measureindicators – 规划指标自动监测 (record measured values)."""

from qgis.core import (
    QgsFeature,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType
from ...core import units
from ...core.i18n import tr
from ...core.indicators import measure
from ...core.indicators.store import StoreError
from .base import LandPlanAlgorithm, add_feature, fields_from_spec
from .indicators_common import open_store, store_error_text, plan_or_raise


class MeasureIndicatorsAlgorithm(LandPlanAlgorithm):
    STORE = "STORE"
    PLAN_NAME = "PLAN_NAME"
    YEAR = "YEAR"
    LANDUSE = "LANDUSE"
    BASIC_FARMLAND = "BASIC_FARMLAND"
    ECO_REDLINE = "ECO_REDLINE"
    RESTORATION = "RESTORATION"
    OUTPUT = "OUTPUT"
    RECORDED = "RECORDED"

    group_id = "indicators"

    def name(self):
        return "measureindicators"

    def displayName(self):
        return tr("Measure plan indicators")

    def tags(self):
        return ["规划指标", "监测", "耕地保有量", "开发强度", "indicators", "monitoring"]

    def shortHelpString(self):
        return tr(
            "Computes the indicators whose measure key is set and records each as an observation for YEAR, with "
            "this algorithm as source, converted to the indicator's own unit (公顷, 亩, 万亩, km², %). Measures: "
            "farmland_area (耕地保有量: net area of 0101/0102/0103, TBDLMJ), construction_area (建设用地, TBMJ), "
            "forest_area, wetland_area (TBMJ of the 林地 / 湿地 groups), development_intensity (construction ÷ "
            "total, %), basic_farmland_area, eco_redline_area, restoration_area (CGCS2000 ellipsoidal area of the "
            "union of the given layer)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.STORE, tr("Indicator store (GeoPackage)"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterString(self.PLAN_NAME, tr("Plan name")))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR, tr("Year"), QgsProcessingParameterNumber.Type.Integer, minValue=1949, maxValue=2200
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LANDUSE, tr("Land-use survey polygons (三调 DLTB)"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        for name, label in (
            (self.BASIC_FARMLAND, tr("Permanent basic farmland (永久基本农田)")),
            (self.ECO_REDLINE, tr("Ecological protection red line (生态保护红线)")),
            (self.RESTORATION, tr("Restoration projects")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(
                    name, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Recorded values"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber(self.RECORDED, tr("Values recorded")))

    def processAlgorithm(self, parameters, context, feedback):
        store = open_store(self.parameterAsFile(parameters, self.STORE, context))
        plan = plan_or_raise(store, self.parameterAsString(parameters, self.PLAN_NAME, context))
        year = self.parameterAsInt(parameters, self.YEAR, context)
        landuse = self.source_or_raise(parameters, self.LANDUSE, context)
        landuse_label = self.source_label(parameters, self.LANDUSE, context, landuse)
        sums = self._survey_sums(landuse, landuse_label)
        if not sums:
            feedback.pushWarning(tr("{} has no features: the survey measures are not recorded.").format(landuse_label))
        layer_values = {}
        for key, param in measure.LAYER_MEASURES.items():
            source = self.parameterAsSource(parameters, getattr(self, param), context)
            if source is None:
                continue
            area = measure.union_area(source, context.transformContext())
            if area is None:
                label = self.source_label(parameters, getattr(self, param), context, source)
                feedback.pushWarning(tr("{} has no polygons: {} is not recorded.").format(label, key))
                layer_values[key] = None
            else:
                layer_values[key] = area
        fields = fields_from_spec(
            (
                ("indicator", FieldType.STRING),
                ("measure", FieldType.STRING),
                ("year", FieldType.INT),
                ("value", FieldType.DOUBLE),
                ("unit", FieldType.STRING),
                ("value_m2", FieldType.DOUBLE),
            )
        )
        values = []
        for indicator in store.indicators(plan["plan_id"]):
            key = indicator.get("measure")
            if not key:
                continue
            raw = sums.get(key, layer_values.get(key))
            if raw is None:
                if key in measure.LAYER_MEASURES and key not in layer_values:
                    feedback.pushWarning(
                        tr("{}: give the {} layer to measure it.").format(
                            indicator["name"], measure.LAYER_MEASURES[key]
                        )
                    )
                elif key not in measure.MEASURES:
                    feedback.pushWarning(tr("{}: unknown measure “{}”.").format(indicator["name"], key))
                continue  # cannot be computed: nothing recorded
            unit = indicator.get("unit") or ""
            if key == "development_intensity":
                value, raw_m2 = raw, None
            else:
                try:
                    value = units.from_m2(raw, unit)
                except ValueError:
                    feedback.pushWarning(
                        tr("{}: unit “{}” is not an area unit; not recorded.").format(indicator["name"], unit)
                    )
                    continue
                raw_m2 = raw
            values.append((indicator, key, value, unit, raw_m2))
        sink, dest = self.sink_or_raise(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry, landuse.sourceCrs()
        )
        try:
            with store.transaction():  # all the year's values or none
                for indicator, _key, value, _unit, _raw in values:
                    store.record_observation(indicator["indicator_id"], year, value, source="landplan:" + self.name())
        except StoreError as error:
            raise QgsProcessingException(
                tr("Cannot write the indicator store: {}").format(store_error_text(error))
            ) from error
        for indicator, key, value, unit, raw_m2 in values:
            feature = QgsFeature(fields)
            feature.setAttributes([indicator["name"], key, year, value, unit, raw_m2])
            add_feature(sink, feature)
        return {self.OUTPUT: dest, self.RECORDED: len(values)}

    @staticmethod
    def _survey_sums(landuse, label):
        try:
            return measure.survey_sums(landuse)
        except measure.MeasureError as error:
            reasons = {
                "not_number": tr("is not a number"),
                "negative": tr("is negative"),
                "empty": tr("is empty"),
                "kcxs": tr("is not a fraction 0–1 (or a percent 0–100)"),
            }
            raise QgsProcessingException(
                tr("{}, feature {}: {} “{}” {}; nothing was recorded.").format(
                    label,
                    error.feature_id,
                    error.field,
                    "" if error.value is None else error.value,
                    reasons[error.reason],
                )
            ) from error
        except ValueError as error:
            raise QgsProcessingException(
                tr("{} needs the fields DLBM and TBMJ (三调 names) to measure the survey indicators.").format(label)
            ) from error
