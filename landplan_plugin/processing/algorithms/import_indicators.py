"""landplan:importindicators – 导入规划指标表 (CSV/XLSX as printed in plans)."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.i18n import tr
from ...core.indicators import importer
from ...core.indicators.store import StoreError
from .base import LandPlanAlgorithm
from .indicators_common import add_store_parameters, open_store, store_error_text, store_location

measure_for = importer.measure_for  # kept importable here


class ImportIndicatorsAlgorithm(LandPlanAlgorithm):
    INPUT = "INPUT"
    STORE = "STORE"
    PLAN_NAME = "PLAN_NAME"
    REGION_NAME = "REGION_NAME"
    BASE_YEAR = "BASE_YEAR"
    TARGET_YEAR = "TARGET_YEAR"
    ADD_TO_EXISTING = "ADD_TO_EXISTING"
    IMPORTED = "IMPORTED"

    group_id = "indicators"

    def name(self):
        return "importindicators"

    def displayName(self):
        return tr("Import plan indicators")

    def tags(self):
        return ["规划指标", "指标表", "导入", "indicators", "import"]

    def shortHelpString(self):
        return tr(
            "Reads an indicator table as plans print it (CSV or XLSX with columns such as 类别, 序号, 指标, 单位, "
            "2020 年, 2025 年, 属性) into the indicator store (a GeoPackage, created when missing). Understands "
            "[117.32] (five-year cumulative), ≥300 / 300以上 / 不少于300, ≤90 / 90以内 / 不超过90, text targets such "
            "as 落实国家要求, ‘20 (较 2020 年)’, footnote marks (kept in the note) and — (no value). A bare number "
            "gets ≥, or ≤ for caps such as 新增建设用地 (noted). Importing the same plan again updates it. Known "
            "indicators (耕地保有量, 永久基本农田, 建设用地总规模, 生态保护红线面积 …) get their automatic measure key."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.INPUT, tr("Indicator table (CSV or XLSX)")))
        add_store_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.PLAN_NAME, tr("Plan name")))
        self.addParameter(QgsProcessingParameterString(self.REGION_NAME, tr("Region name"), optional=True))
        for name, label in ((self.BASE_YEAR, tr("Base year")), (self.TARGET_YEAR, tr("Target year"))):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, label, QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1949, maxValue=2200
                )
            )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ADD_TO_EXISTING,
                tr("Add the indicator tables to an existing GeoPackage of other data"),
                defaultValue=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, tr("Indicators imported")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        try:
            rows = importer.read_rows(path)
            indicators, base_year, target_year = importer.parse_table(rows)
            importer.refuse_duplicates(indicators)
        except importer.DuplicateIndicatorError as error:
            raise QgsProcessingException(
                tr("The indicator “{}” appears {} times in {}: keep one row per indicator.").format(
                    error.name, len(error.rows), path
                )
            ) from error
        except (importer.TableReadError, OSError) as error:
            raise QgsProcessingException(tr("Cannot read the indicator table: {}").format(error)) from error
        if not indicators:
            raise QgsProcessingException(tr("The table has no indicator rows."))
        if parameters.get(self.BASE_YEAR) not in (None, ""):
            base_year = self.parameterAsInt(parameters, self.BASE_YEAR, context)
        if parameters.get(self.TARGET_YEAR) not in (None, ""):
            target_year = self.parameterAsInt(parameters, self.TARGET_YEAR, context)
        plan_name = self.parameterAsString(parameters, self.PLAN_NAME, context).strip()
        if not plan_name:
            raise QgsProcessingException(tr("Give the plan a name."))
        store = open_store(
            store_location(self, parameters, context),
            create=True,
            adopt=self.parameterAsBoolean(parameters, self.ADD_TO_EXISTING, context),
        )
        plan_fields = {"base_year": base_year, "target_year": target_year}
        region = self.parameterAsString(parameters, self.REGION_NAME, context)
        if region:
            plan_fields["region_name"] = region
        try:
            importer.write_plan(store, plan_name, plan_fields, indicators)
        except StoreError as error:
            raise QgsProcessingException(
                tr("Cannot write the indicator store: {}").format(store_error_text(error))
            ) from error
        feedback.pushInfo(
            tr("{} indicators of “{}” imported ({}–{}).").format(len(indicators), plan_name, base_year, target_year)
        )
        return {self.IMPORTED: len(indicators)}
