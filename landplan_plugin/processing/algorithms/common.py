"""Parameter and input helpers shared by LandPlan's algorithms."""

import datetime

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from ...core import area as area_rules
from ...core import overlay
from ...qgis_compat import make_advanced
from ...core.dates import DateError, parse_date
from ...core.i18n import tr
from ...core.values import NumberError, is_null, key_text, parse_number  # noqa: F401 (key_text re-exported)
from .base import text_number_range

AREA_MODE_NAMES = {
    0: (
        "0 – apportioned survey area (三调 TBMJ/TBDLMJ)",
        "面积按三调图斑面积（TBMJ、TBDLMJ）以平面面积比例分摊，田坎 = TBMJ 份额 − TBDLMJ 份额（无 TBDLMJ 时按扣除系数 KCXS）。",
    ),
    1: (
        "1 – ellipsoidal area",
        "面积为椭球面积（国土调查梯形级数公式，图层坐标系的椭球：CGCS2000、西安80 或北京54；边长先在平面上按 DENSIFY_M（默认 50 米）加密），田坎 = 面积 × KCXS。",
    ),
    2: (
        "2 – planar area",
        "面积为投影平面面积，田坎 = 面积 × KCXS。",
    ),
}


def add_area_mode_parameter(algorithm, name, default):
    algorithm.addParameter(
        QgsProcessingParameterEnum(
            name,
            tr("Area mode"),
            options=[
                tr("0 – apportioned survey area (三调 TBMJ/TBDLMJ)"),
                tr("1 – ellipsoidal area (国土 formula, ellipsoid of the layer's CRS)"),
                tr("2 – planar area"),
            ],
            defaultValue=default,
        )
    )
    add_densify_parameter(algorithm)


DENSIFY_M = "DENSIFY_M"


