"""Rules of the farmland occupation analysis (建设项目占地分析 / 压占分析).

Input: the pieces the overlay engine cut (one per project × 图斑 × side of
the basic-farmland boundary).  Output: the piece records and one summary row
per project.  Pure Python: no Qt, so the rules are easy to read and test.

Areas of a piece (``piece_areas``), by area mode:

* 0 – apportioned survey area: area = TBMJ × planar share,
  net = TBDLMJ × share, 田坎 = area − net; without TBDLMJ, 田坎 = area × KCXS.
  A 图斑 without TBMJ falls back to the piece's ellipsoidal area (counted).
* 1 – ellipsoidal CGCS2000 area; 田坎 = area × KCXS.
* 2 – planar area; 田坎 = area × KCXS.

Summary rules (per project):

* farmland_m2 = Σ net of 0101/0102/0103 (no suffix: 0101K is not 耕地);
  paddy/irrigated/dry the same per code; tk_m2 = Σ 田坎 of farmland pieces;
* basic_farmland_m2 = farmland net inside 永久基本农田;
* farmland_grade = Σ(net × grade) / Σ net over farmland pieces that have a
  grade (NULL if none);
* capacity_kg = Σ net (亩) × kg/亩 of the piece's grade (NULL without a
  table, or when some farmland has no grade or a grade outside the table);
* agricultural / construction / unused (三大类) split area_m2: the net part
  by the piece's class, the 田坎 part always 农用地 (1203 is 农用地), so the
  three add up to total_m2 (except area of unknown codes, in unknown_m2);
* farmland_in_town_m2 = farmland net in 图斑 whose 城镇村属性码 CZCSXM is one
  of the town codes (201 城市 … 205 特殊用地 by default; the A-suffixed codes
  201A… of independent industrial land count with their base code);
* state_m2 / collective_m2 split area_m2 by 权属性质 (core.classtable:
  QSXZ 10/20 国有, 30/31/32/33/40 集体); other or empty QSXZ in neither;
* control_m2 = the project's own area in the run's area mode (ellipsoidal
  for modes 0 and 1, planar for mode 2): the 控制面积 of the 地类面积表;
* basic_farmland_permitted (土地管理法 第三十五条: 永久基本农田 may be
  occupied only by 国家能源、交通、水利、军事设施等重点建设项目): 1 when the
  project's type matches a permitted type, or when it occupies no basic
  farmland; 0 when it occupies basic farmland and its type is known and
  not permitted; NULL when the basic farmland is unknown (no layer) or the
  type is unknown and basic farmland is occupied.
"""

from dataclasses import dataclass, fields

import numpy as np

from . import landclass
from .piecetable import PieceTable
from .classtable import COLLECTIVE, RIDGE_CODE, RIDGE_NAME, STATE, ownership_group
from .areamath import MODE_APPORTIONED, MODE_ELLIPSOIDAL, MODE_PLANAR
from .capacity import capacity_per_mu
from .dates import DateError, parse_date
from .units import M2_PER_MU
from .values import number as _num
from .values import is_null, key_text, positive_number, ridge_coefficient, split_list

SUMMARY_FIELDS = (
    "project_id",
    "total_m2",
    "farmland_m2",
    "paddy_m2",
    "irrigated_m2",
    "dry_m2",
    "tk_m2",
    "basic_farmland_m2",
    "farmland_grade",
    "capacity_kg",
    "agricultural_m2",
    "construction_m2",
    "unused_m2",
    "unknown_m2",
    "pieces",
    "uncovered_m2",
    "approval_date",
    "project_type",
    "control_m2",
    "farmland_in_town_m2",
    "state_m2",
    "collective_m2",
    "basic_farmland_permitted",
)

DEFAULT_TOWN_CODES = ("201", "202", "203", "204", "205")
# Basic farmland below this is cutting noise, not an occupation (m²).
EPSILON_M2 = 0.005
DEFAULT_PERMITTED_TYPES = ("能源", "交通", "水利", "军事")

_INF = float("inf")

# A project's planar area the survey does not cover, below this, is the
# numerical noise of cutting (m²); above it the project reaches outside the
# survey's extent or into a gap, and its figures are incomplete (warned).
UNCOVERED_TOLERANCE_M2 = 0.01


