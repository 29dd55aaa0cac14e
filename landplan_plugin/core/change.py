"""Rules of the farmland change analysis between two surveys (变更调查).

Change types (by the pieces' classes before and after):

* farmland (0101/0102/0103, no suffix) → other 农用地 (园地、林地、草地、设施农用地…):
  ``farmland_to_agricultural`` – the 进出平衡 outflow (自然资发〔2021〕166号);
* other 农用地 → farmland: ``agricultural_to_farmland`` – the 进出平衡 inflow;
* farmland → 建设用地: ``farmland_to_construction`` (非农化, needs approval);
* 建设用地 → farmland: ``construction_to_farmland`` (复垦);
* farmland → 未利用地 / 未利用地 → farmland: ``farmland_to_unused`` / ``unused_to_farmland``;
* anything else that changed code: ``other``.

Areas.  A piece has a *before* share (of the BEFORE 图斑) and an *after*
share (of the AFTER 图斑).  Farmland figures are net (地类) areas: the 田坎
share is not farmland.  Before-figures (farmland before, outflows, 非农化,
basic farmland lost) use the before share; after-figures (farmland after,
inflows) the after share.

The transition matrix uses the before share and keeps 田坎 visible: a piece
of gross area A with net fractions n_b (before) and n_a (after) flows as
net→net min(n_b, n_a)·A, 田坎→田坎 min(1−n_b, 1−n_a)·A, and the rest across
(net→田坎 or 田坎→net).  So an unchanged farmland 图斑 stays on the diagonal
(耕地→耕地 and 田坎→田坎), and a farmland 图斑 built on moves both its net area
and its 田坎 to 建设用地 groups.  Pure Python.
"""

from . import landclass

TIANKAN_GROUP = "田坎"

FARMLAND_TO_AGRICULTURAL = "farmland_to_agricultural"
AGRICULTURAL_TO_FARMLAND = "agricultural_to_farmland"
FARMLAND_TO_CONSTRUCTION = "farmland_to_construction"
CONSTRUCTION_TO_FARMLAND = "construction_to_farmland"
FARMLAND_TO_UNUSED = "farmland_to_unused"
UNUSED_TO_FARMLAND = "unused_to_farmland"
OTHER = "other"

CHANGE_TYPES_ZH = {
    FARMLAND_TO_AGRICULTURAL: "耕地流出为其他农用地",
    AGRICULTURAL_TO_FARMLAND: "其他农用地流入耕地",
    FARMLAND_TO_CONSTRUCTION: "耕地非农化",
    CONSTRUCTION_TO_FARMLAND: "建设用地复垦为耕地",
    FARMLAND_TO_UNUSED: "耕地变为未利用地",
    UNUSED_TO_FARMLAND: "未利用地开发为耕地",
    OTHER: "其他变化",
}

SUMMARY_FIELDS = (
    "zone",
    "farmland_before_m2",
    "farmland_after_m2",
    "net_change_m2",
    "out_agricultural_m2",
    "in_agricultural_m2",
    "inout_balance_m2",
    "inout_ok",
    "to_construction_m2",
    "basic_farmland_out_m2",
    "from_construction_m2",
    "uncovered_before_m2",
    "uncovered_after_m2",
)


def change_type(before, after):
    """Change type for two LandClass objects (either may be None = unknown)."""
    was = before is not None and before.is_farmland
    now = after is not None and after.is_farmland
    if was and not now:
        category = after.category if after is not None else None
        if category == landclass.AGRICULTURAL:
            return FARMLAND_TO_AGRICULTURAL
        if category == landclass.CONSTRUCTION:
            return FARMLAND_TO_CONSTRUCTION
        if category == landclass.UNUSED:
            return FARMLAND_TO_UNUSED
        return OTHER
    if now and not was:
        category = before.category if before is not None else None
        if category == landclass.AGRICULTURAL:
            return AGRICULTURAL_TO_FARMLAND
        if category == landclass.CONSTRUCTION:
            return CONSTRUCTION_TO_FARMLAND
        if category == landclass.UNUSED:
            return UNUSED_TO_FARMLAND
        return OTHER
    return OTHER


def group_of(cls):
    return cls.group_name if cls is not None else None


