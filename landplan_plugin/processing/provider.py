"""The ``landplan`` Processing provider: one class per algorithm module,
plus the graphical models shipped under ``resources/models/``."""

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..paths import resource

PROVIDER_ID = "landplan"
VERSION = "0.1.0"


def algorithm_classes():
    from .algorithms.ellipsoid_area import EllipsoidAreaAlgorithm
    from .algorithms.export_map_sheets import ExportMapSheetsAlgorithm
    from .algorithms.farmland_balance import FarmlandBalanceAlgorithm
    from .algorithms.farmland_change import FarmlandChangeAlgorithm
    from .algorithms.farmland_occupation import FarmlandOccupationAlgorithm
    from .algorithms.idle_land import IdleLandAlgorithm
    from .algorithms.import_indicators import ImportIndicatorsAlgorithm
    from .algorithms.indicator_status import IndicatorStatusAlgorithm
    from .algorithms.measure_indicators import MeasureIndicatorsAlgorithm
    from .algorithms.restoration_stats import RestorationStatsAlgorithm
    from .algorithms.stock_land import StockLandAlgorithm
    from .algorithms.style_land_use import StyleLandUseAlgorithm

    return [
        EllipsoidAreaAlgorithm,
        FarmlandOccupationAlgorithm,
        FarmlandBalanceAlgorithm,
        FarmlandChangeAlgorithm,
        IdleLandAlgorithm,
        StockLandAlgorithm,
        RestorationStatsAlgorithm,
        StyleLandUseAlgorithm,
        ExportMapSheetsAlgorithm,
        ImportIndicatorsAlgorithm,
        MeasureIndicatorsAlgorithm,
        IndicatorStatusAlgorithm,
    ]


class LandPlanProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return "国土规划工具 LandPlan"

    def longName(self):  # noqa: N802
        return "国土规划工具 LandPlan {}".format(VERSION)

    def icon(self):
        return QIcon(str(resource("icons", "landplan.svg")))

    def svgIconPath(self):  # noqa: N802
        return str(resource("icons", "landplan.svg"))

    def versionInfo(self):  # noqa: N802
        return VERSION

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        # A model resolves its child algorithms through the registry, which
        # knows this provider only after its first load: models are added on
        # the refresh that initProcessing triggers right after registration.
        from qgis.core import QgsApplication

        if QgsApplication.processingRegistry().providerById(self.id()) is not self:
            return
        models = resource("models")
        if models.is_dir():
            for path in sorted(models.glob("*.model3")):
                model = QgsProcessingModelAlgorithm()
                if model.fromFile(str(path)):
                    self.addAlgorithm(model)
                else:
                    self.messageLog(tr("Could not load model {}").format(path))

    def messageLog(self, text):  # noqa: N802
        from qgis.core import Qgis, QgsMessageLog

        QgsMessageLog.logMessage(text, "LandPlan", Qgis.MessageLevel.Warning)