def piece_areas(mode, planar, parent_planar, ellipsoidal, tbmj=None, tbdlmj=None, kcxs=None):
    """Return (area, tk, net, fell_back) for one piece in the given mode.

    ``ellipsoidal`` may be a callable (computed only when needed).
    """
    # the usual 三调 piece has plain finite numbers (and KCXS as a fraction or
    # none): parsing them would give them back unchanged, so it is skipped
    if not (_plain(tbmj) and _plain(tbdlmj) and (kcxs is None or (type(kcxs) is float and 0.0 <= kcxs <= 1.0))):
        kcxs, _percent = ridge_coefficient(kcxs)
        tbmj, tbdlmj = _num(tbmj), _num(tbdlmj)
    if mode == MODE_APPORTIONED:
        if tbmj is not None and tbmj >= 0 and parent_planar and parent_planar > 0:
            share = min(max(planar / parent_planar, 0.0), 1.0)
            area = tbmj * share
            if tbdlmj is not None and tbdlmj >= 0:
                net = min(tbdlmj * share, area)
                return area, area - net, net, False
            tk = area * (kcxs or 0.0)
            return area, tk, area - tk, False
        area = ellipsoidal() if callable(ellipsoidal) else ellipsoidal
        tk = area * (kcxs or 0.0)
        return area, tk, area - tk, True
    if mode == MODE_ELLIPSOIDAL:
        area = ellipsoidal() if callable(ellipsoidal) else ellipsoidal
    elif mode == MODE_PLANAR:
        area = planar
    else:
        raise ValueError("unknown area mode {}".format(mode))
    tk = area * (kcxs or 0.0)
    return area, tk, area - tk, False


def _plain(value):
    """None or a finite float: what parsing would return unchanged."""
    return value is None or (type(value) is float and -_INF < value < _INF)


@dataclass
class PieceRecord:
    project_id: str
    dlbm: str
    dlmc: str
    land_group: str
    category: str
    zldwdm: str
    grade: float
    in_basic_farmland: int
    area_m2: float
    tk_m2: float
    net_m2: float
    bsm: str = None
    tbbh: str = None
    qsxz: str = None
    qsdwdm: str = None
    qsdwmc: str = None
    czcsxm: str = None
    kcdlbm: str = None

    @property
    def land_class(self):
        return landclass.lookup(self.dlbm)


# the 图斑 keys a piece record carries, in PieceRecord's order
SURVEY_KEYS = ("bsm", "tbbh", "qsxz", "qsdwdm", "qsdwmc", "czcsxm", "kcdlbm")


def make_record(project_id, dlbm, zldwdm, grade, in_basic_farmland, area, tk, net, **survey):
    """``survey``: the piece's 图斑 keys bsm, tbbh, qsxz, qsdwdm, qsdwmc,
    czcsxm, kcdlbm (text or None)."""
    return PieceRecord(
        project_id,
        *_class_fields(dlbm),
        zldwdm,
        positive_number(grade),
        int(bool(in_basic_farmland)),
        area,
        tk,
        net,
        *[survey.get(k) for k in SURVEY_KEYS],
    )


def _class_fields(dlbm):
    """(code, name, group, category) of a piece's DLBM; an unknown code is
    kept as its text, a NULL code stays NULL (str() of QGIS's NULL would
    write the text "NULL")."""
    cls = landclass.lookup(dlbm)
    if cls is not None:
        return cls.code, cls.name, cls.group_name, cls.category
    return (None if is_null(dlbm) else str(dlbm).strip()), None, None, None


