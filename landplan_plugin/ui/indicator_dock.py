"""The 规划指标 dock (objectName ``LandPlanIndicatorDock``).

Wiring only: the indicator table is the store's ``lp_indicator`` table opened
as a QgsVectorLayer (filtered to the chosen plan) and shown in QGIS's own
attribute-table view, so editing, the edit buffer and the undo stack are
QGIS's.  Cells are checked by field constraints and value maps (属性,
比较符) before they are accepted.  Saving first asks the store whether
someone else changed any edited row since it was loaded (row_version) and
refuses with a message if so; after a successful commit the store records
the audit rows and bumps the versions.  Status colours come from
core.indicators.status, as in landplan:indicatorstatus.
"""

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerCache,
)
from qgis.gui import QgsAttributeTableFilterModel, QgsAttributeTableModel, QgsAttributeTableView, QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.i18n import tr
from ..core.indicators import status as rules
from ..core.indicators.store import ATTRIBUTES, COMPARATORS, IndicatorStore, _now, _user
from ..processing.algorithms.indicator_status import status_rows

PROJECT_SCOPE = "LandPlan"
PROJECT_KEY = "indicator_store"


class IndicatorDock(QgsDockWidget):
    def __init__(self, parent=None):
        super().__init__(tr("Plan indicators 规划指标"), parent)
        self.setObjectName("LandPlanIndicatorDock")
        self.store = None
        self.layer = None
        self.loaded_versions = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        bar = QHBoxLayout()
        self.open_button = self._button(bar, tr("Open or create a store…"), self.choose_store)
        self.plan_combo = QComboBox()
        self.plan_combo.currentIndexChanged.connect(self._plan_changed)
        bar.addWidget(QLabel(tr("Plan")))
        bar.addWidget(self.plan_combo, 1)
        self.add_button = self._button(bar, tr("Add"), self.add_row)
        self.delete_button = self._button(bar, tr("Delete"), self.delete_rows)
        self.undo_button = QToolButton()
        self.redo_button = QToolButton()
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        self.save_button = self._button(bar, tr("Save"), self.save)
        layout.addLayout(bar)
        self.view = QgsAttributeTableView()
        layout.addWidget(self.view, 3)
        self.status_list = QListWidget()
        layout.addWidget(QLabel(tr("Monitoring status")))
        layout.addWidget(self.status_list, 1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.setWidget(body)
        self._models = None

    @staticmethod
    def _button(bar, text, slot):
        button = QToolButton()
        button.setText(text)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    # -- store and plan ---------------------------------------------------------------------
    def choose_store(self):
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Indicator store"), "", tr("GeoPackage (*.gpkg)"), options=QFileDialog.DontConfirmOverwrite
        )
        if path:
            self.open_store(path)

    def open_store(self, path):
        self.store = IndicatorStore(path)
        QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_KEY, path)
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in self.store.plans():
            self.plan_combo.addItem(plan["name"], plan["plan_id"])
        self.plan_combo.blockSignals(False)
        self._plan_changed()

    def restore_from_project(self):
        path, ok = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if ok and path:
            self.open_store(path)

    def _plan_changed(self):
        plan_id = self.plan_combo.currentData()
        if self.store is None or plan_id is None:
            return
        self._release_layer()
        layer = QgsVectorLayer("{}|layername=lp_indicator".format(self.store.path), tr("Indicators"), "ogr")
        layer.setSubsetString("plan_id = {}".format(int(plan_id)))
        self._configure(layer, int(plan_id))
        self.layer = layer
        self.loaded_versions = {f.id(): f["row_version"] for f in layer.getFeatures()}
        cache = QgsVectorLayerCache(layer, 1000, self)
        model = QgsAttributeTableModel(cache, self)
        model.loadLayer()
        filter_model = QgsAttributeTableFilterModel(None, model, self)
        filter_model.setAttributeTableConfig(layer.attributeTableConfig())
        filter_model.sort("seq", Qt.AscendingOrder)
        self.view.setModel(filter_model)
        self.view.setAttributeTableConfig(layer.attributeTableConfig())
        self._models = (cache, model, filter_model)
        layer.startEditing()
        self.undo_button.setDefaultAction(layer.undoStack().createUndoAction(self, tr("Undo")))
        self.redo_button.setDefaultAction(layer.undoStack().createRedoAction(self, tr("Redo")))
        self.refresh_status()

    def _configure(self, layer, plan_id):
        fields = layer.fields()
        hidden = {"fid", "indicator_id", "plan_id", "row_version", "updated_at"}
        config = layer.attributeTableConfig()
        columns = config.columns()
        for column in columns:
            column.hidden = column.name in hidden
        config.setColumns(columns)
        layer.setAttributeTableConfig(config)
        for name, values in (("attribute", ATTRIBUTES), ("comparator", COMPARATORS)):
            index = fields.lookupField(name)
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": [{v: v} for v in values]}))
            allowed = ", ".join("'{}'".format(v) for v in values)
            layer.setConstraintExpression(
                index,
                '"{0}" IS NULL OR "{0}" IN ({1})'.format(name, allowed),
                tr("must be one of {}").format(" / ".join(values)),
            )
            layer.setFieldConstraint(
                index, QgsFieldConstraints.ConstraintExpression, QgsFieldConstraints.ConstraintStrengthHard
            )
        index = fields.lookupField("cumulative")
        layer.setEditorWidgetSetup(
            index, QgsEditorWidgetSetup("CheckBox", {"CheckedState": "1", "UncheckedState": "0"})
        )
        name_index = fields.lookupField("name")
        layer.setFieldConstraint(
            name_index, QgsFieldConstraints.ConstraintNotNull, QgsFieldConstraints.ConstraintStrengthHard
        )
        layer.setDefaultValueDefinition(fields.lookupField("plan_id"), QgsDefaultValue(str(plan_id)))
        layer.setDefaultValueDefinition(fields.lookupField("row_version"), QgsDefaultValue("1"))

    # -- editing -------------------------------------------------------------------------------
    def set_value(self, feature_id, field_name, value):
        """Programmatic cell edit (as the table does), one undoable command.
        Returns False with a message when the value is refused."""
        index = self.layer.fields().lookupField(field_name)
        feature = self.layer.getFeature(feature_id)
        feature.setAttribute(index, value)
        from qgis.core import QgsVectorLayerUtils

        ok, errors = QgsVectorLayerUtils.validateAttribute(
            self.layer, feature, index, QgsFieldConstraints.ConstraintStrengthHard
        )
        if not ok:
            self.message.setText(tr("Refused: {} {}").format(field_name, "; ".join(errors)))
            return False
        self.layer.beginEditCommand(tr("Edit {}").format(field_name))
        self.layer.changeAttributeValue(feature_id, index, value)
        self.layer.endEditCommand()
        return True

    def add_row(self):
        from qgis.core import QgsVectorLayerUtils

        if self.layer is None:
            return
        feature = QgsVectorLayerUtils.createFeature(self.layer)
        feature.setAttribute("name", tr("New indicator"))
        feature.setAttribute("seq", self.layer.featureCount() + 1)
        self.layer.beginEditCommand(tr("Add indicator"))
        self.layer.addFeature(feature)
        self.layer.endEditCommand()

    def delete_rows(self):
        if self.layer is None:
            return
        ids = self.layer.selectedFeatureIds()
        if not ids:
            return
        self.layer.beginEditCommand(tr("Delete indicators"))
        self.layer.deleteFeatures(ids)
        self.layer.endEditCommand()

    def save(self):
        """Commit, unless someone else changed an edited row meanwhile."""
        if self.layer is None or not self.layer.isEditable():
            return True
        buffer = self.layer.editBuffer()
        changed = dict(buffer.changedAttributeValues())
        deleted = list(buffer.deletedFeatureIds())
        current = {}
        if changed or deleted:
            conn = self.store.connect()
            try:
                for fid in list(changed) + deleted:
                    if fid < 0:
                        continue
                    row = conn.execute("SELECT * FROM lp_indicator WHERE indicator_id = ?", (fid,)).fetchone()
                    current[fid] = row
            finally:
                conn.close()
        for fid, row in current.items():
            if row is None or row["row_version"] != self.loaded_versions.get(fid):
                name = row["name"] if row else fid
                text = tr(
                    "“{}” was changed by someone else since you opened it; your edits were not saved. "
                    "Reload the plan and edit again."
                ).format(name)
                self.message.setText(text)
                if self.isVisible():
                    QMessageBox.warning(self, tr("Plan indicators"), text)
                return False
        if not self.layer.commitChanges(False):
            self.message.setText("; ".join(self.layer.commitErrors()))
            return False
        with self.store.transaction() as conn:
            for fid, values in changed.items():
                conn.execute(
                    "UPDATE lp_indicator SET row_version = row_version + 1, updated_at = ? WHERE indicator_id = ?",
                    (_now(), fid),
                )
                for index, value in values.items():
                    name = self.layer.fields().at(index).name()
                    old = current[fid][name] if fid in current and current[fid] is not None else None
                    conn.execute(
                        "INSERT INTO lp_audit(table_name, row_id, field, old_value, new_value, changed_at, os_user) VALUES (?,?,?,?,?,?,?)",
                        (
                            "lp_indicator",
                            fid,
                            name,
                            None if old is None else str(old),
                            None if value is None else str(value),
                            _now(),
                            _user(),
                        ),
                    )
            for fid in deleted:
                conn.execute(
                    "INSERT INTO lp_audit(table_name, row_id, field, old_value, new_value, changed_at, os_user) VALUES (?,?,?,?,?,?,?)",
                    ("lp_indicator", fid, "*", "row", None, _now(), _user()),
                )
        self.loaded_versions = {f.id(): f["row_version"] for f in self.layer.getFeatures()}
        self.message.setText(tr("Saved."))
        self.refresh_status()
        return True

    # -- status --------------------------------------------------------------------------------
    def refresh_status(self):
        self.status_list.clear()
        if self.store is None or self.plan_combo.currentData() is None:
            return
        plan = self.store.plan(self.plan_combo.currentText())
        for row in status_rows(self.store, plan):
            item = QListWidgetItem(
                "{}  {}  {}".format(
                    row["name"],
                    rules.STATUS_ZH[row["status"]],
                    "" if row["value"] is None else "{:g} {}".format(row["value"], row["unit"] or ""),
                )
            )
            item.setBackground(QColor(rules.STATUS_COLOURS[row["status"]]))
            item.setData(Qt.UserRole, row["status"])
            self.status_list.addItem(item)

    def _release_layer(self):
        if self.layer is not None and self.layer.isEditable():
            self.layer.rollBack()
        self._models = None
        self.layer = None

    def closeEvent(self, event):  # noqa: N802 (Qt API name)
        self._release_layer()
        super().closeEvent(event)
