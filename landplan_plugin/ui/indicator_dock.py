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

A shared store on PostgreSQL (core.indicators.pg_store) is chosen with
QGIS's own connection and schema widgets and shown through the postgres
provider.  A login without write rights (a viewer) gets the table
read-only.  Changes saved by others arrive by LISTEN/NOTIFY (a
QSocketNotifier on the listening connection): with nothing unsaved the
table reloads; an unsaved edit of a row someone else changed is flagged
with the row and the editor's name before any save is tried.
"""

import datetime
import os

from qgis.core import (
    QgsConditionalStyle,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsProject,
    QgsVectorLayer,
    QgsFeatureRequest,
)
from qgis.gui import QgsAttributeEditorContext, QgsDockWidget, QgsDualView
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QSocketNotifier, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QDoubleSpinBox,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
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

from ..core import outputfields
from ..core.i18n import tr
from ..core.indicators import display
from ..core.indicators import status as rules
from ..core.indicators.pg_store import DEFAULT_SCHEMA, PgLocation
from ..core.indicators.store import (
    ATTRIBUTES,
    COMPARATORS,
    ConflictError,
    NotAStoreError,
    StoreError,
    inspect_file,
    open_store as open_any_store,
)
from ..processing.algorithms.indicator_status import status_rows

PROJECT_SCOPE = "LandPlan"
PROJECT_KEY = "indicator_store"
PROJECT_CONNECTION_KEY = "indicator_store_connection"
PROJECT_SCHEMA_KEY = "indicator_store_schema"

# aliases of lp_indicator's own columns; the others (seq, name, unit,
# base_value, target_value …) read as in the outputs (core.outputfields)
COLUMN_LABELS = {
    "base_text": QT_TRANSLATE_NOOP("@default", "Base as printed"),
    "cumulative": QT_TRANSLATE_NOOP("@default", "Cumulative"),
    "measure": QT_TRANSLATE_NOOP("@default", "Measured from data"),
    "note": QT_TRANSLATE_NOOP("@default", "Note"),
}
# internal columns, hidden by default (the user can show them from the header)
HIDDEN_COLUMNS = {"fid", "indicator_id", "plan_id", "row_version", "updated_at", "base_text", "measure"}

STATUS_LABELS = {
    "no_data": QT_TRANSLATE_NOOP("@default", "No data"),
    "no_target": QT_TRANSLATE_NOOP("@default", "No numeric target"),
    "met": QT_TRANSLATE_NOOP("@default", "Met"),
    "on_track": QT_TRANSLATE_NOOP("@default", "On track"),
    "at_risk": QT_TRANSLATE_NOOP("@default", "At risk"),
    "not_met": QT_TRANSLATE_NOOP("@default", "Not met"),
}

SOURCE_LABELS = {
    "manual": QT_TRANSLATE_NOOP("@default", "entered by hand"),
    "landplan:measureindicators": QT_TRANSLATE_NOOP("@default", "measured from land-use data"),
    "import": QT_TRANSLATE_NOOP("@default", "imported"),
}


MEASURE_LABELS = {
    "farmland_area": QT_TRANSLATE_NOOP("@default", "Farmland area (survey)"),
    "construction_area": QT_TRANSLATE_NOOP("@default", "Construction land area (survey)"),
    "forest_area": QT_TRANSLATE_NOOP("@default", "Forest area (survey)"),
    "wetland_area": QT_TRANSLATE_NOOP("@default", "Wetland area (survey)"),
    "development_intensity": QT_TRANSLATE_NOOP("@default", "Development intensity (survey)"),
    "basic_farmland_area": QT_TRANSLATE_NOOP("@default", "Basic farmland area (layer)"),
    "eco_redline_area": QT_TRANSLATE_NOOP("@default", "Ecological red line area (layer)"),
    "restoration_area": QT_TRANSLATE_NOOP("@default", "Restoration area (layer)"),
}


def source_label(source):
    return tr(SOURCE_LABELS[source]) if source in SOURCE_LABELS else (source or "")


class IndicatorDock(QgsDockWidget):
    def __init__(self, parent=None):
        super().__init__(tr("Plan indicators 规划指标"), parent)
        self.setObjectName("LandPlanIndicatorDock")
        self.store = None
        self.layer = None
        self.loaded_versions = {}  # feature id → row_version when loaded
        self.loaded_ids = {}  # feature id → indicator_id (a provider may number features its own way)
        self.connection_name = None
        self._listener = None  # (psycopg2 connection, QSocketNotifier) of a shared store
        body = QWidget()
        layout = QVBoxLayout(body)
        bar = QHBoxLayout()
        self.open_button = self._button(bar, tr("Open or create a store…"), self.choose_store)
        self.shared_button = self._button(bar, tr("Shared store…"), self.choose_shared_store)
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
        self._idle_history_buttons()
        self.save_button = self._button(bar, tr("Save"), self.save)
        self.import_button = self._button(bar, tr("Import…"), self.import_table)
        self.export_button = self._button(bar, tr("Export…"), self.export_table)
        layout.addLayout(bar)
        self.body_layout = layout
        self.dual = QWidget()  # replaced by a QgsDualView per plan
        self.view = None
        layout.addWidget(self.dual, 3)
        lower = QHBoxLayout()
        status_box = QVBoxLayout()
        self.status_table = QTableWidget(0, 4)
        self.status_table.setHorizontalHeaderLabels(
            [tr("Indicator"), tr("Target"), tr("Latest value (year)"), tr("Status")]
        )
        self.status_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.status_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.status_table.verticalHeader().setVisible(False)
        header = self.status_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        status_box.addWidget(QLabel(tr("Monitoring status")))
        status_box.addWidget(self.status_table)
        lower.addLayout(status_box, 3)
        obs_box = QVBoxLayout()
        obs_box.addWidget(QLabel(tr("Yearly values of the selected indicator")))
        self.observation_list = QListWidget()
        obs_box.addWidget(self.observation_list)
        record_bar = QHBoxLayout()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1949, 2200)
        self.year_spin.setValue(datetime.date.today().year)
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setRange(-1e12, 1e12)
        self.value_spin.setDecimals(4)
        record_bar.addWidget(self.year_spin)
        record_bar.addWidget(self.value_spin)
        self.record_button = self._button(record_bar, tr("Record"), self.record_value)
        obs_box.addLayout(record_bar)
        lower.addLayout(obs_box, 2)
        self.chart = ProgressChart()
        lower.addWidget(self.chart, 2)
        layout.addLayout(lower, 1)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.setWidget(body)
        self._retired = []

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
            self, tr("Indicator store"), "", tr("GeoPackage (*.gpkg)"), options=QFileDialog.Option.DontConfirmOverwrite
        )
        if not path:
            return
        adopt = False
        try:
            kind = inspect_file(path)
        except StoreError as error:
            from ..processing.algorithms.indicators_common import store_error_text

            self._refuse(tr("Cannot open the indicator store: {}").format(store_error_text(error)))
            return
        if kind == "geopackage":
            # someone else's data: add the store's tables only when asked to
            answer = QMessageBox.question(
                self,
                tr("Indicator store"),
                tr("{} holds other data and is not an indicator store. Add the indicator tables to it?").format(
                    os.path.basename(path)
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            adopt = True
        self.open_store(path, adopt=adopt)

    def choose_shared_store(self):
        """A PostgreSQL connection and schema, with QGIS's own widgets."""
        from qgis.gui import QgsDatabaseSchemaComboBox, QgsProviderConnectionComboBox

        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Shared indicator store (PostgreSQL)"))
        form = QFormLayout(dialog)
        connections = QgsProviderConnectionComboBox("postgres", dialog)
        schemas = QgsDatabaseSchemaComboBox("postgres", connections.currentConnection(), dialog)
        connections.connectionChanged.connect(schemas.setConnectionName)
        form.addRow(tr("Connection"), connections)
        form.addRow(tr("Schema"), schemas)
        if schemas.comboBox().findText(DEFAULT_SCHEMA) >= 0:
            schemas.setSchema(DEFAULT_SCHEMA)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted or not connections.currentConnection():
            return
        self.open_shared_store(connections.currentConnection(), schemas.currentSchema())

    def open_shared_store(self, connection, schema):
        """Open the store of a QGIS PostgreSQL connection (or a conninfo)."""
        from qgis.core import QgsProcessingException

        from ..processing.algorithms.indicators_common import pg_location

        try:
            location = pg_location(connection, schema)
        except QgsProcessingException as error:
            return self._refuse(error.message())
        if self.open_store(location):
            self.connection_name = location.label
            QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_CONNECTION_KEY, location.label or "")
            QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_SCHEMA_KEY, location.schema)
            return True
        return False

    def open_store(self, location, adopt=False):
        """Open (or reopen) a store – a GeoPackage path or a PgLocation; the
        plan shown stays chosen if it still exists.  Something that is not a
        store is refused with a message."""
        keep = self.plan_combo.currentText() if self.store is not None else None
        try:
            store = open_any_store(location, adopt=adopt)
        except NotAStoreError:
            if isinstance(location, PgLocation):
                self._refuse(
                    tr(
                        "The schema “{}” holds no LandPlan indicator store; create it with “Initialise a shared "
                        "indicator store” (landplan:initstore)."
                    ).format(location.schema)
                )
            else:
                self._refuse(tr("{} is not an indicator store; nothing was written.").format(location))
            return False
        except StoreError as error:
            from ..processing.algorithms.indicators_common import store_error_text

            self._refuse(tr("Cannot open the indicator store: {}").format(store_error_text(error)))
            return False
        self._release_layer()
        self._stop_listening()
        if self.store is not None and self.store is not store:
            getattr(self.store, "close", lambda: None)()
        self.store = store
        if isinstance(location, PgLocation):
            self._start_listening()
        else:
            self.connection_name = None
            QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_KEY, location)
            QgsProject.instance().writeEntry(PROJECT_SCOPE, PROJECT_CONNECTION_KEY, "")
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in self.store.plans():
            self.plan_combo.addItem(plan["name"], plan["plan_id"])
        if keep and self.plan_combo.findText(keep) >= 0:
            self.plan_combo.setCurrentIndex(self.plan_combo.findText(keep))
        self.plan_combo.blockSignals(False)
        self._plan_changed()
        return True

    def restore_from_project(self):
        connection, ok = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_CONNECTION_KEY, "")
        if ok and connection:
            schema, _ok = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_SCHEMA_KEY, DEFAULT_SCHEMA)
            self.open_shared_store(connection, schema)
            return
        path, ok = QgsProject.instance().readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if ok and path:
            self.open_store(path)

    def _indicator_layer(self, plan_id):
        if self.store.kind == "postgres":
            from qgis.core import QgsDataSourceUri

            location = self.store.location_object
            uri = QgsDataSourceUri(location.conninfo)
            uri.setDataSource(location.schema, "lp_indicator", "", "plan_id = {}".format(int(plan_id)), "indicator_id")
            return QgsVectorLayer(uri.uri(False), tr("Indicators"), "postgres")
        layer = QgsVectorLayer("{}|layername=lp_indicator".format(self.store.path), tr("Indicators"), "ogr")
        layer.setSubsetString("plan_id = {}".format(int(plan_id)))
        return layer

    def _plan_changed(self):
        plan_id = self.plan_combo.currentData()
        if self.store is None or plan_id is None:
            return
        self._release_layer()
        layer = self._indicator_layer(plan_id)
        self._configure(layer, int(plan_id))
        self.layer = layer
        self._remember_loaded()
        writable = self.store.can_write()
        for button in (self.add_button, self.delete_button, self.save_button, self.import_button, self.record_button):
            button.setEnabled(writable)
        if writable:
            layer.startEditing()  # before the models: they read the editable state once
        else:
            self.message.setText(
                tr(
                    "Read-only: your database login may only read this indicator store (a viewer); the table cannot be edited."
                )
            )
        # A fresh QgsDualView per layer (QGIS's own attribute table widget):
        # a QgsAttributeTableView keeps the selection model made for its first
        # layer, and painting it after that layer is gone aborts QGIS.  The old
        # one is retired with its layer (see _replace_table).
        dual = QgsDualView()
        dual.init(layer, _map_canvas(), QgsFeatureRequest(), QgsAttributeEditorContext())
        dual.setView(QgsDualView.ViewMode.AttributeTable)
        dual.setAttributeTableConfig(layer.attributeTableConfig())
        dual.setSortExpression('"seq"', Qt.SortOrder.AscendingOrder)
        self._replace_table(dual)
        self.view = dual.tableView()
        layer.selectionChanged.connect(self.show_observations)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_observations())
        first, last = plan_years(self.store.plan(self.plan_combo.currentText()))
        self.year_spin.setRange(first, last)
        self.undo_button.setDefaultAction(layer.undoStack().createUndoAction(self, tr("Undo")))
        self.redo_button.setDefaultAction(layer.undoStack().createRedoAction(self, tr("Redo")))
        self.refresh_status()

    def _replace_table(self, widget, old_layer=None):
        """Put a table widget where the current one is and retire the old one.
        The old one is deleted by Qt's event loop (deleting it in the middle
        of a signal from its own widgets is unsafe); its layer is kept alive
        until the view and its models are gone, so nothing ever paints or
        queries a deleted layer."""
        view, self.dual = self.dual, widget
        self.body_layout.insertWidget(self.body_layout.indexOf(view), widget, 3)
        view.hide()
        self.body_layout.removeWidget(view)
        entry = (view, old_layer)
        self._retired.append(entry)

        def forget(*_args):
            # destroyed() is emitted before the view's children (the models)
            # are deleted: let go of the layer only on the next loop turn
            QTimer.singleShot(0, lambda: self._retired.remove(entry) if entry in self._retired else None)

        view.destroyed.connect(forget)
        view.deleteLater()

    def _configure(self, layer, plan_id):
        fields = layer.fields()
        for index in range(fields.count()):
            name = fields.at(index).name()
            alias = tr(COLUMN_LABELS[name]) if name in COLUMN_LABELS else outputfields.alias(name)
            if alias:
                layer.setFieldAlias(index, alias)
        config = layer.attributeTableConfig()
        config.update(fields)
        columns = config.columns()
        for column in columns:
            # the actions column has an empty name: hidden too
            column.hidden = column.name in HIDDEN_COLUMNS or not column.name
        config.setColumns(columns)
        config.setActionWidgetVisible(False)
        layer.setAttributeTableConfig(config)
        # empty cells read blank, not NULL: the text of a NULL cell is drawn
        # invisible (alpha 1: QGIS ignores a fully transparent text colour)
        blank = QgsConditionalStyle("@value IS NULL")
        blank.setTextColor(QColor(255, 255, 255, 1))
        blank.setName(tr("Empty"))
        for index in range(fields.count()):
            layer.conditionalStyles().setFieldStyles(fields.at(index).name(), [blank])
        layer.setEditorWidgetSetup(
            fields.lookupField("measure"),
            QgsEditorWidgetSetup("ValueMap", {"map": [{tr(label): key} for key, label in MEASURE_LABELS.items()]}),
        )
        for name, values in (("attribute", ATTRIBUTES), ("comparator", COMPARATORS)):
            index = fields.lookupField(name)
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": [{v: v} for v in values]}))
            allowed = ", ".join("'{}'".format(v) for v in values)
            layer.setConstraintExpression(
                index,
                '"{0}" IS NULL OR "{0}" IN ({1})'.format(name, allowed),
                tr("must be one of {}").format("、".join(values)),
            )
            layer.setFieldConstraint(
                index,
                QgsFieldConstraints.Constraint.ConstraintExpression,
                QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard,
            )
        # units from a list (the units already used, editable for new ones)
        layer.setEditorWidgetSetup(fields.lookupField("unit"), QgsEditorWidgetSetup("UniqueValues", {"Editable": True}))
        index = fields.lookupField("cumulative")
        layer.setEditorWidgetSetup(
            index, QgsEditorWidgetSetup("ValueMap", {"map": [{tr("Yes"): "1"}, {tr("No"): "0"}]})
        )
        name_index = fields.lookupField("name")
        layer.setFieldConstraint(
            name_index,
            QgsFieldConstraints.Constraint.ConstraintNotNull,
            QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard,
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
            self.layer, feature, index, QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
        )
        if not ok:
            label = self.layer.attributeDisplayName(index)
            description = self.layer.fields().at(index).constraints().constraintDescription()
            reason = description or tr("cannot be empty")
            self.message.setText(tr("Refused: {} {}.").format(label, reason))
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
        """Save the edit buffer through the store in one transaction (version
        check, writes, version bumps and audit together: of two editors saving
        the same row, exactly one wins).  QGIS's buffer only collects the edits."""
        if self.layer is None or not self.layer.isEditable():
            return True
        buffer = self.layer.editBuffer()
        fields = self.layer.fields()
        ids = self.loaded_ids
        changed = {
            ids[fid]: {fields.at(i).name(): _plain(value) for i, value in values.items()}
            for fid, values in buffer.changedAttributeValues().items()
            if fid in ids
        }
        deleted = [ids[fid] for fid in buffer.deletedFeatureIds() if fid in ids]
        versions = {ids[fid]: version for fid, version in self.loaded_versions.items() if fid in ids}
        added = [
            {
                fields.at(i).name(): _plain(value)
                for i, value in enumerate(feature.attributes())
                if fields.at(i).name() not in STORE_MANAGED_COLUMNS and _plain(value) is not None
            }
            for fid, feature in buffer.addedFeatures().items()
            if fid not in buffer.deletedFeatureIds()
        ]
        for values in changed.values():
            for name in STORE_MANAGED_COLUMNS:
                values.pop(name, None)
        try:
            self.store.apply_edits(
                int(self.plan_combo.currentData()),
                changed,
                added,
                deleted,
                {indicator_id: versions.get(indicator_id) for indicator_id in list(changed) + deleted},
            )
        except ConflictError as error:
            if error.user:
                text = tr(
                    "“{}” was changed by {} at {} since you opened it; your edits were not saved. "
                    "Reload the plan and edit again."
                ).format(error.name, error.user, error.when or "?")
            else:
                text = tr(
                    "“{}” was changed by someone else since you opened it; your edits were not saved. "
                    "Reload the plan and edit again."
                ).format(error.name)
            return self._refuse(text)
        except StoreError as error:
            from ..processing.algorithms.indicators_common import store_error_text

            return self._refuse(tr("Not saved: {}").format(store_error_text(error)))
        # the store has the edits: drop the buffer and show what was saved
        self.reload_table()
        self.message.setText(tr("Saved."))
        return True

    def _remember_loaded(self):
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        features = list(self.layer.getFeatures(request))
        self.loaded_versions = {f.id(): f["row_version"] for f in features}
        self.loaded_ids = {f.id(): int(f["indicator_id"]) for f in features}

    def reload_table(self):
        """Show the store's current rows (drops the empty or saved buffer)."""
        self.layer.rollBack()
        self.layer.dataProvider().reloadData()
        self.layer.startEditing()
        self._remember_loaded()
        self.refresh_status()
        self.show_observations()

    # -- live refresh (shared store) ---------------------------------------------------------------
    def _start_listening(self):
        try:
            raw = self.store.listen()
        except StoreError as error:
            self.message.setText(tr("Changes by others will not show live: {}").format(error))
            return
        notifier = QSocketNotifier(raw.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._notified)
        self._listener = (raw, notifier)

    def _stop_listening(self):
        if self._listener is not None:
            raw, notifier = self._listener
            notifier.setEnabled(False)
            notifier.deleteLater()
            raw.close()
            self._listener = None

    def _notified(self, *_args):
        """Others saved: reload when nothing is unsaved, else say which of
        the user's edited rows someone else changed, and who."""
        if self._listener is None or self.store is None:
            return
        try:
            changes = self.store.notifications(self._listener[0])
        except Exception:  # noqa: BLE001 - a dropped connection must not break the dock
            self._stop_listening()
            self.message.setText(tr("The connection to the shared store was lost; changes by others no longer show."))
            return
        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            return
        mine = [c for c in changes if c.get("plan_id") in (None, int(plan_id))]
        if not mine or self.layer is None:
            return
        buffer = self.layer.editBuffer() if self.layer.isEditable() else None
        edited = set()
        if buffer is not None:
            edited = {fid for fid in buffer.changedAttributeValues() if fid >= 0} | {
                fid for fid in buffer.deletedFeatureIds() if fid >= 0
            }
        fids = {indicator_id: fid for fid, indicator_id in self.loaded_ids.items()}
        clashes = [c for c in mine if c.get("table") == "lp_indicator" and fids.get(c.get("id")) in edited]
        users = "、".join(sorted({c.get("user") or "?" for c in mine}))
        if clashes:
            names = "、".join("“{}”".format(self.layer.getFeature(fids[c["id"]])["name"]) for c in clashes)
            # not modal: it arrives in the middle of the user's typing
            self._notify_warning(
                tr(
                    "{} was changed by {} while you were editing it; saving your edit of it will be refused. "
                    "Note your value, undo, and save again after the table reloads."
                ).format(names, "、".join(sorted({c.get("user") or "?" for c in clashes})))
            )
        elif buffer is not None and buffer.isModified():
            self.message.setText(tr("{} changed this plan; the changes show after you save.").format(users))
        else:
            self.reload_table()
            self.message.setText(tr("Updated: {} changed this plan.").format(users))

    def _notify_warning(self, text):
        self.message.setText(text)
        from qgis.utils import iface

        if iface is not None and self.isVisible():
            from qgis.core import Qgis

            iface.messageBar().pushMessage(tr("Plan indicators"), text, Qgis.MessageLevel.Warning, 15)

    def _refuse(self, text):
        self.message.setText(text)
        if self.isVisible():
            QMessageBox.warning(self, tr("Plan indicators"), text)
        return False

    # -- observations, import, export -----------------------------------------------------------
    def selected_indicator_id(self):
        if self.layer is None:
            return None
        ids = self.layer.selectedFeatureIds()
        if not ids:
            rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
            if not rows:
                return None
            model = self.view.model()
            ids = [model.rowToId(rows[0])] if hasattr(model, "rowToId") else []
        if not ids or ids[0] < 0:
            return None
        return self.loaded_ids.get(ids[0], ids[0])  # the store's indicator_id

    def show_observations(self, *_args):
        self.observation_list.clear()
        indicator_id = self.selected_indicator_id()
        if indicator_id is None or self.store is None:
            self.chart.set_data(None, [], None)
            return
        indicator = self.store.indicator(indicator_id)
        observations = self.store.observations(indicator_id)
        for obs in observations:
            source = source_label(obs["source"])
            item = QListWidgetItem(
                "{}  {}  ({})".format(obs["year"], display.value_text(obs["value"], indicator.get("unit")), source)
                if obs["value"] is not None
                else "{}  —  ({})".format(obs["year"], source)
            )
            if obs["source"] != "manual":
                item.setForeground(QColor("#1565c0"))  # computed values are marked by colour and source
            self.observation_list.addItem(item)
        plan = self.store.plan(self.plan_combo.currentText())
        self.chart.set_data(indicator, observations, plan)

    def record_value(self):
        indicator_id = self.selected_indicator_id()
        if indicator_id is None:
            self.message.setText(tr("Select an indicator first."))
            return
        plan = self.store.plan(self.plan_combo.currentText())
        first, last = plan_years(plan)
        if not first <= self.year_spin.value() <= last:
            self.message.setText(
                tr("{} is outside the plan period {}–{}: nothing recorded.").format(self.year_spin.value(), first, last)
            )
            return
        try:
            self.store.record_observation(
                indicator_id, self.year_spin.value(), self.value_spin.value(), source="manual"
            )
        except StoreError as error:
            from ..processing.algorithms.indicators_common import store_error_text

            return self._refuse(tr("Not recorded: {}").format(store_error_text(error)))
        self.show_observations()
        self.refresh_status()

    def import_table(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Indicator table"), "", tr("Tables (*.csv *.xlsx)"))
        if not path or self.store is None:
            return
        import processing

        name = self.plan_combo.currentText() or os.path.splitext(os.path.basename(path))[0]
        if self.store.kind == "postgres":
            location = self.store.location_object
            target = {"STORE_CONNECTION": location.conninfo, "STORE_SCHEMA": location.schema}
        else:
            location = self.store.path
            target = {"STORE": self.store.path}
        processing.run("landplan:importindicators", dict(target, INPUT=path, PLAN_NAME=name))
        self.open_store(location)

    def export_table(self):
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export indicators"), "", tr("CSV (*.csv);;Excel (*.xlsx);;HTML report (*.html)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path):
        """CSV or XLSX (the printed-table columns plus the latest value and
        status) or an HTML report, by the file's extension."""
        plan = self.store.plan(self.plan_combo.currentText())
        rows = status_rows(self.store, plan)
        if path.lower().endswith(".html"):
            from ..core import report

            report.write(path, "indicators_report.html.j2", plan=plan, rows=rows, colours=rules.STATUS_COLOURS)
            return path
        header = [
            "类别",
            "序号",
            "指标",
            "单位",
            "基期值",
            "目标值",
            "比较符",
            "属性",
            "累计",
            "最新值",
            "年份",
            "状态",
            "备注",
        ]
        keys = (
            "category",
            "seq",
            "name",
            "unit",
            "base_value",
            "target",
            "comparator",
            "attribute",
            "cumulative",
            "value",
            "value_year",
            "status_zh",
            "note",
        )
        spreadsheet = path.lower().endswith(".xlsx")
        table = []
        for r in rows:
            unit = r.get("unit")
            if spreadsheet:  # numbers stay numbers, at the unit's precision
                base = display.rounded(r["base_value"], unit) if r["base_value"] is not None else r.get("base_text")
                value = display.rounded(r["value"], unit)
            else:
                base = r["base_display"]
                value = display.value_text(r["value"], unit)
            r = dict(
                r, base_value=base, target=r["target_display"], value=value, cumulative="是" if r["cumulative"] else ""
            )
            table.append([r[k] for k in keys])
        if path.lower().endswith(".xlsx"):
            try:
                import openpyxl
            except ImportError:
                self.message.setText(tr("Excel export needs openpyxl (python3-openpyxl); export CSV instead."))
                return None
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "规划指标"
            sheet.append(header)
            for row in table:
                sheet.append(row)
            book.save(path)
            return path
        import csv

        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(table)
        return path

    # -- status --------------------------------------------------------------------------------
    def refresh_status(self):
        self.status_table.setRowCount(0)
        if self.store is None or self.plan_combo.currentData() is None:
            return
        plan = self.store.plan(self.plan_combo.currentText())
        rows = status_rows(self.store, plan)
        self.status_table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            unit = row["unit"] or ""
            latest = (
                ""
                if row["value"] is None
                else "{} {}（{}）".format(display.value_text(row["value"], unit), unit, row["value_year"]).replace(
                    " （", "（"
                )
            )
            target = row["target_display"] or ""
            if row.get("target_value") is not None and unit:
                target = "{} {}".format(target, unit)
            cells = [row["name"], target, latest, tr(STATUS_LABELS[row["status"]])]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text.strip())
                item.setData(Qt.ItemDataRole.UserRole, row["status"])
                if column == 3:
                    item.setBackground(QColor(rules.STATUS_COLOURS[row["status"]]))
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.status_table.setItem(n, column, item)

    def _release_layer(self):
        """Drop the current layer: roll back unsaved edits, take the view (and
        with it the models) down first, then the layer."""
        if self.layer is not None and self.layer.isEditable():
            self.layer.rollBack()
        if self.layer is not None:
            self._replace_table(QWidget(), self.layer)
            self.view = None
        for button in (self.undo_button, self.redo_button):
            for action in button.actions():
                button.removeAction(action)
                action.deleteLater()
        self._idle_history_buttons()
        self.layer = None

    def _idle_history_buttons(self):
        """Without a plan the undo/redo buttons have no edit buffer to act on:
        named and disabled rather than blank."""
        for button, text in ((self.undo_button, tr("Undo")), (self.redo_button, tr("Redo"))):
            button.setText(text)
            button.setEnabled(False)

    def closeEvent(self, event):  # noqa: N802 (Qt API name)
        self._release_layer()
        self._stop_listening()
        super().closeEvent(event)


