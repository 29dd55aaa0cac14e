"""Outputs that load ready to use: rounded values, unit companions, aliases
and styles.

Every sink goes through ``LandPlanAlgorithm.sink_or_raise``, which

1. wraps the sink in :class:`PresentedSink`: values rounded to their output
   precision (``core.outputfields``) and, for tables without geometry,
   公顷/亩 companions of every ``*_m2`` field;
2. registers a layer post-processor (QGIS's own mechanism for styling
   results as they load in the GUI) that sets the aliases and the style;
3. remembers GeoPackage destinations; ``postProcessAlgorithm`` stores the
   same aliases and style as the default in the file's ``layer_styles``,
   so the result opens styled later, also after ``qgis_process``;
4. with ``bulk``, for a new GeoPackage table, closes the sink empty and
   hands back a :class:`BulkGeoPackageSink`, which appends the same rounded
   rows with SQLite (``core.gpkgbulk``) without a QgsFeature per row.

Styles are built in code from the same tables as the 三调 symbology.
"""

import os
import re
import sqlite3
import threading

import numpy

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFeatureSink,
    QgsFillSymbol,
    QgsGeometry,
    QgsLinePatternFillSymbolLayer,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from qgis.PyQt.QtGui import QColor

from ..core import change, idle, outputfields, units
from ..core.i18n import tr
from ..core.symbology import landuse_renderer
from ..qgis_compat import FieldType, make_field

# (algorithm id, output parameter) → style kind
STYLE_KINDS = {
    ("farmlandoccupation", "OUTPUT_PIECES"): "occupation_pieces",
    ("farmlandchange", "OUTPUT_CHANGES"): "change_pieces",
    ("idleland", "OUTPUT"): "idle_parcels",
    ("stockland", "OUTPUT_UNSUPPLIED"): "unsupplied",
}

CHANGE_COLOURS = {
    change.FARMLAND_TO_AGRICULTURAL: "#f4a742",
    change.AGRICULTURAL_TO_FARMLAND: "#8bc34a",
    change.FARMLAND_TO_CONSTRUCTION: "#e53935",
    change.CONSTRUCTION_TO_FARMLAND: "#2e7d32",
    change.FARMLAND_TO_UNUSED: "#9e9e9e",
    change.UNUSED_TO_FARMLAND: "#26a69a",
    change.OTHER: "#d7ccc8",
}

IDLE_COLOURS = {
    idle.IDLE_2Y: "#b71c1c",
    idle.IDLE_1Y: "#e53935",
    idle.IDLE_PARTIAL_2Y: "#d84315",
    idle.IDLE_PARTIAL: "#ef6c00",
    idle.GOVERNMENT: "#8e24aa",
    idle.CHECK: "#fdd835",
    idle.WARNING: "#ffb74d",
    idle.OVERDUE: "#ffe0b2",
    idle.NORMAL: "#66bb6a",
    idle.NO_DATA: "#9e9e9e",
}

# Python post-processors must outlive the algorithm run (QGIS holds a raw
# pointer); one per styled output, kept for the session.
_POST_PROCESSORS = []


