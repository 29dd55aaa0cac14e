"""Automatic measures of plan indicators from layers.

Keys (the ``measure`` column of lp_indicator) and what they compute, in m²
unless said otherwise:

* ``farmland_area`` – 耕地保有量: net area (TBDLMJ, else TBMJ × (1 − KCXS)) of
  0101/0102/0103 in the 三调/变更调查 layer;
* ``construction_area`` – 建设用地总规模: TBMJ of 建设用地 (三大类);
* ``forest_area`` – TBMJ of the 林地 group; ``wetland_area`` – of the 湿地 group;
* ``basic_farmland_area``, ``eco_redline_area`` – the ellipsoidal area of the
  union of the given layer's polygons (overlaps count once);
* ``restoration_area`` – the same for the restoration projects that are done
  (status among the done values: 已完成, 完工, 竣工, 已验收 by default) in a
  year up to the measured year: a planned or unfinished project, or one of a
  later year, has restored nothing yet.  A done project without a year is
  counted (it is done by the time the data were taken) and named in a
  warning;
* ``mine_restoration_area`` – of those, the projects whose type names a mine
  (历史遗留矿山生态修复: type containing 矿山 by default);
* ``development_intensity`` – 国土开发强度: construction ÷ total TBMJ × 100 (%).

Survey sums read attributes only (no geometry), so a county layer is summed in
seconds.
"""

from qgis.core import QgsFeatureRequest, QgsGeometry

from .. import landclass
from ..area import EllipsoidalArea
from ..values import NumberError, parse_number, ridge_coefficient, split_list

SURVEY_MEASURES = ("farmland_area", "construction_area", "forest_area", "wetland_area", "development_intensity")
LAYER_MEASURES = {
    "basic_farmland_area": "BASIC_FARMLAND",
    "eco_redline_area": "ECO_REDLINE",
    "restoration_area": "RESTORATION",
    "mine_restoration_area": "RESTORATION",
}
DEFAULT_DONE_VALUES = ("已完成", "完工", "竣工", "已验收")
DEFAULT_MINE_TYPES = ("矿山",)
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


def parse_list(text):
    """'已完成,完工' / '已完成，完工' / '已完成、完工' → tuple of values."""
    return split_list(text)


def restoration_filter(done_values, year, mine_types=None):
    """A predicate on (status, year, type) for the restoration measures:
    done, of a year ≤ ``year`` (or of no year), and (with ``mine_types``) of a
    mine type.  Returns (keep?, note) with note 'no_year' when a kept
    project has no year."""
    done = {str(v).strip() for v in done_values}

    def keep(status, project_year, project_type):
        if status is None or str(status).strip() not in done:
            return False, "not_done"
        try:
            number = parse_number(project_year)
        except NumberError:
            number = None
        if number is not None and int(number) > year:
            return False, "later"
        if mine_types is not None:
            text = str(project_type or "")
            if not any(t and t in text for t in mine_types):
                return False, "not_mine"
        return True, "no_year" if number is None else None

    return keep


def union_area(source, transform_context=None, keep=None, indexes=None, skipped=None):
    """Ellipsoidal area of the union, or None when no polygon is kept
    (nothing measured: an empty layer must not record 0).  ``keep`` filters
    features by the attributes at ``indexes`` (status, year, type);
    ``skipped`` collects the ids of kept features that have no year."""
    geometries = []
    polygons = 0
    for feature in source.getFeatures():
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            continue
        polygons += 1
        if keep is not None:
            values = [feature.attribute(i) if i >= 0 else None for i in indexes]
            kept, note = keep(*values)
            if not kept:
                continue
            if note == "no_year" and skipped is not None:
                skipped.append(feature.id())
        geometries.append(feature.geometry())
    geometries = [g.makeValid() if not g.isGeosValid() else g for g in geometries]
    if not polygons:
        return None
    if not geometries:
        return 0.0  # polygons, but none done by that year: nothing restored yet
    union = QgsGeometry.unaryUnion(geometries)
    area = EllipsoidalArea(source.sourceCrs(), transform_context).area(union)
    return area if area == area and area not in (float("inf"), float("-inf")) else None
