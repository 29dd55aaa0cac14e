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
and its 田坎 to 建设用地 groups.

进出平衡 (自然资发〔2021〕166号, issue 16).  Per zone:

* out = farmland → other 农用地, in = other 农用地 → farmland; with
  ``grass_as_agricultural`` (default) 0404 其他草地 counts as other 农用地
  (166号 names 林地、草地、园地), otherwise it stays 未利用地 (三大类);
* reclaimed = 建设用地 → farmland; from_unused / to_unused = 未利用地 ↔
  farmland; nonagri = farmland → 建设用地; outflow inside an approved exempt
  area (生态退耕, 灾毁 …) is exempt_out, not out;
* the identity ``net = in + reclaimed + from_unused − out − nonagri −
  to_unused`` defines ``net_m2``; ``net_change_m2`` (after − before) =
  net − exempt_out + restated, where restated is farmland that stayed
  farmland with another net area (TBDLMJ/KCXS changed) or changed to or
  from an unknown code;
* 水田 sub-balance: paddy_out (0101 → other 农用地), paddy_in (other 农用地 →
  0101), paddy_ok = in ≥ out;
* quality: area-weighted 等别 of the farmland out (before grade) and in
  (after grade); lower is better; quality_ok = grade_in ≤ grade_out, NULL
  when a grade is missing for either side (True when nothing went out);
* 永久基本农田 turned into other 农用地 is prohibited outright (basic_to_agri);
* verdict 平衡 only when balance, paddy and quality hold and no basic
  farmland went to other 农用地; 不平衡 with the reasons; 未核查 when nothing
  failed but a check could not be made.

Each figure goes to the zone of the side it is measured on: before-figures
(out, nonagri, to_unused, farmland before) to ``zone_before``, after-figures
(in, reclaimed, from_unused, farmland after) to ``zone_after`` – the same
zone when zones are polygons, the 图斑's 坐落单位 when grouping by ZLDWDM.
Pure Python.
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
    "paddy_out_m2",
    "paddy_in_m2",
    "paddy_ok",
    "grade_out",
    "grade_in",
    "quality_ok",
    "basic_to_agri_m2",
    "basic_to_construction_m2",
    "reclaimed_m2",
    "from_unused_m2",
    "to_unused_m2",
    "exempt_out_m2",
    "restated_m2",
    "net_m2",
    "balance_ok",
    "verdict",
    "reasons",
)
INT_FIELDS = ("inout_ok", "paddy_ok", "quality_ok", "balance_ok")
TEXT_FIELDS = ("zone", "verdict", "reasons")

VERDICT_MET = "平衡"
VERDICT_NOT_MET = "不平衡"
VERDICT_UNCHECKED = "未核查"
TOLERANCE_M2 = 1e-6
PADDY = "0101"
OTHER_GRASS = "0404"


def category_of(cls, grass_as_agricultural=True):
    """三大类 of a class for 进出平衡: 0404 其他草地 is 农用地 when
    ``grass_as_agricultural`` (166号's 草地), 未利用地 otherwise."""
    if cls is None:
        return None
    if grass_as_agricultural and cls.base == OTHER_GRASS:
        return landclass.AGRICULTURAL
    return cls.category