class PresentedSink:
    """A feature sink that writes features with output precision and unit
    companions; ``fields`` are the algorithm's, ``out_fields`` the sink's.

    The per-field work (where a value comes from, its unit factor, its
    decimals) is planned once here, not per feature: sinks take hundreds of
    thousands of pieces."""

    def __init__(self, sink, fields, out_fields, companions):
        self._sink = sink
        self._out_fields = out_fields
        position = {name: i for i, name in enumerate(fields.names())}
        by_name = {name: (source, unit) for name, source, unit in companions}
        plan = []
        for name in out_fields.names():
            places = outputfields.decimals(name)
            if name in by_name:
                source, unit = by_name[name]
                divisor = float(units.M2_PER_UNIT[units.normalize_unit(unit)])
                plan.append((position.get(source, -1), divisor, places))
            else:
                plan.append((position.get(name, -1), None, places))
        self._plan = plan

    def addFeature(self, feature, flags=None):  # noqa: N802 - QgsFeatureSink API
        return self._write(feature.geometry(), feature.attributes(), feature.id(), flags)

    def _write(self, geometry, attributes, fid, flags):
        values = []
        for index, divisor, places in self._plan:
            value = attributes[index] if index >= 0 else None
            if value is not None and type(value) not in _PLAIN:
                value = _plain(value)
            if divisor is not None and value is not None:
                value = float(value) / divisor
            if places is not None and type(value) in (float, int) and value == value:
                value = units.round_half_up(value, places)
            values.append(value)
        out = QgsFeature(self._out_fields) if fid is None else QgsFeature(self._out_fields, fid)
        if geometry is not None:
            out.setGeometry(geometry)
        out.setAttributes(values)
        return self._sink.addFeature(out) if flags is None else self._sink.addFeature(out, flags)

    def add_columns(self, geometries, columns):
        """Write many features in one call from columns of Python values in
        the algorithm's field order (lists, or float arrays, rounded as
        arrays): the values ``addFeature`` would write one by one."""
        fields = self._out_fields
        features = []
        for geometry, values in zip(geometries, zip(*self.formatted(columns, len(geometries)))):
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes(list(values))
            features.append(feature)
        return self._sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)

    def add_table(self, pieces, columns):
        """Write a ``core.piecetable.PieceTable``'s pieces with ``columns``."""
        return self.add_columns(pieces.geometries(), columns)

    def formatted(self, columns, size):
        """The sink's columns (its field order, rounded, unit companions) from
        the algorithm's ``columns`` of ``size`` values each."""
        formatted = []
        for index, divisor, places in self._plan:
            column = columns[index] if index >= 0 else [None] * size
            if isinstance(column, numpy.ndarray):
                if divisor is not None:
                    column = column / divisor
                column = units.round_half_up_array(column, places) if places is not None else column.tolist()
            else:
                if divisor is not None:
                    column = [float(v) / divisor if v is not None else None for v in column]
                if places is not None:
                    column = units.round_half_up_list(column, places)
            formatted.append(column)
        return formatted

    def lastError(self):  # noqa: N802 - QgsFeatureSink API
        return self._sink.lastError()

    def close_in_background(self):
        """Finish the output on another thread while this one goes on (a
        GeoPackage builds its spatial index as it closes: 0.8 s for 141,240
        pieces; QGIS releases the GIL meanwhile).  Join the returned thread
        before a sink in the same file is opened (``same_file``: two writers
        in one file must not overlap) and before the output is used.  The
        sink takes no feature after this."""
        holder, self._sink = [self._sink], None
        thread = threading.Thread(target=holder.clear, name="LandPlan sink close")
        thread.start()
        return thread

    def close(self):
        """Finish the output now; the sink takes no feature after this."""
        self._sink = None

    def abort(self):
        """After an error: what QGIS's writer wrote stays (the run fails)."""


class BulkGeoPackageSink:
    """A ``PresentedSink``'s values written to the GeoPackage table its sink
    created, in bulk by ``core.gpkgbulk`` (see ``bulk_destination``): the
    same rows, without a QgsFeature per piece."""

    def __init__(self, presented, table):
        self._presented = presented
        self._table = table
        self._error = ""

    def add_table(self, pieces, columns):
        formatted = self._presented.formatted(columns, len(pieces))
        if pieces.bounds is not None and pieces.to_geometry is not None:
            wkbs, boxes = pieces.shapes, pieces.bounds
        else:  # QgsGeometry pieces (overlapping 图斑, the per-图斑 engine)
            wkbs, boxes = _wkb_and_boxes(pieces.geometries())
        try:
            self._table.add(wkbs, boxes, formatted)
        except sqlite3.Error as error:  # a full disk, a file gone: the caller names it
            self._error = str(error)
            return False
        return True

    def lastError(self):  # noqa: N802 - QgsFeatureSink API
        return self._error

    def close_in_background(self):
        return _CheckedJoin(self._table.finish_in_background())

    def abort(self):
        self._table.abort()


class _CheckedJoin:
    """A commit thread whose SQLite error is raised as a Processing error by ``join``."""

    def __init__(self, thread):
        self._thread = thread

    def join(self):
        try:
            self._thread.join()
        except sqlite3.Error as error:
            raise QgsProcessingException(tr("Could not write a feature: {}").format(error)) from error


def _wkb_and_boxes(geometries):
    wkbs, boxes = [], []
    for geometry in geometries:
        geometry = QgsGeometry(geometry)
        geometry.convertToMultiType()
        wkbs.append(bytes(geometry.asWkb()))
        box = geometry.boundingBox()
        boxes.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
    return wkbs, boxes


def bulk_destination(dest, value):
    """(GeoPackage path, layer name or None) when output ``dest`` (``value``:
    the parameter as given) is a new GeoPackage table that
    ``BulkGeoPackageSink`` may fill, else None: another format, an append
    to an existing layer (field remapping), or LANDPLAN_BULK_GPKG=0."""
    if os.environ.get("LANDPLAN_BULK_GPKG", "1") == "0" or not isinstance(dest, str) or not dest:
        return None
    if not _destination_file(dest).lower().endswith(".gpkg"):
        return None
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.useRemapping():
        return None
    if os.path.isfile(dest):  # QGIS 3.22 takes "x.gpkg|layername=y" as a file name
        return dest, None
    pattern = r'table="((?:[^"\\]|\\.)*)"' if dest.startswith("ogr:") else r"\|layername=([^|]*)"
    found = re.search(pattern, dest)
    return _destination_file(dest), found.group(1).replace('\\"', '"') if found else None


