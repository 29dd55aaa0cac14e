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
from ..values import number

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
    for feature in source.getFeatures(request):
        code = feature.attribute(idx["dlbm"])
        cls = cache.get(code)
        if code not in cache:
            cls = cache[code] = landclass.lookup(code)
        area = number(feature.attribute(idx["tbmj"])) or 0.0
        sums["total"] += area
        if cls is None:
            continue
        if cls.is_farmland:
            net = number(feature.attribute(idx["tbdlmj"])) if idx["tbdlmj"] >= 0 else None
            if net is None:
                k = number(feature.attribute(idx["kcxs"])) if idx["kcxs"] >= 0 else None
                net = area * (1 - (k or 0.0))
            sums["farmland_area"] += net
        if cls.category == landclass.CONSTRUCTION:
            sums["construction_area"] += area
        if cls.group_name == "林地":
            sums["forest_area"] += area
        if cls.group_name == "湿地":
            sums["wetland_area"] += area
    sums["development_intensity"] = 100.0 * sums["construction_area"] / sums["total"] if sums["total"] > 0 else None
    return sums


def union_area(source, transform_context=None):
    geometries = [f.geometry() for f in source.getFeatures() if f.hasGeometry()]
    geometries = [g.makeValid() if not g.isGeosValid() else g for g in geometries]
    if not geometries:
        return 0.0
    union = QgsGeometry.unaryUnion(geometries)
    return EllipsoidalArea(source.sourceCrs(), transform_context).area(union)
