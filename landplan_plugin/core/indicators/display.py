"""How indicator numbers are shown in the dock, the exports and the report.

Values are stored unrounded; they are rounded half-up only here, to the
precision of the indicator's unit (areas to 0.01, counts to whole numbers).
Targets are printed as the plan prints them (300, not 300.00); measured
values at the unit's precision.
"""

from ..units import round_half_up

UNIT_DECIMALS = {
    "公顷": 2,
    "亩": 2,
    "万亩": 2,
    "平方公里": 2,
    "km²": 2,
    "平方米": 2,
    "m²": 2,
    "%": 2,
    "公里": 2,
    "万元": 2,
    "亿元": 2,
    "个": 0,
    "处": 0,
    "座": 0,
    "宗": 0,
    "项": 0,
}
DEFAULT_DECIMALS = 2


def decimals(unit):
    return UNIT_DECIMALS.get((unit or "").strip(), DEFAULT_DECIMALS)


def rounded(value, unit=None):
    """The value at its unit's precision (a number, for spreadsheets)."""
    if value is None:
        return None
    places = decimals(unit)
    result = round_half_up(value, places)
    return int(result) if places == 0 else result


def value_text(value, unit=None):
    """A measured value at its unit's precision: 312.98, 410.66, 12."""
    if value is None:
        return ""
    return "{:.{}f}".format(rounded(value, unit), decimals(unit))


def target_text(value, unit=None):
    """A target as printed: 300, 3079, 12.5 (no trailing zeros)."""
    if value is None:
        return ""
    text = value_text(value, unit)
    return text.rstrip("0").rstrip(".") if "." in text else text


def target_with_comparator(row):
    """≥300, ≤410.66, [1200] for cumulative targets, or the text target."""
    if row.get("target_value") is None:
        return row.get("target_text") or ""
    sign = {">=": "≥", "<=": "≤"}.get(row.get("comparator") or "", "")
    number = target_text(row["target_value"], row.get("unit"))
    return sign + ("[{}]".format(number) if row.get("cumulative") else number)


def base_with_text(row):
    """The base value as printed, or its text (落实国家要求), or —."""
    if row.get("base_value") is None:
        return row.get("base_text") or "—"
    return target_text(row["base_value"], row.get("unit"))


def value_with_year(row):
    """312.98（2023）"""
    if row.get("value") is None:
        return "—"
    text = value_text(row["value"], row.get("unit"))
    return "{}（{}）".format(text, row["value_year"]) if row.get("value_year") else text
