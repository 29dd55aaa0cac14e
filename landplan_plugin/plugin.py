"""Plugin lifecycle only: provider registration, menu and toolbar.

``initProcessing`` never touches ``iface`` (it is None under qgis_process)
and is idempotent: QGIS deletes a second provider with the same id.
"""

from qgis.core import QgsApplication

from .core.i18n import tr
from .translation import install_translator, remove_translators

MENU = "&LandPlan 国土规划"


class LandPlanPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        install_translator()

    # -- Processing -------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is not None:
            return
        from .processing.provider import LandPlanProvider

        provider = LandPlanProvider()
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
            provider.refreshAlgorithms()  # now the shipped models can find their children

    # -- GUI ----------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        from .paths import resource

        icon = QIcon(str(resource("icons", "landplan.svg")))
        action = QAction(icon, tr("LandPlan algorithms in the Processing toolbox"), self.iface.mainWindow())
        action.triggered.connect(self._show_toolbox)
        self.iface.addPluginToMenu(MENU, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)

    def _show_toolbox(self):
        from qgis.utils import iface as qgis_iface

        window = (self.iface or qgis_iface).mainWindow()
        for child in window.findChildren(object):
            if child.objectName() == "ProcessingToolbox":
                child.setVisible(True)
                child.raise_()
                search = getattr(child, "searchBox", None)
                if search is not None:
                    search.setText("landplan")
                break

    def unload(self):
        if self.iface is not None:
            for action in self.actions:
                self.iface.removePluginMenu(MENU, action)
                self.iface.removeToolBarIcon(action)
                action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translators()
