"""How output fields read: aliases, output precision and unit companions.

Field *names* are the contract (users' models and scripts read them) and stay
English; what a user sees in the attribute table is the alias, in the UI
language (Chinese through the .ts catalogue).  Areas are computed in m² as
unrounded floats and rounded only when a feature is written:

- ``*_m2`` to 0.01 m² (as 三调 stores TBMJ), ``*_ha`` to 0.0001 公顷,
  ``*_mu`` to 0.01 亩, ``*_kg`` and money (``fee``) to 0.01;
- ratios and shares to 4 decimals; grades and years stay unrounded (the
  farmland balance compares mean grades read back from the summary).

Summary tables (outputs without geometry) get 公顷 and 亩 companions of
every ``*_m2`` field, named ``*_ha`` and ``*_mu`` and appended after the
existing fields, so every existing field name keeps its place and meaning.
"""

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from . import units
from .i18n import tr

_C = "@default"

LABELS = {
    # identifiers and classes
    "project_id": QT_TRANSLATE_NOOP(_C, "Project id"),
    "supplement_id": QT_TRANSLATE_NOOP(_C, "Supplement project id"),
    "batch_id": QT_TRANSLATE_NOOP(_C, "Approval batch"),
    "zone": QT_TRANSLATE_NOOP(_C, "Zone"),
    "dlbm": QT_TRANSLATE_NOOP(_C, "Land-class code"),
    "dlmc": QT_TRANSLATE_NOOP(_C, "Land-class name"),
    "land_group": QT_TRANSLATE_NOOP(_C, "Land group"),
    "zldwdm": QT_TRANSLATE_NOOP(_C, "Village code"),
    "grade": QT_TRANSLATE_NOOP(_C, "Quality grade"),
    "in_basic_farmland": QT_TRANSLATE_NOOP(_C, "In basic farmland (1 = yes)"),
    "category": QT_TRANSLATE_NOOP(_C, "Category"),
    "from_dlbm": QT_TRANSLATE_NOOP(_C, "Land class before"),
    "to_dlbm": QT_TRANSLATE_NOOP(_C, "Land class after"),
    "from_group": QT_TRANSLATE_NOOP(_C, "Group before"),
    "to_group": QT_TRANSLATE_NOOP(_C, "Group after"),
    "before_group": QT_TRANSLATE_NOOP(_C, "Group before"),
    "after_group": QT_TRANSLATE_NOOP(_C, "Group after"),
    "change_type": QT_TRANSLATE_NOOP(_C, "Change type (code)"),
    "change_type_zh": QT_TRANSLATE_NOOP(_C, "Change type"),
    "type": QT_TRANSLATE_NOOP(_C, "Restoration type"),
    "year": QT_TRANSLATE_NOOP(_C, "Year"),
    "direction": QT_TRANSLATE_NOOP(_C, "Restoration direction"),
    "projects": QT_TRANSLATE_NOOP(_C, "Projects"),
    "pieces": QT_TRANSLATE_NOOP(_C, "Pieces"),
    "parcels": QT_TRANSLATE_NOOP(_C, "Parcels"),
    # areas
    "area_m2": QT_TRANSLATE_NOOP(_C, "Area (m²)"),
    "planar_m2": QT_TRANSLATE_NOOP(_C, "Planar area (m²)"),
    "tk_m2": QT_TRANSLATE_NOOP(_C, "Field ridges 田坎 (m²)"),
    "net_m2": QT_TRANSLATE_NOOP(_C, "Net area (m²)"),
    "total_m2": QT_TRANSLATE_NOOP(_C, "Total area (m²)"),
    "farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland (m²)"),
    "paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy field (m²)"),
    "irrigated_m2": QT_TRANSLATE_NOOP(_C, "Irrigated land (m²)"),
    "dry_m2": QT_TRANSLATE_NOOP(_C, "Dry land (m²)"),
    "basic_farmland_m2": QT_TRANSLATE_NOOP(_C, "Permanent basic farmland (m²)"),
    "farmland_grade": QT_TRANSLATE_NOOP(_C, "Farmland mean grade"),
    "capacity_kg": QT_TRANSLATE_NOOP(_C, "Grain capacity (kg)"),
    "agricultural_m2": QT_TRANSLATE_NOOP(_C, "Agricultural land (m²)"),
    "construction_m2": QT_TRANSLATE_NOOP(_C, "Construction land (m²)"),
    "unused_m2": QT_TRANSLATE_NOOP(_C, "Unused land (m²)"),
    "unknown_m2": QT_TRANSLATE_NOOP(_C, "Unknown class (m²)"),
    "uncovered_m2": QT_TRANSLATE_NOOP(_C, "Outside the survey (m²)"),
    "net_before_m2": QT_TRANSLATE_NOOP(_C, "Net area before (m²)"),
    "net_after_m2": QT_TRANSLATE_NOOP(_C, "Net area after (m²)"),
    "farmland_before_m2": QT_TRANSLATE_NOOP(_C, "Farmland before (m²)"),
    "farmland_after_m2": QT_TRANSLATE_NOOP(_C, "Farmland after (m²)"),
    "net_change_m2": QT_TRANSLATE_NOOP(_C, "Net farmland change (m²)"),
    "out_agricultural_m2": QT_TRANSLATE_NOOP(_C, "Farmland out to other agricultural land (m²)"),
    "in_agricultural_m2": QT_TRANSLATE_NOOP(_C, "Other agricultural land into farmland (m²)"),
    "inout_balance_m2": QT_TRANSLATE_NOOP(_C, "In minus out (m²)"),
    "inout_ok": QT_TRANSLATE_NOOP(_C, "In–out balance met (1 = yes)"),
    "to_construction_m2": QT_TRANSLATE_NOOP(_C, "Farmland to construction (m²)"),
    "basic_farmland_out_m2": QT_TRANSLATE_NOOP(_C, "Basic farmland lost (m²)"),
    "from_construction_m2": QT_TRANSLATE_NOOP(_C, "Construction land restored to farmland (m²)"),
    "uncovered_before_m2": QT_TRANSLATE_NOOP(_C, "Not covered before (m²)"),
    "uncovered_after_m2": QT_TRANSLATE_NOOP(_C, "Not covered after (m²)"),
    "gross_m2": QT_TRANSLATE_NOOP(_C, "Gross area, overlaps twice (m²)"),
    "overlap_m2": QT_TRANSLATE_NOOP(_C, "Overlap counted once (m²)"),
    "parcel_area_m2": QT_TRANSLATE_NOOP(_C, "Parcel area (m²)"),
    "approved_m2": QT_TRANSLATE_NOOP(_C, "Approved (m²)"),
    "supplied_m2": QT_TRANSLATE_NOOP(_C, "Supplied (m²)"),
    "unsupplied_m2": QT_TRANSLATE_NOOP(_C, "Approved but not supplied (m²)"),
    "value_m2": QT_TRANSLATE_NOOP(_C, "Value (m²)"),
    # farmland balance
    "req_farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland to offset (m²)"),
    "req_paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy to offset (m²)"),
    "req_capacity_kg": QT_TRANSLATE_NOOP(_C, "Capacity to offset (kg)"),
    "occ_grade": QT_TRANSLATE_NOOP(_C, "Grade occupied"),
    "got_farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland supplemented (m²)"),
    "got_paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy supplemented (m²)"),
    "got_capacity_kg": QT_TRANSLATE_NOOP(_C, "Capacity supplemented (kg)"),
    "sup_grade": QT_TRANSLATE_NOOP(_C, "Grade supplemented"),
    "quantity_ok": QT_TRANSLATE_NOOP(_C, "Quantity met (1 = yes)"),
    "paddy_ok": QT_TRANSLATE_NOOP(_C, "Paddy met (1 = yes)"),
    "capacity_ok": QT_TRANSLATE_NOOP(_C, "Capacity met (1 = yes)"),
    "quality_ok": QT_TRANSLATE_NOOP(_C, "Quality met (1 = yes)"),
    "order_ok": QT_TRANSLATE_NOOP(_C, "Supplement first (1 = yes)"),
    "balanced": QT_TRANSLATE_NOOP(_C, "Balanced (1 = yes)"),
    "short_farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland short (m²)"),
    "short_paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy short (m²)"),
    "short_capacity_kg": QT_TRANSLATE_NOOP(_C, "Capacity short (kg)"),
    "avail_farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland available (m²)"),
    "avail_paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy available (m²)"),
    "avail_capacity_kg": QT_TRANSLATE_NOOP(_C, "Capacity available (kg)"),
    "drawn_farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland drawn (m²)"),
    "drawn_paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy drawn (m²)"),
    "drawn_capacity_kg": QT_TRANSLATE_NOOP(_C, "Capacity drawn (kg)"),
    "remain_farmland_m2": QT_TRANSLATE_NOOP(_C, "Farmland remaining (m²)"),
    "remain_paddy_m2": QT_TRANSLATE_NOOP(_C, "Paddy remaining (m²)"),
    "remain_capacity_kg": QT_TRANSLATE_NOOP(_C, "Capacity remaining (kg)"),
    "overdrawn": QT_TRANSLATE_NOOP(_C, "Overdrawn (1 = yes)"),
    # idle land and supply
    "deadline": QT_TRANSLATE_NOOP(_C, "Start deadline"),
    "days_overdue": QT_TRANSLATE_NOOP(_C, "Days overdue"),
    "developed_ratio": QT_TRANSLATE_NOOP(_C, "Developed share"),
    "invest_ratio": QT_TRANSLATE_NOOP(_C, "Investment share"),
    "status": QT_TRANSLATE_NOOP(_C, "Status (code)"),
    "status_zh": QT_TRANSLATE_NOOP(_C, "Status"),
    "fee": QT_TRANSLATE_NOOP(_C, "Idle-land fee (yuan)"),
    "disposal": QT_TRANSLATE_NOOP(_C, "Disposal"),
    "evidence": QT_TRANSLATE_NOOP(_C, "Evidence"),
    "raster_ratio": QT_TRANSLATE_NOOP(_C, "Built-up share on imagery"),
    "approval_date": QT_TRANSLATE_NOOP(_C, "Approval date"),
    "supply_rate": QT_TRANSLATE_NOOP(_C, "Supply rate"),
    "years_since_approval": QT_TRANSLATE_NOOP(_C, "Years since approval"),
    "full_years": QT_TRANSLATE_NOOP(_C, "Full years since approval"),
    # restoration
    "ndvi_before": QT_TRANSLATE_NOOP(_C, "NDVI before"),
    "ndvi_after": QT_TRANSLATE_NOOP(_C, "NDVI after"),
    "ndvi_change": QT_TRANSLATE_NOOP(_C, "NDVI change"),
    "direction_share": QT_TRANSLATE_NOOP(_C, "Share in the planned direction"),
    "direction_met": QT_TRANSLATE_NOOP(_C, "Direction met"),
    # ellipsoidal area
    "area_planar_m2": QT_TRANSLATE_NOOP(_C, "Planar area (m²)"),
    "area_ellipsoid_m2": QT_TRANSLATE_NOOP(_C, "Ellipsoidal area (m²)"),
    "area_ha": QT_TRANSLATE_NOOP(_C, "Area (ha)"),
    "area_mu": QT_TRANSLATE_NOOP(_C, "Area (mu)"),
    "tbmj_diff_m2": QT_TRANSLATE_NOOP(_C, "Ellipsoidal minus TBMJ (m²)"),
    "geom_valid": QT_TRANSLATE_NOOP(_C, "Geometry valid (1 = yes)"),
    # indicators
    "indicator": QT_TRANSLATE_NOOP(_C, "Indicator"),
    "measure": QT_TRANSLATE_NOOP(_C, "Measure"),
    "value": QT_TRANSLATE_NOOP(_C, "Value"),
    "unit": QT_TRANSLATE_NOOP(_C, "Unit"),
    "seq": QT_TRANSLATE_NOOP(_C, "No."),
    "name": QT_TRANSLATE_NOOP(_C, "Indicator"),
    "attribute": QT_TRANSLATE_NOOP(_C, "Attribute"),
    "base_value": QT_TRANSLATE_NOOP(_C, "Base value"),
    "target_value": QT_TRANSLATE_NOOP(_C, "Target value"),
    "target_text": QT_TRANSLATE_NOOP(_C, "Target as printed"),
    "comparator": QT_TRANSLATE_NOOP(_C, "Comparator"),
    "value_year": QT_TRANSLATE_NOOP(_C, "Year of value"),
}

