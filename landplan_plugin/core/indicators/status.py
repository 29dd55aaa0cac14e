"""Monitoring status of an indicator (规划实施监测预警, 一年一体检).

* ``no_data`` – no observation; ``no_target`` – a text target (落实国家要求);
* '>=': ``met`` when value ≥ target; before the target year ``on_track`` when
  the value is at least on the straight path from the base value (base year)
  to the target (target year), else ``at_risk``; from the target year on,
  ``not_met``;
* '<=' (caps such as 新增建设用地, usually cumulative): ``not_met`` when
  value > target; ``at_risk`` when above the straight path from the base
  (0 when cumulative) to the target; else ``met``;
* '=': ``met`` when equal (within 1e-9 relative), else ``at_risk`` before the
  target year and ``not_met`` from it on.
A numeric target without comparator is read as '>=' (the importer infers
'<=' for caps from the name).  Pure Python.
"""

STATUS_ZH = {
    "no_data": "无监测数据",
    "no_target": "无数值目标",
    "met": "已达标",
    "on_track": "按进度",
    "at_risk": "有风险",
    "not_met": "未达标",
}
STATUS_COLOURS = {
    "no_data": "#bdbdbd",
    "no_target": "#90caf9",
    "met": "#66bb6a",
    "on_track": "#c5e1a5",
    "at_risk": "#ffb74d",
    "not_met": "#e57373",
}


def path_value(base_value, base_year, target_value, target_year, year):
    """The straight path from (base_year, base) to (target_year, target)."""
    if base_value is None or base_year is None or target_year is None or target_year == base_year:
        return None
    t = (year - base_year) / float(target_year - base_year)
    t = min(max(t, 0.0), 1.0)
    return base_value + t * (target_value - base_value)


def status(indicator, value, year, base_year, target_year):
    """Status for an indicator dict (target_value, base_value, comparator,
    cumulative, target_text) given the observed value in ``year``."""
    if value is None:
        return "no_data"
    target = indicator.get("target_value")
    if target is None:
        return "no_target"
    comparator = indicator.get("comparator") or ">="
    base = indicator.get("base_value")
    before_target_year = target_year is None or year < target_year
    if comparator == ">=":
        if value >= target:
            return "met"
        if not before_target_year:
            return "not_met"
        expected = path_value(base, base_year, target, target_year, year)
        if expected is not None and value >= expected:
            return "on_track"
        return "at_risk"
    if comparator == "<=":
        if value > target:
            return "not_met"
        start = 0.0 if indicator.get("cumulative") else base
        expected = path_value(start, base_year, target, target_year, year)
        if expected is not None and value > expected:
            return "at_risk"
        return "met"
    if comparator == "=":
        if abs(value - target) <= 1e-9 * max(abs(target), 1.0):
            return "met"
        return "at_risk" if before_target_year else "not_met"
    return "no_target"
