"""Parameter and input helpers shared by LandPlan's algorithms."""

import datetime

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterEnum,
)

from ...core import overlay
from ...core.dates import DateError, parse_date
from ...core.i18n import tr

AREA_MODE_NAMES = {
    0: (
        "0 – apportioned survey area (三调 TBMJ/TBDLMJ)",
        "面积按三调图斑面积（TBMJ、TBDLMJ）以平面面积比例分摊，田坎 = TBMJ 份额 − TBDLMJ 份额（无 TBDLMJ 时按扣除系数 KCXS）。",
    ),
    1: (
        "1 – ellipsoidal area (CGCS2000)",
        "面积为 CGCS2000 椭球面积（国土调查梯形级数公式），田坎 = 面积 × KCXS。",
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
                tr("1 – ellipsoidal area (CGCS2000)"),
                tr("2 – planar area"),
            ],
            defaultValue=default,
        )
    )


def area_mode_label(mode):
    return {
        0: "0 按三调调查面积分摊 apportioned survey area",
        1: "1 CGCS2000 椭球面积 ellipsoidal area",
        2: "2 平面面积 planar area",
    }[mode]


def geometry_policy(context, repair):
    return overlay.GeometryPolicy(mode=int(context.invalidGeometryCheck()), repair=bool(repair))


def key_text(value):
    """A grouping key as text: NULL → None, 12.0 → '12', strings stripped."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


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
    return regions, missing


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
