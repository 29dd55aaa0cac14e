"""Rules of the restoration-area statistics (生态修复、矿山治理、土地复垦、整治).

* Grouping keys (zone, type, year, direction): a key whose field is not used
  is None; a used field with an empty value is grouped as 未填写 – never
  dropped, so the totals always add up.
* Areas: overlapping projects inside a group count once (area of the union);
  ``gross`` is the sum of the projects' own areas; ``overlap = gross − area``.
* 修复方向 (direction) is a 三调 code (0103), a class name (旱地, 耕地, 林地) or
  a 三大类 name (建设用地).  It is matched at the first-level class: land that
  became 0101 meets a declared 0103 (both 耕地).  Synonyms: 园地 →
  种植园用地, 水域 → 水域及水利设施用地.  A project meets its direction when at
  least 80 % of it is of the declared class in the later survey
  (``DIRECTION_MET_SHARE``).  Directions are grouped by their first-level
  class (``normalize_direction``: '0103', '旱地' and '耕地' are one group,
  耕地), so one direction is never reported as two.
Pure Python.
"""

from . import landclass
from .values import split_list

NOT_FILLED = "未填写"
TOTAL_KEY = "*"
DIRECTION_MET_SHARE = 0.8

GROUP_SYNONYMS = {
    "园地": "种植园用地",
    "水域": "水域及水利设施用地",
    "水域及水利设施": "水域及水利设施用地",
    "交通用地": "交通运输用地",
}


def key_value(value, used):
    """Grouping key: None when the field is not used, 未填写 when empty."""
    if not used:
        return None
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return NOT_FILLED
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or NOT_FILLED


def parse_filter(text):
    """'已完成,在建' → {'已完成', '在建'}; empty → None (keep all)."""
    if text is None:
        return None
    if isinstance(text, (list, tuple)):
        items = {str(t).strip() for t in text} - {""}
    else:
        items = set(split_list(text))
    return items or None


def resolve_direction(text):
    """('group', name) / ('category', name) for a declared direction, or None."""
    if text is None:
        return None
    raw = str(text).strip()
    if not raw or raw == NOT_FILLED:
        return None
    cls = landclass.lookup(raw)
    if cls is not None:
        return ("group", cls.group_name)
    name = GROUP_SYNONYMS.get(raw, raw)
    if name in landclass.CATEGORIES:
        return ("category", name)
    table = landclass.classification()
    groups = {c.group_name for c in table.values()}
    if name in groups:
        return ("group", name)
    for cls in table.values():
        if cls.name == raw:
            return ("group", cls.group_name)
    return None


def normalize_direction(key):
    """The grouping key of a direction: its first-level class (or 三大类)
    name; text that names no class is kept as written (未填写 stays)."""
    if key is None or key == NOT_FILLED:
        return key
    resolved = resolve_direction(key)
    return resolved[1] if resolved is not None else key


def direction_matches(direction, after_class):
    """Whether a LandClass of the later survey meets a resolved direction."""
    if direction is None or after_class is None:
        return False
    kind, name = direction
    if kind == "category":
        return after_class.category == name
    return after_class.group_name == name


class GroupTotals:
    def __init__(self):
        self.projects = set()
        self.parts = []
        self.gross = 0.0

    def add(self, project_index, geometry, area):
        self.projects.add(project_index)
        self.parts.append(geometry)
        self.gross += area


def direction_met(share):
    """The issue's direction_met: the matching share, 1 once it reaches 80 %."""
    if share is None:
        return None
    return 1.0 if share >= DIRECTION_MET_SHARE else share
