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

Supplement types (国土资规〔2017〕13号, the three ledgers): 新增耕地 (also
开发/复垦/整理/垦造) adds quantity, paddy and capacity; 旱改水 adds paddy and
capacity, not quantity; 提质改造 adds capacity only.  Upgrading existing
farmland adds no farmland.  The mapping from a project's type text to its
effect is ``resources/tables/supplement_types.csv`` (editable per province):
a type matches a pattern it contains, the longest pattern winning.  Only
what a supplement *adds* is available to the ledger (``avail_*``).

Verdict: a check is 1, 0 or None (NULL: its inputs are unknown).  The
required checks are quantity, paddy, capacity and quality, and order when
``require_order`` (先补后占) is set.  ``balanced`` is 1 only when every
required check is 1, 0 as soon as one is 0, NULL otherwise: an unknown is
never a pass.  ``verdict`` says it in words (平衡 / 不平衡 / 未核查) and
``unchecked`` lists the required checks that could not be made.  A check
with nothing to cover (no farmland, paddy or capacity occupied) holds.
Pure Python: no Qt.
"""

import datetime
from dataclasses import dataclass, field

from .tables import read_csv_rows

EPSILON = 1e-6  # m² / kg: tolerance for float sums


class BalanceError(ValueError):
    """An input problem the user must fix (e.g. an unknown id)."""


@dataclass(frozen=True)
class SupplementKind:
    name: str
    quantity: bool = True
    paddy: bool = True
    capacity: bool = True


NEW_FARMLAND = SupplementKind("新增耕地")

VERDICT_BALANCED = "平衡"
VERDICT_UNBALANCED = "不平衡"
VERDICT_UNCHECKED = "未核查"
CHECK_NAMES = {
    "quantity_ok": "耕地数量",
    "paddy_ok": "水田规模",
    "capacity_ok": "粮食产能",
    "quality_ok": "质量等别",
    "order_ok": "先补后占",
}


def read_kind_table(path):
    """[(pattern, SupplementKind)] from the supplement-type CSV
    (pattern,kind,quantity,paddy,capacity[,note])."""
    rows = read_csv_rows(path)
    table = []
    for row in rows[1:]:
        if len(row) < 5 or not row[0].strip():
            continue
        flags = [cell.strip() in ("1", "true", "True", "是", "yes") for cell in row[2:5]]
        table.append((row[0].strip(), SupplementKind(row[1].strip(), *flags)))
    if not table:
        raise BalanceError("the supplement type table {} has no rows".format(path))
    return table


def classify(type_text, table):
    """The SupplementKind of a type text, or None when no pattern matches."""
    if type_text is None:
        return None
    text = str(type_text).strip()
    if not text:
        return None
    matches = [(len(pattern), kind) for pattern, kind in table if pattern in text]
    return max(matches, key=lambda m: m[0])[1] if matches else None


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
    kind: SupplementKind = field(default=NEW_FARMLAND)

    # what the supplement adds to each ledger (0 where its type adds nothing)
    @property
    def adds_farmland(self):
        return self.farmland if self.kind.quantity else 0.0

    @property
    def adds_paddy(self):
        return self.paddy if self.kind.paddy else 0.0

    @property
    def adds_capacity(self):
        return self.capacity if self.kind.capacity else 0.0


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
    "verdict",
    "unchecked",
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
    "sup_type",
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
    if req is not None and req <= EPSILON:
        return True  # nothing to cover
    if got is None or req is None:
        return None
    return got + EPSILON >= req


def _short(got, req):
    if got is None or req is None:
        return None
    return max(0.0, req - got)


def verdict_of(checks, require_order=True):
    """(balanced 1/0/None, verdict text, unchecked text) from the checks."""
    required = [name for name in CHECK_NAMES if require_order or name != "order_ok"]
    values = [checks[name] for name in required]
    unchecked = ",".join(CHECK_NAMES[name] for name in required if checks[name] is None)
    if any(v is False for v in values):
        return False, VERDICT_UNBALANCED, unchecked
    if all(v is True for v in values):
        return True, VERDICT_BALANCED, unchecked
    return None, VERDICT_UNCHECKED, unchecked


def _row(project_id, req, got, occ_grade, sup_grade, order_ok, require_order=True):
    req_farmland, req_paddy, req_capacity = req
    got_farmland, got_paddy, got_capacity = got
    quality_ok = None
    if req_farmland is not None and req_farmland <= EPSILON:
        quality_ok = True  # no farmland occupied: no grade to match
    elif occ_grade is not None and sup_grade is not None:
        quality_ok = sup_grade <= occ_grade + EPSILON
    checks = {
        "quantity_ok": _ge(got_farmland, req_farmland),
        "paddy_ok": _ge(got_paddy, req_paddy),
        "capacity_ok": _ge(got_capacity, req_capacity),
        "quality_ok": quality_ok,
        "order_ok": order_ok,
    }
    balanced, verdict, unchecked = verdict_of(checks, require_order)
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
        "balanced": balanced,
        "short_farmland_m2": _short(got_farmland, req_farmland),
        "short_paddy_m2": _short(got_paddy, req_paddy),
        "short_capacity_kg": _short(got_capacity, req_capacity),
        "verdict": verdict,
        "unchecked": unchecked,
    }


def _ledger_row(sup, drawn_farmland, drawn_paddy, drawn_capacity):
    def remain(avail, drawn):
        return None if avail is None or drawn is None else avail - drawn

    remains = (
        remain(sup.adds_farmland, drawn_farmland),
        remain(sup.adds_paddy, drawn_paddy),
        remain(sup.adds_capacity, drawn_capacity),
    )
    return {
        "supplement_id": sup.id,
        "avail_farmland_m2": sup.adds_farmland,
        "avail_paddy_m2": sup.adds_paddy,
        "avail_capacity_kg": sup.adds_capacity,
        "drawn_farmland_m2": drawn_farmland,
        "drawn_paddy_m2": drawn_paddy,
        "drawn_capacity_kg": drawn_capacity,
        "remain_farmland_m2": remains[0],
        "remain_paddy_m2": remains[1],
        "remain_capacity_kg": remains[2],
        "overdrawn": int(any(r is not None and r < -EPSILON for r in remains)),
        "sup_type": sup.kind.name,
    }


def _drawn(allocations, sup_by_id):
    """(farmland, paddy, capacity) the allocations add, by supplement type:
    farmland drawn from a 旱改水 or 提质改造 project is no farmland."""
    farmland = paddy = 0.0
    capacity = 0.0
    for a in allocations:
        kind = sup_by_id[a.supplement_id].kind
        if kind.quantity:
            farmland += a.farmland or 0.0
        if kind.paddy:
            paddy += a.paddy or 0.0  # no paddy recorded = none drawn
        if kind.capacity and capacity is not None:
            capacity = None if a.capacity is None else capacity + a.capacity
    return farmland, paddy, capacity


def check_allocated(occupations, supplements, allocations, require_order=True):
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
        sup_grade = _weighted_grade([(a.farmland, sup_by_id[a.supplement_id].grade) for a in drawn])
        order_ok = True  # nothing drawn: nothing supplemented late
        dates = [sup_by_id[a.supplement_id].date for a in drawn]
        if drawn:
            order_ok = None
            if occ.date is not None and all(d is not None for d in dates):
                order_ok = all(d <= occ.date for d in dates)
        rows.append(
            _row(
                occ.id,
                (occ.farmland, occ.paddy, occ.capacity),
                _drawn(drawn, sup_by_id),
                occ.grade,
                sup_grade,
                order_ok,
                require_order,
            )
        )
    ledger = []
    for sup in supplements:
        drawn = [a for a in allocations if a.supplement_id == sup.id]
        ledger.append(_ledger_row(sup, *_drawn(drawn, sup_by_id)))
    return rows, ledger


def check_pooled(occupations, supplements, require_order=True):
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
        _sum(s.adds_farmland for s in supplements),
        _sum(s.adds_paddy for s in supplements),
        _sum(s.adds_capacity for s in supplements),
    )
    occ_grade = _weighted_grade([(o.farmland, o.grade) for o in occupations])
    sup_grade = _weighted_grade([(s.farmland, s.grade) for s in supplements])
    order_ok = _pooled_order(occupations, supplements)
    row = _row("*", req, got, occ_grade, sup_grade, order_ok, require_order)
    ledger = _fifo_ledger(supplements, req)
    return [row], ledger


def _pooled_order(occupations, supplements):
    if not occupations or any(o.date is None for o in occupations) or any(s.date is None for s in supplements):
        return None
    occupied = 0.0
    for occ in sorted(occupations, key=lambda o: o.date):
        occupied += occ.farmland or 0.0
        accepted = sum(s.adds_farmland or 0.0 for s in supplements if s.date <= occ.date)
        if accepted + EPSILON < occupied:
            return False
    return True


def _fifo_ledger(supplements, required):
    order = sorted(supplements, key=lambda s: (s.date or datetime.date.max, s.id))
    remaining = list(required)
    drawn = {s.id: [0.0, 0.0, 0.0] for s in supplements}
    for sup in order:
        for k, avail in enumerate((sup.adds_farmland, sup.adds_paddy, sup.adds_capacity)):
            if remaining[k] is None or avail is None:
                drawn[sup.id][k] = None
                continue
            take = min(max(avail, 0.0), remaining[k])
            drawn[sup.id][k] = take
            remaining[k] -= take
    return [_ledger_row(s, *drawn[s.id]) for s in supplements]
