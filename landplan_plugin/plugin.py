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
        self.dock = None
        self.options_factory = None
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
        from qgis.core import QgsProject
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        from .paths import resource

        icon = QIcon(str(resource("icons", "landplan.svg")))
        action = QAction(icon, tr("LandPlan algorithms in the Processing toolbox"), self.iface.mainWindow())
        action.triggered.connect(self._show_toolbox)
        self.iface.addPluginToMenu(MENU, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)

        from .ui.indicator_dock import IndicatorDock

        self.dock = IndicatorDock(self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        dock_icon = QIcon(str(resource("icons", "indicators.svg")))
        dock_action = QAction(dock_icon, tr("Plan indicators 规划指标"), self.iface.mainWindow())
        dock_action.setCheckable(True)
        dock_action.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(dock_action.setChecked)
        self.iface.addPluginToMenu(MENU, dock_action)
        self.iface.addToolBarIcon(dock_action)
        self.actions.append(dock_action)
        QgsProject.instance().readProject.connect(self._project_read)

        style_action = QAction(icon, tr("Apply 三调 land-use style to the active layer"), self.iface.mainWindow())
        style_action.triggered.connect(self._style_active_layer)
        self.iface.addPluginToMenu(MENU, style_action)
        self.actions.append(style_action)
        self._register_layout_templates(True)

        from .ui.options_page import LandPlanOptionsFactory

        self.options_factory = LandPlanOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def _style_active_layer(self):
        from qgis.core import QgsVectorLayer

        from .core.symbology import landuse_renderer

        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsVectorLayer) or layer.fields().lookupField("DLBM") < 0:
            self.iface.messageBar().pushWarning("LandPlan", tr("Select a land-use layer with a DLBM field first."))
            return
        layer.setRenderer(landuse_renderer("DLBM"))
        layer.triggerRepaint()
        self.iface.layerTreeView().refreshLayerSymbology(layer.id())

    @staticmethod
    def _register_layout_templates(add):
        """List the bundled .qpt in QGIS's layout manager (template search paths).

        QGIS < 3.30 reads core/Layout/searchPathsForTemplates; 3.30+ reads the
        settings-tree entry layout/search-paths-for-templates: both are kept."""
        from qgis.core import QgsSettings

        from .paths import resource

        folder = str(resource("layouts"))
        settings = QgsSettings()
        for key, section in (
            ("Layout/searchPathsForTemplates", QgsSettings.Section.Core),
            ("layout/search-paths-for-templates", QgsSettings.Section.NoSection),
        ):
            paths = settings.value(key, [], section=section) or []
            if isinstance(paths, str):
                paths = [paths]
            paths = [p for p in paths if p != folder]
            if add:
                paths.append(folder)
            settings.setValue(key, paths, section=section)

    def _project_read(self, *_args):
        if self.dock is not None:
            self.dock.restore_from_project()

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
        if self.dock is not None:
            from qgis.core import QgsProject

            try:
                QgsProject.instance().readProject.disconnect(self._project_read)
            except TypeError:
                pass
            self.iface.removeDockWidget(self.dock)
            self.dock._release_layer()
            self.dock.deleteLater()
            self.dock = None
        if self.iface is not None and self.actions:
            self._register_layout_templates(False)
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
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
