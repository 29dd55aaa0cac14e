"""The 报批 地类面积表: land-class areas of a project by 权属, adjusted (平差)
to the project's control area.

勘测定界 and 用地报批 tables list, for each project, the area of every land
class per 权属单位 (QSDWDM/QSDWMC) and 权属性质 (国有/集体), 田坎 as a row of
its own, in m² to 0.01, adding up exactly to the control area (the
project's own area).  Rules (standards.md §3.4, issue 15):

* rows are keyed by (project_id, qsxz_group, qsdwdm, qsdwmc, dlbm, dlmc);
  the land-class row holds the net area (TBDLMJ share); the 田坎 row has
  ``dlbm`` = the piece's KCDLBM (1203 when empty) and the deducted area;
* ``area_m2`` is each row's sum rounded half-up to 0.01 m² (the number as
  printed, as every LandPlan output is rounded: core.units.round_half_up);
* 平差: the difference between the control area (rounded to 0.01) and the
  sum of the rounded rows is spread in 0.01 m² steps, one step per row,
  largest rows first, round after round, until the sum equals the control
  area exactly.  A step down never takes a row below zero, and a row of
  0.00 receives no step: an adjustment moves rounding, it invents no land.
  This is the control-area adjustment of the production 三调建库 tool and
  of the Spark ``LandUseAnalysis`` model;
* when the difference exceeds max(1 m², 0.01 % of the control area) it is
  not rounding: the survey does not cover the project, or 图斑 overlap.
  Then nothing is adjusted (``adjusted_m2`` = ``area_m2``) and the gap is
  reported.

权属性质 (QSXZ, 三调 数据库标准): 10 国有土地所有权, 20 国有土地使用权 →
国有; 30 集体土地所有权, 31 村民小组, 32 村集体经济组织, 33 乡农民集体,
40 集体土地使用权 → 集体; anything else (and NULL) → 未知.

Pure Python: no Qt.
"""

from dataclasses import dataclass

from .units import round_half_up

STATE = "国有"
COLLECTIVE = "集体"
UNKNOWN_OWNERSHIP = "未知"
STATE_CODES = ("10", "20")
COLLECTIVE_CODES = ("30", "31", "32", "33", "40")
RIDGE_CODE = "1203"
RIDGE_NAME = "田坎"

FIELDS = ("project_id", "qsxz_group", "qsdwdm", "qsdwmc", "dlbm", "dlmc", "area_m2", "adjusted_m2")

GAP_ABSOLUTE_M2 = 1.0
GAP_RELATIVE = 1e-4


def ownership_group(qsxz):
    """国有 / 集体 / 未知 for a QSXZ value ("10", 10, " 20 ", 10.0 …)."""
    if qsxz is None:
        return UNKNOWN_OWNERSHIP
    text = str(qsxz).strip()
    if text.endswith(".0"):
        text = text[:-2]
    if text in STATE_CODES:
        return STATE
    if text in COLLECTIVE_CODES:
        return COLLECTIVE
    return UNKNOWN_OWNERSHIP


def to_cents(value):
    """m² → whole hundredths, rounded half-up as printed (2.675 → 268), the
    rounding of every LandPlan output."""
    return int(round(round_half_up(value, 2) * 100))


def gap_limit_m2(control_m2):
    return max(GAP_ABSOLUTE_M2, GAP_RELATIVE * abs(control_m2))


def adjust_cents(cents, target):
    """平差 of whole-cent row values to ``target`` cents.

    Returns the adjusted list (same order).  Steps of one cent go to the
    rows in order of size (largest first, the earlier row on ties), one per
    row per round.  Raises ValueError when no row can take a step (all
    zero), which the caller avoids by its gap check.
    """
    adjusted = list(cents)
    difference = target - sum(adjusted)
    if difference == 0:
        return adjusted
    step = 1 if difference > 0 else -1
    order = sorted((i for i, c in enumerate(cents) if c > 0), key=lambda i: (-cents[i], i))
    if not order:
        raise ValueError("no row to adjust")
    while difference != 0:
        moved = False
        for i in order:
            if difference == 0:
                break
            if step < 0 and adjusted[i] <= 0:
                continue
            adjusted[i] += step
            difference -= step
            moved = True
        if not moved:
            raise ValueError("rows cannot absorb the difference")
    return adjusted


@dataclass
class ProjectAdjustment:
    project_id: str
    control_m2: float
    rows_m2: float  # sum of rounded rows before 平差
    difference_m2: float  # control (rounded) − rows
    adjusted: bool  # False when the gap was too large (or nothing to adjust)

    @property
    def gap(self):
        return not self.adjusted and abs(self.difference_m2) > 0


def class_rows(records):
    """Unrounded rows {key: area} from piece records, key =
    (project_id, qsxz_group, qsdwdm, qsdwmc, dlbm, dlmc); 田坎 apart."""
    rows = {}
    for r in records:
        group = ownership_group(r.qsxz)
        base = (r.project_id, group, r.qsdwdm or "", r.qsdwmc or "")
        key = base + (r.dlbm or "", r.dlmc or "")
        rows[key] = rows.get(key, 0.0) + r.net_m2
        if r.tk_m2 and r.tk_m2 > 0:
            code = (str(r.kcdlbm).strip() if r.kcdlbm else "") or RIDGE_CODE
            ridge_key = base + (code, RIDGE_NAME)
            rows[ridge_key] = rows.get(ridge_key, 0.0) + r.tk_m2
    return rows


def build(records, controls):
    """The 地类面积表 and one ProjectAdjustment per project.

    ``controls``: {project_id: control area m²} in the run's area mode.
    Returns (rows, adjustments): rows are dicts with FIELDS, sorted by
    project (in ``controls`` order), 权属性质, 权属单位, land-class code.
    """
    raw = class_rows(records)
    by_project = {}
    for key, value in raw.items():
        by_project.setdefault(key[0], []).append((key, value))
    project_order = list(controls) + sorted(p for p in by_project if p not in controls)
    rows = []
    adjustments = []
    for project_id in project_order:
        items = sorted(by_project.get(project_id, []), key=lambda kv: kv[0][1:])
        cents = [to_cents(value) for _key, value in items]
        control = controls.get(project_id)
        adjusted = cents
        did_adjust = False
        difference = 0.0
        if control is not None and items:
            target = to_cents(control)
            difference = (target - sum(cents)) / 100.0
            if difference and abs(difference) <= gap_limit_m2(control):
                try:
                    adjusted = adjust_cents(cents, target)
                    did_adjust = True
                except ValueError:
                    adjusted = cents
            adjustments.append(
                ProjectAdjustment(project_id, control, sum(cents) / 100.0, difference, did_adjust or not difference)
            )
        for (key, _value), before, after in zip(items, cents, adjusted):
            rows.append(dict(zip(FIELDS, key + (before / 100.0, after / 100.0))))
    return rows, adjustments
