"""三调 working classification (工作分类, TD/T 1055-2019) as data.

The tables live in ``resources/tables/landclasses_sandiao.csv`` (base codes)
and ``landclass_suffixes.csv`` (K/A suffixed codes).  A code is parsed into a
base code and a suffix:

* ``0201K`` → base ``0201``, suffix ``K`` (可调整地类, inherited from 二调
  farmland: it is *not* 耕地 now);
* ``1104A`` → base ``1104``, suffix ``A`` (independent sub-class);
* ``05H1`` / ``08H2`` keep the H inside the base code (merged classes);
* ``08H2A`` → base ``08H2``, suffix ``A``;
* ``09`` (特殊用地) has only two characters.

Normalisation: NFKC (full-width digits/letters), strip spaces, upper-case.
耕地 is exactly 0101/0102/0103 without a suffix; 1203 田坎 counts as 农用地
in the 三大类 split.  Pure Python, no Qt.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..paths import resource

FARMLAND_CODES = ("0101", "0102", "0103")
PADDY = "0101"
IRRIGATED = "0102"
DRY = "0103"
FIELD_RIDGE = "1203"  # 田坎

AGRICULTURAL = "农用地"
CONSTRUCTION = "建设用地"
UNUSED = "未利用地"
CATEGORIES = (AGRICULTURAL, CONSTRUCTION, UNUSED)
CATEGORY_EN = {AGRICULTURAL: "agricultural", CONSTRUCTION: "construction", UNUSED: "unused"}

_CODE_RE = re.compile(r"^(\d{2}(?:[0-9H]\d)?)([KA]?)$")


@dataclass(frozen=True)
class LandClass:
    code: str  # full code as normalised, with suffix
    base: str  # code without suffix
    suffix: str  # '', 'K' or 'A'
    name: str
    name_en: str
    group_code: str
    group_name: str
    group_name_en: str
    category: str  # 农用地 / 建设用地 / 未利用地

    @property
    def is_farmland(self):
        return self.suffix == "" and self.base in FARMLAND_CODES

    @property
    def is_paddy(self):
        return self.suffix == "" and self.base == PADDY


def normalize_code(raw):
    """Return (base, suffix) for a raw DLBM value, or None if it is not a code.

    >>> normalize_code(' ０２０１k ')
    ('0201', 'K')
    """
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", str(raw)).strip().upper().replace(" ", "")
    match = _CODE_RE.match(text)
    if not match:
        return None
    return match.group(1), match.group(2)


def _read_csv(name):
    with open(resource("tables", name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def classification():
    """Dict code → LandClass for every base and suffixed code."""
    table = {}
    for row in _read_csv("landclasses_sandiao.csv"):
        table[row["code"]] = LandClass(
            code=row["code"],
            base=row["code"],
            suffix="",
            name=row["name"],
            name_en=row["name_en"],
            group_code=row["group_code"],
            group_name=row["group_name"],
            group_name_en=row["group_name_en"],
            category=row["category"],
        )
    for row in _read_csv("landclass_suffixes.csv"):
        base, suffix = normalize_code(row["code"])
        parent = table[base]
        table[row["code"]] = LandClass(
            code=row["code"],
            base=base,
            suffix=suffix,
            name=row["name"],
            name_en=row["name_en"],
            group_code=parent.group_code,
            group_name=parent.group_name,
            group_name_en=parent.group_name_en,
            category=parent.category,
        )
    return table


_LOOKUP_CACHE = {}


def lookup(raw):
    """LandClass for a raw code, or None when the code is unknown.

    A suffixed code that is not listed (e.g. ``0101K``) still resolves to its
    base class's group and category but is never farmland.  Results are
    cached per raw text code (a county has a few dozen codes, read per piece).
    """
    if type(raw) is str:
        try:
            return _LOOKUP_CACHE[raw]
        except KeyError:
            result = _LOOKUP_CACHE[raw] = _lookup(raw)
            return result
    return _lookup(raw)


def _lookup(raw):
    parsed = normalize_code(raw)
    if parsed is None:
        return None
    base, suffix = parsed
    table = classification()
    full = base + suffix
    if full in table:
        return table[full]
    parent = table.get(base)
    if parent is None:
        return None
    return LandClass(
        code=full,
        base=base,
        suffix=suffix,
        name=parent.name + ("（{}）".format(suffix) if suffix else ""),
        name_en=parent.name_en,
        group_code=parent.group_code,
        group_name=parent.group_name,
        group_name_en=parent.group_name_en,
        category=parent.category,
    )


def is_farmland(raw):
    cls = lookup(raw)
    return bool(cls and cls.is_farmland)


def category_of(raw):
    cls = lookup(raw)
    return cls.category if cls else None


def group_name_of(raw):
    cls = lookup(raw)
    return cls.group_name if cls else None


def name_of(raw):
    cls = lookup(raw)
    return cls.name if cls else None