def change_type(before, after, grass_as_agricultural=True):
    """Change type for two LandClass objects (either may be None = unknown)."""
    was = before is not None and before.is_farmland
    now = after is not None and after.is_farmland
    if was and not now:
        category = category_of(after, grass_as_agricultural)
        if category == landclass.AGRICULTURAL:
            return FARMLAND_TO_AGRICULTURAL
        if category == landclass.CONSTRUCTION:
            return FARMLAND_TO_CONSTRUCTION
        if category == landclass.UNUSED:
            return FARMLAND_TO_UNUSED
        return OTHER
    if now and not was:
        category = category_of(before, grass_as_agricultural)
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
    # below TOLERANCE_M2 a flow is rounding noise of the net shares (a 田坎
    # flow of 1e-11 m² on an unchanged 图斑), not a row of the matrix
    return [(f, t, a) for f, t, a in flows if a > TOLERANCE_M2]


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
        self.from_unused = 0.0
        self.to_unused = 0.0
        self.exempt_out = 0.0
        self.restated = 0.0
        self.basic_out = 0.0
        self.basic_to_agri = 0.0
        self.basic_to_construction = 0.0
        self.paddy_out = 0.0
        self.paddy_in = 0.0
        # [Σ area × grade, Σ area with a grade, Σ area without]
        self.grade_out = [0.0, 0.0, 0.0]
        self.grade_in = [0.0, 0.0, 0.0]
        self.uncovered_before = None
        self.uncovered_after = None

    def add_before(
        self, before_cls, after_cls, net_before, in_basic, grade_before=None, exempt=False, grass=True, **_ignored
    ):
        """The before-side figures of a piece; returns its change type."""
        was = before_cls is not None and before_cls.is_farmland
        now = after_cls is not None and after_cls.is_farmland
        if was:
            self.before += net_before
        kind = change_type(before_cls, after_cls, grass)
        if kind == FARMLAND_TO_AGRICULTURAL:
            if exempt:
                self.exempt_out += net_before
            else:
                self.out_agri += net_before
                _add_grade(self.grade_out, net_before, grade_before)
                if before_cls.base == PADDY:
                    self.paddy_out += net_before
            if in_basic:
                self.basic_to_agri += net_before
        elif kind == FARMLAND_TO_CONSTRUCTION:
            self.to_construction += net_before
            if in_basic:
                self.basic_to_construction += net_before
        elif kind == FARMLAND_TO_UNUSED:
            self.to_unused += net_before
        if was and not now and in_basic:
            self.basic_out += net_before
        return kind

    def add_after(self, before_cls, after_cls, net_after, grade_after=None, grass=True, **_ignored):
        now = after_cls is not None and after_cls.is_farmland
        if now:
            self.after += net_after
        kind = change_type(before_cls, after_cls, grass)
        if kind == AGRICULTURAL_TO_FARMLAND:
            self.in_agri += net_after
            _add_grade(self.grade_in, net_after, grade_after)
            if after_cls.base == PADDY:
                self.paddy_in += net_after
        elif kind == CONSTRUCTION_TO_FARMLAND:
            self.from_construction += net_after
        elif kind == UNUSED_TO_FARMLAND:
            self.from_unused += net_after
        return kind

    def add_restated(self, before_cls, after_cls, net_before):
        """Farmland that is not a flow: stayed farmland (its net area may
        differ), or changed to or from an unknown code.  Booked in the zone of
        the before side for the before part and of the after side for the
        after part, so that every zone's identity holds."""
        was = before_cls is not None and before_cls.is_farmland
        now = after_cls is not None and after_cls.is_farmland
        if was and (now or after_cls is None):
            self.restated -= net_before

    def add_restated_after(self, before_cls, after_cls, net_after):
        was = before_cls is not None and before_cls.is_farmland
        now = after_cls is not None and after_cls.is_farmland
        if now and (was or before_cls is None):
            self.restated += net_after

    def merge(self, other):
        for name in (
            "before",
            "after",
            "out_agri",
            "in_agri",
            "to_construction",
            "from_construction",
            "from_unused",
            "to_unused",
            "exempt_out",
            "restated",
            "basic_out",
            "basic_to_agri",
            "basic_to_construction",
            "paddy_out",
            "paddy_in",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.grade_out, other.grade_out), (self.grade_in, other.grade_in)):
            for i in range(3):
                mine[i] += theirs[i]

    def row(self):
        balance = self.in_agri - self.out_agri
        balance_ok = balance >= -TOLERANCE_M2
        paddy_ok = self.paddy_in + TOLERANCE_M2 >= self.paddy_out
        grade_out = _mean_grade(self.grade_out)
        grade_in = _mean_grade(self.grade_in)
        if self.out_agri <= TOLERANCE_M2:
            quality_ok = True  # nothing went out: no quality to make up
        elif grade_out is None or grade_in is None or self.grade_out[2] > 0 or self.grade_in[2] > 0:
            quality_ok = None  # some farmland on a side has no grade
        else:
            quality_ok = bool(grade_in <= grade_out + 1e-9)
        net = (
            self.in_agri
            + self.from_construction
            + self.from_unused
            - self.out_agri
            - self.to_construction
            - self.to_unused
        )
        verdict, reasons = verdict_of(balance_ok, paddy_ok, quality_ok, self.basic_to_agri, self)
        return {
            "zone": self.zone,
            "farmland_before_m2": self.before,
            "farmland_after_m2": self.after,
            "net_change_m2": self.after - self.before,
            "out_agricultural_m2": self.out_agri,
            "in_agricultural_m2": self.in_agri,
            "inout_balance_m2": balance,
            "inout_ok": int(balance_ok),
            "to_construction_m2": self.to_construction,
            "basic_farmland_out_m2": self.basic_out,
            "from_construction_m2": self.from_construction,
            "uncovered_before_m2": self.uncovered_before,
            "uncovered_after_m2": self.uncovered_after,
            "paddy_out_m2": self.paddy_out,
            "paddy_in_m2": self.paddy_in,
            "paddy_ok": int(paddy_ok),
            "grade_out": grade_out,
            "grade_in": grade_in,
            "quality_ok": None if quality_ok is None else int(quality_ok),
            "basic_to_agri_m2": self.basic_to_agri,
            "basic_to_construction_m2": self.basic_to_construction,
            "reclaimed_m2": self.from_construction,
            "from_unused_m2": self.from_unused,
            "to_unused_m2": self.to_unused,
            "exempt_out_m2": self.exempt_out,
            "restated_m2": self.restated,
            "net_m2": net,
            "balance_ok": int(balance_ok),
            "verdict": verdict,
            "reasons": reasons,
        }


