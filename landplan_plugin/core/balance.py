"""耕地占补平衡 check: does supplementary farmland cover what projects occupy?

Three ledgers since 国土资规〔2017〕13号 – farmland quantity (耕地数量),
paddy area (水田规模) and grain capacity (粮食产能) – plus quality
(占优补优: the supplement's grade no worse than the occupied grade; lower
grade number = better) and order (先补后占: supplements accepted on or before
the occupation's approval).

Two ways to check:

* **with allocations** (the 挂钩 ledger: project, supplement, farmland_m2,
  paddy_m2, capacity_kg drawn) – each project is checked against what it
  drew; sup_grade is the drawn-farmland-weighted grade of its supplements;
  order_ok is true when every supplement it drew was accepted on or before
  its approval date.
* **pooled** (no allocations) – one row ``'*'``: all occupation against all
  supplements.  order_ok walks the approvals in date order and requires the
  farmland accepted by each approval date to cover the farmland occupied up
  to and including it (先补后占 for a pool).  The ledger draws from the pool
  first-accepted first (then by id), per dimension.

A check whose inputs are unknown is None (NULL) and does not count against
``balanced``; ``balanced`` is true when every known check is true.
Pure Python: no Qt.
"""

import datetime
from dataclasses import dataclass

EPSILON = 1e-6  # m² / kg: tolerance for float sums


class BalanceError(ValueError):
    """An input problem the user must fix (e.g. an unknown id)."""


@dataclass
class Occupation:
    id: str
    farmland: float
    paddy: float = None
    grade: float = None
    capacity: float = None
    date: datetime.date = None


@dataclass
class Supplement:
    id: str
    farmland: float
    paddy: float = None
    grade: float = None
    capacity: float = None
    date: datetime.date = None


@dataclass
class Allocation:
    project_id: str
    supplement_id: str
    farmland: float
    paddy: float = None
    capacity: float = None


OUTPUT_FIELDS = (
    "project_id",
    "req_farmland_m2",
    "req_paddy_m2",
    "req_capacity_kg",
    "occ_grade",
    "got_farmland_m2",
    "got_paddy_m2",
    "got_capacity_kg",
    "sup_grade",
    "quantity_ok",
    "paddy_ok",
    "capacity_ok",
    "quality_ok",
    "order_ok",
    "balanced",
    "short_farmland_m2",
    "short_paddy_m2",
    "short_capacity_kg",
)

LEDGER_FIELDS = (
    "supplement_id",
    "avail_farmland_m2",
    "avail_paddy_m2",
    "avail_capacity_kg",
    "drawn_farmland_m2",
    "drawn_paddy_m2",
    "drawn_capacity_kg",
    "remain_farmland_m2",
    "remain_paddy_m2",
    "remain_capacity_kg",
    "overdrawn",
)


def _sum(values):
    """Sum that is None as soon as one value is unknown."""
    total = 0.0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def _weighted_grade(pairs):
    """Σ(weight × grade) / Σ weight over pairs with a grade and weight > 0."""
    weight = sum(w for w, g in pairs if g is not None and w and w > 0)
    if weight <= 0:
        return None
    return sum(w * g for w, g in pairs if g is not None and w and w > 0) / weight


def _ge(got, req):
    if got is None or req is None:
        return None
    return got + EPSILON >= req


def _short(got, req):
    if got is None or req is None:
        return None
    return max(0.0, req - got)


def _row(project_id, req, got, occ_grade, sup_grade, order_ok):
    req_farmland, req_paddy, req_capacity = req
    got_farmland, got_paddy, got_capacity = got
    quality_ok = None
    if occ_grade is not None and sup_grade is not None:
        quality_ok = sup_grade <= occ_grade + EPSILON
    checks = {
        "quantity_ok": _ge(got_farmland, req_farmland),
        "paddy_ok": _ge(got_paddy, req_paddy),
        "capacity_ok": _ge(got_capacity, req_capacity),
        "quality_ok": quality_ok,
        "order_ok": order_ok,
    }
    known = [v for v in checks.values() if v is not None]
    return {
        "project_id": project_id,
        "req_farmland_m2": req_farmland,
        "req_paddy_m2": req_paddy,
        "req_capacity_kg": req_capacity,
        "occ_grade": occ_grade,
        "got_farmland_m2": got_farmland,
        "got_paddy_m2": got_paddy,
        "got_capacity_kg": got_capacity,
        "sup_grade": sup_grade,
        **checks,
        "balanced": all(known) if known else None,
        "short_farmland_m2": _short(got_farmland, req_farmland),
        "short_paddy_m2": _short(got_paddy, req_paddy),
        "short_capacity_kg": _short(got_capacity, req_capacity),
    }


