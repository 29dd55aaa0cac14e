"""Read indicator values as plans print them.

``parse_value`` turns a printed cell into (value, text, comparator,
cumulative, note):

* ``[117.32]`` – five-year cumulative (``cumulative`` = True);
* ``≥300``, ``>=300``, ``300以上``, ``不少于300``, ``不低于300``, ``300及以上`` → '>=';
* ``≤90``, ``90以内``, ``90以下``, ``不超过90``, ``不高于90`` → '<=';
  (以上/以下/以内 include the boundary, 民法典 第1259条);
* ``=52`` → '='; a bare number has no comparator (see ``infer_comparator``);
* ``落实国家要求`` and other text → a text target (value None);
* ``20 (较 2020 年)`` → 20 with the note ``较 2020 年``;
* footnote marks ¹²³… are removed and kept in the note (``注1``);
* ``—``, ``-``, ``/`` and empty → no value.
Pure Python.
"""

import re
import unicodedata

SUPERSCRIPTS = {"¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁰": "0"}
NO_VALUE = {"", "—", "-", "–", "——", "/", "无", "N/A", "n/a"}
_NUMBER = r"([-+]?\d+(?:\.\d+)?)"
_GE = [r"^(?:≥|>=|＞＝|不少于|不低于|不小于|至少)\s*" + _NUMBER + r"$", r"^" + _NUMBER + r"\s*(?:以上|及以上|或以上)$"]
_LE = [
    r"^(?:≤|<=|＜＝|不超过|不高于|不大于|控制在)\s*" + _NUMBER + r"(?:以内|以下)?$",
    r"^" + _NUMBER + r"\s*(?:以内|以下|及以下)$",
]
_EQ = [r"^(?:=|＝)\s*" + _NUMBER + r"$"]

CAP_KEYWORDS = (
    "新增建设用地",
    "建设用地总规模",
    "城乡建设用地",
    "开发强度",
    "用水总量",
    "矿山数量",
    "人均城镇建设用地",
)


def strip_footnotes(text):
    """(text without superscript marks, ['1', '2'])."""
    marks = []
    out = []
    for ch in str(text):
        if ch in SUPERSCRIPTS:
            marks.append(SUPERSCRIPTS[ch])
        else:
            out.append(ch)
    return "".join(out).strip(), marks


def parse_value(cell):
    """Parse a printed value; returns a dict."""
    result = {"value": None, "text": None, "comparator": None, "cumulative": False, "note": None, "footnotes": []}
    if cell is None:
        return result
    raw = str(cell)
    text, marks = strip_footnotes(raw)
    result["footnotes"] = marks
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.replace("（", "(").replace("）", ")")
    notes = []
    paren = re.search(r"\(([^)]*)\)\s*$", text)
    if paren and re.search(r"\d", text[: paren.start()]):
        notes.append(paren.group(1).strip())
        text = text[: paren.start()].strip()
    if text in NO_VALUE:
        result["note"] = "；".join(notes) or None
        return result
    bracket = re.match(r"^\[\s*(.*?)\s*\]$", text)
    if bracket:
        result["cumulative"] = True
        text = bracket.group(1).strip()
    compact = text.replace(" ", "")
    for comparator, patterns in ((">=", _GE), ("<=", _LE), ("=", _EQ)):
        for pattern in patterns:
            match = re.match(pattern, compact)
            if match:
                result["value"] = float(match.group(1))
                result["comparator"] = comparator
                break
        if result["comparator"]:
            break
    if result["comparator"] is None:
        if re.match(r"^" + _NUMBER + r"$", compact):
            result["value"] = float(compact)
        else:
            result["text"] = text
    result["note"] = "；".join(notes) or None
    return result


def infer_comparator(name):
    """A bare numeric target's comparator from the indicator's name: caps
    (新增建设用地, 建设用地总规模, 开发强度 …) are '<=', everything else '>='."""
    name = str(name or "")
    return "<=" if any(k in name for k in CAP_KEYWORDS) else ">="


def split_name_unit(name):
    """'生态保护红线面积（公顷）' → ('生态保护红线面积', '公顷'); also strips a
    leading '1.' and footnote marks."""
    text, marks = strip_footnotes(name or "")
    text = unicodedata.normalize("NFKC", text).strip()
    text = re.sub(r"^\d+\s*[.、．]\s*", "", text)
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)
    if match:
        return match.group(1).strip(), match.group(2).strip(), marks
    return text, None, marks
