"""Settings ▸ Options ▸ LandPlan: who signs the reports and sheets, and the
map-sheet font.  Only wires widgets to ``settings`` and ``fonts``."""

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit

from .. import fonts, settings
from ..core.i18n import tr
from ..paths import resource


class LandPlanOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("LandPlanOptionsPage")
        layout = QFormLayout(self)
        self.organization = QLineEdit(settings.organization())
        self.organization.setPlaceholderText(tr("e.g. 某某县自然资源局"))
        self.preparer = QLineEdit(settings.preparer())
        self.font = QComboBox()
        self.font.addItem(tr("Automatic (first installed Chinese font)"), "")
        installed = fonts.installed_families()
        for family in [f for f in fonts.SHEET_FONTS if f in installed]:
            self.font.addItem(family, family)
        current = self.font.findData(fonts.configured_family())
        self.font.setCurrentIndex(max(current, 0))
        layout.addRow(tr("Preparing organisation (制表单位)"), self.organization)
        layout.addRow(tr("Prepared by (制表人)"), self.preparer)
        layout.addRow(tr("Map-sheet font"), self.font)
        note = QLabel(tr("Reports and map sheets are signed with these names."))
        note.setWordWrap(True)
        layout.addRow(note)

    def apply(self):
        from qgis.core import QgsSettings

        settings.set_signature(self.organization.text(), self.preparer.text())
        QgsSettings().setValue(fonts.SETTING_KEY, self.font.currentData() or "")


class LandPlanOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle("LandPlan")

    def icon(self):
        return QIcon(str(resource("icons", "landplan.svg")))

    def createWidget(self, parent):  # noqa: N802
        return LandPlanOptionsPage(parent)