def add_densify_parameter(algorithm):
    """Advanced DENSIFY_M: longest plane segment taken as straight in (B, L)."""
    algorithm.addParameter(
        make_advanced(
            QgsProcessingParameterNumber(
                DENSIFY_M,
                tr("Ellipsoidal area: densify edges to at most (m, 0 = vertices as given)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=area_rules.DENSIFY_M,
                minValue=0.0,
            )
        )
    )


def ellipsoidal_area(algorithm, parameters, context, crs, required):
    """An EllipsoidalArea for ``crs`` with the run's DENSIFY_M; ``required``
    checks the CRS's ellipsoid now (a translated error before any output)."""
    densify = area_rules.DENSIFY_M
    if algorithm.parameterDefinition(DENSIFY_M) is not None:  # absent: its default, 50 m
        densify = algorithm.parameterAsDouble(parameters, DENSIFY_M, context)
    calculator = area_rules.EllipsoidalArea(crs, context.transformContext(), densify_m=densify or None)
    if required:
        calculator.require()
    return calculator


def area_mode_label(mode):
    return {
        0: "0 按三调调查面积分摊 apportioned survey area",
        1: "1 椭球面积 ellipsoidal area",
        2: "2 平面面积 planar area",
    }[mode]


def geometry_policy(context, repair):
    return overlay.GeometryPolicy(mode=int(context.invalidGeometryCheck()), repair=bool(repair))


def read_regions(source, key_index, target_crs, context, policy, label, feedback):
    """Dissolve the polygons of ``source`` per key, in ``target_crs``.

    Returns ([(key, geometry)], number of features without a key); keys keep
    the order they were first seen in.
    """
    request = QgsFeatureRequest().setSubsetOfAttributes([key_index])
    request.setDestinationCrs(target_crs, context.transformContext())
    groups = {}
    missing = 0
    for feature in source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
        if feedback.isCanceled():
            break
        key = key_text(feature.attribute(key_index))
        if key is None:
            missing += 1
            continue
        geometry = policy.apply(feature.geometry(), label, feature.id())
        if geometry is None:
            groups.setdefault(key, [])
            continue
        groups.setdefault(key, []).append(geometry)
    regions = []
    for key, geometries in groups.items():
        region = overlay.dissolve(geometries)
        if region is not None and not region.isEmpty():
            regions.append((key, region))
        else:
            policy.empty_regions.setdefault(label, []).append(key)
    return regions, missing


def check_survey_numbers(source, indexes, names, label, feedback, table=None):
    """Check the survey's number fields before any output is written.

    ``indexes``/``names``: {key: field index / name} for the keys tbmj,
    tbdlmj and kcxs (index -1: not used).  Numeric fields are checked with
    the provider's min/max (SQL for a GeoPackage, no feature loop); text
    fields are read value by value: "10,000.00" and full-width digits are
    read as numbers (warned), anything else is refused naming the field, the
    feature and the value.  Negative areas are refused; KCXS above 1 is read
    as a percent (warned), below 0 or above 100 refused.

    ``table`` (from ``geopackage_table``): the source is that whole
    GeoPackage table, so the numeric fields' ranges come from one SQL scan
    instead of one per minimum and maximum."""
    fields = source.fields()
    used = [key for key in ("tbmj", "tbdlmj", "kcxs") if indexes.get(key, -1) >= 0]
    ranges = sql_ranges(table, [fields.at(indexes[key]).name() for key in used if fields.at(indexes[key]).isNumeric()])
    for key in used:
        index = indexes[key]
        name = names[key]
        found = ranges.get(fields.at(index).name())
        low, high, sample = found + (None,) if found else number_range(source, index, name, label)
        if low is None:
            continue
        if not fields.at(index).isNumeric():
            feedback.pushWarning(
                tr("Field “{}” of {} is text; its values were read as numbers{}.").format(
                    name, label, " (“{}” → {:g})".format(*sample) if sample else ""
                )
            )
        limit = 100.0 if key == "kcxs" else None
        if low < 0 or (limit is not None and high > limit):
            fid, value = _first_feature(source, index, low if low < 0 else high)
            raise QgsProcessingException(
                tr("Field “{}” of {}, feature {}: {} is not a valid value ({}).").format(
                    name,
                    label,
                    fid,
                    value,
                    tr("KCXS is a fraction 0–1 (or a percent 0–100)")
                    if key == "kcxs"
                    else tr("an area cannot be negative"),
                )
            )
        if key == "kcxs" and high > 1:
            fid, value = _first_feature(source, index, high)
            feedback.pushWarning(
                tr(
                    "Field “{}” of {} has values above 1 (largest {}, feature {}): they were read as percents "
                    "(10.5 → 0.105)."
                ).format(name, label, value, fid)
            )


def refuse_negative(source, index, name, label, what):
    """Refuse the layer when field ``index`` holds a negative number (a price
    or an area): it would give a negative fee or ratio.  Checked before any
    output is written; names the feature and the value."""
    if index < 0:
        return
    low, _high, _sample = number_range(source, index, name, label)
    if low is not None and low < 0:
        fid, value = _first_feature(source, index, low)
        raise QgsProcessingException(
            tr("Field “{}” of {}, feature {}: {} cannot be negative ({}).").format(name, label, fid, what, value)
        )


def number_range(source, index, name, label):
    """(lowest, highest, text sample) of a number field: the provider's
    min/max for a numeric field (SQL for a GeoPackage), a checked scan for
    numbers kept as text."""
    if source.fields().at(index).isNumeric():
        return _number_or_none(source.minimumValue(index)), _number_or_none(source.maximumValue(index)), None
    return text_number_range(source, index, name, label)


def geopackage_table(algorithm, parameters, name, context):
    """(path, table name) when parameter ``name`` is a whole GeoPackage
    table as it is on disk: an OGR layer without subset, unsaved edits,
    selection, feature limit or filter.  Then SQL over the file sees exactly
    the features the source gives; otherwise None."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry

    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        limited = value.featureLimit not in (-1, None) or getattr(value, "filterExpression", "")
        if value.selectedFeaturesOnly or limited:
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable():
        return None
    if layer.dataProvider().storageType() != "GPKG":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path"), parts.get("layerName")
    if not path or not table:
        return None
    return path, table


def sql_ranges(table, field_names):
    """{field name: (lowest, highest)} of numeric fields of a GeoPackage
    ``table`` (path, name) in one SQL scan; {} when it cannot be read that
    way (the caller then asks the provider field by field).  OGR directly:
    QGIS's provider connection runs the same query about 0.2 s slower on
    250,000 图斑."""
    if table is None or not field_names:
        return {}
    from osgeo import gdal, ogr

    def quoted(text):
        return '"{}"'.format(text.replace('"', '""'))

    path, name = table
    sql = "SELECT {} FROM {}".format(
        ", ".join("MIN({0}), MAX({0})".format(quoted(field)) for field in field_names), quoted(name)
    )
    values = None
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # a failure only means "ask the provider"
    try:
        dataset = ogr.Open(path)
        result = dataset.ExecuteSQL(sql) if dataset is not None else None
        if result is not None:
            feature = result.GetNextFeature()
            if feature is not None:
                values = [feature.GetField(n) for n in range(2 * len(field_names))]
            dataset.ReleaseResultSet(result)
    except RuntimeError:  # GDAL exceptions turned on by someone else
        values = None
    finally:
        gdal.PopErrorHandler()
    if values is None:
        return {}
    ranges = {}
    for n, field in enumerate(field_names):
        low, high = _number_or_none(values[2 * n]), _number_or_none(values[2 * n + 1])
        if (low is None) != is_null(values[2 * n]) or (high is None) != is_null(values[2 * n + 1]):
            return {}  # text in a numeric column: let the provider read it
        ranges[field] = (low, high)
    return ranges


def _number_or_none(value):
    try:
        return parse_number(value)
    except NumberError:
        return None


def _first_feature(source, index, value):
    """(id, raw value) of the first feature whose field ``index`` reads as ``value``."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    for feature in source.getFeatures(request):
        raw = feature.attribute(index)
        if _number_or_none(raw) == value:
            return feature.id(), raw
    return "?", value


def reference_date(algorithm, parameters, name, context):
    """The date of a check: the parameter (text in any accepted form or a
    date), today when empty."""
    value = parameters.get(name)
    if value in (None, ""):
        return datetime.date.today()
    try:
        parsed = parse_date(value)
    except DateError:
        parsed = None
    if parsed is None:
        qdatetime = algorithm.parameterAsDateTime(parameters, name, context)
        if qdatetime is None or not qdatetime.isValid():
            raise QgsProcessingException(tr("Cannot read the date of the check: {}").format(value))
        parsed = qdatetime.date().toPyDate()
    return parsed


class ReprojectedSource:
    """A feature source seen in another CRS: rectangle filters and returned
    geometries are in ``crs`` (QgsFeatureRequest.setDestinationCrs)."""

    def __init__(self, source, crs, context):
        self.source = source
        self.crs = crs
        self.context = context

    def getFeatures(self, request, flags=QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks):
        if self.source.sourceCrs() == self.crs:
            return self.source.getFeatures(request, flags)
        request = QgsFeatureRequest(request)
        request.setDestinationCrs(self.crs, self.context.transformContext())
        return self.source.getFeatures(request, flags)
