"""The ``landplan`` Processing provider: one class per algorithm module,
plus the graphical models shipped under ``resources/models/``."""

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..paths import resource

PROVIDER_ID = "landplan"


def _metadata_version():
    import configparser

    from ..paths import PLUGIN_DIR

    # metadata.txt sits in the plugin folder when installed, one level up in the source tree
    parser = configparser.ConfigParser(interpolation=None)
    parser.read([str(PLUGIN_DIR / "metadata.txt"), str(PLUGIN_DIR.parent / "metadata.txt")], encoding="utf-8")
    return parser.get("general", "version", fallback="")


VERSION = _metadata_version()


def algorithm_classes():
    from .algorithms.copy_store import CopyStoreAlgorithm
    from .algorithms.ellipsoid_area import EllipsoidAreaAlgorithm
    from .algorithms.export_map_sheets import ExportMapSheetsAlgorithm
    from .algorithms.farmland_balance import FarmlandBalanceAlgorithm
    from .algorithms.farmland_change import FarmlandChangeAlgorithm
    from .algorithms.farmland_occupation import FarmlandOccupationAlgorithm
    from .algorithms.idle_land import IdleLandAlgorithm
    from .algorithms.import_indicators import ImportIndicatorsAlgorithm
    from .algorithms.indicator_status import IndicatorStatusAlgorithm
    from .algorithms.init_store import InitStoreAlgorithm
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
        InitStoreAlgorithm,
        CopyStoreAlgorithm,
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
                model = TranslatedModel()
                if model.fromFile(str(path)):
                    self.addAlgorithm(model)
                else:
                    self.messageLog(tr("Could not load model {}").format(path))

    def messageLog(self, text):  # noqa: N802
        from qgis.core import Qgis, QgsMessageLog

        QgsMessageLog.logMessage(text, "LandPlan", Qgis.MessageLevel.Warning)


# Shipped models: the id (model_name in the .model3) is a contract that users'
# scripts call; what the toolbox shows is translated here.
MODEL_TITLES = {
    "occupationbalancecheck": (
        QT_TRANSLATE_NOOP("@default", "Occupation and balance check (model)"),
        "farmland",
    ),
}


class TranslatedModel(QgsProcessingModelAlgorithm):
    """A shipped model with a translated name and LandPlan's own group."""

    def _title(self):
        return MODEL_TITLES.get(self.name())

    def displayName(self):  # noqa: N802
        title = self._title()
        return tr(title[0]) if title else super().displayName()

    def group(self):
        from .algorithms.base import GROUPS

        title = self._title()
        return tr(GROUPS[title[1]]) if title else super().group()

    def groupId(self):  # noqa: N802
        title = self._title()
        return title[1] if title else super().groupId()

    def createInstance(self):  # noqa: N802
        model = TranslatedModel()
        model.loadVariant(self.toVariant())
        return model