class PieceRules:
    """The rules of every piece of one run, planned once: where each 三调
    field sits in a piece's attribute list (``slots``: key → position, None
    when the field is not used), the area mode, and how to measure a
    piece's ellipsoidal area (``ellipsoidal_area(geometry)``, only when the
    mode needs it).  ``fallbacks`` counts pieces whose 图斑 has no TBMJ in
    mode 0; ``unknown_codes`` counts pieces per code outside the 三调
    classification."""

    def __init__(self, mode, slots, ellipsoidal_area):
        self.mode = mode
        self.ellipsoidal_area = ellipsoidal_area
        self._area_slots = [slots.get(key) for key in ("tbmj", "tbdlmj", "kcxs")]
        self._record_slots = [slots.get(key) for key in ("dlbm", "zldwdm", "grade")]
        self._survey_slots = [slots.get(key) for key in SURVEY_KEYS]
        self.fallbacks = 0
        self.unknown_codes = {}

    def record(self, project_id, piece):
        """The PieceRecord of one overlay piece (``overlay.Piece``)."""
        table = PieceTable.of_pieces([piece], len(piece.attributes))
        table.keys = [project_id]
        return self.records(table)[0][0]

    def records(self, table):
        """(PieceRecords, {field: column}) of a PieceTable: the records in the
        table's order, and the same values as columns (areas as float
        arrays, ``planar_m2`` included) for writing the pieces layer.

        The usual 三调 piece (plain float TBMJ, TBDLMJ, a KCXS fraction, a
        TBMJ to apportion) gets ``piece_areas``'s arithmetic on arrays: the
        same operations in the same order, so the same floats; every other
        piece (text numbers, a percent KCXS, no TBMJ, mode 1) goes through
        ``piece_areas`` itself."""
        size = len(table)

        def column(slot):
            return table.attributes[slot] if slot is not None else [None] * size

        area, tk, net = self._areas(table, *[column(slot) for slot in self._area_slots])
        dlbm, zldwdm, grade = [column(slot) for slot in self._record_slots]
        classes = [_class_fields(code) for code in dlbm]
        columns = {
            "project_id": list(table.keys),
            "dlbm": [c[0] for c in classes],
            "dlmc": [c[1] for c in classes],
            "land_group": [c[2] for c in classes],
            "category": [c[3] for c in classes],
            "zldwdm": [key_text(v) for v in zldwdm],
            "grade": [positive_number(v) for v in grade],
            "in_basic_farmland": [int(bool(v)) for v in table.in_mask],
            "area_m2": area,
            "tk_m2": tk,
            "net_m2": net,
        }
        for key, slot in zip(SURVEY_KEYS, self._survey_slots):
            columns[key] = [key_text(v) for v in column(slot)] if slot is not None else [None] * size
        for code, category in zip(columns["dlbm"], columns["category"]):
            if category is None:
                self.unknown_codes[code] = self.unknown_codes.get(code, 0) + 1
        values = [columns[name] if not name.endswith("_m2") else columns[name].tolist() for name in _RECORD_FIELDS]
        records = [PieceRecord(*row) for row in zip(*values)]
        columns["planar_m2"] = table.planar
        return records, columns

    def _areas(self, table, tbmj, tbdlmj, kcxs):
        """(area, tk, net) arrays of the table's pieces, by ``piece_areas``."""
        planar, parent = table.planar, table.parent_planar
        tbmj_values, tbmj_plain = _plain_floats(tbmj)
        tbdlmj_values, tbdlmj_plain = _plain_floats(tbdlmj)
        ridge, ridge_plain = _plain_fractions(kcxs)
        bulk = tbmj_plain & tbdlmj_plain & ridge_plain
        with np.errstate(invalid="ignore", divide="ignore"):
            if self.mode == MODE_APPORTIONED:
                bulk &= (tbmj_values >= 0) & (parent > 0)  # NaN (no TBMJ) is neither: the fallback
                share = np.minimum(np.maximum(planar / parent, 0.0), 1.0)
                area = tbmj_values * share
                with_net = tbdlmj_values >= 0
                net = np.minimum(tbdlmj_values * share, area)
                tk = np.where(with_net, area - net, area * ridge)
                net = np.where(with_net, net, area - tk)
            elif self.mode == MODE_PLANAR:
                area = planar.copy()
                tk = area * ridge
                net = area - tk
            else:  # ellipsoidal: measured piece by piece
                bulk[:] = False
                area, tk, net = np.zeros(len(table)), np.zeros(len(table)), np.zeros(len(table))
        for row in np.flatnonzero(~bulk).tolist():
            area[row], tk[row], net[row], fell_back = piece_areas(
                self.mode,
                float(planar[row]),
                float(parent[row]),
                lambda row=row: self.ellipsoidal_area(table.geometry(row)),
                tbmj[row],
                tbdlmj[row],
                kcxs[row],
            )
            self.fallbacks += fell_back
        return area, tk, net


