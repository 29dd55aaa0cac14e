"""Automatic measures of plan indicators from layers.

Keys (the ``measure`` column of lp_indicator) and what they compute, in m²
unless said otherwise:

* ``farmland_area`` – 耕地保有量: net area (TBDLMJ, else TBMJ × (1 − KCXS)) of
  0101/0102/0103 in the 三调/变更调查 layer;
* ``construction_area`` – 建设用地总规模: TBMJ of 建设用地 (三大类);
* ``forest_area`` – TBMJ of the 林地 group; ``wetland_area`` – of the 湿地 group;
* ``basic_farmland_area``, ``eco_redline_area``, ``restoration_area`` – the
  CGCS2000 ellipsoidal area of the union of the given layer's polygons
  (overlaps count once);
* ``development_intensity`` – 国土开发强度: construction ÷ total TBMJ × 100 (%).

Survey sums read attributes only (no geometry), so a county layer is summed in
seconds.
"""

from qgis.core import QgsFeatureRequest, QgsGeometry

from .. import landclass
from ..area import EllipsoidalArea
from ..values import NumberError, parse_number, ridge_coefficient

SURVEY_MEASURES = ("farmland_area", "construction_area", "forest_area", "wetland_area", "development_intensity")
LAYER_MEASURES = {
    "basic_farmland_area": "BASIC_FARMLAND",
    "eco_redline_area": "ECO_REDLINE",
    "restoration_area": "RESTORATION",
}
MEASURES = SURVEY_MEASURES + tuple(LAYER_MEASURES)
PERCENT = "%"


def survey_sums(source, dlbm="DLBM", tbmj="TBMJ", tbdlmj="TBDLMJ", kcxs="KCXS"):
    fields = source.fields()
    idx = {k: fields.lookupField(v) for k, v in (("dlbm", dlbm), ("tbmj", tbmj), ("tbdlmj", tbdlmj), ("kcxs", kcxs))}
    if idx["dlbm"] < 0 or idx["tbmj"] < 0:
        raise ValueError("the land-use layer needs the fields {} and {}".format(dlbm, tbmj))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([i for i in idx.values() if i >= 0])
    sums = {"farmland_area": 0.0, "construction_area": 0.0, "forest_area": 0.0, "wetland_area": 0.0, "total": 0.0}
    cache = {}
    count = 0
    for feature in source.getFeatures(request):
        count += 1
        code = feature.attribute(idx["dlbm"])
        cls = cache.get(code)
        if code not in cache:
            cls = cache[code] = landclass.lookup(code)
        area = _value(feature, idx["tbmj"], tbmj)
        if area is None:
            raise MeasureError(feature.id(), tbmj, None, "empty")
        sums["total"] += area
        if cls is None:
            continue
        if cls.is_farmland:
            net = _value(feature, idx["tbdlmj"], tbdlmj) if idx["tbdlmj"] >= 0 else None
            if net is None:
                k = None
                if idx["kcxs"] >= 0:
                    try:
                        k, _percent = ridge_coefficient(feature.attribute(idx["kcxs"]))
                    except ValueError:
                        raise MeasureError(feature.id(), kcxs, feature.attribute(idx["kcxs"]), "kcxs") from None
                net = area * (1 - (k or 0.0))
            sums["farmland_area"] += net
        if cls.category == landclass.CONSTRUCTION:
            sums["construction_area"] += area
        if cls.group_name == "林地":
            sums["forest_area"] += area
        if cls.group_name == "湿地":
            sums["wetland_area"] += area
    if count == 0:
        return {}  # an empty layer measures nothing (never a 0 recorded)
    sums["development_intensity"] = 100.0 * sums["construction_area"] / sums["total"] if sums["total"] > 0 else None
    return {k: v for k, v in sums.items() if v is not None}


class MeasureError(ValueError):
    """A value the survey sums cannot use: ``reason`` is 'not_number',
    'negative', 'empty' or 'kcxs' (the algorithm words the message)."""

    def __init__(self, feature_id, field, value, reason):
        super().__init__("feature {}: {} {!r} ({})".format(feature_id, field, value, reason))
        self.feature_id, self.field, self.value, self.reason = feature_id, field, value, reason


def _value(feature, index, name):
    """A survey number: text such as "10,000.00" is read; anything that is
    not a number (or negative) stops the measure with the feature named."""
    try:
        value = parse_number(feature.attribute(index))
    except NumberError as error:
        raise MeasureError(feature.id(), name, error.value, "not_number") from None
    if value is not None and value < 0:
        raise MeasureError(feature.id(), name, value, "negative")
    return value


def union_area(source, transform_context=None):
    """Ellipsoidal area of the union, or None when the layer has no polygon
    (nothing measured: an empty layer must not record 0)."""
    geometries = [f.geometry() for f in source.getFeatures() if f.hasGeometry() and not f.geometry().isEmpty()]
    geometries = [g.makeValid() if not g.isGeosValid() else g for g in geometries]
    if not geometries:
        return None
    union = QgsGeometry.unaryUnion(geometries)
    area = EllipsoidalArea(source.sourceCrs(), transform_context).area(union)
    return area if area == area and area not in (float("inf"), float("-inf")) else None