# columns the store maintains itself (never taken from the edit buffer)
STORE_MANAGED_COLUMNS = ("indicator_id", "plan_id", "row_version", "updated_at")


def _plain(value):
    """A Python value for the store: QVariant NULL → None."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value


def plan_years(plan):
    """The years a value may be recorded for: base year to target year (a
    plan without them: 1949 to 2200)."""
    first = (plan or {}).get("base_year") or 1949
    last = (plan or {}).get("target_year") or 2200
    return int(first), int(max(first, last))


def _map_canvas():
    try:
        from qgis.utils import iface
    except ImportError:
        return None
    return iface.mapCanvas() if iface is not None else None


class ProgressChart(QWidget):
    """Observed values by year, with axes, the base value, the target line
    and the planned path from base to target (when the plan has its years).
    Drawn whenever the indicator has a value, a base or a target."""

    MARGINS = (40, 16, 18, 28)  # left (at least), top, right, bottom, in pixels

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(260, 150)
        self.indicator = None
        self.observations = []
        self.plan = None

    def set_data(self, indicator, observations, plan):
        self.indicator, self.observations, self.plan = indicator, observations, plan
        self.update()

    def series(self):
        """(points [(year, value)], base (year, value) or None, target value or None, (first, last) years)."""
        indicator, plan = self.indicator or {}, self.plan or {}
        points = sorted((o["year"], o["value"]) for o in self.observations if o["value"] is not None)
        base_year, target_year = plan.get("base_year"), plan.get("target_year")
        base = (
            (base_year, indicator.get("base_value")) if base_year and indicator.get("base_value") is not None else None
        )
        target = indicator.get("target_value")
        years = [y for y, _ in points] + [y for y in (base_year, target_year) if y]
        if not years:
            return points, base, target, None
        return points, base, target, (min(years), max(max(years), min(years) + 1))

    def paintEvent(self, _event):  # noqa: N802 (Qt API name)
        from qgis.PyQt.QtCore import QPointF, QRectF
        from qgis.PyQt.QtGui import QPainter, QPen

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.indicator:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Select an indicator to see its chart"))
            return
        points, base, target, years = self.series()
        values = [v for _, v in points] + [v for v in (base[1] if base else None, target) if v is not None]
        if not values or years is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No values recorded for this indicator yet"))
            return
        unit = self.indicator.get("unit")
        low, high = min(values), max(values)
        pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
        labels = [display.value_text(low + (high - low) * f, unit) for f in (0.0, 0.5, 1.0)]
        left, top, right, bottom = self.MARGINS
        left = max(left, max(painter.fontMetrics().horizontalAdvance(t) for t in labels) + 10)
        width, height = self.width() - left - right, self.height() - top - bottom
        first, last = years

        def point(year, value):
            return QPointF(
                left + width * (year - first) / float(last - first), top + height * (1 - (value - low) / (high - low))
            )

        # axes, year ticks and three value ticks
        painter.setPen(QPen(QColor("#424242"), 1))
        painter.drawLine(QPointF(left, top), QPointF(left, top + height))
        painter.drawLine(QPointF(left, top + height), QPointF(left + width, top + height))
        step = max(1, (last - first) // 6)
        for year in range(first, last + 1, step):
            x = point(year, low).x()
            painter.drawLine(QPointF(x, top + height), QPointF(x, top + height + 3))
            painter.drawText(QRectF(x - 20, top + height + 4, 40, 14), Qt.AlignmentFlag.AlignCenter, str(year))
        for fraction, text in zip((0.0, 0.5, 1.0), labels):
            y = point(first, low + (high - low) * fraction).y()
            painter.drawLine(QPointF(left - 3, y), QPointF(left, y))
            painter.drawText(
                QRectF(0, y - 7, left - 5, 14), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
            )
        if unit:
            painter.drawText(QRectF(left + 4, 0, width, 12), Qt.AlignmentFlag.AlignLeft, unit)
        # target line, planned path and base
        if target is not None:
            painter.setPen(QPen(QColor("#c62828"), 1, Qt.PenStyle.DashLine))
            y = point(first, target).y()
            painter.drawLine(QPointF(left, y), QPointF(left + width, y))
            painter.drawText(
                QRectF(left + 4, y + 2, width - 8, 13),
                Qt.AlignmentFlag.AlignRight,
                tr("Target {}").format(display.value_text(target, unit)),
            )
            if base is not None and (self.plan or {}).get("target_year"):
                painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DotLine))
                painter.drawLine(point(*base), point(self.plan["target_year"], target))
        if base is not None:
            painter.setPen(QPen(QColor("#616161"), 1))
            painter.setBrush(QColor("#bdbdbd"))
            painter.drawEllipse(point(*base), 3.5, 3.5)
        # observed values, labelled
        painter.setPen(QPen(QColor("#1565c0"), 2))
        painter.setBrush(QColor("#1565c0"))
        drawn = [point(year, value) for year, value in points]
        for a, b in zip(drawn, drawn[1:]):
            painter.drawLine(a, b)
        for (_year, value), p in zip(points, drawn):
            painter.drawEllipse(p, 3, 3)
            painter.drawText(
                QRectF(p.x() - 40, p.y() - 16, 80, 13), Qt.AlignmentFlag.AlignCenter, display.value_text(value, unit)
            )
