"""landplan:copystore – copy a whole indicator store GeoPackage ⇄ PostgreSQL.

Plans, indicators, yearly values and the audit history, in one transaction
of the target (a failure leaves it as it was); a plan the target already
has is refused unless REPLACE.  Rules: core.indicators.copy.
"""

from qgis.core import QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterBoolean

from ...core.i18n import tr
from ...core.indicators.copy import PlanExistsError, copy_store
from ...core.indicators.store import StoreError
from .base import LandPlanAlgorithm
from .indicators_common import add_store_parameters, open_store, store_error_text, store_location


class CopyStoreAlgorithm(LandPlanAlgorithm):
    SOURCE = "SOURCE"
    TARGET = "TARGET"
    REPLACE = "REPLACE"
    PLANS = "PLANS"
    INDICATORS = "INDICATORS"
    OBSERVATIONS = "OBSERVATIONS"
    AUDIT_ROWS = "AUDIT_ROWS"

    group_id = "indicators"

    def name(self):
        return "copystore"

    def displayName(self):
        return tr("Copy an indicator store")

    def tags(self):
        return ["规划指标", "迁移", "PostgreSQL", "GeoPackage", "indicators", "copy", "migrate"]

    def shortHelpString(self):
        return tr(
            "Copies every plan of one indicator store into another – GeoPackage to PostgreSQL to move a bureau onto "
            "a shared store, or back to hand a plan on as a file – with indicators, yearly values, row versions and "
            "the audit history, in one transaction: if anything fails the target is left as it was. A plan the "
            "target already has is refused unless REPLACE is ticked. Copying into PostgreSQL needs the store owner's "
            "login (the audit history is written). SOURCE and TARGET are GeoPackage files; for a shared store use "
            "SOURCE_CONNECTION / TARGET_CONNECTION and the schema instead. A new GeoPackage target is created."
        )

    def initAlgorithm(self, config=None):
        add_store_parameters(self, self.SOURCE, tr("Source store (GeoPackage)"))
        add_store_parameters(self, self.TARGET, tr("Target store (GeoPackage)"))
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REPLACE, tr("Replace plans that exist in the target"), defaultValue=False
            )
        )
        for name, label in (
            (self.PLANS, tr("Plans copied")),
            (self.INDICATORS, tr("Indicators copied")),
            (self.OBSERVATIONS, tr("Values copied")),
            (self.AUDIT_ROWS, tr("Audit rows copied")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        source_location = store_location(self, parameters, context, self.SOURCE)
        target_location = store_location(self, parameters, context, self.TARGET)
        if str(source_location) == str(target_location):
            raise QgsProcessingException(tr("SOURCE and TARGET are the same store."))
        source = open_store(source_location, readonly=True)
        target = open_store(target_location, create=True)
        try:
            counts = copy_store(source, target, self.parameterAsBoolean(parameters, self.REPLACE, context), feedback)
        except PlanExistsError as error:
            raise QgsProcessingException(
                tr("The target store already has {}: nothing was copied. Tick REPLACE to overwrite them.").format(
                    "、".join(error.names)
                )
            ) from error
        except StoreError as error:
            raise QgsProcessingException(tr("Nothing was copied: {}").format(store_error_text(error))) from error
        feedback.pushInfo(
            tr("Copied {} plans, {} indicators, {} values and {} audit rows.").format(
                counts["plans"], counts["indicators"], counts["observations"], counts["audit"]
            )
        )
        return {
            self.PLANS: counts["plans"],
            self.INDICATORS: counts["indicators"],
            self.OBSERVATIONS: counts["observations"],
            self.AUDIT_ROWS: counts["audit"],
        }