_PLAIN = (float, int, str, bool)


def _plain(value):
    if value is not None and hasattr(value, "isNull") and value.isNull():
        return None
    return value


def output_fields(fields, wkb_type):
    """(fields to create the sink with, [(companion, source, unit)]):
    tables without geometry get the 公顷/亩 companions."""
    companions = outputfields.companions(fields.names()) if wkb_type == QgsWkbTypes.Type.NoGeometry else []
    out_fields = type(fields)(fields)
    for name, _source, _unit in companions:
        out_fields.append(make_field(name, FieldType.DOUBLE, 20, outputfields.decimals(name)))
    return out_fields, companions


def apply_presentation(layer, kind=None):
    """Aliases for every known field, and the style of ``kind``."""
    fields = layer.fields()
    for index in range(fields.count()):
        alias = outputfields.alias(fields.at(index).name())
        if alias:
            layer.setFieldAlias(index, alias)
    renderer = renderer_for(kind, layer)
    if renderer is not None:
        layer.setRenderer(renderer)
    layer.triggerRepaint()


def renderer_for(kind, layer):
    if kind is None or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        return None
    if kind == "occupation_pieces":
        return occupation_renderer()
    if kind == "change_pieces":
        return _categorized("change_type", CHANGE_COLOURS, change.CHANGE_TYPES_ZH)
    if kind == "idle_parcels":
        return _categorized("status", IDLE_COLOURS, idle.STATUS_ZH)
    if kind == "unsupplied":
        symbol = QgsFillSymbol.createSimple(
            {"color": "229,57,53,110", "outline_color": "#b71c1c", "outline_width": "0.4"}
        )
        return QgsRuleBasedRenderer(symbol)
    return None


def occupation_renderer():
    """三调 colours by land class, and a hatch over pieces in permanent basic
    farmland with its own legend entry."""
    rules = QgsRuleBasedRenderer.convertFromRenderer(landuse_renderer("dlbm"))
    hatch = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#c62828", "outline_width": "0.3"})
    pattern = QgsLinePatternFillSymbolLayer()
    pattern.setLineAngle(45)
    pattern.setDistance(1.6)
    pattern.setColor(QColor("#c62828"))
    hatch.appendSymbolLayer(pattern)
    rule = QgsRuleBasedRenderer.Rule(hatch, 0, 0, '"in_basic_farmland" = 1', tr("Permanent basic farmland"))
    rules.rootRule().appendChild(rule)
    return rules


def _categorized(field, colours, labels):
    categories = []
    for value, colour in colours.items():
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#555555", "outline_width": "0.2"})
        categories.append(QgsRendererCategory(value, symbol, labels.get(value, value)))
    return QgsCategorizedSymbolRenderer(field, categories)


class OutputStyler(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer):
            apply_presentation(layer, self.kind)


def register_post_processor(context, dest, kind):
    if not context.willLoadLayerOnCompletion(dest):
        return
    styler = OutputStyler(kind)
    _POST_PROCESSORS.append(styler)
    context.layerToLoadOnCompletionDetails(dest).setPostProcessor(styler)


def same_file(dest, other):
    """True when two output destinations may be the same file (a layer
    each of one GeoPackage): its writers must not overlap.  A destination
    is a path (``out.gpkg|layername=x``) or Processing's
    ``ogr:dbname='out.gpkg' table="x"``."""
    paths = [_destination_file(d) for d in (dest, other) if isinstance(d, str) and d]
    return len(paths) == 2 and os.path.realpath(paths[0]) == os.path.realpath(paths[1])


def _destination_file(dest):
    if dest.startswith("ogr:"):
        found = re.search(r"dbname='((?:[^'\\]|\\.)*)'", dest)
        if found:
            return found.group(1).replace("\\'", "'")
    return dest.split("|", 1)[0]


def is_geopackage(dest):
    return isinstance(dest, str) and dest.split("|", 1)[0].lower().endswith(".gpkg")


def store_default_style(dest, kind, feedback):
    """Aliases and style as the default style in the GeoPackage's
    layer_styles (the file is our output, never a user's input)."""
    layer = QgsVectorLayer(dest, "output", "ogr")
    if not layer.isValid():
        return
    apply_presentation(layer, kind)
    message = layer.saveStyleToDatabase("LandPlan", tr("LandPlan output style"), True, "")
    if message and feedback is not None:
        feedback.pushWarning(tr("The style could not be stored in {}: {}").format(dest, message))