def _add_grade(accumulator, area, grade):
    if area <= 0:
        return
    if grade is None:
        accumulator[2] += area
    else:
        accumulator[0] += area * grade
        accumulator[1] += area


def _mean_grade(accumulator):
    return accumulator[0] / accumulator[1] if accumulator[1] > 0 else None


def verdict_of(balance_ok, paddy_ok, quality_ok, basic_to_agri, totals):
    """(verdict, reasons in Chinese) of a zone's 进出平衡."""
    reasons = []
    if not balance_ok:
        reasons.append("流入少于流出 {:.2f} 亩".format((totals.out_agri - totals.in_agri) * 3 / 2000))
    if not paddy_ok:
        reasons.append("水田流入少于流出 {:.2f} 亩".format((totals.paddy_out - totals.paddy_in) * 3 / 2000))
    if quality_ok is False:
        reasons.append("流入耕地质量等别低于流出耕地")
    if basic_to_agri > TOLERANCE_M2:
        reasons.append("永久基本农田转为其他农用地 {:.2f} 亩（禁止）".format(basic_to_agri * 3 / 2000))
    if reasons:
        return VERDICT_NOT_MET, "；".join(reasons)
    if quality_ok is None:
        return VERDICT_UNCHECKED, "质量等别未核查（缺少等别）"
    return VERDICT_MET, ""


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


# ---------------------------------------------------------------------------
# The accounts of one run: what the plugin and the Spark job both book
# ---------------------------------------------------------------------------

# survey attributes a piece carries, by key
SURVEY_KEYS = ("dlbm", "tbmj", "tbdlmj", "kcxs", "grade", "zldwdm")


class PieceFigures:
    """A BEFORE × AFTER piece's classes and areas, computed once; its zone,
    basic-farmland and exempt parts take ``fraction`` of them."""

    __slots__ = (
        "before_cls", "after_cls", "before_code", "after_code", "area_before", "net_before", "area_after",
        "net_after", "grade_before", "grade_after", "zldwdm_before", "zldwdm_after",
    )  # fmt: skip

    @property
    def changed(self):
        return self.before_code != self.after_code