_COMPANION_UNITS = (("_ha", units.HECTARE, QT_TRANSLATE_NOOP(_C, "{} (ha)")), ("_mu", units.MU, QT_TRANSLATE_NOOP(_C, "{} (mu)")))

_DECIMALS_BY_SUFFIX = (("_m2", 2), ("_ha", 4), ("_mu", 2), ("_kg", 2), ("_ratio", 4), ("_rate", 4), ("_share", 4))
_DECIMALS_BY_NAME = {"fee": 2}


def decimals(name):
    """Output precision of a numeric field, or None to keep it as is."""
    if name in _DECIMALS_BY_NAME:
        return _DECIMALS_BY_NAME[name]
    for suffix, places in _DECIMALS_BY_SUFFIX:
        if name.endswith(suffix):
            return places
    return None


def companions(names):
    """[(companion name, source m² name, unit)] for the ``*_m2`` fields of a
    summary table, skipping names the table already has."""
    existing = set(names)
    result = []
    for name in names:
        if not name.endswith("_m2"):
            continue
        stem = name[: -len("_m2")]
        for suffix, unit, _label in _COMPANION_UNITS:
            companion = stem + suffix
            if companion not in existing:
                result.append((companion, name, unit))
                existing.add(companion)
    return result


def companion_value(value_m2, unit):
    return None if value_m2 is None else units.from_m2(value_m2, unit)


def output_value(name, value):
    """``value`` rounded half-up to the output precision of ``name``."""
    places = decimals(name)
    if places is None or value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if value != value:  # NaN stays NaN (written as NULL by the sink)
        return value
    return units.round_half_up(float(value), places)


def alias(name):
    """The translated alias of an output field, '' when it has none."""
    if name in LABELS:
        return tr(LABELS[name])
    for suffix, _unit, label in _COMPANION_UNITS:
        source = name[: -len(suffix)] + "_m2" if name.endswith(suffix) else None
        if source in LABELS:
            base = tr(LABELS[source]).replace(" (m²)", "").replace("（平方米）", "")
            return tr(label).format(base)
    return ""
