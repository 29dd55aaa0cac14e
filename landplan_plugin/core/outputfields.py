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

try:
    from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
except ImportError:  # outside QGIS (landplan_spark): labels stay English

    def QT_TRANSLATE_NOOP(_context, text):  # noqa: N802 (Qt's name)
        return text


from . import units
from .i18n import tr


LABELS = {
    # identifiers and classes
    "project_id": QT_TRANSLATE_NOOP("@default", "Project id"),
    "supplement_id": QT_TRANSLATE_NOOP("@default", "Supplement project id"),
    "batch_id": QT_TRANSLATE_NOOP("@default", "Approval batch"),
    "zone": QT_TRANSLATE_NOOP("@default", "Zone"),
    "dlbm": QT_TRANSLATE_NOOP("@default", "Land-class code"),
    "dlmc": QT_TRANSLATE_NOOP("@default", "Land-class name"),
    "land_group": QT_TRANSLATE_NOOP("@default", "Land group"),
    "zldwdm": QT_TRANSLATE_NOOP("@default", "Village code"),
    "grade": QT_TRANSLATE_NOOP("@default", "Quality grade"),
    "in_basic_farmland": QT_TRANSLATE_NOOP("@default", "In basic farmland (1 = yes)"),
    "category": QT_TRANSLATE_NOOP("@default", "Category"),
    "from_dlbm": QT_TRANSLATE_NOOP("@default", "Land class before"),
    "to_dlbm": QT_TRANSLATE_NOOP("@default", "Land class after"),
    "from_group": QT_TRANSLATE_NOOP("@default", "Group before"),
    "to_group": QT_TRANSLATE_NOOP("@default", "Group after"),
    "before_group": QT_TRANSLATE_NOOP("@default", "Group before"),
    "after_group": QT_TRANSLATE_NOOP("@default", "Group after"),
    "change_type": QT_TRANSLATE_NOOP("@default", "Change type (code)"),
    "change_type_zh": QT_TRANSLATE_NOOP("@default", "Change type"),
    "type": QT_TRANSLATE_NOOP("@default", "Restoration type"),
    "year": QT_TRANSLATE_NOOP("@default", "Year"),
    "direction": QT_TRANSLATE_NOOP("@default", "Restoration direction"),
    "projects": QT_TRANSLATE_NOOP("@default", "Projects"),
    "pieces": QT_TRANSLATE_NOOP("@default", "Pieces"),
    "parcels": QT_TRANSLATE_NOOP("@default", "Parcels"),
    # areas
    "area_m2": QT_TRANSLATE_NOOP("@default", "Area (m²)"),
    "planar_m2": QT_TRANSLATE_NOOP("@default", "Planar area (m²)"),
    "tk_m2": QT_TRANSLATE_NOOP("@default", "Field ridges 田坎 (m²)"),
    "net_m2": QT_TRANSLATE_NOOP("@default", "Net area (m²)"),
    "total_m2": QT_TRANSLATE_NOOP("@default", "Total area (m²)"),
    "farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland (m²)"),
    "paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy field (m²)"),
    "irrigated_m2": QT_TRANSLATE_NOOP("@default", "Irrigated land (m²)"),
    "dry_m2": QT_TRANSLATE_NOOP("@default", "Dry land (m²)"),
    "basic_farmland_m2": QT_TRANSLATE_NOOP("@default", "Permanent basic farmland (m²)"),
    "farmland_grade": QT_TRANSLATE_NOOP("@default", "Farmland mean grade"),
    "capacity_kg": QT_TRANSLATE_NOOP("@default", "Grain capacity (kg)"),
    "agricultural_m2": QT_TRANSLATE_NOOP("@default", "Agricultural land (m²)"),
    "construction_m2": QT_TRANSLATE_NOOP("@default", "Construction land (m²)"),
    "unused_m2": QT_TRANSLATE_NOOP("@default", "Unused land (m²)"),
    "unknown_m2": QT_TRANSLATE_NOOP("@default", "Unknown class (m²)"),
    "uncovered_m2": QT_TRANSLATE_NOOP("@default", "Outside the survey (m²)"),
    "net_before_m2": QT_TRANSLATE_NOOP("@default", "Net area before (m²)"),
    "net_after_m2": QT_TRANSLATE_NOOP("@default", "Net area after (m²)"),
    "farmland_before_m2": QT_TRANSLATE_NOOP("@default", "Farmland before (m²)"),
    "farmland_after_m2": QT_TRANSLATE_NOOP("@default", "Farmland after (m²)"),
    "net_change_m2": QT_TRANSLATE_NOOP("@default", "Net farmland change (m²)"),
    "out_agricultural_m2": QT_TRANSLATE_NOOP("@default", "Farmland out to other agricultural land (m²)"),
    "in_agricultural_m2": QT_TRANSLATE_NOOP("@default", "Other agricultural land into farmland (m²)"),
    "inout_balance_m2": QT_TRANSLATE_NOOP("@default", "In minus out (m²)"),
    "inout_ok": QT_TRANSLATE_NOOP("@default", "In–out balance met (1 = yes)"),
    "to_construction_m2": QT_TRANSLATE_NOOP("@default", "Farmland to construction (m²)"),
    "basic_farmland_out_m2": QT_TRANSLATE_NOOP("@default", "Basic farmland lost (m²)"),
    "from_construction_m2": QT_TRANSLATE_NOOP("@default", "Construction land restored to farmland (m²)"),
    "uncovered_before_m2": QT_TRANSLATE_NOOP("@default", "Not covered before (m²)"),
    "uncovered_after_m2": QT_TRANSLATE_NOOP("@default", "Not covered after (m²)"),
    "gross_m2": QT_TRANSLATE_NOOP("@default", "Gross area, overlaps twice (m²)"),
    "overlap_m2": QT_TRANSLATE_NOOP("@default", "Overlap counted once (m²)"),
    "parcel_area_m2": QT_TRANSLATE_NOOP("@default", "Parcel area (m²)"),
    "approved_m2": QT_TRANSLATE_NOOP("@default", "Approved (m²)"),
    "supplied_m2": QT_TRANSLATE_NOOP("@default", "Supplied (m²)"),
    "unsupplied_m2": QT_TRANSLATE_NOOP("@default", "Approved but not supplied (m²)"),
    "value_m2": QT_TRANSLATE_NOOP("@default", "Value (m²)"),
    # farmland balance
    "req_farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland to offset (m²)"),
    "req_paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy to offset (m²)"),
    "req_capacity_kg": QT_TRANSLATE_NOOP("@default", "Capacity to offset (kg)"),
    "occ_grade": QT_TRANSLATE_NOOP("@default", "Grade occupied"),
    "got_farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland supplemented (m²)"),
    "got_paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy supplemented (m²)"),
    "got_capacity_kg": QT_TRANSLATE_NOOP("@default", "Capacity supplemented (kg)"),
    "sup_grade": QT_TRANSLATE_NOOP("@default", "Grade supplemented"),
    "quantity_ok": QT_TRANSLATE_NOOP("@default", "Quantity met (1 = yes)"),
    "paddy_ok": QT_TRANSLATE_NOOP("@default", "Paddy met (1 = yes)"),
    "capacity_ok": QT_TRANSLATE_NOOP("@default", "Capacity met (1 = yes)"),
    "quality_ok": QT_TRANSLATE_NOOP("@default", "Quality met (1 = yes)"),
    "order_ok": QT_TRANSLATE_NOOP("@default", "Supplement first (1 = yes)"),
    "balanced": QT_TRANSLATE_NOOP("@default", "Balanced (1 = yes)"),
    "short_farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland short (m²)"),
    "short_paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy short (m²)"),
    "short_capacity_kg": QT_TRANSLATE_NOOP("@default", "Capacity short (kg)"),
    "avail_farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland available (m²)"),
    "avail_paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy available (m²)"),
    "avail_capacity_kg": QT_TRANSLATE_NOOP("@default", "Capacity available (kg)"),
    "drawn_farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland drawn (m²)"),
    "drawn_paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy drawn (m²)"),
    "drawn_capacity_kg": QT_TRANSLATE_NOOP("@default", "Capacity drawn (kg)"),
    "remain_farmland_m2": QT_TRANSLATE_NOOP("@default", "Farmland remaining (m²)"),
    "remain_paddy_m2": QT_TRANSLATE_NOOP("@default", "Paddy remaining (m²)"),
    "remain_capacity_kg": QT_TRANSLATE_NOOP("@default", "Capacity remaining (kg)"),
    "overdrawn": QT_TRANSLATE_NOOP("@default", "Overdrawn (1 = yes)"),
    # idle land and supply
    "deadline": QT_TRANSLATE_NOOP("@default", "Start deadline"),
    "days_overdue": QT_TRANSLATE_NOOP("@default", "Days overdue"),
    "developed_ratio": QT_TRANSLATE_NOOP("@default", "Developed share"),
    "invest_ratio": QT_TRANSLATE_NOOP("@default", "Investment share"),
    "status": QT_TRANSLATE_NOOP("@default", "Status (code)"),
    "status_zh": QT_TRANSLATE_NOOP("@default", "Status"),
    "fee": QT_TRANSLATE_NOOP("@default", "Idle-land fee (yuan)"),
    "disposal": QT_TRANSLATE_NOOP("@default", "Disposal"),
    "evidence": QT_TRANSLATE_NOOP("@default", "Evidence"),
    "raster_ratio": QT_TRANSLATE_NOOP("@default", "Built-up share on imagery"),
    "approval_date": QT_TRANSLATE_NOOP("@default", "Approval date"),
    "supply_rate": QT_TRANSLATE_NOOP("@default", "Supply rate"),
    "years_since_approval": QT_TRANSLATE_NOOP("@default", "Years since approval"),
    "full_years": QT_TRANSLATE_NOOP("@default", "Full years since approval"),
    # restoration
    "ndvi_before": QT_TRANSLATE_NOOP("@default", "NDVI before"),
    "ndvi_after": QT_TRANSLATE_NOOP("@default", "NDVI after"),
    "ndvi_change": QT_TRANSLATE_NOOP("@default", "NDVI change"),
    "direction_share": QT_TRANSLATE_NOOP("@default", "Share in the planned direction"),
    "direction_met": QT_TRANSLATE_NOOP("@default", "Direction met"),
    # ellipsoidal area
    "area_planar_m2": QT_TRANSLATE_NOOP("@default", "Planar area (m²)"),
    "area_ellipsoid_m2": QT_TRANSLATE_NOOP("@default", "Ellipsoidal area (m²)"),
    "area_ha": QT_TRANSLATE_NOOP("@default", "Area (ha)"),
    "area_mu": QT_TRANSLATE_NOOP("@default", "Area (mu)"),
    "tbmj_diff_m2": QT_TRANSLATE_NOOP("@default", "Ellipsoidal minus TBMJ (m²)"),
    "geom_valid": QT_TRANSLATE_NOOP("@default", "Geometry valid (1 = yes)"),
    # indicators
    "indicator": QT_TRANSLATE_NOOP("@default", "Indicator"),
    "measure": QT_TRANSLATE_NOOP("@default", "Measure"),
    "value": QT_TRANSLATE_NOOP("@default", "Value"),
    "unit": QT_TRANSLATE_NOOP("@default", "Unit"),
    "seq": QT_TRANSLATE_NOOP("@default", "No."),
    "name": QT_TRANSLATE_NOOP("@default", "Indicator"),
    "attribute": QT_TRANSLATE_NOOP("@default", "Attribute"),
    "base_value": QT_TRANSLATE_NOOP("@default", "Base value"),
    "target_value": QT_TRANSLATE_NOOP("@default", "Target value"),
    "target_text": QT_TRANSLATE_NOOP("@default", "Target as printed"),
    "comparator": QT_TRANSLATE_NOOP("@default", "Comparator"),
    "value_year": QT_TRANSLATE_NOOP("@default", "Year of value"),
    # 报批 and 占补平衡 rules (issue 15)
    "bsm": QT_TRANSLATE_NOOP("@default", "Feature id (BSM)"),
    "tbbh": QT_TRANSLATE_NOOP("@default", "Parcel number (TBBH)"),
    "qsxz": QT_TRANSLATE_NOOP("@default", "Ownership type (QSXZ)"),
    "qsxz_group": QT_TRANSLATE_NOOP("@default", "Ownership"),
    "qsdwdm": QT_TRANSLATE_NOOP("@default", "Owner code"),
    "qsdwmc": QT_TRANSLATE_NOOP("@default", "Owner"),
    "czcsxm": QT_TRANSLATE_NOOP("@default", "Town/village code (CZCSXM)"),
    "project_type": QT_TRANSLATE_NOOP("@default", "Project type"),
    "control_m2": QT_TRANSLATE_NOOP("@default", "Control area (m²)"),
    "adjusted_m2": QT_TRANSLATE_NOOP("@default", "Adjusted area (m²)"),
    "farmland_in_town_m2": QT_TRANSLATE_NOOP("@default", "Farmland in towns and villages (m²)"),
    "state_m2": QT_TRANSLATE_NOOP("@default", "State-owned (m²)"),
    "collective_m2": QT_TRANSLATE_NOOP("@default", "Collective (m²)"),
    "basic_farmland_permitted": QT_TRANSLATE_NOOP("@default", "Basic farmland use permitted (1 = yes)"),
    "verdict": QT_TRANSLATE_NOOP("@default", "Verdict"),
    "unchecked": QT_TRANSLATE_NOOP("@default", "Checks not made"),
    "sup_type": QT_TRANSLATE_NOOP("@default", "Supplement type"),
    # 进出平衡, idle land and supply rules (issue 16)
    "paddy_out_m2": QT_TRANSLATE_NOOP("@default", "Paddy out (m²)"),
    "paddy_in_m2": QT_TRANSLATE_NOOP("@default", "Paddy in (m²)"),
    "grade_out": QT_TRANSLATE_NOOP("@default", "Grade of farmland out"),
    "grade_in": QT_TRANSLATE_NOOP("@default", "Grade of farmland in"),
    "basic_to_agri_m2": QT_TRANSLATE_NOOP("@default", "Basic farmland to other agricultural land (m²)"),
    "basic_to_construction_m2": QT_TRANSLATE_NOOP("@default", "Basic farmland to construction (m²)"),
    "reclaimed_m2": QT_TRANSLATE_NOOP("@default", "Reclaimed from construction (m²)"),
    "from_unused_m2": QT_TRANSLATE_NOOP("@default", "From unused land (m²)"),
    "to_unused_m2": QT_TRANSLATE_NOOP("@default", "To unused land (m²)"),
    "exempt_out_m2": QT_TRANSLATE_NOOP("@default", "Exempt outflow (m²)"),
    "restated_m2": QT_TRANSLATE_NOOP("@default", "Restated farmland (m²)"),
    "balance_ok": QT_TRANSLATE_NOOP("@default", "In-out balanced (1 = yes)"),
    "reasons": QT_TRANSLATE_NOOP("@default", "Reasons"),
    "imagery_ratio": QT_TRANSLATE_NOOP("@default", "Developed share on imagery"),
    "fee_unit": QT_TRANSLATE_NOOP("@default", "Fee unit"),
    "supply_rate_5y": QT_TRANSLATE_NOOP("@default", "Five-year supply rate"),
}

_COMPANION_UNITS = (
    ("_ha", units.HECTARE, QT_TRANSLATE_NOOP("@default", "{} (ha)")),
    ("_mu", units.MU, QT_TRANSLATE_NOOP("@default", "{} (mu)")),
)

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
