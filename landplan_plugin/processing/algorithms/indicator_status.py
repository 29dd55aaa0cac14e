"""landplan:indicatorstatus – 规划指标监测预警."""

from qgis.core import (
    QgsFeature,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsCoordinateReferenceSystem,
    QgsWkbTypes,
)

from ...qgis_compat import FieldType
from ...core.i18n import tr
from ...core.indicators import display
from ...core.indicators import status as rules
from .base import LandPlanAlgorithm, add_feature, fields_from_spec
from .indicators_common import add_store_parameters, open_store, plan_or_raise, store_location

FIELDS = (
    ("seq", FieldType.INT),
    ("category", FieldType.STRING),
    ("name", FieldType.STRING),
    ("unit", FieldType.STRING),
    ("attribute", FieldType.STRING),
    ("base_value", FieldType.DOUBLE),
    ("target_value", FieldType.DOUBLE),
    ("target_text", FieldType.STRING),
    ("comparator", FieldType.STRING),
    ("value", FieldType.DOUBLE),
    ("value_year", FieldType.INT),
    ("status", FieldType.STRING),
    ("status_zh", FieldType.STRING),
)


def status_rows(store, plan, year=None):
    rows = []
    for indicator in store.indicators(plan["plan_id"]):
        observation = store.latest_observation(indicator["indicator_id"], year)
        value = observation["value"] if observation else None
        value_year = observation["year"] if observation else None
        code = rules.status(
            indicator,
            value,
            value_year if value_year is not None else (year or 0),
            plan.get("base_year"),
            plan.get("target_year"),
        )
        row = {
            **indicator,
            "value": value,
            "value_year": value_year,
            "status": code,
            "status_zh": rules.STATUS_ZH[code],
        }
        row["target_display"] = display.target_with_comparator(row)
        row["value_display"] = display.value_with_year(row)
        row["base_display"] = display.base_with_text(row)
        rows.append(row)
    return rows


class IndicatorStatusAlgorithm(LandPlanAlgorithm):
    STORE = "STORE"
    PLAN_NAME = "PLAN_NAME"
    YEAR = "YEAR"
    OUTPUT = "OUTPUT"

    group_id = "indicators"

    def name(self):
        return "indicatorstatus"

    def displayName(self):
        return tr("Plan indicator status")

    def tags(self):
        return ["规划指标", "监测预警", "体检", "约束性", "indicators", "status"]

    def shortHelpString(self):
        return tr(
            "Status of every indicator of a plan from its latest observation (up to YEAR): no_data, no_target (text "
            "target), and for ≥ targets met / on_track (at least on the straight path from the base value in the base "
            "year to the target in the target year) / at_risk / not_met (after the target year); for ≤ caps not_met "
            "above the target, at_risk above the straight path (from 0 when cumulative), else met; for = targets met "
            "when equal, else at_risk before the target year and not_met after."
        )

    def initAlgorithm(self, config=None):
        add_store_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.PLAN_NAME, tr("Plan name")))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year"),
                QgsProcessingParameterNumber.Type.Integer,
                optional=True,
                minValue=1949,
                maxValue=2200,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Indicator status"), QgsProcessing.SourceType.TypeVector)
        )

    def processAlgorithm(self, parameters, context, feedback):
        store = open_store(store_location(self, parameters, context), readonly=True)
        plan = plan_or_raise(store, self.parameterAsString(parameters, self.PLAN_NAME, context))
        year = (
            self.parameterAsInt(parameters, self.YEAR, context) if parameters.get(self.YEAR) not in (None, "") else None
        )
        fields = fields_from_spec(FIELDS)
        sink, dest = self.sink_or_raise(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem()
        )
        for row in status_rows(store, plan, year):
            feature = QgsFeature(fields)
            feature.setAttributes([row.get(name) for name, _ in FIELDS])
            add_feature(sink, feature)
        return {self.OUTPUT: dest}