def _ledger_row(sup, drawn_farmland, drawn_paddy, drawn_capacity):
    def remain(avail, drawn):
        return None if avail is None or drawn is None else avail - drawn

    remains = (
        remain(sup.farmland, drawn_farmland),
        remain(sup.paddy, drawn_paddy),
        remain(sup.capacity, drawn_capacity),
    )
    return {
        "supplement_id": sup.id,
        "avail_farmland_m2": sup.farmland,
        "avail_paddy_m2": sup.paddy,
        "avail_capacity_kg": sup.capacity,
        "drawn_farmland_m2": drawn_farmland,
        "drawn_paddy_m2": drawn_paddy,
        "drawn_capacity_kg": drawn_capacity,
        "remain_farmland_m2": remains[0],
        "remain_paddy_m2": remains[1],
        "remain_capacity_kg": remains[2],
        "overdrawn": int(any(r is not None and r < -EPSILON for r in remains)),
    }


def check_allocated(occupations, supplements, allocations):
    """Per-project rows and per-supplement ledger rows from a 挂钩 ledger."""
    occ_by_id = {o.id: o for o in occupations}
    sup_by_id = {s.id: s for s in supplements}
    for a in allocations:
        if a.project_id not in occ_by_id:
            raise BalanceError("allocation names unknown project {!r}".format(a.project_id))
        if a.supplement_id not in sup_by_id:
            raise BalanceError("allocation names unknown supplement {!r}".format(a.supplement_id))
    rows = []
    for occ in occupations:
        drawn = [a for a in allocations if a.project_id == occ.id]
        got_farmland = sum(a.farmland or 0.0 for a in drawn)
        got_paddy = sum(a.paddy or 0.0 for a in drawn)  # no paddy recorded = none drawn
        got_capacity = _sum(a.capacity for a in drawn) if drawn else 0.0
        sup_grade = _weighted_grade([(a.farmland, sup_by_id[a.supplement_id].grade) for a in drawn])
        order_ok = None
        dates = [sup_by_id[a.supplement_id].date for a in drawn]
        if occ.date is not None and drawn and all(d is not None for d in dates):
            order_ok = all(d <= occ.date for d in dates)
        rows.append(
            _row(
                occ.id,
                (occ.farmland, occ.paddy, occ.capacity),
                (got_farmland, got_paddy, got_capacity),
                occ.grade,
                sup_grade,
                order_ok,
            )
        )
    ledger = []
    for sup in supplements:
        drawn = [a for a in allocations if a.supplement_id == sup.id]
        ledger.append(
            _ledger_row(
                sup,
                sum(a.farmland or 0.0 for a in drawn),
                sum(a.paddy or 0.0 for a in drawn),
                _sum(a.capacity for a in drawn) if drawn else 0.0,
            )
        )
    return rows, ledger


def check_pooled(occupations, supplements):
    """One row '*' for the whole pool, and a first-accepted-first ledger.
    Without occupations there is nothing to balance: no row (and so no
    verdict), only the ledger."""
    if not occupations:
        return [], _fifo_ledger(supplements, (0.0, 0.0, 0.0))
    req = (
        _sum(o.farmland for o in occupations),
        _sum(o.paddy for o in occupations),
        _sum(o.capacity for o in occupations),
    )
    got = (
        _sum(s.farmland for s in supplements),
        _sum(s.paddy for s in supplements),
        _sum(s.capacity for s in supplements),
    )
    occ_grade = _weighted_grade([(o.farmland, o.grade) for o in occupations])
    sup_grade = _weighted_grade([(s.farmland, s.grade) for s in supplements])
    order_ok = _pooled_order(occupations, supplements)
    row = _row("*", req, got, occ_grade, sup_grade, order_ok)
    ledger = _fifo_ledger(supplements, req)
    return [row], ledger


def _pooled_order(occupations, supplements):
    if not occupations or any(o.date is None for o in occupations) or any(s.date is None for s in supplements):
        return None
    occupied = 0.0
    for occ in sorted(occupations, key=lambda o: o.date):
        occupied += occ.farmland or 0.0
        accepted = sum(s.farmland or 0.0 for s in supplements if s.date <= occ.date)
        if accepted + EPSILON < occupied:
            return False
    return True


def _fifo_ledger(supplements, required):
    order = sorted(supplements, key=lambda s: (s.date or datetime.date.max, s.id))
    remaining = list(required)
    drawn = {s.id: [0.0, 0.0, 0.0] for s in supplements}
    for sup in order:
        for k, avail in enumerate((sup.farmland, sup.paddy, sup.capacity)):
            if remaining[k] is None or avail is None:
                drawn[sup.id][k] = None
                continue
            take = min(max(avail, 0.0), remaining[k])
            drawn[sup.id][k] = take
            remaining[k] -= take
    return [_ledger_row(s, *drawn[s.id]) for s in supplements]