# PieceRecord's fields, in its order
_RECORD_FIELDS = tuple(f.name for f in fields(PieceRecord))


def _plain_floats(values):
    """(floats, plain) of an area column: plain rows hold None or a float,
    which parsing reads unchanged (a float that is not finite reads as
    None: NaN here, as None is); other rows are left to ``piece_areas``."""
    plain = np.fromiter((v is None or type(v) is float for v in values), dtype=bool, count=len(values))
    if plain.all():
        floats = np.array(values, dtype=float)  # None → NaN
    else:
        floats = np.full(len(values), np.nan)
        rows = np.flatnonzero(plain)
        floats[rows] = np.array([values[n] for n in rows.tolist()], dtype=float)
    floats[~np.isfinite(floats)] = np.nan
    return floats, plain


def _plain_fractions(values):
    """(KCXS as a fraction, 0 for None; plain) of a KCXS column: plain rows
    hold None or a float 0–1; a percent, text, NaN or infinity (refused by
    parsing) is left to ``piece_areas``."""
    plain = np.fromiter(
        (v is None or (type(v) is float and 0.0 <= v <= 1.0) for v in values), dtype=bool, count=len(values)
    )
    fractions = np.array([v if p and v is not None else 0.0 for v, p in zip(values, plain.tolist())], dtype=float)
    return fractions, plain


def parse_codes(text, default):
    """'201,202' / '201，202' / '能源 交通' → tuple; empty → ``default``."""
    return split_list(text, spaces=True) or tuple(default)


def in_town(czcsxm, town_codes):
    """CZCSXM among the town codes; 201A counts as 201 (A = independent
    industrial/storage land inside the same 城镇村 class)."""
    if czcsxm is None:
        return False
    code = str(czcsxm).strip().upper()
    if not code:
        return False
    codes = {c.strip().upper() for c in town_codes}
    return code in codes or (code.endswith("A") and code[:-1] in codes)


def type_permitted(project_type, permitted_types):
    """True when a permitted keyword occurs in the type, None without a type."""
    if project_type is None or not str(project_type).strip():
        return None
    text = str(project_type)
    return any(keyword and keyword in text for keyword in permitted_types)


def basic_farmland_permitted(basic_m2, basic_known, project_type, permitted_types):
    """1 / 0 / None per 土地管理法 第三十五条 (see the module docstring)."""
    permitted = type_permitted(project_type, permitted_types)
    if permitted:
        return 1
    if not basic_known:
        return None
    if basic_m2 <= EPSILON_M2:
        return 1
    if permitted is None:
        return None
    return 0


@dataclass
class ProjectInfo:
    """What the project layer says about a project (not its pieces)."""

    approval_date: object = None  # datetime.date or None
    project_type: str = None
    control_m2: float = None


class ProjectAttributes:
    """What the project layer's attributes say per project id: the first
    non-empty name and type, the earliest approval date.  ``bad_dates``
    lists ids with an unreadable date; ``several_dates()`` the ids whose
    features disagree (their earliest date is used)."""

    def __init__(self):
        self.names, self.infos, self.dates, self.bad_dates = {}, {}, {}, []

    def add(self, key, name=None, project_type=None, date_value=None):
        info = self.infos.setdefault(key, ProjectInfo())
        name = key_text(name)
        if name and key not in self.names:
            self.names[key] = name
        if not info.project_type:
            info.project_type = key_text(project_type)
        try:
            date = parse_date(date_value)
        except DateError:
            self.bad_dates.append(key)
            return
        if date is not None:
            self.dates.setdefault(key, set()).add(date)
            info.approval_date = min(self.dates[key])

    def several_dates(self):
        """{project id: earliest date} for projects with several dates."""
        return {key: min(found) for key, found in self.dates.items() if len(found) > 1}


