"""Parameter checks made before an algorithm writes anything.

QGIS's dialog offers only layers of the right geometry type, but batch mode,
graphical models and ``qgis_process`` pass whatever they are given, and a
line layer given as "projects" would be read as empty: a silently wrong
figure.  Output paths are checked before the first sink is created, so a
report path in a missing folder fails at once, not after the other outputs
were written.
"""

import os
import re

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsWkbTypes,
)

from ...core.i18n import tr

_GEOMETRY = {
    QgsProcessing.SourceType.TypeVectorPolygon: QgsWkbTypes.GeometryType.PolygonGeometry,
    QgsProcessing.SourceType.TypeVectorLine: QgsWkbTypes.GeometryType.LineGeometry,
    QgsProcessing.SourceType.TypeVectorPoint: QgsWkbTypes.GeometryType.PointGeometry,
}


def geometry_kind(geometry_type):
    return {
        QgsWkbTypes.GeometryType.PolygonGeometry: tr("polygons"),
        QgsWkbTypes.GeometryType.LineGeometry: tr("lines"),
        QgsWkbTypes.GeometryType.PointGeometry: tr("points"),
        QgsWkbTypes.GeometryType.NullGeometry: tr("no geometry (a table)"),
    }.get(geometry_type, tr("unknown geometries"))


def check_layer_types(algorithm, parameters, context):
    for definition in algorithm.parameterDefinitions():
        if not isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            continue
        wanted = {_GEOMETRY[t] for t in definition.dataTypes() if t in _GEOMETRY}
        if not wanted or len(wanted) < len(definition.dataTypes()):
            continue  # any geometry (or a table) is accepted
        if parameters.get(definition.name()) in (None, ""):
            continue
        if isinstance(definition, QgsProcessingParameterVectorLayer):
            source = algorithm.parameterAsVectorLayer(parameters, definition.name(), context)
        else:
            source = algorithm.parameterAsSource(parameters, definition.name(), context)
        if source is None:
            raise QgsProcessingException(algorithm.invalidSourceError(parameters, definition.name()))
        check_extent(source, algorithm.source_label(parameters, definition.name(), context, source), context)
        found = QgsWkbTypes.geometryType(source.wkbType())
        if found not in wanted:
            raise QgsProcessingException(
                tr("Parameter “{}” ({}): layer “{}” has {}; it needs {}.").format(
                    definition.description(),
                    definition.name(),
                    algorithm.source_label(parameters, definition.name(), context, source),
                    geometry_kind(found),
                    " / ".join(sorted(geometry_kind(w) for w in wanted)),
                )
            )


def destination_path(text):
    """The file a destination string writes, or None (memory, databases)."""
    if not text or text.startswith(("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:")):
        return None
    if text.startswith("ogr:"):
        match = re.search(r"dbname='((?:[^'\\]|\\.)*)'", text)
        return match.group(1).replace("\\'", "'") if match else None
    return text.split("|", 1)[0]


def check_destinations(algorithm, parameters, context):
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
            text = algorithm.parameterAsOutputLayer(parameters, name, context)
        elif isinstance(definition, QgsProcessingParameterFileDestination):
            text = algorithm.parameterAsFileOutput(parameters, name, context)
        elif isinstance(definition, QgsProcessingParameterFolderDestination):
            folder = algorithm.parameterAsFileOutput(parameters, name, context)
            if folder:
                _check_folder(definition, folder, folder_output=True)
            continue
        else:
            continue
        path = destination_path(text or "")
        if not path:
            continue
        path = os.path.abspath(path)
        if os.path.isdir(path):
            raise QgsProcessingException(
                tr("Parameter “{}” ({}): {} is a folder; give a file name.").format(
                    definition.description(), name, path
                )
            )
        _check_folder(definition, os.path.dirname(path))
        if os.path.exists(path) and not os.access(path, os.W_OK):
            raise QgsProcessingException(
                tr("Parameter “{}” ({}): {} cannot be written (read-only or in use).").format(
                    definition.description(), name, path
                )
            )


def _check_folder(definition, folder, folder_output=False):
    folder = os.path.abspath(folder)
    parent = os.path.dirname(folder) if folder_output and not os.path.exists(folder) else folder
    if not os.path.isdir(parent):
        raise QgsProcessingException(
            tr("Parameter “{}” ({}): the folder {} does not exist.").format(
                definition.description(), definition.name(), parent
            )
        )
    if not os.access(parent, os.W_OK):
        raise QgsProcessingException(
            tr("Parameter “{}” ({}): the folder {} cannot be written.").format(
                definition.description(), definition.name(), parent
            )
        )


def check_extent(source, label, context):
    """Refuse a layer whose coordinates cannot be in its CRS (a layer in
    metres declared as degrees, or x = 1e12): its areas would be NaN and
    silently drop out of totals.  One transform of the extent; the feature
    at fault is looked for only when the extent fails."""
    crs = source.sourceCrs()
    extent = source.sourceExtent()
    if not crs.isValid() or extent.isNull() or extent.isEmpty() and extent.width() == 0 and extent.height() == 0:
        return
    if _in_range(crs, [(extent.xMinimum(), extent.yMinimum()), (extent.xMaximum(), extent.yMaximum())], context):
        return
    request = QgsFeatureRequest().setNoAttributes()
    for feature in source.getFeatures(request):
        if not feature.hasGeometry():
            continue
        box = feature.geometry().boundingBox()
        corners = [(box.xMinimum(), box.yMinimum()), (box.xMaximum(), box.yMaximum())]
        if not _in_range(crs, corners, context):
            raise QgsProcessingException(
                tr(
                    "Feature {} of “{}” has coordinates outside the range of the layer’s CRS {} ({:.6g}, {:.6g}): "
                    "check the CRS and the coordinates."
                ).format(feature.id(), label, crs.authid() or crs.description(), corners[0][0], corners[0][1])
            )


def _in_range(crs, points, context):
    import math

    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCsException, QgsPointXY

    if crs.isGeographic():
        return all(-180.000001 <= x <= 360.000001 and -90.000001 <= y <= 90.000001 for x, y in points)
    if not all(math.isfinite(v) and abs(v) < 1e9 for point in points for v in point):
        return False
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
    try:
        for x, y in points:
            point = transform.transform(QgsPointXY(x, y))
            if not (math.isfinite(point.x()) and math.isfinite(point.y()) and abs(point.y()) <= 90.0001):
                return False
    except QgsCsException:
        return False
    return True