def matrix_flows(gross, net_before, net_after, from_group, to_group):
    """Split a piece's gross (before) area into matrix flows.

    ``net_before``/``net_after`` are net areas on the same gross basis.
    Returns [(from_group, to_group, area)] with area > 0.
    """
    if gross <= 0:
        return []
    nb = min(max(net_before, 0.0), gross)
    na = min(max(net_after, 0.0), gross)
    tb, ta = gross - nb, gross - na
    flows = [(from_group, to_group, min(nb, na)), (TIANKAN_GROUP, TIANKAN_GROUP, min(tb, ta))]
    if nb > na:
        flows.append((from_group, TIANKAN_GROUP, nb - na))
    elif na > nb:
        flows.append((TIANKAN_GROUP, to_group, na - nb))
    return [(f, t, a) for f, t, a in flows if a > 1e-12]


class ZoneTotals:
    """Accumulates the summary figures of one zone."""

    def __init__(self, zone):
        self.zone = zone
        self.before = 0.0
        self.after = 0.0
        self.out_agri = 0.0
        self.in_agri = 0.0
        self.to_construction = 0.0
        self.from_construction = 0.0
        self.basic_out = 0.0
        self.uncovered_before = None
        self.uncovered_after = None

    def add(self, before_cls, after_cls, net_before, net_after, in_basic):
        was = before_cls is not None and before_cls.is_farmland
        now = after_cls is not None and after_cls.is_farmland
        if was:
            self.before += net_before
        if now:
            self.after += net_after
        kind = change_type(before_cls, after_cls)
        if kind == FARMLAND_TO_AGRICULTURAL:
            self.out_agri += net_before
        elif kind == AGRICULTURAL_TO_FARMLAND:
            self.in_agri += net_after
        elif kind == FARMLAND_TO_CONSTRUCTION:
            self.to_construction += net_before
        elif kind == CONSTRUCTION_TO_FARMLAND:
            self.from_construction += net_after
        if was and not now and in_basic:
            self.basic_out += net_before
        return kind

    def merge(self, other):
        self.before += other.before
        self.after += other.after
        self.out_agri += other.out_agri
        self.in_agri += other.in_agri
        self.to_construction += other.to_construction
        self.from_construction += other.from_construction
        self.basic_out += other.basic_out

    def row(self):
        balance = self.in_agri - self.out_agri
        return {
            "zone": self.zone,
            "farmland_before_m2": self.before,
            "farmland_after_m2": self.after,
            "net_change_m2": self.after - self.before,
            "out_agricultural_m2": self.out_agri,
            "in_agricultural_m2": self.in_agri,
            "inout_balance_m2": balance,
            "inout_ok": int(balance >= -1e-6),
            "to_construction_m2": self.to_construction,
            "basic_farmland_out_m2": self.basic_out,
            "from_construction_m2": self.from_construction,
            "uncovered_before_m2": self.uncovered_before,
            "uncovered_after_m2": self.uncovered_after,
        }


def group_order():
    """First-level class names in 三调 order (00 湿地, 01 耕地, 田坎 right
    after 耕地, …, 12 其他土地)."""
    seen = {}
    for cls in landclass.classification().values():
        seen.setdefault(cls.group_name, cls.group_code)
    names = sorted(seen, key=lambda name: seen[name])
    if TIANKAN_GROUP in names:
        names.remove(TIANKAN_GROUP)
    at = names.index("耕地") + 1 if "耕地" in names else len(names)
    names.insert(at, TIANKAN_GROUP)
    return names


def crosstab(flows, minimum_m2=0.005 * 2000.0 / 3.0):
    """The transition matrix as a cross-tab: rows before, columns after.

    ``flows`` is [(from_group, to_group, area_m2)] (zones already merged);
    groups follow :func:`group_order` with unknown (None) last; rows and
    columns whose total is below ``minimum_m2`` (0.005 亩, i.e. 0.00 in a
    table in 亩) are dropped.  Returns (columns, rows, column_totals, total)
    with rows as (group, [cells], row_total).
    """
    cells = {}
    for source, target, area in flows:
        cells[(source, target)] = cells.get((source, target), 0.0) + area
    order = group_order()

    def rank(name):
        return (name is None, order.index(name) if name in order else len(order), name or "")

    row_totals, column_totals = {}, {}
    for (source, target), area in cells.items():
        row_totals[source] = row_totals.get(source, 0.0) + area
        column_totals[target] = column_totals.get(target, 0.0) + area
    rows_kept = sorted((g for g, a in row_totals.items() if a >= minimum_m2), key=rank)
    columns = sorted((g for g, a in column_totals.items() if a >= minimum_m2), key=rank)

    def cell(source, target):
        area = cells.get((source, target), 0.0)
        return area if area >= minimum_m2 else None

    rows = [(g, [cell(g, c) for c in columns], row_totals[g]) for g in rows_kept]
    return columns, rows, [column_totals[c] for c in columns], sum(cells.values())
