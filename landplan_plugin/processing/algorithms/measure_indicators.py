"""landplan:measureindicators – 规划指标自动监测 (record measured values)."""

from qgis.core import (
    QgsFeature,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
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
from .indicators_common import add_store_parameters, open_store, store_error_text, plan_or_raise, store_location


class MeasureIndicatorsAlgorithm(LandPlanAlgorithm):
    STORE = "STORE"
    PLAN_NAME = "PLAN_NAME"
    YEAR = "YEAR"
    LANDUSE = "LANDUSE"
    BASIC_FARMLAND = "BASIC_FARMLAND"
    ECO_REDLINE = "ECO_REDLINE"
    RESTORATION = "RESTORATION"
    DLBM_FIELD = "DLBM_FIELD"
    TBMJ_FIELD = "TBMJ_FIELD"
    TBDLMJ_FIELD = "TBDLMJ_FIELD"
    KCXS_FIELD = "KCXS_FIELD"
    RESTORATION_STATUS_FIELD = "RESTORATION_STATUS_FIELD"
    RESTORATION_YEAR_FIELD = "RESTORATION_YEAR_FIELD"
    RESTORATION_TYPE_FIELD = "RESTORATION_TYPE_FIELD"
    RESTORATION_DONE_VALUES = "RESTORATION_DONE_VALUES"
    MINE_TYPES = "MINE_TYPES"
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
            "total, %), basic_farmland_area, eco_redline_area (ellipsoidal area of the union of the given layer), "
            "restoration_area and mine_restoration_area (the same for the restoration projects whose status is one "
            "of RESTORATION_DONE_VALUES and whose year is at most YEAR; mine restoration: types containing one of "
            "MINE_TYPES). A planned or unfinished project, or one of a later year, has restored nothing yet; a done "
            "project without a year is counted and named in a warning. The land-use field names are parameters with 三调 "
            "defaults. An empty layer, or area fields that are not numbers, record nothing for the measures they "
            "feed (never a 0) and are warned about."
        )

    def initAlgorithm(self, config=None):
        add_store_parameters(self)
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
        for name, label, default, parent in (
            (self.DLBM_FIELD, tr("Land-class code field (DLBM)"), "DLBM", self.LANDUSE),
            (self.TBMJ_FIELD, tr("Parcel area field (TBMJ)"), "TBMJ", self.LANDUSE),
            (self.TBDLMJ_FIELD, tr("Net land-class area field (TBDLMJ)"), "TBDLMJ", self.LANDUSE),
            (self.KCXS_FIELD, tr("Field-ridge coefficient field (KCXS)"), "KCXS", self.LANDUSE),
            (self.RESTORATION_STATUS_FIELD, tr("Restoration: status field"), "ZT", self.RESTORATION),
            (self.RESTORATION_YEAR_FIELD, tr("Restoration: year field"), "ND", self.RESTORATION),
            (self.RESTORATION_TYPE_FIELD, tr("Restoration: type field"), "XFLX", self.RESTORATION),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, defaultValue=default, parentLayerParameterName=parent, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.RESTORATION_DONE_VALUES,
                tr("Restoration: status values meaning done"),
                defaultValue=",".join(measure.DEFAULT_DONE_VALUES),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.MINE_TYPES,
                tr("Restoration: types that are mine restoration"),
                defaultValue=",".join(measure.DEFAULT_MINE_TYPES),
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Recorded values"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber(self.RECORDED, tr("Values recorded")))

    def processAlgorithm(self, parameters, context, feedback):
        store = open_store(store_location(self, parameters, context))
        plan = plan_or_raise(store, self.parameterAsString(parameters, self.PLAN_NAME, context))
        year = self.parameterAsInt(parameters, self.YEAR, context)
        landuse = self.source_or_raise(parameters, self.LANDUSE, context)
        landuse_label = self.source_label(parameters, self.LANDUSE, context, landuse)
        names = {
            key: self.parameterAsString(parameters, param, context)
            for key, param in (
                ("dlbm", self.DLBM_FIELD),
                ("tbmj", self.TBMJ_FIELD),
                ("tbdlmj", self.TBDLMJ_FIELD),
                ("kcxs", self.KCXS_FIELD),
            )
        }
        sums = self._survey_sums(landuse, landuse_label, names, feedback)
        if sums is None:
            sums = {}  # a bad value: warned, the survey measures are not recorded
        elif not sums:
            feedback.pushWarning(tr("{} has no features: the survey measures are not recorded.").format(landuse_label))
        layer_values = {}
        for key, param in measure.LAYER_MEASURES.items():
            source = self.parameterAsSource(parameters, getattr(self, param), context)
            if source is None:
                continue
            label = self.source_label(parameters, getattr(self, param), context, source)
            area = self._layer_area(key, source, label, year, parameters, context, feedback)
            if area is None:
                feedback.pushWarning(tr("{}: {} is not recorded.").format(label, key))
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

    def _layer_area(self, key, source, label, year, parameters, context, feedback):
        """The union area for one layer measure (None: nothing to record)."""
        if key not in ("restoration_area", "mine_restoration_area"):
            area = measure.union_area(source, context.transformContext())
            if area is None:
                feedback.pushWarning(tr("{} has no polygons.").format(label))
            return area
        indexes = []
        for param in (self.RESTORATION_STATUS_FIELD, self.RESTORATION_YEAR_FIELD, self.RESTORATION_TYPE_FIELD):
            name = self.parameterAsString(parameters, param, context)
            index = source.fields().lookupField(name) if name else -1
            if index < 0 and (param != self.RESTORATION_TYPE_FIELD or key == "mine_restoration_area"):
                feedback.pushWarning(
                    tr("{}: no field “{}” ({}); which projects are done by {} cannot be told.").format(
                        label, name or "", self.parameterDefinition(param).description(), year
                    )
                )
                return None
            indexes.append(index)
        done = measure.parse_list(self.parameterAsString(parameters, self.RESTORATION_DONE_VALUES, context))
        mines = measure.parse_list(self.parameterAsString(parameters, self.MINE_TYPES, context))
        keep = measure.restoration_filter(done, year, mines if key == "mine_restoration_area" else None)
        skipped = []
        area = measure.union_area(source, context.transformContext(), keep, indexes, skipped)
        if skipped:
            feedback.pushWarning(
                tr("{}: {} done projects have no year; they are counted in {} as done (features {}).").format(
                    label, len(skipped), key, ", ".join(str(i) for i in skipped[:20])
                )
            )
        if area is None:
            feedback.pushWarning(tr("{} has no polygons.").format(label))
        return area

    @staticmethod
    def _survey_sums(landuse, label, names, feedback):
        try:
            return measure.survey_sums(landuse, names["dlbm"], names["tbmj"], names["tbdlmj"], names["kcxs"])
        except measure.MeasureError as error:
            reasons = {
                "not_number": tr("is not a number"),
                "negative": tr("is negative"),
                "empty": tr("is empty"),
                "kcxs": tr("is not a fraction 0–1 (or a percent 0–100)"),
            }
            feedback.pushWarning(
                tr("{}, feature {}: {} “{}” {}; the survey measures are not recorded.").format(
                    label,
                    error.feature_id,
                    error.field,
                    "" if error.value is None else error.value,
                    reasons[error.reason],
                )
            )
            return None
        except ValueError as error:
            raise QgsProcessingException(
                tr("{} needs the fields {} and {} to measure the survey indicators.").format(
                    label, names["dlbm"], names["tbmj"]
                )
            ) from error