class ProjectTotals:
    def __init__(self, project_id):
        self.project_id = project_id
        self.total = 0.0
        self.farmland = 0.0
        self.by_code = {"0101": 0.0, "0102": 0.0, "0103": 0.0}
        self.tk = 0.0
        self.basic = 0.0
        self.graded_net = 0.0
        self.grade_sum = 0.0
        self.capacity = 0.0
        self.capacity_known = True
        self.categories = {landclass.AGRICULTURAL: 0.0, landclass.CONSTRUCTION: 0.0, landclass.UNUSED: 0.0}
        self.unknown = 0.0
        self.pieces = 0
        self.uncovered = 0.0
        self.town_farmland = 0.0
        self.ownership = {STATE: 0.0, COLLECTIVE: 0.0}
        self.unknown_ownership = 0.0

    def add(self, record, capacity_table, town_codes=DEFAULT_TOWN_CODES):
        self.pieces += 1
        self.total += record.area_m2
        group = ownership_group(record.qsxz)
        if group in self.ownership:
            self.ownership[group] += record.area_m2
        else:
            self.unknown_ownership += record.area_m2
        cls = record.land_class
        if cls is None:
            self.unknown += record.area_m2
            return
        self.categories[landclass.AGRICULTURAL] += record.tk_m2
        self.categories[cls.category] += record.net_m2
        if not cls.is_farmland:
            return
        self.farmland += record.net_m2
        if in_town(record.czcsxm, town_codes):
            self.town_farmland += record.net_m2
        self.by_code[cls.base] += record.net_m2
        self.tk += record.tk_m2
        if record.in_basic_farmland:
            self.basic += record.net_m2
        if record.grade is not None:
            self.grade_sum += record.grade * record.net_m2
            self.graded_net += record.net_m2
        if capacity_table is None:
            return
        per_mu = capacity_per_mu(capacity_table, record.grade)
        if per_mu is None:
            if record.net_m2 > 0:
                self.capacity_known = False
        else:
            self.capacity += record.net_m2 / M2_PER_MU * per_mu

    def row(self, capacity_table):
        grade = self.grade_sum / self.graded_net if self.graded_net > 0 else None
        capacity = None
        if capacity_table is not None and self.capacity_known:
            capacity = self.capacity
        return {
            "project_id": self.project_id,
            "total_m2": self.total,
            "farmland_m2": self.farmland,
            "paddy_m2": self.by_code["0101"],
            "irrigated_m2": self.by_code["0102"],
            "dry_m2": self.by_code["0103"],
            "tk_m2": self.tk,
            "basic_farmland_m2": self.basic,
            "farmland_grade": grade,
            "capacity_kg": capacity,
            "agricultural_m2": self.categories[landclass.AGRICULTURAL],
            "construction_m2": self.categories[landclass.CONSTRUCTION],
            "unused_m2": self.categories[landclass.UNUSED],
            "unknown_m2": self.unknown,
            "pieces": self.pieces,
            "uncovered_m2": self.uncovered,
            "farmland_in_town_m2": self.town_farmland,
            "state_m2": self.ownership[STATE],
            "collective_m2": self.ownership[COLLECTIVE],
        }


def uncovered_area(region_planar, piece_planars):
    """Planar m² of a project no survey 图斑 covers (0 below the tolerance)."""
    rest = region_planar - sum(piece_planars)
    return rest if rest > UNCOVERED_TOLERANCE_M2 else 0.0


def summarize(
    records,
    project_ids,
    capacity_table=None,
    uncovered=None,
    projects=None,
    basic_known=True,
    town_codes=DEFAULT_TOWN_CODES,
    permitted_types=DEFAULT_PERMITTED_TYPES,
    ownership_known=True,
):
    """Summary rows in the order of ``project_ids`` (projects without any
    piece get a row of zeros, so every project is reported).  ``uncovered``:
    {project id: planar m² outside the survey}; ``projects``: {project id:
    ProjectInfo}; ``basic_known``: a basic-farmland layer was given;
    ``ownership_known``: the survey has a QSXZ field (else state_m2 and
    collective_m2 are NULL, not 0)."""
    totals = {pid: ProjectTotals(pid) for pid in project_ids}
    for pid, area in (uncovered or {}).items():
        if pid in totals:
            totals[pid].uncovered = area
    for record in records:
        if record.project_id not in totals:
            totals[record.project_id] = ProjectTotals(record.project_id)
        totals[record.project_id].add(record, capacity_table, town_codes)
    rows = []
    for pid, total in totals.items():
        row = total.row(capacity_table)
        info = (projects or {}).get(pid) or ProjectInfo()
        row["approval_date"] = info.approval_date
        row["project_type"] = info.project_type
        row["control_m2"] = info.control_m2
        row["basic_farmland_permitted"] = basic_farmland_permitted(
            row["basic_farmland_m2"], basic_known, info.project_type, permitted_types
        )
        if not ownership_known:
            row["state_m2"] = row["collective_m2"] = None
        rows.append(row)
    return rows