class ChangeAccounts:
    """Totals per zone, the transition matrix, exempt outflow by type, area
    not covered by the other survey and unknown codes of one run.

    Feed it pieces (``figures`` then ``add_part`` for each zone /
    basic-farmland / exempt part) and leftovers (``add_leftover``); accounts
    of parts of the data (Spark tiles) ``merge`` into one."""

    def __init__(self, mode, grass_as_agricultural=True):
        self.mode = mode
        self.grass = grass_as_agricultural
        self.totals = {}
        self.matrix = {}
        self.exempt_by_type = {}
        self.uncovered = {"before": 0.0, "after": 0.0}
        self.unknown = set()

    def figures(self, planar, before_planar, after_planar, ellipsoidal, before, after):
        """PieceFigures of a piece: ``before``/``after`` map SURVEY_KEYS to
        the two 图斑's values; ``ellipsoidal`` is the piece's ellipsoidal
        area or a callable giving it (called only when the mode needs it)."""
        from .occupation import piece_areas
        from .values import key_text, positive_number

        figures = PieceFigures()
        b_code, a_code = before.get("dlbm"), after.get("dlbm")
        b_cls, a_cls = landclass.lookup(b_code), landclass.lookup(a_code)
        for code, cls in ((b_code, b_cls), (a_code, a_cls)):
            if cls is None:
                self.unknown.add(str(code))
        figures.before_cls, figures.after_cls = b_cls, a_cls
        figures.before_code = b_cls.code if b_cls else key_text(b_code)
        figures.after_code = a_cls.code if a_cls else key_text(a_code)
        figures.area_before, _tk, figures.net_before, _fell = piece_areas(
            self.mode, planar, before_planar, ellipsoidal, before.get("tbmj"), before.get("tbdlmj"), before.get("kcxs")
        )
        figures.area_after, _tk, figures.net_after, _fell = piece_areas(
            self.mode, planar, after_planar, ellipsoidal, after.get("tbmj"), after.get("tbdlmj"), after.get("kcxs")
        )
        figures.grade_before = positive_number(before.get("grade"))
        figures.grade_after = positive_number(after.get("grade"))
        figures.zldwdm_before = key_text(before.get("zldwdm"))
        figures.zldwdm_after = key_text(after.get("zldwdm"))
        return figures

    def _zone(self, key):
        totals = self.totals.get(key)
        if totals is None:
            totals = self.totals[key] = ZoneTotals(key)
        return totals

    def add_part(self, figures, zone_before, zone_after, fraction, in_basic=False, exempt_type=None):
        """Book a part (``fraction`` of the piece's planar area); returns
        (change type, gross before-area) of the part."""
        b_cls, a_cls = figures.before_cls, figures.after_cls
        net_b, net_a = figures.net_before * fraction, figures.net_after * fraction
        side_b, side_a = self._zone(zone_before), self._zone(zone_after)
        exempt = exempt_type is not None
        kind = side_b.add_before(
            b_cls, a_cls, net_b, in_basic, grade_before=figures.grade_before, exempt=exempt, grass=self.grass
        )
        side_b.add_restated(b_cls, a_cls, net_b)
        side_a.add_after(b_cls, a_cls, net_a, grade_after=figures.grade_after, grass=self.grass)
        side_a.add_restated_after(b_cls, a_cls, net_a)
        if exempt and kind == FARMLAND_TO_AGRICULTURAL:
            self.exempt_by_type[exempt_type] = self.exempt_by_type.get(exempt_type, 0.0) + net_b
        gross = figures.area_before * fraction
        area_a = figures.area_after
        net_after_on_before = (figures.net_after / area_a) * gross if area_a > 0 else gross
        for source, target, area in matrix_flows(gross, net_b, net_after_on_before, group_of(b_cls), group_of(a_cls)):
            key = (zone_before, source, target)
            self.matrix[key] = self.matrix.get(key, 0.0) + area
        return kind, gross

    def add_leftover(self, side, planar, uncovered_planar, tbmj=None):
        """A 图斑 of ``side`` ('before'/'after') the other survey covers only
        in part: mode 0 books its TBMJ share, the other modes planar m²."""
        from .areamath import MODE_APPORTIONED
        from .values import number

        tbmj = number(tbmj)
        if self.mode == MODE_APPORTIONED and tbmj is not None:
            share = uncovered_planar / planar if planar > 0 else 0.0
            self.uncovered[side] += tbmj * share
        else:
            self.uncovered[side] += uncovered_planar

    def merge(self, other):
        for key, totals in other.totals.items():
            self._zone(key).merge(totals)
        for key, area in other.matrix.items():
            self.matrix[key] = self.matrix.get(key, 0.0) + area
        for key, area in other.exempt_by_type.items():
            self.exempt_by_type[key] = self.exempt_by_type.get(key, 0.0) + area
        for side in self.uncovered:
            self.uncovered[side] += other.uncovered[side]
        self.unknown |= other.unknown

    def summary_rows(self, by_zone):
        """Summary rows: one per zone (when ``by_zone``), then the total '*'."""
        total = ZoneTotals("*")
        for zone_totals in self.totals.values():
            total.merge(zone_totals)
        total.uncovered_before = self.uncovered["before"]
        total.uncovered_after = self.uncovered["after"]
        rows = []
        if by_zone:
            rows = [self.totals[z].row() for z in sorted(self.totals, key=lambda z: (z is None, z or ""))]
        rows.append(total.row())
        return rows

    def matrix_rows(self):
        """[{zone, from_group, to_group, area_m2}] with area > 0, sorted."""
        return [
            {"zone": zone, "from_group": source, "to_group": target, "area_m2": area}
            for (zone, source, target), area in sorted(
                self.matrix.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", kv[0][1] or "", kv[0][2] or "")
            )
            if area > 0
        ]