def unknown_ownership(records):
    """{project id: m²} of pieces whose QSXZ is neither 国有 nor 集体."""
    found = {}
    for record in records:
        if ownership_group(record.qsxz) not in (STATE, COLLECTIVE):
            found[record.project_id] = found.get(record.project_id, 0.0) + record.area_m2
    return found


def class_table(records):
    """Rows per land class for the report, sorted by code: each class with
    its net area (TBDLMJ share), 田坎 as rows of their own under the 图斑's
    KCDLBM (1203 when empty), as in a 报批 地类面积表.  ``basic_m2`` is the
    part inside 永久基本农田."""
    table = {}

    def row_for(code, name, group, category):
        return table.setdefault(
            code,
            {"dlbm": code, "dlmc": name, "land_group": group, "category": category, "area_m2": 0.0, "basic_m2": 0.0},
        )

    for r in records:
        row = row_for(r.dlbm, r.dlmc, r.land_group, r.category)
        row["area_m2"] += r.net_m2
        if r.in_basic_farmland:
            row["basic_m2"] += r.net_m2
        if r.tk_m2 and r.tk_m2 > 0:
            code = (str(r.kcdlbm).strip() if r.kcdlbm else "") or RIDGE_CODE
            ridge = landclass.lookup(code)
            ridge_row = row_for(
                code,
                RIDGE_NAME,
                ridge.group_name if ridge else None,
                ridge.category if ridge else landclass.AGRICULTURAL,
            )
            ridge_row["area_m2"] += r.tk_m2
            if r.in_basic_farmland:
                ridge_row["basic_m2"] += r.tk_m2
    return [table[k] for k in sorted(table, key=lambda c: c or "")]


def grade_table(records):
    """Farmland net area per (type, grade) for the report."""
    table = {}
    for r in records:
        cls = r.land_class
        if cls is None or not cls.is_farmland:
            continue
        key = (cls.base, r.grade)
        table[key] = table.get(key, 0.0) + r.net_m2
    rows = []
    for (code, grade), net in sorted(
        table.items(), key=lambda kv: (kv[0][0], kv[0][1] if kv[0][1] is not None else 99)
    ):
        rows.append({"dlbm": code, "dlmc": landclass.name_of(code), "grade": grade, "net_m2": net})
    return rows


def report_projects(rows, records_by_project, class_rows, adjustments, names):
    """What the report shows per project: its summary row, name, class and
    grade tables, its rows of the 地类面积表 and their 平差."""
    adjustment_by_project = {a.project_id: a for a in adjustments}
    rows_by_project = {}
    for class_row in class_rows:
        rows_by_project.setdefault(class_row["project_id"], []).append(class_row)
    return [
        {
            "summary": row,
            "name": names.get(row["project_id"], ""),
            "classes": class_table(records_by_project.get(row["project_id"], [])),
            "grades": grade_table(records_by_project.get(row["project_id"], [])),
            "class_rows": rows_by_project.get(row["project_id"], []),
            "adjustment": adjustment_by_project.get(row["project_id"]),
        }
        for row in rows
    ]


def county_total(records, capacity_table=None, town_codes=DEFAULT_TOWN_CODES):
    """One row over all projects (the county total of the report): the sum of
    the projects' figures, so land under two overlapping projects counts in
    both, as each project needs its own approval."""
    total = ProjectTotals("合计")
    for record in records:
        total.add(record, capacity_table, town_codes)
    return total.row(capacity_table)


def county_uncovered(uncovered):
    return sum((uncovered or {}).values())
